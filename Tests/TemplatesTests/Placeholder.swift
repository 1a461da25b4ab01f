import Testing

@Test func TemplatesTestsBuilds() {}
