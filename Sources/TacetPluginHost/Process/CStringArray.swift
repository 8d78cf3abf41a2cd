#if canImport(Glibc)
import Glibc
#endif

/// A NULL-terminated array of C strings (argv, envp), freed explicitly.
struct CStringArray {
    let pointers: [UnsafeMutablePointer<CChar>?]

    init(_ strings: [String]) { pointers = strings.map { strdup($0) } + [nil] }

    func free() { pointers.forEach { Glibc.free($0) } }
}
