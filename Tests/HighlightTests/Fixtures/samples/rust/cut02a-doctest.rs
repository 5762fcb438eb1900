# use my_crate::Thing;
# fn main() {
let t = Thing::new();
