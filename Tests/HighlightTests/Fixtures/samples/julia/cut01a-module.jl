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

⊕(a::Point, b::Point) = Point(a.