let s = "unterminated \q
let r = #"raw"#
unowned(foo) var bad
