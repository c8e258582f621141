import EcoGraphModel
import EcoGraphTestSupport
import Testing

@Suite struct EcoDateRandomTextTests {
    /// The reading of `YYYY`, `YYYY-MM`, `YYYY-MM-DD` as FORMAT.md words it, spelled the slow way: split on
    /// `-`, four then two then two ASCII digits, a date that exists.
    private func reference(_ text: String) -> EcoDate? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1 ... 3).contains(parts.count),
              parts.enumerated().allSatisfy({ i, part in part.utf8.count == (i == 0 ? 4 : 2) && part.utf8.allSatisfy { (48 ... 57).contains($0) } })
        else { return nil }
        let numbers = parts.map { Int($0)! }
        return EcoDate(year: numbers[0], month: numbers.count > 1 ? numbers[1] : nil, day: numbers.count > 2 ? numbers[2] : nil)
    }

    @Test func parsingAgreesWithTheSplitReadingOnRandomText() {
        var random = SeededRandom(state: 5)
        let alphabet = Array("0123456789--x 1٣")  // includes a space, a letter and an Arabic-Indic digit
        var parsed = 0
        for _ in 0 ..< 20_000 {
            let length = random.below(12)
            var text = String((0 ..< length).map { _ in alphabet[random.below(alphabet.count)] })
            // Half the cases shaped like dates, so that the valid branch is exercised too.
            if random.below(2) == 0 {
                let year = String(1000 + random.below(9000)), month = String(format2: random.below(14)), day = String(format2: random.below(33))
                text = [year, year + "-" + month, year + "-" + month + "-" + day][random.below(3)]
            }
            #expect(EcoDate(text) == reference(text), "\(text.debugDescription)")
            if EcoDate(text) != nil { parsed += 1 }
        }
        #expect(parsed > 3000)
        #expect(EcoDate("2024-02-29")?.description == "2024-02-29" && EcoDate("2023-02-29") == nil && EcoDate("2024-13") == nil)
        #expect(EcoDate("0001") != nil && EcoDate("0000") == nil && EcoDate("2024-1") == nil && EcoDate("2024-01-") == nil && EcoDate("") == nil)
    }
}

private extension String {
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
