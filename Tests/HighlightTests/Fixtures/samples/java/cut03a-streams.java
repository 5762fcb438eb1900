import java.util.List;
import java.util.stream.Collectors;

public record Person(String name, int age) {}

class Report {
    static List<String> adults(List<Person> people) {
        return people.stream()
                .filter(p