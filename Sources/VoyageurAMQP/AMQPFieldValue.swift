import CRabbitMQ
import Foundation

/// A value in an AMQP field table (message headers, queue arguments).
enum AMQPFieldValue: Sendable, Hashable {
    case integer(Int64)
    case string(String)
    case bool(Bool)
    case double(Double)
    case timestamp(UInt64)
    case array([AMQPFieldValue])
    case table([String: AMQPFieldValue])
    case unsupported

    var integer: Int64? {
        switch self {
        case .integer(let value): return value
        case .timestamp(let value): return Int64(clamping: value)
        case .string(let text): return Int64(text)
        default: return nil
        }
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// Copies a table out of rabbitmq-c's memory.
    static func decode(_ table: amqp_table_t) -> [String: AMQPFieldValue] {
        var values: [String: AMQPFieldValue] = [:]
        guard let entries = table.entries, table.num_entries > 0 else { return values }
        for index in 0..<Int(table.num_entries) {
            let entry = entries[index]
            values[String(bytes: entry.key)] = decode(entry.value)
        }
        return values
    }

    static func decode(_ field: amqp_field_value_t) -> AMQPFieldValue {
        let value = field.value
        switch Int(field.kind) {
        case Int(AMQP_FIELD_KIND_BOOLEAN.rawValue): return .bool(value.boolean != 0)
        case Int(AMQP_FIELD_KIND_I8.rawValue): return .integer(Int64(value.i8))
        case Int(AMQP_FIELD_KIND_U8.rawValue): return .integer(Int64(value.u8))
        case Int(AMQP_FIELD_KIND_I16.rawValue): return .integer(Int64(value.i16))
        case Int(AMQP_FIELD_KIND_U16.rawValue): return .integer(Int64(value.u16))
        case Int(AMQP_FIELD_KIND_I32.rawValue): return .integer(Int64(value.i32))
        case Int(AMQP_FIELD_KIND_U32.rawValue): return .integer(Int64(value.u32))
        case Int(AMQP_FIELD_KIND_I64.rawValue): return .integer(value.i64)
        case Int(AMQP_FIELD_KIND_U64.rawValue): return .integer(Int64(clamping: value.u64))
        case Int(AMQP_FIELD_KIND_TIMESTAMP.rawValue): return .timestamp(value.u64)
        case Int(AMQP_FIELD_KIND_F32.rawValue): return .double(Double(value.f32))
        case Int(AMQP_FIELD_KIND_F64.rawValue): return .double(value.f64)
        case Int(AMQP_FIELD_KIND_UTF8.rawValue), Int(AMQP_FIELD_KIND_BYTES.rawValue):
            return .string(String(bytes: value.bytes))
        case Int(AMQP_FIELD_KIND_TABLE.rawValue): return .table(decode(value.table))
        case Int(AMQP_FIELD_KIND_ARRAY.rawValue):
            guard let entries = value.array.entries, value.array.num_entries > 0 else { return .array([]) }
            return .array((0..<Int(value.array.num_entries)).map { decode(entries[$0]) })
        default: return .unsupported
        }
    }
}

extension String {
    /// Copies bytes owned by rabbitmq-c, decoding them as UTF-8.
    init(bytes: amqp_bytes_t) {
        guard let start = bytes.bytes, bytes.len > 0 else {
            self = ""
            return
        }
        self = String(decoding: UnsafeRawBufferPointer(start: start, count: bytes.len), as: UTF8.self)
    }
}

extension Data {
    /// Copies bytes owned by rabbitmq-c.
    init(bytes: amqp_bytes_t) {
        guard let start = bytes.bytes, bytes.len > 0 else {
            self = Data()
            return
        }
        self = Data(bytes: start, count: bytes.len)
    }
}
