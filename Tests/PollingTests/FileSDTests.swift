import Config
import Foundation
import Synchronization
import Testing
import TimeSeries
@testable import Polling

/// file_sd: files in a temporary folder, changed under the watcher, and the targets they give.
@Suite struct FileSDTests {
    final class Calls: Sendable {
        let changes = Mutex<[[FileSDGroup]]>([])
        let errors = Mutex<[FileSDError]>([])
        var lastChange: [FileSDGroup]? { changes.withLock { $0.last } }
        var changeCount: Int { changes.withLock { $0.count } }
        var errorTexts: [String] { errors.withLock { $0.map(\.description) } }
    }

    func watcher(_ dir: String, _ patterns: [String] = ["*.json", "*.yml"]) -> (FileSDWatcher, Calls) {
        let calls = Calls()
        let config = try! ConfigLoader.parse(text: """
            sources:
              - name: nodes
                file_sd: {files: [\(patterns.map { "\"\(dir)/\($0)\"" }.joined(separator: ", "))], refresh_interval: 1h}
            """, file: "/tmp/vigil.yml").sources[0].fileSD!
        let w = FileSDWatcher(config: config, checkInterval: .milliseconds(50),
                              onChange: { g in calls.changes.withLock { $0.append(g) } },
                              onError: { e in calls.errors.withLock { $0.append(e) } })
        return (w, calls)
    }

    /// Rewrites a file so its identity changes even within one mtime tick (new inode via rename).
    func replace(_ text: String, _ name: String, in dir: String) {
        JSONTestProcess.write(text, to: name + ".tmp", in: dir)
        _ = rename(dir + "/" + name + ".tmp", dir + "/" + name)
    }

