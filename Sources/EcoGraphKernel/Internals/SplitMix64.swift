/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast generator with a fixed, documented output, so a
/// seeded sample is the same on every platform and Swift version.
///
/// Used by `BetweennessSources.sample` to draw betweenness sources, and by the analyses' sampled worlds.
public struct SplitMix64: Sendable {
    private var state: UInt64
    /// A generator whose state starts at `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 bits: the state advanced by the golden gamma `0x9E3779B97F4A7C15`, then mixed.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0 ..< bound` (Lemire's multiply-and-reject), `bound > 0`.
    public mutating func below(_ bound: UInt64) -> UInt64 {
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }

    /// A uniform number in `[0, 1)`: the top 53 bits of `next()` times 2⁻⁵³, so every value is a multiple of
    /// 2⁻⁵³ and `unit() < p` holds with probability `p` (rounded to that grid) for `p` in `[0, 1]`.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
