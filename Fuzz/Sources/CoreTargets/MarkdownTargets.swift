import FuzzSupport
import Markdown

enum MarkdownTargets {
    /// The first byte picks the options (input flavour, hard wraps, HTML parsing, auto ids, the
    /// CommonMark converters); the rest is the document.
    static let convert: FuzzTarget = { bytes in
        guard let flags = bytes.first else { return }
        let source = text(UnsafeRawBufferPointer(rebasing: bytes.dropFirst()))
        if flags & 0x80 != 0 {
            let flavor: CommonMarkConverter.Flavor = flags & 1 == 0 ? .commonMark : .gitHubPages
            _ = CommonMarkConverter(flavor: flavor).convert(source)
            return
        }
        var options = KramdownOptions()
        options.input = flags & 1 == 0 ? .gfm : .kramdown
        options.hardWrap = flags & 2 != 0
        options.parseBlockHTML = flags & 4 != 0
        options.autoIDs = flags & 8 == 0
        options.entityOutput = flags & 16 == 0 ? .asChar : .numeric
        options.syntaxHighlighter = flags & 32 == 0 ? .rouge : .none
        options.transliteratedHeaderIDs = flags & 64 != 0
        _ = KramdownConverter(options: options).convert(source)
        _ = SmartyPants().convert(source)
    }

    /// cmark-gfm must parse the shortened source that the kramdown converter gives it into the
    /// same block tree as the whole source (`BlockSkeleton`'s premise); a difference is a crash.
    static let skeleton: FuzzTarget = { bytes in
        let source = text(bytes)
        if !BlockSkeletonCheck.keepsBlockTree(source) {
            fatalError("the shortened source parses into another block tree")
        }
    }
}
