class Foo::Bar < Base
  class << self
    def call(*) = new.call
  end
  def ==(other) = other.is_a?(self.class)
  def <=>(other); 0; end
