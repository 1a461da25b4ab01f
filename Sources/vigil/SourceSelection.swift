import Config
import Polling

/// The poll targets of a run: from the config's sources and from URLs on the command line.
enum SourceSelection {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func targets(config: Config?, urls: [String], factory: SourceFactory) throws -> [PollTarget] {
        let global = config?.global ?? GlobalConfig()
        var sources = config?.sources ?? []
        for url in urls {
            do {
                sources.append(try SourceURL.parse(url, global: global))
            } catch {
                throw Failure(description: error.description)
            }
        }
        var targets: [PollTarget] = []
        for s in sources {
            do {
                targets += try factory.targets(for: s)
            } catch {
                throw Failure(description: error.description)
            }
        }
        return targets
    }
}
