#if DEBUG
let debug = true
#endif
let `default` = 1
var (x, (y, z)) = (1, (2, 3))
priv