import CRabbitMQ
import Foundation

/// C memory for the arguments of one rabbitmq-c call: strings, bodies and
/// field tables copied into buffers that live until the arena is freed.
///
/// Keep the arena alive across the call (`withExtendedLifetime`).
final class AMQPArena {
    private var buffers: [UnsafeMutableRawPointer] = []

    deinit {
        for buffer in buffers {
            free(buffer)
        }
    }

    func bytes(_ text: String) -> amqp_bytes_t {
        bytes(Data(text.utf8))
    }

    func bytes(_ data: Data) -> amqp_bytes_t {
        guard !data.isEmpty, let buffer = malloc(data.count) else {
            return amqp_bytes_t(len: 0, bytes: nil)
        }
        buffers.append(buffer)
        data.copyBytes(to: buffer.assumingMemoryBound(to: UInt8.self), count: data.count)
        return amqp_bytes_t(len: data.count, bytes: buffer)
    }

    /// A flat table; nested tables and arrays are not needed for what this
    /// client sends, and become void entries.
    func table(_ fields: [(String, AMQPFieldValue)]) -> amqp_table_t {
        let size = MemoryLayout<amqp_table_entry_t>.stride * max(fields.count, 1)
        guard !fields.isEmpty, let buffer = malloc(size) else {
            return amqp_table_t(num_entries: 0, entries: nil)
        }
        buffers.append(buffer)
        let entries = buffer.bindMemory(to: amqp_table_entry_t.self, capacity: fields.count)
        for (index, (key, value)) in fields.enumerated() {
            (entries + index).initialize(to: amqp_table_entry_t(key: bytes(key), value: field(value)))
        }
        return amqp_table_t(num_entries: Int32(fields.count), entries: entries)
    }

    private func field(_ value: AMQPFieldValue) -> amqp_field_value_t {
        var field = amqp_field_value_t()
        switch value {
        case .integer(let number):
            field.kind = UInt8(AMQP_FIELD_KIND_I64.rawValue)
            field.value.i64 = number
        case .string(let text):
            field.kind = UInt8(AMQP_FIELD_KIND_UTF8.rawValue)
            field.value.bytes = bytes(text)
        case .bool(let flag):
            field.kind = UInt8(AMQP_FIELD_KIND_BOOLEAN.rawValue)
            field.value.boolean = flag ? 1 : 0
        case .double(let number):
            field.kind = UInt8(AMQP_FIELD_KIND_F64.rawValue)
            field.value.f64 = number
        case .timestamp(let seconds):
            field.kind = UInt8(AMQP_FIELD_KIND_TIMESTAMP.rawValue)
            field.value.u64 = seconds
        case .array, .table, .unsupported:
            field.kind = UInt8(AMQP_FIELD_KIND_VOID.rawValue)
        }
        return field
    }
}
