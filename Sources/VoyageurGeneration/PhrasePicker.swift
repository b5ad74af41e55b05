/// Chooses one of several phrasings for a sentence slot, stably per symbol.
///
/// The same symbol always gets the same phrasing for a slot, so a request
/// always yields the same text; different symbols get different mixes, so a
/// batch of explanations does not read identically.
struct PhrasePicker: Sendable {
    private let seed: String

    init(seed: String) {
        self.seed = seed
    }

    /// One of `options`, chosen by the seed and the slot's name.
    func pick(_ slot: String, _ options: [String]) -> String {
        guard !options.isEmpty else { return "" }
        let hash = StableHash.fnv1a64(seed + "/" + slot)
        return options[Int(hash % UInt64(options.count))]
    }
}
