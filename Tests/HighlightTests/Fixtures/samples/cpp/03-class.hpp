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
    double area() const override { return 3.14159265358979 * r_ * r_; }
private:
    double r_;
};

constexpr auto kUnit = 1.0f;
inline thread_local int counter = 0;

}  // namespace shapes
