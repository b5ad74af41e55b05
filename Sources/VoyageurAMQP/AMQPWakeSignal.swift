import CRabbitMQShim
import Glibc

/// An eventfd that wakes the run-loop thread from `poll` when a command
/// arrives; owns the descriptor.
final class AMQPWakeSignal: Sendable {
    let descriptor: Int32

    init() {
        descriptor = voyageur_wake_fd_create()
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
        }
    }

    func signal() {
        var one: UInt64 = 1
        _ = write(descriptor, &one, MemoryLayout<UInt64>.size)
    }

    func drain() {
        var count: UInt64 = 0
        _ = read(descriptor, &count, MemoryLayout<UInt64>.size)
    }

    /// Waits until `socket` (when not negative) is readable, a signal
    /// arrives, or `timeout` passes.
    func wait(socket: Int32, timeout: Duration) {
        var descriptors = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: socket, events: Int16(POLLIN), revents: 0),
        ]
        let count: nfds_t = socket >= 0 ? 2 : 1
        _ = poll(&descriptors, count, Int32(clamping: max(timeout.milliseconds, 0)))
        drain()
    }
}
