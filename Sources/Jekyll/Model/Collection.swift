import Liquid

/// A collection's settings (`collections:` in the configuration) and where its files are.
public struct CollectionInfo: Sendable {
    public var label: String
    public var metadata: OrderedHash

    public init(label: String, metadata: OrderedHash) {
        self.label = label
        self.metadata = metadata
    }

    /// `_label`, the folder name inside the collections folder.
    public var relativeDirectory: String { "_" + label }

    /// Whether the documents are written as files of their own.
    public var writesOutput: Bool { metadata["output"]?.isTruthy ?? false }

    /// The permalink template of its documents.
    public func urlTemplate(permalinkStyle: String) -> String {
        if let p = metadata["permalink"], !p.isNil { return p.rubyString }
        return URLTemplate.addSuffix("/:collection/:path", style: permalinkStyle)
    }

    /// Jekyll keeps only letters, digits, `_`, `-` and `.` of a label.
    public static func sanitize(_ label: String) -> String {
        String(label.unicodeScalars.filter {
            ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") || $0 == "_" || $0 == "-"
                || $0 == "."
        }.map(Character.init))
    }
}
