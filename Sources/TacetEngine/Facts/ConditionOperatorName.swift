import TacetDocuments

/// The condition operators, as the engine names them.
public typealias ConditionOperatorName = ConditionOperator
