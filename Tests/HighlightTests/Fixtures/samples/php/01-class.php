<?php
declare(strict_types=1);

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use function App\Helpers\format_date;
use const App\VERSION;

/**
 * A controller.
 */
final class PostController extends Controller implements HasMiddleware
{
    public const PER_PAGE = 20;
    private static ?array $cache = null;
    protected readonly string $name;

    public function __construct(private Repository $repo, int ...$ids) {}

    public static function index(Request $request): array
    {
        $posts = $this->repo->all();
        foreach ($posts as $key => &$post) {
            $post['title'] = strtoupper(trim($post['title'])) . "!";
            if (isset($post['draft']) && $post['draft'] === true) { unset($posts[$key]); }
        }
        $fn = fn($x) => $x * 2;
        $closure = function ($a) use ($b, &$c): int { return $a + $b; };
        echo "Count: {$posts['count']} and $name->value and ${var} and {$obj->prop}\n";
        return array_map($fn, $posts) ?? [];
    }
}
$obj = new PostController(new Repo());
$anon = new class { public $x = 1; };
try { throw new \RuntimeException('fail'); } catch (\LogicException | RuntimeException $e) { }
print PHP_EOL . E_ALL . MAX_SIZE . __DIR__ . stdClass::class;
$n = 0x1A + 0b101 + 0755 + 1_000 + 1.5e3 + .5;
$h = <<<EOT
Heredoc with $var
EOT;
?>
<p>Back to HTML <?= $name ?></p>
