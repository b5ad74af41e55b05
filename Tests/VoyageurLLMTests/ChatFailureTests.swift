import Foundation
import Testing
import VoyageurGeneration

@testable import VoyageurLLM

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite("Mapping server failures")
struct ChatFailureTests {
    @Test(
        "an HTTP status and body map to transient and backend-failure flags",
        arguments: [
            (503, #"{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}"#, true, false),
            (503, "server busy, please try again.  maximum pending requests exceeded", true, false),
            (503, "queue full", true, false),
            (503, "Service Unavailable", true, true),
            (500, "internal error", true, true),
            (502, "", true, true),
            (429, "too many requests", true, false),
            (400, "Requested tokens exceed context window", false, false),
            (404, #"{"error":"model 'x' not found"}"#, false, false),
        ])
    func status(status: Int, body: String, isTransient: Bool, isBackendFailure: Bool) {
        let error = ChatFailure.error(status: status, body: body, endpoint: "/v1/chat/completions")
        #expect(error.isTransient == isTransient)
        #expect(error.isBackendFailure == isBackendFailure)
        #expect(error.message.hasPrefix("HTTP \(status) from /v1/chat/completions"))
    }

    @Test("a refused connection is a transient backend failure")
    func refused() {
        let error = ChatFailure.transport("connection refused", endpoint: "/api/chat")
        #expect(error.isTransient && error.isBackendFailure)
        #expect(error.message == "/api/chat: connection refused")
    }

    @Test("a timeout is a transient backend failure")
    func timeout() {
        let error = ChatFailure.timedOut(after: .milliseconds(50), endpoint: "/api/chat")
        #expect(error.isTransient && error.isBackendFailure)
        #expect(error.message.contains("timed out after 50ms"))
    }

    @Test("an unreadable body is a backend failure, quoted briefly")
    func unreadable() {
        let body = String(repeating: "<html>", count: 100)
        let error = ChatFailure.unreadable(body: body, endpoint: "/v1/chat/completions", reason: "not JSON")
        #expect(error.isBackendFailure)
        #expect(error.message.count < 300)
    }
}
