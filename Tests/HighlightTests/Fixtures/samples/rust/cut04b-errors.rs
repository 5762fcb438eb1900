use std::{fs, io, num::ParseIntError};

#[derive(Debug)]
enum AppError {
    Io(io::Error),
    Parse(ParseIntError),
}

impl From<io::Error> for AppError {
    fn from(e: io::Error) -> Self { AppError::Io(e) }
}

fn read_number(path: &str) -> Result<i64, AppError> {
    let text = fs::read_to_string(path)?;
    text.trim().parse::<i64>().map_err(AppError::Parse)
}

fn main() -> Result<(), Box<dyn std::error::Erro