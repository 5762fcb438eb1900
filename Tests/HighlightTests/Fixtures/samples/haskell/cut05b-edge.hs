x = 'a' : 'b' : []
y = '\'' ++ "\"" ++ "\x41\o101\65\NUL\DEL"
z = a' + b'' - 'c
w = [q|quasi quote|]
v = () ;