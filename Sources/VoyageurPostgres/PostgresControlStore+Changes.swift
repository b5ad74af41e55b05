import Foundation

extension PostgresControlStore {
    /// The control revision each time flags or overrides change anywhere
    /// in the fleet, as PostgreSQL announces it (LISTEN/NOTIFY).
    ///
    /// The stream holds a connection of its own on a thread of its own.
    /// It yields the current revision when it connects and again after
    /// every reconnect (the server restarted), then each new revision at
    /// the commit that made it. Only the newest unread value is kept: a
    /// consumer reloads once for a burst of changes. Revisions may repeat;
    /// compare with the one in force. Cancelling the consuming task (or
    /// dropping the stream) closes the connection within about 200 ms.
    public func controlChanges() -> AsyncStream<Int64> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: Int64.self,
            bufferingPolicy: .bufferingNewest(1)
        )
        let listener = PostgresNotificationListener(
            url: database.url,
            channel: Self.channel,
            onConnect: { connection in
                let reply = try connection.query("SELECT revision FROM control_revision WHERE id = 1")
                return reply.first?.text(0)
            },
            yield: { payload in
                if let revision = Int64(payload) {
                    continuation.yield(revision)
                }
            },
            finish: { continuation.finish() }
        )
        continuation.onTermination = { _ in listener.stop() }
        listener.start()
        return stream
    }
}
