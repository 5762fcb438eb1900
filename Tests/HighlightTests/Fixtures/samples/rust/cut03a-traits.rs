use std::fmt::Debug;
use std::ops::Add;

pub trait Shape: Debug {
    fn area(&self) -> f64;
    fn name(&self) -> &'static str { "shape" }
}

#[derive(Debug, Copy, Clone)]
struct Vec2 { x: f32, y: f32 }

impl Add f