import EcoGraphIO
import Foundation
import Testing

/// `OutputValue` encodes through any `Encoder` as JSON spells it, so a result type that encodes its
/// `outputValue` gives Foundation's `JSONEncoder` the same content `--format json` prints.
@Suite struct OutputValueConvertibleTests {
    struct Shaped: Encodable, OutputValueConvertible {
        var outputValue: OutputValue {
            .map([("z", .int(1)), ("a", .strings(["x", "y"])), ("n", .null), ("f", .number(0.25)), ("b", .bool(true)),
                  ("m", .map([("k", .string("a\"b<"))]))])
        }
        func encode(to encoder: any Encoder) throws { try outputValue.encode(to: encoder) }
    }

    @Test func jsonEncoderSeesTheSameContentAsTheJSONWriter() throws {
        let ours = try JSONSerialization.jsonObject(with: Data(Shaped().outputValue.json.utf8)) as! NSDictionary
        let foundation = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Shaped())) as! NSDictionary
        #expect(ours == foundation)
        #expect(foundation == ["z": 1, "a": ["x", "y"], "n": NSNull(), "f": 0.25, "b": true, "m": ["k": "a\"b<"]] as NSDictionary)
    }

    @Test func scalarsAndListsAtTheTop() throws {
        for value: OutputValue in [.number(42), .string("x"), .list([.null, .string("y")]), .bool(false)] {
            let foundation = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value), options: .fragmentsAllowed)
            let ours = try JSONSerialization.jsonObject(with: Data(value.json.utf8), options: .fragmentsAllowed)
            #expect((foundation as! NSObject) == (ours as! NSObject), "\(value.json)")
        }
    }
}
