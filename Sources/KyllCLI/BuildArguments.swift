import Jekyll

/// `kyll build`'s arguments read without swift-argument-parser, whose set-up (reflection over every
/// option of the command) cost ~5 ms, a sixth of building a small site. Only the plain spellings are
/// read here; anything else (help, `--option=value`, grouped short flags, a value that looks like an
/// option, an unknown option) gives nil, and swift-argument-parser parses the line and words its
/// errors. `BuildArgumentsTests` holds both parsers to the same answers, option by option.
struct BuildArguments: Equatable {
    var options: BuildOptions
    var watch: Bool?
    var forcePolling = false

    private typealias Flag = @Sendable (inout BuildArguments) -> Void
    private typealias Value = @Sendable (inout BuildArguments, String) -> Bool

    /// The flag of `BuildOptionGroup` or `WatchOptionGroup` spelled `word`, or nil. A `switch`
    /// rather than a dictionary: building one at every start hashed ~40 strings (~125 k
    /// instructions, as much as the rest of the parse) for the two or three a command line holds.
    private static func flag(spelled word: String) -> Flag? {
        switch word {
        case "-q", "--quiet": { $0.options.quiet = true }
        case "-V", "--verbose": { $0.options.verbose = true }
        case "-t", "--trace": { $0.options.trace = true }
        case "--future": { $0.options.future = true }
        case "-D", "--drafts": { $0.options.showDrafts = true }
        case "--unpublished": { $0.options.unpublished = true }
        case "--safe": { $0.options.safe = true }
        case "-I", "--incremental": { $0.options.incremental = true }
        case "--profile": { $0.options.profile = true }
        case "--disable-disk-cache": { $0.options.disableDiskCache = true }
        case "--strict_front_matter": { $0.options.strictFrontMatter = true }
        case "--lsi": { $0.options.lsi = true }
        case "-w", "--watch": { $0.watch = true }
        case "--no-watch": { $0.watch = false }
        case "--force_polling": { $0.forcePolling = true }
        default: nil
        }
    }

    /// The option taking a value spelled `word`, or nil; the option answers false when the value
    /// is not one it accepts.
    private static func valueOption(spelled word: String) -> Value? {
        switch word {
        case "-s", "--source": { $0.options.source = $1; return true }
        case "-d", "--destination": { $0.options.destination = $1; return true }
        case "--config": { $0.options.configFiles = BuildOptionGroup.configFiles($1); return true }
        case "-b", "--baseurl": { $0.options.baseurl = $1; return true }
        case "--limit_posts": { arguments, word in
            guard let limit = Int(word) else { return false }
            arguments.options.limitPosts = limit
            return true
        }
        case "--layouts": { $0.options.layoutsDir = $1; return true }
        case "-p", "--plugins": { $0.options.pluginsDirs = BuildOptionGroup.pluginsDirs($1); return true }
        case "--theme-path": { $0.options.themePath = BuildOptionGroup.themePath($1); return true }
        default: nil
        }
    }

    /// Every spelling read here (for the tests that hold both parsers to the same answers; they
    /// fail when one of these is missing from the `switch`es above, or an option of `build` from
    /// these lists).
    static let spellings = (
        flags: ["-q", "--quiet", "-V", "--verbose", "-t", "--trace", "--future", "-D", "--drafts", "--unpublished",
                "--safe", "-I", "--incremental", "--profile", "--disable-disk-cache", "--strict_front_matter", "--lsi",
                "-w", "--watch", "--no-watch", "--force_polling"],
        values: ["-s", "--source", "-d", "--destination", "--config", "-b", "--baseurl", "--limit_posts", "--layouts",
                 "-p", "--plugins", "--theme-path"]
    )

    /// The arguments after `build`, or nil when swift-argument-parser must read them.
    static func parse(_ words: [String], workingDirectory: String = FileSystem.currentDirectory()) -> BuildArguments? {
        var result = BuildArguments(options: BuildOptions(workingDirectory: workingDirectory))
        var i = 0
        while i < words.count {
            let word = words[i]
            i += 1
            guard word.hasPrefix("-") else { continue }  // Jekyll ignores extra words; so does `build`.
            if let set = flag(spelled: word) {
                set(&result)
            } else if let set = valueOption(spelled: word), i < words.count {
                let value = words[i]
                // `--limit_posts` takes the next word whatever it is; the others refuse option-like words.
                if value.hasPrefix("-") && word != "--limit_posts" { return nil }
                guard set(&result, value) else { return nil }
                i += 1
            } else {
                return nil
            }
        }
        return result
    }
}
