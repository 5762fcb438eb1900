char c = '\'';
String s = "unterminated;
long big = 9_223_372_036_854_775_807L;
flo