/// File paths as reports show them: relative to the working directory, and as URI references.
enum FilePaths {
    private static let hex = Array("0123456789ABCDEF".unicodeScalars)

    /// `path` relative to `directory` when it lies inside it; otherwise unchanged. A leading `./` is dropped.
    static func relative(_ path: String, to directory: String) -> String {
        var path = path
        while path.hasPrefix("./") { path.removeFirst(2) }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        if path.hasPrefix(base) { return String(path.dropFirst(base.count)) }
        return path
    }

    /// `path` percent-encoded as a URI reference (RFC 3986): unreserved characters and `/` stay,
    /// everything else (spaces, `#`, `%`, `?`, non-ASCII) is encoded byte by byte in UTF-8.
    static func uriReference(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }

    /// A `file://` URI for an absolute directory, ending in `/` as SARIF's `originalUriBaseIds` require.
    static func directoryURI(_ directory: String) -> String {
        let path = directory.hasSuffix("/") ? directory : directory + "/"
        return "file://" + uriReference(path)
    }
}
