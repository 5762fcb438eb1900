using Statistics, LinearAlgebra
import Base: +, show

"""
    zscore(x)

Standardise `x`.
"""
zscore(x::AbstractVector{<:Real}) = (x .- mean(x)) ./ std(x)

function summarize(data::Dict{String, Vector{Float64}})
    for (name, va