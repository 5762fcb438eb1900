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
            println("x = $x, π ≈ $(rou