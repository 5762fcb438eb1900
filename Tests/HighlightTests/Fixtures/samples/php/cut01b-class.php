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
        echo "Count: {$posts['count']} an