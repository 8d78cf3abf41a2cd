/// One node of a ``ConditionProgram``: a plain value, so walking a program copies no reference.
struct ConditionInstruction: Sendable {
    /// What the instruction does.
    enum Kind: UInt8, Sendable {
        /// Every child holds; the children follow, each ending where the next starts.
        case all
        /// Some child holds.
        case any
        /// The one child that follows does not hold.
        case not
        /// The fact is present (`mask` 1) or absent (`mask` 0).
        case exists
        /// The fact's ordinal (``ConditionProgram/ordinal(of:)``) is a set bit of `mask`; absent is false.
        case mask
        /// The string fact equals `strings[operand]`.
        case equals
        /// The string fact is present and differs from `strings[operand]`.
        case notEquals
        /// The string fact is in `stringSets[operand]`.
        case isIn
        /// The string fact is present and not in `stringSets[operand]`.
        case notIn
        /// The string fact contains `strings[operand]`.
        case contains
        /// The string fact matches `patterns[operand]`.
        case matches
        /// The number fact compares with `numbers[operand]` as `mask` says: 0 equals, 1 notEquals, 2 atLeast, 3 atMost.
        case compare
    }

    /// What the instruction does.
    var kind: Kind
    /// The fact a test reads (unused by `all`, `any` and `not`).
    var fact: Fact
    /// For `mask`, the ordinals that pass; for `exists`, whether presence is wanted; for `compare`, the comparison.
    var mask: UInt32
    /// For string tests, the index of the value in the program's side table.
    var operand: Int32
    /// The index just past this instruction and its children.
    var end: Int32
}
