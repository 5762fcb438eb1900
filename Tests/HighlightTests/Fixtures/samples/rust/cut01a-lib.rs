//! Crate documentation.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fmt::{self, Display};

/// A point in space.
#[derive(Debug, Clone, PartialEq)]
pub struct Point<T: Copy> {
    pub x: T,
    pub y: T,
}

impl<T: Copy + Display> Display for Point<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "({}, {})", self.x, self.y)
    }
}

pub enum Shape { Circle { r: f64 }, Square(f64) }

pub async fn load<'a>(names: &'a [&str]) -> 