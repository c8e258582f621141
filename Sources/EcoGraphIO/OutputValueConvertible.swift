/// A value that spells its own JSON shape: the result types, whose `outputValue` is what `--format json`
/// prints and whose `Encodable` conformance encodes that same value (so `JSONEncoder` gives the same content).
public protocol OutputValueConvertible {
    /// The value as `OutputValue` (its JSON shape, keys in order).
    var outputValue: OutputValue { get }
}

extension OutputValue: Encodable {
    /// Encodes the value as JSON spells it: a string, number, boolean or null; a list as an unkeyed container;
    /// a map as a keyed container (in its order, where the encoder keeps one).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .number(let number):
            var container = encoder.singleValueContainer()
            try container.encode(number)
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .list(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .map(let pairs):
            var container = encoder.container(keyedBy: NamedKey.self)
            for (key, value) in pairs { try container.encode(value, forKey: NamedKey(stringValue: key)) }
        }
    }

    private struct NamedKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
