import VoyageurCore

/// What `Delivery.tag` carries: the connection generation, the channel and
/// the broker's delivery tag, so that a settle finds its channel and skips
/// a delivery of an earlier connection.
///
/// Packed as 16 bits of generation, 8 of channel and 40 of delivery tag.
struct AMQPDeliveryTag: Hashable, Sendable {
    var generation: UInt16
    var channel: UInt16
    var deliveryTag: UInt64

    init(generation: UInt16, channel: UInt16, deliveryTag: UInt64) {
        self.generation = generation
        self.channel = channel
        self.deliveryTag = deliveryTag
    }

    init(packed: UInt64) {
        generation = UInt16(truncatingIfNeeded: packed >> 48)
        channel = UInt16(truncatingIfNeeded: (packed >> 40) & 0xFF)
        deliveryTag = packed & 0xFF_FFFF_FFFF
    }

    var packed: UInt64 {
        UInt64(generation) << 48 | UInt64(channel & 0xFF) << 40 | (deliveryTag & 0xFF_FFFF_FFFF)
    }

    /// The control channel: publishing with confirms, declarations, gets.
    static let controlChannel: UInt16 = 1

    /// Each language's consumer has a channel of its own.
    static func channel(for language: Language) -> UInt16 {
        UInt16(2 + (Language.allCases.firstIndex(of: language) ?? 0))
    }

    static func language(on channel: UInt16) -> Language? {
        let index = Int(channel) - 2
        return Language.allCases.indices.contains(index) ? Language.allCases[index] : nil
    }
}
