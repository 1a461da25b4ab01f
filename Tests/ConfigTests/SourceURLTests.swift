import Testing
@testable import Config

@Suite struct SourceURLTests {
    @Test func redisWithPasswordAndDB() throws {
        let s = try SourceURL.parse("redis://:hunter2@127.0.0.1:6379/3?keys=celery,default")
        #expect(s.kind == .redis)
        #expect(s.redis?.keys == ["celery", "default"])
        #expect(s.redis?.db == 3)
        #expect(s.redis?.password == .literal(Secret("hunter2")))
        #expect(!"\(s)".contains("hunter2"))
    }

    @Test func redisPreset() throws {
        let s = try SourceURL.parse("redis://localhost:6379?preset=sidekiq&password_env=REDIS_PW")
        #expect(s.redis?.preset == .sidekiq)
        #expect(s.redis?.password == .environment("REDIS_PW"))
    }

    @Test func rabbitmqVhostAndRegex() throws {
        let s = try SourceURL.parse("rabbitmq://admin:pw@127.0.0.1:15672/%2Fprod?queues=^orders")
        #expect(s.rabbitmq?.vhost == "/prod")
        #expect(s.rabbitmq?.queues == "^orders")
        #expect(s.basicAuth?.username == "admin")
    }

    @Test func httpKeepsItsQuery() throws {
        let s = try SourceURL.parse("http://127.0.0.1:9100/metrics?collect[]=cpu")
        #expect(s.kind == .prometheus)
        #expect(s.url == "http://127.0.0.1:9100/metrics?collect[]=cpu")
    }

    @Test func prometheusAPI() throws {
        let s = try SourceURL.parse("prometheus://127.0.0.1:9090?query=up&step=30s")
        #expect(s.prometheusAPI?.query == "up")
        #expect(s.prometheusAPI?.step == .seconds(30))
    }

    @Test(arguments: [
        ("ftp://x", "unknown scheme \"ftp\""),
        ("redis://127.0.0.1:6379", "say which keys to watch"),
        ("redis://:secret@h:1?preset=resque", "unknown preset \"resque\""),
        ("prometheus://h:9090", "missing ?query=EXPR"),
        ("redis://h:1/x?keys=a", "database number"),
    ])
    func errors(url: String, message: String) {
        do {
            _ = try SourceURL.parse(url)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains(message))
            #expect(!error.description.contains("secret"))
        }
    }
}
