$config = ['debug' => false, 'level' => 3];
function greet(string $name = "World"): string {
    // comment
    # another
    /* block */
    return sprintf('Hello %s', $name);
}
echo greet(), PHP_VERSION, my_func(1);
$x = $a ?: $b;
$s = 'single \'quoted\' $notvar';
$t = `ls -la`;
