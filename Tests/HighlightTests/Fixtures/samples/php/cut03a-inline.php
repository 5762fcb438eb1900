$config = ['debug' => false, 'level' => 3];
function greet(string $name = "World"): string {
 