/// Formats a number as briefly as it can be read back: `11`, `0.25`, `-3.5`.
func compactNumber(_ value: Double) -> String {
    if value.rounded() == value && abs(value) < 1e15 {
        return String(Int64(value))
    }
    return String(value)
}
