# use my_crate::Thing;
# fn main() {
let t = Thing::new();
assert!(t.is_ok());
# }
let tuple = (1, 2);
let first = tup