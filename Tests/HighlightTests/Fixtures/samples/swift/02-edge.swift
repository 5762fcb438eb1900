#if DEBUG
let debug = true
#endif
let `default` = 1
var (x, (y, z)) = (1, (2, 3))
private(foo) var bad = 0
internal(set) var ok = 0
let mult = 2*3
let π = 3.14
let 🐶 = "dog"
defaultValue: Int
label: for i in 0..<10 { continue label }
let multi = """
line
"""
