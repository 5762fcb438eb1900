sql = <<-SQL
  SELECT * FROM users
  WHERE id = #{user.id}
  SQL
text = <<~