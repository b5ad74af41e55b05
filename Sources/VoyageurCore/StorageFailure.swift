/// An error from a queue or store that says whether it is an outage (the
/// backend unreachable, busy or restarting), which the caller should wait
/// out, rather than a fault that waiting will not fix.
public protocol StorageFailure: Error {
    var isOutage: Bool { get }
}
