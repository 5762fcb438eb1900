#pragma once
#include <string>

namespace shapes {

class Shape {
public:
    virtual ~Shape() = default;
    virtual double area() const = 0;
    virtual std::string name() const { return "shape"; }
protected:
    int id_ = 0;
};

class Circle final : public Shape {
public:
    explicit Circle(double r) noexcept : r_{r} {}
    double area() 