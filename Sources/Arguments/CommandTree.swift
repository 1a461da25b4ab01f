/// A `CommandSpec` tree walked depth-first with each command's full path (`vigil check rules`),
/// for generators that emit one entry per command.
struct CommandTree {
    struct Node {
        let path: String
        let spec: CommandSpec
    }

    let nodes: [Node]

    init(root: CommandSpec) {
        var out: [Node] = []
        func walk(_ spec: CommandSpec, _ path: String, depth: Int) {
            out.append(Node(path: path, spec: spec))
            guard depth < 16 else { return }
            for sub in spec.subcommands { walk(sub, path + " " + sub.name, depth: depth + 1) }
        }
        walk(root, root.name, depth: 0)
        nodes = out
    }

    /// Options as a command accepts them: its own plus `--help`.
    static func options(_ spec: CommandSpec) -> [OptionSpec] {
        spec.options + [OptionSpec("help", short: "h", help: "Show this help and exit.")]
    }

    /// The first sentence of a help text (up to a full stop before a capital), on one line, for menus.
    static func brief(_ text: String) -> String {
        let flat = text.split(whereSeparator: { $0 == "\n" }).map { $0.trimmingCharacters() }.joined(separator: " ")
        var rest = flat[...]
        while let stop = rest.firstRange(of: ". ") {
            let next = flat[stop.upperBound...].first
            if let next, next.isUppercase { return String(flat[..<stop.lowerBound]) }
            rest = flat[stop.upperBound...]
        }
        return flat.hasSuffix(".") ? String(flat.dropLast()) : flat
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
