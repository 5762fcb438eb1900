import Testing
@testable import YAML

/// The ASCII characters that make a plain scalar start like a word (Psych's scanner).
@Suite struct PlainScalarWordCharacterTests {
    static let asciiWordCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_ \t\n\u{0B}\u{0C}\r!@#$%^&*(){}<>|/\\~;=".unicodeScalars)

    @Test func asciiWordCharactersAreTheListedOnes() {
        for value in 0..<128 {
            let scalar = Unicode.Scalar(UInt8(value))
            #expect(PlainScalar.isWordCharacter(scalar) == Self.asciiWordCharacters.contains(scalar), "\(value)")
        }
        #expect(PlainScalar.isWordCharacter("é"))
        #expect(!PlainScalar.isWordCharacter("€"))
    }
}
