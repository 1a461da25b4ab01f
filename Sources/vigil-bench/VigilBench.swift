import Arguments
import Foundation

/// `vigil-bench`: one subcommand per area, each ending with a machine-readable `result:` line.
@main
struct VigilBench {
    static let root = CommandSpec(
        "vigil-bench", summary: "Vigil's benchmarks (run in a release build).",
        subcommands: [ParseBenchmark.spec, RulesBenchmark.spec, ScrapeBenchmark.spec, RenderBenchmark.spec])

    static func main() {
        let args = Array(CommandLine.arguments.dropFirst())
        guard let name = args.first, let spec = root.subcommand(name) else {
            print(HelpFormatter.help(for: root, path: "vigil-bench"), terminator: "")
            exit(args.isEmpty || args.first == "--help" || args.first == "-h" ? 0 : 2)
        }
        do {
            let parsed = try ArgumentParser.parse(Array(args.dropFirst()), for: spec, path: "vigil-bench \(name)")
            if parsed.helpRequested {
                print(HelpFormatter.help(for: spec, path: "vigil-bench \(name)"), terminator: "")
                return
            }
            switch name {
            case "parse": try ParseBenchmark.run(parsed)
            case "rules": try RulesBenchmark.run(parsed)
            case "scrape": try ScrapeBenchmark.run(parsed)
            case "render": try RenderBenchmark.run(parsed)
            default: break
            }
        } catch let e as UsageError {
            FileHandle.standardError.write(Data((e.description + "\n").utf8))
            exit(2)
        } catch {
            FileHandle.standardError.write(Data("vigil-bench \(name): \(error)\n".utf8))
            exit(1)
        }
    }
}
