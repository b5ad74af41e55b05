import Testing
import VoyageurAMQP

@Suite("AMQP URL")
struct AMQPURLTests {
    @Test("parses credentials, port and an encoded vhost")
    func parsesEverything() throws {
        let url = try AMQPURL(parsing: "amqp://user%40x:p%3Ass@broker.local:5673/%2fjobs")
        #expect(url.user == "user@x")
        #expect(url.password == "p:ss")
        #expect(url.host == "broker.local")
        #expect(url.port == 5673)
        #expect(url.vhost == "/jobs")
    }

    @Test("defaults the port, the credentials and the vhost")
    func defaults() throws {
        let url = try AMQPURL(parsing: "amqp://localhost")
        #expect(url.port == 5672)
        #expect(url.user == "guest")
        #expect(url.vhost == "/")
        #expect(try AMQPURL(parsing: "amqp://h/%2f").vhost == "/")
    }

    @Test("never shows the password")
    func masksPassword() throws {
        let url = try AMQPURL(parsing: "amqp://user:s3cret@host:1/v")
        #expect(!url.description.contains("s3cret"))
        #expect(throws: AMQPError.self) { try AMQPURL(parsing: "http://user:s3cret@host") }
        do {
            _ = try AMQPURL(parsing: "amqp://user:s3cret@host:99999/")
        } catch {
            #expect(!String(describing: error).contains("s3cret"))
        }
    }
}
