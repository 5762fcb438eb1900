macro unless(cond, body)
    :(if !$(esc(cond)); $(esc(body)); end)
end
@unless false println("ran")
x = try
    parse(Int, 