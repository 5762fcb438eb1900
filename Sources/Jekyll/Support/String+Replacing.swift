extension String {
    /// Replaces the first occurrence (Ruby's `sub` with a plain string).
    public func replacingFirst(_ target: String, with replacement: String) -> String {
        // Searched as bytes, as Ruby's `sub` matches code points (`firstRange(of:)` compares
        // `Character`s, and slowly). A match of valid UTF-8 starts and ends on scalar boundaries.
        guard let r = ByteSearch.firstRange(of: target, in: self) else { return self }
        return String(decoding: utf8.prefix(r.lowerBound), as: UTF8.self) + replacement
            + String(decoding: utf8.dropFirst(r.upperBound), as: UTF8.self)
    }

    /// Replaces every non-overlapping occurrence, left to right (Ruby's `gsub` with a plain string).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, self.utf8.count >= target.utf8.count else { return self }
        // Most texts hold no match (the sitemap asks it of every URL): looked for in place
        // first, without copying the text into arrays.
        guard ByteSearch.firstRange(of: target, in: self) != nil else { return self }
        let s = Array(self.utf8), t = Array(target.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        var changed = false
        while i < s.count {
            if s[i] == t[0] && i + t.count <= s.count && s[i..<(i + t.count)].elementsEqual(t) {
                out.append(contentsOf: replacement.utf8); i += t.count; changed = true
            } else {
                out.append(s[i]); i += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : self
    }
}
