// libFuzzer target: rule sets read from JSON and written back (core/rules: the parse, the
// reading, the checks, the writing). Nothing may crash, hang, throw or trip the sanitizers, and
// the answers must hold together:
// - a text read gives a rule set exactly when there is no problem, every problem has a path and
//   a message in each language, and a rule set that was read is valid, gives batch settings and
//   is read back the same from the JSON written of it;
// - a rule set built in code that validate_rules() accepts is read back the same from its JSON
//   (rules.hpp: parse_rules(rules_to_json(r)) == r for every valid r).
//
// The first byte chooses the input: the rest as the text; a preset's JSON with a span of it
// replaced by the rest (so that mutations reach the reading and the checks of documents that are
// mostly valid, not only the parser's errors); or a rule set built from the rest's bytes.
#include "core/error.hpp"
#include "core/rules.hpp"
#include "core/values.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace {

void check(bool holds) {
    if (!holds) {
        std::abort();
    }
}

// Reads the input a byte at a time (0 once it is used up).
class Bytes {
public:
    Bytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    std::uint8_t next() { return at_ < size_ ? data_[at_++] : 0; }
    std::string_view rest() const {
        return {reinterpret_cast<const char*>(data_ + at_), size_ - at_};
    }
    bool more() const { return at_ < size_; }
    // A number: small multiples of 1/8, a few edge values, or any bit pattern.
    double number() {
        const std::uint8_t k = next();
        switch (k % 4) {
        case 0:
        case 1:
            return (k / 4) / 8.0;
        case 2: {
            constexpr std::array<double, 10> kEdges = {
                0.0,
                -0.0,
                1.0,
                100.0,
                -1.0,
                1e308,
                std::numeric_limits<double>::denorm_min(),
                std::numeric_limits<double>::quiet_NaN(),
                std::numeric_limits<double>::infinity(),
                0.1 + 0.2,
            };
            return kEdges[(k / 4) % kEdges.size()];
        }
        default: {
            std::uint64_t bits = 0;
            for (int i = 0; i < 8; ++i) {
                bits = bits << 8 | next();
            }
            double x = 0;
            std::memcpy(&x, &bits, sizeof x);
            return x;
        }
        }
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

// A rule set built from the bytes: a preset, then edits of one value each (a byte naming the
// value, then its new value), so that a short input changes any value and often stays valid.
triage::RuleSet built(Bytes& in) {
    const auto& all = triage::presets();
    triage::RuleSet r = all[in.next() % all.size()].rules;
    std::vector<double*> numbers = {&r.shares.a,
                                    &r.shares.b,
                                    &r.bands.medium_from,
                                    &r.bands.high_from,
                                    &r.verdicts.lapse.interval_multiple,
                                    &r.verdicts.lapse.days_without_interval,
                                    &r.prospects.gap_days,
                                    &r.prospects.letter_gap_days,
                                    &r.movement_months};
    for (triage::SignalRule& s : r.signals) {
        numbers.insert(numbers.end(), {&s.good, &s.bad, &s.weight});
    }
    constexpr std::size_t kCells = 12;
    for (int edits = 0; edits < 32 && in.more(); ++edits) {
        std::size_t which = in.next() % (numbers.size() + kCells + 4);
        if (which < numbers.size()) {
            *numbers[which] = in.number();
            continue;
        }
        which -= numbers.size();
        if (which < kCells) {
            r.verdicts.table[which / 3][which % 3] =
                triage::kAllVerdicts[in.next() % triage::kVerdictCount];
            continue;
        }
        switch (which - kCells) {
        case 0:
            r.verdicts.lapse.p_alive_below = in.number();
            break;
        case 1:
            r.cohort_period =
                in.next() % 2 == 0 ? triage::CohortPeriod::Month : triage::CohortPeriod::Quarter;
            break;
        case 2: { // a whole day between 2000 and 2179, as the rules write dates
            const int high = in.next();
            r.analysis_date = triage::serial_from_civil(2000, 1, 1) + high * 256 + in.next();
            break;
        }
        default: {
            // A synonym of valid UTF-8 (the reader takes no other): pieces of Latin, Cyrillic
            // and Finnish letters, digits, spaces and punctuation.
            constexpr std::array<std::string_view, 8> kPieces = {"a", "b", "я", "ö",
                                                                 "1", " ", "-", "%"};
            std::string text;
            for (int n = in.next() % 6; n > 0; --n) {
                text += kPieces[in.next() % kPieces.size()];
            }
            r.synonyms[in.next() % triage::kFieldCount].push_back(text);
        }
        }
    }
    return r;
}

// A preset's JSON with `span` bytes at a place replaced by the rest of the input.
std::string spliced(Bytes& in) {
    const auto& all = triage::presets();
    const std::uint8_t which = in.next();
    std::string text = triage::rules_to_json(all[which % all.size()].rules);
    const std::size_t high = in.next();
    const std::size_t place = (high << 8 | in.next()) % text.size();
    text.replace(place, which / 16, in.rest());
    return text;
}

void check_round_trip(const triage::RuleSet& rules) {
    const triage::RulesLoad again = triage::load_rules(triage::rules_to_json(rules));
    check(again.ok() && *again.rules == rules);
}

void check_read(std::string_view text) {
    const triage::RulesLoad load = triage::load_rules(text);
    check(load.ok() == load.rules.has_value());
    for (const triage::RuleProblem& p : load.problems) {
        check(p.path.empty() || p.path[0] == '/');
        for (triage::Lang lang : {triage::Lang::En, triage::Lang::Ru, triage::Lang::Fi}) {
            check(!p.message(lang).empty());
        }
    }
    if (!load.ok()) {
        return;
    }
    check(triage::validate_rules(*load.rules).empty());
    try {
        (void)triage::batch_settings(*load.rules);
    } catch (const triage::InvalidInput&) {
        std::abort(); // valid rules always give settings
    }
    check_round_trip(*load.rules);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Bytes in(data, size);
    switch (in.next() % 3) {
    case 0:
        check_read(in.rest());
        break;
    case 1:
        check_read(spliced(in));
        break;
    default: {
        const triage::RuleSet rules = built(in);
        if (triage::validate_rules(rules).empty()) {
            check_round_trip(rules);
        } else {
            (void)triage::rules_to_json(rules); // written without a crash, even when invalid
        }
    }
    }
    return 0;
}
