/// Rouge's token types. Each case carries the short CSS class Rouge's HTML formatter prints;
/// `.text` has none and is printed without a span.
public enum Token: UInt8, Sendable, CaseIterable {
    case text, whitespace, escape, error, other
    case keyword, keywordConstant, keywordDeclaration, keywordNamespace, keywordPseudo
    case keywordReserved, keywordType, keywordVariable
    case name, nameAttribute, nameBuiltin, nameBuiltinPseudo, nameClass, nameConstant
    case nameDecorator, nameEntity, nameException, nameFunction, nameFunctionMagic
    case nameProperty, nameLabel, nameNamespace, nameOther, nameTag, nameVariable
    case nameVariableClass, nameVariableGlobal, nameVariableInstance, nameVariableMagic
    case literal, literalDate
    case string, stringAffix, stringBacktick, stringChar, stringDelimiter, stringDoc
    case stringDouble, stringEscape, stringHeredoc, stringInterpol, stringOther
    case stringRegex, stringSingle, stringSymbol
    case number, numberBin, numberFloat, numberHex, numberInteger, numberIntegerLong
    case numberOct, numberOther
    case `operator`, operatorWord
    case punctuation, punctuationIndicator
    case comment, commentHashbang, commentDoc, commentMultiline, commentPreproc
    case commentPreprocFile, commentSingle, commentSpecial
    case generic, genericDeleted, genericEmph, genericError, genericHeading, genericInserted
    case genericOutput, genericPrompt, genericStrong, genericSubheading, genericTraceback
    case genericLineno

    /// The CSS class Rouge uses for this token ("" for plain text).
    public var shortName: String { Token.shortNames[Int(rawValue)] }

    static let shortNames: [String] = [
        "", "w", "esc", "err", "x",
        "k", "kc", "kd", "kn", "kp", "kr", "kt", "kv",
        "n", "na", "nb", "bp", "nc", "no", "nd", "ni", "ne", "nf", "fm",
        "py", "nl", "nn", "nx", "nt", "nv", "vc", "vg", "vi", "vm",
        "l", "ld",
        "s", "sa", "sb", "sc", "dl", "sd", "s2", "se", "sh", "si", "sx", "sr", "s1", "ss",
        "m", "mb", "mf", "mh", "mi", "il", "mo", "mx",
        "o", "ow",
        "p", "pi",
        "c", "ch", "cd", "cm", "cp", "cpf", "c1", "cs",
        "g", "gd", "ge", "gr", "gh", "gi", "go", "gp", "gs", "gu", "gt", "gl",
    ]
}
