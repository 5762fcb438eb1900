sql = <<-SQL
  SELECT * FROM users
  WHERE id = #{user.id}
  SQL
text = <<~EOS.strip
  Indented #{value}
  heredoc
EOS
raw = <<'RAW'
no #{interp} here
RAW
two = [<<ONE, <<TWO]
first
ONE
second
TWO
puts(<<~A)
  tail
A
after = 1
