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

    /// Each flag of `BuildOptionGroup` and `WatchOptionGroup`, by every name it has.
    private static let flags: [String: Flag] = {
        var table: [String: Flag] = [:]
        func add(_ names: [String], _ set: @escaping Flag) { for name in names { table[name] = set } }
        add(["-q", "--quiet"]) { $0.options.quiet = true }
        add(["-V", "--verbose"]) { $0.options.verbose = true }
        add(["-t", "--trace"]) { $0.options.trace = true }
        add(["--future"]) { $0.options.future = true }
        add(["-D", "--drafts"]) { $0.options.showDrafts = true }
        add(["--unpublished"]) { $0.options.unpublished = true }
        add(["--safe"]) { $0.options.safe = true }
        add(["-I", "--incremental"]) { $0.options.incremental = true }
        add(["--profile"]) { $0.options.profile = true }
        add(["--disable-disk-cache"]) { $0.options.disableDiskCache = true }
        add(["--strict_front_matter"]) { $0.options.strictFrontMatter = true }
        add(["--lsi"]) { $0.options.lsi = true }
        add(["-w", "--watch"]) { $0.watch = true }
        add(["--no-watch"]) { $0.watch = false }
        add(["--force_polling"]) { $0.forcePolling = true }
        return table
    }()

    /// Each option taking a value; false when the value is not one the option accepts.
    private static let values: [String: Value] = {
        var table: [String: Value] = [:]
        func add(_ names: [String], _ set: @escaping Value) { for name in names { table[name] = set } }
        add(["-s", "--source"]) { $0.options.source = $1; return true }
        add(["-d", "--destination"]) { $0.options.destination = $1; return true }
        add(["--config"]) { $0.options.configFiles = BuildOptionGroup.configFiles($1); return true }
        add(["-b", "--baseurl"]) { $0.options.baseurl = $1; return true }
        add(["--limit_posts"]) { arguments, word in
            guard let limit = Int(word) else { return false }
            arguments.options.limitPosts = limit
            return true
        }
        add(["--layouts"]) { $0.options.layoutsDir = $1; return true }
        add(["-p", "--plugins"]) { $0.options.pluginsDirs = BuildOptionGroup.pluginsDirs($1); return true }
        add(["--theme-path"]) { $0.options.themePath = BuildOptionGroup.themePath($1); return true }
        return table
    }()

    /// Every spelling read here (for the test that compares both parsers).
    static var spellings: (flags: [String], values: [String]) { (Array(flags.keys), Array(values.keys)) }

    /// The arguments after `build`, or nil when swift-argument-parser must read them.
    static func parse(_ words: [String], workingDirectory: String = FileSystem.currentDirectory()) -> BuildArguments? {
        var result = BuildArguments(options: BuildOptions(workingDirectory: workingDirectory))
        var i = 0
        while i < words.count {
            let word = words[i]
            i += 1
            guard word.hasPrefix("-") else { continue }  // Jekyll ignores extra words; so does `build`.
            if let set = flags[word] {
                set(&result)
            } else if let set = values[word], i < words.count {
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
