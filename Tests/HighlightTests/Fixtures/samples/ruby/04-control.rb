def process(items, opts = {}, *rest, key:, other: nil, **kw, &block)
  return enum_for(:process) unless block_given?
  items.each_with_index do |item, idx|
    next if item.nil?
    break if idx > 10
    case item
    when Integer then yield item * 2
    when /^\d+$/ then yield item.to_i
    when String, Symbol
      puts "string: #{item}"
    else
      raise ArgumentError, "bad: #{item.inspect}"
    end
  end
rescue StandardError => e
  warn e.message
  retry if (attempts += 1) < 3
ensure
  cleanup!
end

x = y > 0 ? y : -y
z = a ? b : c
w = cond ? :yes : :no
v = foo.bar&.baz || default && other
u = !done and not failed or skipped
t = [1, 2, 3].map { |n| n ** 2 }.select(&:even?).reduce(0, :+)
s = value.frozen? && value.is_a?(String) && value.respond_to?(:upcase)
r = str.gsub!(/a/, 'b') || str.sub(/x/) { |m| m.upcase }
loop do
  begin
    sleep 1
  end while false
end
defined?(foo) && alias_method(:a, :b)
