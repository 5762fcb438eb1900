use std::fmt::Debug;
use std::ops::Add;

pub trait Shape: Debug {
    fn area(&self) -> f64;
    fn name(&self) -> &'static str { "shape" }
}

#[derive(Debug, Copy, Clone)]
struct Vec2 { x: f32, y: f32 }

impl Add for Vec2 {
    type Output = Self;
    fn add(self, o: Self) -> Self { Vec2 { x: self.x + o.x, y: self.y + o.y } }
}

fn largest<T: PartialOrd + Copy>(xs: &[T]) -> Option<T> {
    let mut it = xs.iter().copied();
    let first = it.next()?;
    Some(it.fold(first, |m, x| if x > m { x } else { m }))
}

fn main() {
    let v = Vec2 { x: 1.0, y: 2.0 } + Vec2 { x: 0.5, y: -1.5 };
    println!("{:?} {:?}", v, largest(&[3, 7, 2]));
}
