using Statistics, LinearAlgebra
import Base: +, show

"""
    zscore(x)

Standardise `x`.
"""
zscore(x::AbstractVector{<:Real}) = (x .- mean(x)) ./ std(x)

function summarize(data::Dict{String, Vector{Float64}})
    for (name, values) in data
        μ, σ = mean(values), std(values)
        println("$name: μ=$(round(μ, digits=3)) σ=$σ n=$(length(values))")
    end
    return nothing
end

struct Money
    amount::Int
    currency::Symbol
end
+(a::Money, b