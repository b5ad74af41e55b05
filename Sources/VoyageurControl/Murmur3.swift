/// The x86 32-bit variant of Austin Appleby's MurmurHash3.
///
/// Rollout buckets depend on it, so its output must never change: it matches
/// the reference implementation (and Unleash, and Python's `mmh3`) bit for
/// bit, on any platform and in any process.
public enum Murmur3 {
    /// Hashes a byte sequence in one pass.
    ///
    /// - Parameters:
    ///   - bytes: the input; hash a string through its `utf8` view.
    ///   - seed: the initial value; rollout uses 0.
    /// - Returns: the 32-bit hash, as the reference's unsigned output.
    public static func hash32(_ bytes: some Sequence<UInt8>, seed: UInt32 = 0) -> UInt32 {
        var hash = seed
        var block: UInt32 = 0
        var blockLength = 0
        // The reference mixes in the length modulo 2^32.
        var length: UInt32 = 0

        for byte in bytes {
            block |= UInt32(byte) << (8 * blockLength)
            blockLength += 1
            length &+= 1
            if blockLength == 4 {
                hash ^= scramble(block)
                hash = rotateLeft(hash, by: 13)
                hash = hash &* 5 &+ 0xe654_6b64
                block = 0
                blockLength = 0
            }
        }

        if blockLength > 0 {
            hash ^= scramble(block)
        }
        hash ^= length
        return finalize(hash)
    }

    /// Hashes the UTF-8 bytes of a string.
    ///
    /// The same as `hash32(text.utf8, seed:)`.
    public static func hash32(_ text: String, seed: UInt32 = 0) -> UInt32 {
        hash32(text.utf8, seed: seed)
    }

    private static func scramble(_ block: UInt32) -> UInt32 {
        var k = block &* 0xcc9e_2d51
        k = rotateLeft(k, by: 15)
        return k &* 0x1b87_3593
    }

    private static func finalize(_ value: UInt32) -> UInt32 {
        var hash = value
        hash ^= hash >> 16
        hash = hash &* 0x85eb_ca6b
        hash ^= hash >> 13
        hash = hash &* 0xc2b2_ae35
        hash ^= hash >> 16
        return hash
    }

    private static func rotateLeft(_ value: UInt32, by count: UInt32) -> UInt32 {
        (value << count) | (value >> (32 - count))
    }
}
