let s = "unterminated \q
let r = #"raw"#
unowned(foo) var bad
#selector(Foo.bar(_:with:))
#keyPath(Person.name)
let x = y as