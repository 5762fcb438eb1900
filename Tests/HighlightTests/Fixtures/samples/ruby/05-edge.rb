class Foo::Bar < Base
  class << self
    def call(*) = new.call
  end
  def ==(other) = other.is_a?(self.class)
  def <=>(other); 0; end
  def []=(k, v); end
  def self.build!; end
  def -@; end
end
x = a / b / c
y = a /b/
z = foo %w(x)
w = 10 % 3
puts [1] , (2)
=begin
block comment
=end
café = 1
obj.method :arg
obj.end.class
@instance.value += 1
Constant::NESTED::Deep
unterminated = 'oops
__END__
data section