    @Test func readsJSONAndYAMLAndFollowsChanges() throws {
        let dir = JSONTestProcess.temporaryDirectory("filesd")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        JSONTestProcess.write(#"[{"targets": ["10.0.0.1:9100", "10.0.0.2:9100"], "labels": {"env": "prod"}}]"#, to: "a.json", in: dir)
        JSONTestProcess.write("""
            - targets: ['10.0.1.1:9100']
              labels: {env: staging, rack: "7"}
            - targets: []
            """, to: "b.yml", in: dir)
        JSONTestProcess.write("ignored", to: "notes.txt", in: dir)
        let (w, calls) = watcher(dir, ["*.json", "*.yml", "*.txt"])
        let groups = w.refresh()
        #expect(groups.map(\.targets) == [["10.0.0.1:9100", "10.0.0.2:9100"], ["10.0.1.1:9100"], []])
        #expect(groups[0].labels == ["env": "prod", "__meta_filepath": dir + "/a.json"])
        #expect(groups[1].labels == ["env": "staging", "rack": "7", "__meta_filepath": dir + "/b.yml"])
        #expect(groups[1].source == dir + "/b.yml:0")
        #expect(calls.changeCount == 1)
        // Nothing changed: no callback.
        w.refresh()
        #expect(calls.changeCount == 1)
        // A changed file is read again.
        replace(#"[{"targets": ["10.0.0.3:9100"]}]"#, "a.json", in: dir)
        #expect(w.refresh().first?.targets == ["10.0.0.3:9100"])
        #expect(calls.changeCount == 2)
        // A removed file drops its targets; a new one adds them.
        try FileManager.default.removeItem(atPath: dir + "/b.yml")
        JSONTestProcess.write("[]", to: "c.json", in: dir)
        #expect(w.refresh().map(\.targets) == [["10.0.0.3:9100"]])
        #expect(calls.errorTexts.isEmpty)
    }

    @Test func badFileKeepsItsPreviousTargets() throws {
        let dir = JSONTestProcess.temporaryDirectory("filesd")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        JSONTestProcess.write("- targets: ['a:1']\n", to: "t.yml", in: dir)
        JSONTestProcess.write(#"[{"targets": ["b:2"]}]"#, to: "u.json", in: dir)
        let (w, calls) = watcher(dir)
        #expect(w.refresh().flatMap(\.targets) == ["a:1", "b:2"])
        replace("- targets: ['a:1'\n  labels: {x: y}\n", "t.yml", in: dir)
        replace("[{\"targets\": [\"b:2\"],}", "u.json", in: dir)
        #expect(w.refresh().flatMap(\.targets) == ["a:1", "b:2"])
        let errors = calls.errorTexts
        #expect(errors.count == 2)
        #expect(errors.contains { $0.hasPrefix(dir + "/t.yml:2:") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix(dir + "/u.json: invalid JSON") }, "\(errors)")
        #expect(w.errors.count == 2)
        // The same failure is reported once, not at every check.
        w.refresh()
        #expect(calls.errorTexts.count == 2)
        // Fixed: the new content is used and the error clears.
        replace("- targets: ['a:3']\n", "t.yml", in: dir)
        #expect(w.refresh().flatMap(\.targets) == ["a:3", "b:2"])
        #expect(w.errors.count == 1)
    }

    @Test(arguments: [
        ("x.yml", "targets: [a:1]\n", "x.yml:1:1: expected a list of target groups"),
        ("x.yml", "- targets: [a:1]\n  lables: {a: b}\n", "x.yml:2:3: unknown field \"lables\" in target group 1"),
        ("x.yml", "- targets: ['http://a:1/metrics']\n", "x.yml:1:13: target group 1: invalid target \"http://a:1/metrics\": expected host:port; leave out the scheme"),
        ("x.yml", "- targets: [a:1]\n  labels: {1bad: x}\n", "x.yml:2:12: target group 1: invalid label name \"1bad\""),
        ("x.yml", "- targets: [a:1]\n  labels: {a: [1]}\n", "x.yml:2:15: label \"a\" must be a string, found sequence"),
        ("x.yml", "- targets: [a:1]\n\t- b\n", "x.yml:2:1:"),
        ("x.json", #"{"targets": ["a:1"]}"#, "x.json: expected a list of target groups"),
        ("x.json", #"[{"targets": [1]}]"#, "x.json: target group 1: target 1 must be a string"),
        ("x.json", #"[{"targets": ["a:1"], "labels": {"a": 1}}]"#, "x.json: target group 1: label \"a\" must be a string"),
        ("x.json", "[{\"targets\": [\"a:1\"]},\n {\"targets\": [\"b c:1\"]}]", "x.json: target group 2: invalid target \"b c:1\""),
        ("x.json", "[\n  {\"targets\": [\"a:1\"]\n  \"labels\": {}}]", "x.json:3:3: invalid JSON"),
    ])
    func malformed(_ name: String, _ text: String, _ message: String) {
        #expect {
            _ = try FileSDReader.parse(Array(text.utf8), path: name)
        } throws: { ($0 as? FileSDError)?.description.hasPrefix(message) == true || "\($0)".contains(message) }
    }

    @Test func emptyAndLenientFiles() throws {
        #expect(try FileSDReader.parse([], path: "e.yml").isEmpty)
        #expect(try FileSDReader.parse(Array("null".utf8), path: "e.json").isEmpty)
        // JSON ignores unknown keys, as Go's json.Unmarshal does for Prometheus.
        let g = try FileSDReader.parse(Array(#"[{"targets": ["a:1"], "comment": "x"}]"#.utf8), path: "e.json")
        #expect(g.first?.targets == ["a:1"])
    }

    /// The watcher's own loop notices a change within a few checks.
    @Test func backgroundLoopNotices() async throws {
        let dir = JSONTestProcess.temporaryDirectory("filesd")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        JSONTestProcess.write(#"[{"targets": ["a:1"]}]"#, to: "t.json", in: dir)
        let (w, calls) = watcher(dir)
        w.start()
        defer { w.stop() }
        for _ in 0..<100 where calls.changeCount < 1 { try await Task.sleep(for: .milliseconds(20)) }
        replace(#"[{"targets": ["a:2"]}]"#, "t.json", in: dir)
        for _ in 0..<100 where calls.lastChange?.first?.targets != ["a:2"] { try await Task.sleep(for: .milliseconds(20)) }
        #expect(calls.lastChange?.first?.targets == ["a:2"])
    }

    /// Groups become poll targets labelled as Prometheus labels discovered targets.
    @Test func targetsFromGroups() throws {
        let source = try ConfigLoader.parse(text: """
            sources:
              - name: nodes
                file_sd: {files: [/tmp/none/*.json]}
                labels: {team: core, env: default}
                params: {module: [cpu]}
            """, file: "/tmp/vigil.yml").sources[0]
        let groups = [
            FileSDGroup(targets: ["10.0.0.1:9100", "10.0.0.1:9100"], labels: ["env": "prod", "__meta_filepath": "/sd/a.json"], source: "/sd/a.json:0"),
            FileSDGroup(targets: ["10.0.0.2:9100"], labels: ["job": "custom", "instance": "db-1", "__scheme__": "https",
                                                             "__metrics_path__": "/probe", "__param_module": "disk",
                                                             "__scrape_interval__": "30s"], source: "/sd/b.yml:0"),
        ]
        let targets = try SourceFactory().targets(for: source, discovered: groups)
        #expect(targets.count == 2)
        #expect(targets[0].labels == Labels(["job": "nodes", "instance": "10.0.0.1:9100", "team": "core", "env": "prod"]))
        #expect((targets[0].source as? ScrapeSource)?.url == "http://10.0.0.1:9100/metrics?module=cpu")
        #expect(targets[1].labels == Labels(["job": "custom", "instance": "db-1", "team": "core", "env": "default"]))
        #expect((targets[1].source as? ScrapeSource)?.url == "https://10.0.0.2:9100/probe?module=disk")
        #expect(targets[1].interval == .seconds(30))
        let bad = [FileSDGroup(targets: ["a:1"], labels: ["__scrape_interval__": "soon"], source: "/sd/c.json:0")]
        #expect { _ = try SourceFactory().targets(for: source, discovered: bad) } throws: { "\($0)".contains("/sd/c.json:0: invalid duration \"soon\"") }
    }

    /// A watcher feeding the scheduler through a target set, end to end with the real scrape source
    /// (nothing listens on the addresses; the targets' presence and health are what is checked).
    @Test func watcherDrivesSchedulerTargets() async throws {
        let dir = JSONTestProcess.temporaryDirectory("filesd")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        JSONTestProcess.write("- targets: ['127.0.0.1:1', '127.0.0.1:2']\n", to: "t.yml", in: dir)
        let source = try ConfigLoader.parse(text: """
            sources:
              - name: sd
                file_sd: {files: ["\(dir)/*.yml"]}
                interval: 1s
            """, file: "/tmp/vigil.yml").sources[0]
        let scheduler = Scheduler(store: SeriesStore(retention: 60_000))
        defer { scheduler.stop() }
        let set = FileSDTargetSet { scheduler.run($0) }
        let factory = SourceFactory()
        let sd = try #require(source.fileSD)
        let w = FileSDWatcher(config: sd, onChange: { groups in
            if let t = try? factory.targets(for: source, discovered: groups) { set.set(source.name, t) }
        })
        w.refresh()
        #expect(scheduler.statuses().map(\.instance) == ["127.0.0.1:1", "127.0.0.1:2"])
        replace("- targets: ['127.0.0.1:2', '127.0.0.1:3']\n", "t.yml", in: dir)
        w.refresh()
        #expect(scheduler.statuses().map(\.instance) == ["127.0.0.1:2", "127.0.0.1:3"])
        #expect(set.targets.count == 2)
    }
}
