let s = "unterminated \q escape
let r = br##"raw "# bytes"##;
let c = b'\x7f'; let u = '\u{10FFFF}';
let n = 1_000i64 + 0b1010_u8 + 0o77 + 0xFF_usize + 1e-3_f64;
let x = 1.;
let y = 1..2;
macro_rules! m { ($($t:tt)*) => {} }
'label: loop { break 'label; }
