char c = '\'';
String s = "unterminated;
long big = 9_223_372_036_854_775_807L;
float f = 1.0e-5f; double d = 0x1.8p1;
int x = a >>> 2;
switch (day) { case MONDAY -> 