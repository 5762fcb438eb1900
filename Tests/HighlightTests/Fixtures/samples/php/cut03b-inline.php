$config = ['debug' => false, 'level' => 3];
function greet(string $name = "World"): string {
    // comment
    # another
    /* block */
    return sprintf('Hello %s', $name);
}
echo gree