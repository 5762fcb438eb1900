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

pub async fn load<'a>(names: &'a [&str]) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut map: HashMap<&str, usize> = HashMap::new();
    for (i, name) in names.iter().enumerate() {
        *map.entry(name).or_insert(0) += i;
    }
    let total = 1_000u32 + 0xFFu32 + 0o17 + 0b1010_1010 + 42i64 as u32;
    let ratio = 3.14f64 * 2.5e-3 + 1. + 7f32 as f64;
    let c = 'x'; let nl = '\n'; let uni = '\u{1F600}'; let byte = b'a';
    let s = "escaped \"quote\" \t \x41";
    let raw = r#"raw "string" here"#;
    let bytes = b"bytes";
    let range = 0..10; let incl = 0..=9;
    if let Some(v) = map.get("x") { println!("{}", v); }
    match total { 0 => {}, n if n > 5 => unimplemented!(), _ => () }
    let fut = async { 1 }.await;
    Ok(names.iter().map(|s| s.to_string()).collect())
}

/* block /* nested */ comment */
/** doc block */
macro_rules! square {
    ($x:expr) => { $x * $x };
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn it_works() { assert_eq!(square!(2), 4); }
}
