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
        let root = Slot()
        try value.encode(to: TreeEncoder(slot: root, codingPath: []))
        guard let result = root.resolved() else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "the value encoded nothing"))
        }
        return result
    }
}

/// One place in the tree being built: unset, a finished value, a list or a map of further places.
private final class Slot {
    enum Content {
        case unset
        case value(OutputValue)
        case list([Slot])
        case map([(String, Slot)])
    }
    var content: Content = .unset

    func resolved() -> OutputValue? {
        switch content {
        case .unset: nil
        case .value(let value): value
        case .list(let items): .list(items.compactMap { $0.resolved() })
        case .map(let pairs): .map(pairs.compactMap { key, slot in slot.resolved().map { (key, $0) } })
        }
    }

    /// The slot as a map, made one if unset.
    func child(forKey key: String) -> Slot {
        if case .unset = content { content = .map([]) }
        guard case .map(var pairs) = content else { preconditionFailure("a keyed container over a non-map value") }
        if let existing = pairs.first(where: { $0.0 == key }) { return existing.1 }
        let slot = Slot()
        pairs.append((key, slot))
        content = .map(pairs)
        return slot
    }

    /// A new last element of the slot as a list, made one if unset.
    func appended() -> Slot {
        if case .unset = content { content = .list([]) }
        guard case .list(var items) = content else { preconditionFailure("an unkeyed container over a non-list value") }
        let slot = Slot()
        items.append(slot)
        content = .list(items)
        return slot
    }

    var count: Int {
        if case .list(let items) = content { return items.count }
        return 0
    }
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
        if case .unset = slot.content { slot.content = .map([]) }
        return KeyedEncodingContainer(Keyed<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .unset = slot.content { slot.content = .list([]) }
        return Unkeyed(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { Single(slot: slot, codingPath: codingPath) }
}

/// Encodes one value into a slot: primitives directly, anything else through its own `encode(to:)`.
private func put<Value: Encodable>(_ value: Value, into slot: Slot, codingPath: [any CodingKey]) throws {
    switch value {
    case let text as String: slot.content = .value(.string(text))
    case let flag as Bool: slot.content = .value(.bool(flag))
    case let number as Double: slot.content = .value(.number(number))
    case let number as Float: slot.content = .value(.number(Double(number)))
    case let number as Int: slot.content = .value(.number(Double(number)))
    case let number as Int32: slot.content = .value(.number(Double(number)))
    case let number as Int64: slot.content = .value(.number(Double(number)))
    case let number as UInt64: slot.content = .value(.number(Double(number)))
    case let number as UInt32: slot.content = .value(.number(Double(number)))
    case let number as UInt: slot.content = .value(.number(Double(number)))
    default: try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath))
    }
}

private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { slot.child(forKey: key.stringValue).content = .value(.null) }
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

    mutating func encodeNil() throws { slot.appended().content = .value(.null) }
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

    mutating func encodeNil() throws { slot.content = .value(.null) }
    mutating func encode<T: Encodable>(_ value: T) throws { try put(value, into: slot, codingPath: codingPath) }
}
