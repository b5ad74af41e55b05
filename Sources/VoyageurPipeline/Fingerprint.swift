import VoyageurCore

/// Identifies requests that would get the same explanation: symbol,
/// language, detail and the analysis rounded to what a reader would notice.
public enum Fingerprint {
    /// A 128-bit hex digest of the rounded request.
    public static func of(_ request: ExplanationRequest) -> String {
        var canonical = "v1|\(request.symbol)|\(request.language.code)|\(request.detail.rawValue)"
        canonical += "|s=\(rounded(request.analysis.score, 1))"
        if let price = request.analysis.price {
            canonical += "|p=\(rounded(price, 2))"
        }
        for indicator in request.analysis.indicators {
            canonical += "|\(indicator.name):\(rounded(indicator.score, 2)):\(rounded(indicator.weight, 3))"
            for key in indicator.raw.keys.sorted() {
                canonical += ",\(key)=\(rounded(indicator.raw[key] ?? 0, 2))"
            }
        }
        let bytes = Array(canonical.utf8)
        return hex(fnv1a(bytes, basis: 0xcbf2_9ce4_8422_2325)) + hex(fnv1a(bytes, basis: 0x6c62_272e_07bb_0142))
    }

    private static func rounded(_ value: Double, _ places: Int) -> String {
        let scale = (0..<places).reduce(1.0) { value, _ in value * 10 }
        return String((value * scale).rounded() / scale)
    }

    private static func fnv1a(_ bytes: [UInt8], basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
