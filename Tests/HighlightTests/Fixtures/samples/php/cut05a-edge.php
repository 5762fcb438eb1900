<?php
$a = $b <=> $c ?? $d;
$fn = static fn(int ...$xs): int => array_sum($xs);
echo <<<'NOW