import EcoGraphIO
import Foundation
import Testing

/// `OutputValueEncoder` keeps keys in encoding order and agrees with Foundation's `JSONEncoder` on content.
@Suite struct OutputValueEncoderTests {
    struct Inner: Encodable, Equatable { var z: Int; var a: [String] }
    struct Outer: Encodable {
        var name: String
        var score: Double
        var count: Int
        var flag: Bool
        var missing: String?
        var inner: Inner
        var list: [Inner]
        var table: [String: Int]
    }

    @Test func keysInEncodingOrderAndValuesAsJSONEncoderHasThem() throws {
        let value = Outer(name: "a\"b<", score: 0.25, count: 3, flag: true, missing: nil, inner: Inner(z: 1, a: ["x", "y"]),
                          list: [Inner(z: 2, a: []), Inner(z: 3, a: ["q"])], table: ["k": 7])
        let encoded = try OutputValueEncoder().encode(value)
        let text = encoded.json
        // Synthesised conformances encode in declaration order; `nil` optionals are left out (encodeIfPresent).
        #expect(text.contains("\"name\""))
        let order = ["\"name\"", "\"score\"", "\"count\"", "\"flag\"", "\"inner\"", "\"list\"", "\"table\""].map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(!text.contains("missing"))
        // The same content as Foundation's encoder.
        let ours = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! NSDictionary
        let theirs = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value)) as! NSDictionary
        #expect(ours == theirs)
    }

    @Test func primitivesAndNullAtTheTop() throws {
        #expect(try OutputValueEncoder().encode(42).json == OutputValue.number(42).json)
        #expect(try OutputValueEncoder().encode([1.5, 2]).json == OutputValue.list([.number(1.5), .number(2)]).json)
        #expect(try OutputValueEncoder().encode("x").json == OutputValue.string("x").json)
        #expect(try OutputValueEncoder().encode([String?.none, "y"]).json == OutputValue.list([.null, .string("y")]).json)
    }
}

/// A value that spells its own shape is taken whole, and `JSONEncoder` sees the same content.
@Suite struct OutputValueConvertibleTests {
    struct Shaped: Encodable, OutputValueConvertible {
        var outputValue: OutputValue { .map([("z", .int(1)), ("a", .strings(["x"])), ("n", .null)]) }
        func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
    }

    @Test func shapedValuesKeepTheirOrderAndContent() throws {
        #expect(try OutputValueEncoder().encode(Shaped()).json == Shaped().outputValue.json)
        #expect(try OutputValueEncoder().encode([Shaped(), Shaped()]).json == OutputValue.list([Shaped().outputValue, Shaped().outputValue]).json)
        let foundation = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Shaped())) as! NSDictionary
        #expect(foundation == ["z": 1, "a": ["x"], "n": NSNull()] as NSDictionary)
    }
}
