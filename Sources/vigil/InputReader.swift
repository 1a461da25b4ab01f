import Foundation

/// Reads a whole file, or standard input for `-`, with an error that names the path.
enum InputReader {
    struct ReadError: Error, CustomStringConvertible {
        let description: String
    }

    static func readAll(_ path: String) throws -> [UInt8] {
        if path == "-" {
            return [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir) {
                throw ReadError(description: isDir.boolValue ? "\(path): is a directory" : "\(path): permission denied")
            }
            throw ReadError(description: "\(path): no such file")
        }
        return [UInt8](data)
    }
}
