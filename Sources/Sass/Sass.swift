import CSass
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compiling SCSS and indented Sass with libsass.
///
/// Every call gets its own libsass context, so calls may run in parallel.
public enum Sass {
    /// The libsass version linked in, e.g. `3.6.5`.
    public static var libsassVersion: String { String(cString: libsass_version()) }

    /// Compiles `source` (the text of the file at `options.inputPath`, if any).
    public static func compile(_ source: String, options: SassOptions = SassOptions()) throws(SassError) -> SassOutput {
        // libsass frees this buffer with the context.
        guard let buffer = strdup(source) else {
            throw SassError(file: options.inputPath, line: 0, column: 0, message: "out of memory",
                            formatted: "Error: out of memory")
        }
        let data = sass_make_data_context(buffer)
        defer { sass_delete_data_context(data) }
        let context = sass_data_context_get_context(data)
        let native = sass_context_get_options(context)
        apply(options, to: native)

        var guardBox: Unmanaged<ImportGuard>?
        if options.restrictImports {
            let importGuard = ImportGuard(options: options, input: source)
            let box = Unmanaged.passRetained(importGuard)
            guardBox = box
            let importers = sass_make_importer_list(1)
            sass_importer_set_list_entry(importers, 0, sass_make_importer(importGuardCallback, 0, box.toOpaque()))
            sass_option_set_c_importers(native, importers)
        }
        defer { guardBox?.release() }

        let status = sass_compile_data_context(data)
        guard status == 0 else { throw error(from: context, options: options) }
        var sourceMap = string(sass_context_get_source_map_string(context))
        if options.restrictImports, let map = sourceMap { sourceMap = SourceMapDeduplication.deduplicated(map) }
        return SassOutput(css: string(sass_context_get_output_string(context)) ?? "",
                          sourceMap: sourceMap,
                          includedFiles: includedFiles(context))
    }

    private static func apply(_ options: SassOptions, to native: OpaquePointer?) {
        sass_option_set_is_indented_syntax_src(native, options.syntax == .indented)
        switch options.style {
        case .nested: sass_option_set_output_style(native, SASS_STYLE_NESTED)
        case .expanded: sass_option_set_output_style(native, SASS_STYLE_EXPANDED)
        case .compact: sass_option_set_output_style(native, SASS_STYLE_COMPACT)
        case .compressed: sass_option_set_output_style(native, SASS_STYLE_COMPRESSED)
        }
        if let precision = options.precision { sass_option_set_precision(native, Int32(clamping: precision)) }
        if let inputPath = options.inputPath { sass_option_set_input_path(native, inputPath) }
        if let outputPath = options.outputPath { sass_option_set_output_path(native, outputPath) }
        for path in options.loadPaths { sass_option_push_include_path(native, path) }
        sass_option_set_source_comments(native, options.sourceComments)
        if let map = options.sourceMap {
            sass_option_set_source_map_file(native, map.file)
            sass_option_set_source_map_contents(native, map.includeContents)
            sass_option_set_source_map_embed(native, map.embed)
            sass_option_set_omit_source_map_url(native, map.omitURL)
            sass_option_set_source_map_file_urls(native, map.fileURLs)
            if let root = map.root { sass_option_set_source_map_root(native, root) }
        }
    }

    private static func error(from context: OpaquePointer?, options: SassOptions) -> SassError {
        let formatted = string(sass_context_get_error_message(context)) ?? "Error: compilation failed"
        var message = string(sass_context_get_error_text(context)) ?? formatted
        while message.last == "\n" { message.removeLast() }
        return SassError(file: string(sass_context_get_error_file(context)) ?? options.inputPath,
                         line: sass_context_get_error_line(context),
                         column: sass_context_get_error_column(context),
                         message: message,
                         formatted: formatted)
    }

    private static func includedFiles(_ context: OpaquePointer?) -> [String] {
        guard var cursor = sass_context_get_included_files(context) else { return [] }
        // With a custom importer libsass skips its cache and lists a file once per import.
        var files: [String] = []
        var seen = Set<String>()
        while let file = cursor.pointee {
            let path = String(cString: file)
            if seen.insert(path).inserted { files.append(path) }
            cursor += 1
        }
        return files
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
