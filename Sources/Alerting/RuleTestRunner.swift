/// `promtool test rules`: runs unit-test files against their rule files with promtool's
/// semantics (lazy input loading, evaluation every `evaluation_interval`, alert checks at the
/// evaluation covering each `eval_time`, PromQL checks afterwards) and promtool's messages.
public enum RuleTestRunner {
    /// Runs every file; the report carries the output and the exit code.
    public static func run(files: [String], options: RuleTestOptions = RuleTestOptions()) -> RuleTestReport {
        let filter: Regex<AnyRegexOutput>?
        if options.run.isEmpty {
            filter = nil
        } else {
            do {
                filter = try Regex(options.run.joined(separator: "|"))
            } catch {
                let result = RuleTestReport.FileResult(file: files.first ?? "", errors: ["invalid --run pattern: \(error)"],
                                                       warnings: [], skipped: [])
                return RuleTestReport(files: [result])
            }
        }
        return RuleTestReport(files: files.map { runFile($0, options: options, filter: filter) })
    }

    static func runFile(_ file: String, options: RuleTestOptions, filter: Regex<AnyRegexOutput>?) -> RuleTestReport.FileResult {
        var result = RuleTestReport.FileResult(file: file, errors: [], warnings: [], skipped: [])
        let bytes: [UInt8]
        do {
            bytes = try FileText.contents(file)
        } catch {
            result.errors = [error.description]
            return result
        }
        let test: RuleTestFile
        do {
            test = try RuleTestFile.parse(bytes: bytes, file: file)
        } catch {
            result.errors = error.diagnostics.map(\.description)
            return result
        }
        var ruleFiles: [String] = []
        for pattern in test.ruleFiles {
            let path = pattern.isEmpty || pattern.hasPrefix("/") ? pattern : PathText.join(PathText.directory(file), pattern)
            let matches = PathText.glob(path)
            if matches.isEmpty { result.warnings.append("no file match pattern \(path)") }
            ruleFiles += matches
        }
        let evalInterval = test.evaluationInterval == 0 ? 60_000 : test.evaluationInterval
        var order: [String: Int] = [:]
        for (i, name) in test.groupEvalOrder.enumerated() {
            if order[name] != nil {
                result.errors = ["group name repeated in evaluation order: \(name)"]
                return result
            }
            order[name] = i
        }
        let loaded = loadGroups(ruleFiles, options: options, order: order)
        for (i, tg) in test.tests.enumerated() {
            if let filter, (try? filter.firstMatch(in: tg.name)) == nil { continue }
            var group = tg
            if group.interval == 0 { group.interval = evalInterval }
            let run = RuleTestGroupRun(test: group, index: i, evalInterval: evalInterval, fuzzy: test.fuzzyCompare,
                                       lookbackDelta: options.lookbackDelta)
            switch loaded {
            case .failure(let errors):
                result.errors += errors.messages
            case .success(let groups):
                let outcome = run.run(groups)
                result.errors += outcome.errors
                result.skipped += outcome.skipped
            }
        }
        return result
    }

    struct LoadErrors: Error {
        var messages: [String]
    }

    /// The rule groups of all files, ordered by `group_eval_order` (groups it does not name
    /// first, in file order), or the first failing file's errors as promtool reports them.
    static func loadGroups(_ files: [String], options: RuleTestOptions, order: [String: Int]) -> Result<[RuleGroup], LoadErrors> {
        var groups: [RuleGroup] = []
        var seen = Set<String>()
        for f in files {
            do {
                let file = try RuleFileLoader.load(path: f, options: RuleLoadOptions(ignoreUnknownFields: options.ignoreUnknownFields))
                for g in file.groups where seen.insert(f + ";" + g.name).inserted { groups.append(g) }
            } catch {
                return .failure(LoadErrors(messages: error.diagnostics.map(\.description)))
            }
        }
        let sorted = groups.enumerated().sorted { a, b in
            let x = order[a.element.name] ?? 0, y = order[b.element.name] ?? 0
            return x != y ? x < y : a.offset < b.offset
        }
        return .success(sorted.map(\.element))
    }
}
