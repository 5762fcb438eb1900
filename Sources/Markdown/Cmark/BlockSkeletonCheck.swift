/// The assumption `BlockSkeleton` rests on, checkable from outside the module: cmark-gfm's block
/// tree of the shortened source, with `CmarkBlockTree` putting back the blocks left out, is the
/// block tree of the whole source. The shortening is a
/// heuristic over what cmark's block grammar can see in a line, so a fuzz target checks it on
/// inputs no test thought of.
public enum BlockSkeletonCheck {
    /// Whether `text` gives the same block tree shortened and whole (true when nothing is
    /// shortened).
    public static func keepsBlockTree(_ text: String) -> Bool {
        let source = KramdownConverter.sourceBytes(text)
        return CmarkBlockTree(parsing: source, shortening: true) == CmarkBlockTree(parsing: source, shortening: false)
    }
}
