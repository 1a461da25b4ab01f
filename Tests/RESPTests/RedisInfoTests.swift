import Testing
@testable import RESP

@Suite struct RedisInfoTests {
    @Test func parsesSectionsAndFields() throws {
        let text = "# Server\r\nredis_version:7.0.15\r\nredis_mode:standalone\r\n\r\n# Clients\r\nconnected_clients:3\r\n\r\n# Keyspace\r\ndb0:keys=12,expires=0,avg_ttl=0\r\n"
        let info = RedisInfo(parsing: text)
        #expect(info.sections["server"]?["redis_version"] == "7.0.15")
        #expect(info["connected_clients"] == "3")
        let db0 = RedisInfo.fields(try #require(info.sections["keyspace"]?["db0"]))
        #expect(db0["keys"] == "12")
        #expect(info["missing"] == nil)
    }
}
