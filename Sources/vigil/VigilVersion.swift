/// The release version, printed by `vigil --version`.
enum VigilVersion {
    static let string = "0.1.0"
}
