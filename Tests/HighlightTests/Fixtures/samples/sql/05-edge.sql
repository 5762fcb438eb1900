SELECT 'it''s', "a""b", `c``d`, 'esc\'aped', 1.5, x::text, @var, #tmp;
SELECT 'unterminated
