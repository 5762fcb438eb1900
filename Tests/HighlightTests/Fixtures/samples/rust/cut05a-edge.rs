let s = "unterminated \q escape
let r = br##"raw "# bytes"##;
let c = b'\x7f'; let u 