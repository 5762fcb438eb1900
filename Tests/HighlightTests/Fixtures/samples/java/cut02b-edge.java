interface Shape { double area(); }
enum Color { RED, GREEN, BLUE; }
record Point(int x, int y) {}
String text = """
    text block
    """;
int[] arr = new int[10];
Map<String, List<Integer>> 