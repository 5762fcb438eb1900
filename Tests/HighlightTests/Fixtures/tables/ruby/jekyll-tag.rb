def foo
  puts 'foo'
end