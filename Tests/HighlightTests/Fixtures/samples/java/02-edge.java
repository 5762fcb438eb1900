interface Shape { double area(); }
enum Color { RED, GREEN, BLUE; }
record Point(int x, int y) {}
String text = """
    text block
    """;
int[] arr = new int[10];
Map<String, List<Integer>> map = new HashMap<>();
label: for (;;) {}
x = y ?z:w;
# not java
int π = 3;
@interface Marker {}
