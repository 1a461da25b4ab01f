import Testing

@Test func CursesTestsBuilds() {}
