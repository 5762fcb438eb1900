// Literal conformances, so tests and callers can write expected values directly.

extension YAMLValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension YAMLValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension YAMLValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension YAMLValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) { self = .float(value) }
}

extension YAMLValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}

extension YAMLValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: YAMLValue...) { self = .sequence(elements) }
}

extension YAMLValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (YAMLValue, YAMLValue)...) {
        self = .mapping(YAMLMapping(elements))
    }
}
