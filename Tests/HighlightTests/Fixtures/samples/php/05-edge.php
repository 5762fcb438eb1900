<?php
$a = $b <=> $c ?? $d;
$fn = static fn(int ...$xs): int => array_sum($xs);
echo <<<'NOW'
nowdoc $x
NOW;
match($x) { 1, 2 => 'low', default => 'high' };
$obj?->method()::CONST;
#[Attribute]
class A { use TraitA, TraitB { TraitA::foo insteadof TraitB; } }
$s = "unterminated
