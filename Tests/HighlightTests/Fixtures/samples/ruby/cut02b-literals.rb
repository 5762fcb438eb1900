a = 42; b = 1_000; c = 0x1F; d = 0b1010; e = 0o17; f = 017; g = 3.14; h = 1e10; i = 2.5e-3
j = :symbol; k = :"quoted #{sym}"; l = :'single'; m = :+; n = :[]=; o = :<=>; p = :@ivar
q = 'single \'escaped\' \\ back'
r = "double \"esc\" \n\t\x41\101 #{interp + 1} #@ivar #@@cvar #$global"
s = %w[one two three]
t = %i(a b c)
u = %q{single {nested} quoted}
v = %Q<double #{x} <nested>>
w = %r{^/path/(\d+)$}i
x = /regex #{y} \/slash/mx
