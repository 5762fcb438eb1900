macro unless(cond, body)
    :(if !$(esc(cond)); $(esc(body)); end)
end
@unless false println("ran")
x = try
    parse(Int, "12")
catch e
    @error "failed" exception=e
    0
finally
    nothing
end
primitive type Flag 8 end
abstract type Animal end
mutable struct Dog <: Animal; name::String; end
for outer i in 1:3 end
s = raw"C:\path" * "esc\"aped\\n" * 'c' * '\u00e9'
