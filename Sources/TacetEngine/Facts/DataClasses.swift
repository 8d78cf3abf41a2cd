import TacetDocuments

/// A set of data classes as a bit set: steps are checked millions of times, so this stays cheap.
public struct DataClasses: OptionSet, Sendable, Hashable {
    /// The bits: 1 none, 2 deidentified, 4 phi.
    public let rawValue: UInt8

    /// The set with these bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The set holding one class.
    public init(_ dataClass: DataClass) {
        rawValue = switch dataClass {
        case .none: 1
        case .deidentified: 2
        case .phi: 4
        }
    }

    /// The set holding `classes`.
    public init(_ classes: [DataClass]) {
        self = classes.reduce(into: DataClasses()) { $0.insert(DataClasses($1)) }
    }

    /// Every class.
    public static let all = DataClasses([.none, .deidentified, .phi])

    /// Whether `dataClass` is in the set.
    public func contains(_ dataClass: DataClass) -> Bool { contains(DataClasses(dataClass)) }

    /// The classes in the set, in scale order.
    public var classes: [DataClass] { DataClass.allCases.filter { contains($0) } }
}
