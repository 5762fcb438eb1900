def process(items, opts = {}, *rest, key:, other: nil, **kw, &block)
  return enum_for(:process) unless block_given?
  items.each_with_index do |item, idx|
    next if item.nil?
    break if idx > 10
    case item
    when Integer then yield item * 2
    when /^\d+$/ then yield item.to_i
    when String, 