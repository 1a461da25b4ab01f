import Testing

@Test func GrafanaImportTestsBuilds() {}
