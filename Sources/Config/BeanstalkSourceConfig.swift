/// Which beanstalkd tubes to watch; empty means all of them.
public struct BeanstalkSourceConfig: Hashable, Sendable {
    public var tubes: [String] = []
}
