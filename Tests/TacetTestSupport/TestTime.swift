import Foundation

/// How long tests that wait on wall-clock time may wait, for builds that run slower than an ordinary debug build.
///
/// Under AddressSanitizer or ThreadSanitizer the same work takes several times as long, so a limit chosen for a
/// debug build would fail for speed, not for behaviour. `Scripts/sanitize.sh` sets `TACET_TEST_SLOWDOWN` to the
/// sanitizer's factor; tests stretch their wall-clock limits by it instead of loosening what they assert.
package enum TestTime {
    /// `TACET_TEST_SLOWDOWN` when it is a number of at least 1, else 1.
    package static let slowdown: Double = {
        guard let text = ProcessInfo.processInfo.environment["TACET_TEST_SLOWDOWN"], let factor = Double(text),
              factor.isFinite, factor >= 1 else { return 1 }
        return factor
    }()

    /// `seconds` of an ordinary debug build, stretched by ``slowdown``.
    package static func scaled(_ seconds: Double) -> Double { seconds * slowdown }
}
