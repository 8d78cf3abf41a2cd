import Testing
@Test func placeholderTool() { #expect(Bool(true)) }
