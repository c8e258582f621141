/// A value that spells its own JSON shape: `OutputValueEncoder` takes `outputValue` whole instead of walking the
/// value's `encode(to:)`, which for a result type encodes that same shape.
public protocol OutputValueConvertible {
    /// The value as `OutputValue` (its JSON shape).
    var outputValue: OutputValue { get }
}

/// Encodes any `Encodable` value as an `OutputValue`, keeping keys in the order `encode(to:)` writes them, so
/// that a result type's `Encodable` conformance fixes its JSON shape and byte order (`OutputValue.json`).
///
/// Numbers become `OutputValue.number` (integers through `Double`, exact up to 2^53), `nil` becomes `null`
/// when encoded explicitly and is left out by `encodeIfPresent`, as with Foundation's `JSONEncoder`.
///
/// ```swift
/// let text = try OutputValueEncoder().encode(ranking).json
/// ```
public struct OutputValueEncoder: Sendable {
    /// An encoder.
    public init() {}

    /// The value as an `OutputValue`.
    /// - Throws: `EncodingError.invalidValue` when the value encodes nothing.
    /// - Complexity: linear in the size of the value.
    public func encode<Value: Encodable>(_ value: Value) throws -> OutputValue {
        if let shaped = value as? any OutputValueConvertible { return shaped.outputValue }
        let root = Slot()
        try value.encode(to: TreeEncoder(slot: root, codingPath: []))
        guard let result = root.resolved() else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "the value encoded nothing"))
        }
        return result
    }
}

/// One place in the tree being built: unset, a finished value, a list or a map of further places. Lists and maps
/// grow in place (no copy per element), so encoding is linear in the size of the value.
private final class Slot {
    enum Kind { case unset, value, list, map }
    var kind = Kind.unset
    var value = OutputValue.null
    var items: [Slot] = []
    var pairs: [(key: String, slot: Slot)] = []
    var keyIndex: [String: Int] = [:]

    func set(_ newValue: OutputValue) {
        kind = .value
        value = newValue
    }

    func resolved() -> OutputValue? {
        switch kind {
        case .unset: nil
        case .value: value
        case .list: .list(items.compactMap { $0.resolved() })
        case .map: .map(pairs.compactMap { pair in pair.slot.resolved().map { (pair.key, $0) } })
        }
    }

    /// The slot as a map, made one if unset.
    func child(forKey key: String) -> Slot {
        if kind == .unset { kind = .map }
        precondition(kind == .map, "a keyed container over a non-map value")
        if let existing = keyIndex[key] { return pairs[existing].slot }
        let slot = Slot()
        keyIndex[key] = pairs.count
        pairs.append((key, slot))
        return slot
    }

    /// A new last element of the slot as a list, made one if unset.
    func appended() -> Slot {
        if kind == .unset { kind = .list }
        precondition(kind == .list, "an unkeyed container over a non-list value")
        let slot = Slot()
        items.append(slot)
        return slot
    }

    var count: Int { kind == .list ? items.count : 0 }
}

private struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) { stringValue = String(intValue); self.intValue = intValue }
}

private struct TreeEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.kind == .unset { slot.kind = .map }
        return KeyedEncodingContainer(Keyed<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.kind == .unset { slot.kind = .list }
        return Unkeyed(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }
}

/// Encodes one value into a slot: primitives directly, anything else through its own `encode(to:)`.
private func put<Value: Encodable>(_ value: Value, into slot: Slot, codingPath: [any CodingKey]) throws {
    switch value {
    case let text as String: slot.set(.string(text))
    case let flag as Bool: slot.set(.bool(flag))
    case let number as Double: slot.set(.number(number))
    case let number as Float: slot.set(.number(Double(number)))
    case let number as Int: slot.set(.number(Double(number)))
    case let number as Int32: slot.set(.number(Double(number)))
    case let number as Int64: slot.set(.number(Double(number)))
    case let number as UInt64: slot.set(.number(Double(number)))
    case let number as UInt32: slot.set(.number(Double(number)))
    case let number as UInt: slot.set(.number(Double(number)))
    case let output as OutputValue: slot.set(output)  // a value that is its own shape: taken whole
    case let shaped as any OutputValueConvertible: slot.set(shaped.outputValue)
    default: try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath))
    }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { slot.child(forKey: key.stringValue).set(.null) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try put(value, into: slot.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        TreeEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        TreeEncoder(slot: slot.child(forKey: "super"), codingPath: codingPath + [AnyKey(stringValue: "super")])
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(slot: slot.child(forKey: key.stringValue), codingPath: codingPath + [key])
    }
}

private struct Unkeyed: UnkeyedEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]
    var count: Int { slot.count }

    private var nextPath: [any CodingKey] { codingPath + [AnyKey(intValue: count)] }

    mutating func encodeNil() throws { slot.appended().set(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let path = nextPath
        try put(value, into: slot.appended(), codingPath: path)
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let path = nextPath
        return TreeEncoder(slot: slot.appended(), codingPath: path).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let path = nextPath
        return TreeEncoder(slot: slot.appended(), codingPath: path).unkeyedContainer()
    }
    mutating func superEncoder() -> any Encoder {
        let path = nextPath
        return TreeEncoder(slot: slot.appended(), codingPath: path)
    }
}

private struct Single: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.set(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try put(value, into: slot, codingPath: codingPath) }
}

extension OutputValue: Encodable {
    /// Encodes the value as JSON spells it: a string, number, boolean or null; a list as an unkeyed container;
    /// a map as a keyed container in its order (`OutputValueEncoder` keeps that order and takes the value whole).
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
