module Geometry

export Point, distance, ⊕

#= A block comment
   #= nested =#
=#

"""
    Point{T}

A point in the plane.
"""
struct Point{T<:Real}
    x::T
    y::T
end

mutable struct Counter
    n::Int64
end

abstract type Shape end

function distance(a::Point, b::Point)::Float64
    return sqrt((a.x - b.x)^2 + (a.y - b.y)^2)
end

⊕(a::Point, b::Point) = Point(a.x + b.x, a.y + b.y)

function Base.show(io::IO, p::Point)
    print(io, "Point($(p.x), $(p.y)) \$ not interpolated \n")
end

macro twice(ex)
    quote
        $(esc(ex)); $(esc(ex))
    end
end

const ORIGIN = Point(0.0, 0.0)
let xs = [1, 2, 3], ys = Dict("a" => 1, :b => 2.5e-3)
    for x in xs
        if x ≥ 2 && x ≠ 3 || x ≤ 0
            println("x = $x, π ≈ $(round(π; digits=2))")
        elseif isa(x, Int)
            continue
        else
            @warn "odd" x
        end
    end
    c = 'a'; nl = '\n'; u = '\u00e9'
    n = 1_000_000 + 0x1F + 0b101 + 0o17 + 1e10 + 2f0 + 1.5 + 3.
    cmd = `ls -la`
    A = [1 2; 3 4]'
    v = A .* 2 ./ 3 .^ 2
    r = 1:10
    nothing, missing, true, Inf, NaN32, stdout
end

end # module
