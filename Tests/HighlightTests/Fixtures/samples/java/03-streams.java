import java.util.List;
import java.util.stream.Collectors;

public record Person(String name, int age) {}

class Report {
    static List<String> adults(List<Person> people) {
        return people.stream()
                .filter(p -> p.age() >= 18)
                .map(Person::name)
                .sorted()
                .collect(Collectors.toList());
    }

    public static void main(String... args) {
        var people = List.of(new Person("Ann", 32), new Person("Bob", 12));
        adults(people).forEach(System.out::println);
        Object o = people;
        if (o instanceof List<?> l && !l.isEmpty()) {
            System.out.printf("%d people%n", l.size());
        }
    }
}
