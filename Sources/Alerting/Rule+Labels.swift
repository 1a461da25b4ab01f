/// Label lookups on a rule's static labels.
extension Rule {
    func hasLabel(_ name: String) -> Bool { labels.contains { $0.name == name } }
}
