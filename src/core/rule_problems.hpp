// What the reading and the checks of a rule set share (rules_read.cpp, rules_check.cpp):
// the JSON document type, the paths of its values (JSON Pointers), texts quoted in messages, and
// the list of problems found. Internal to the rules.
#pragma once

#include "core/lang.hpp"
#include "core/rules.hpp"
#include "core/text.hpp"
#include "core/values.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace triage::rule_problems {

// ordered_json keeps the keys in the order of the text, so problems follow the document and
// rules_to_json() writes the keys in schema order.
using Json = nlohmann::ordered_json;
using Texts = std::array<std::string, 3>;

template <class F> Texts each_lang(F f) {
    return {f(Lang::En), f(Lang::Ru), f(Lang::Fi)};
}

// The schema's names.
inline constexpr std::array<std::string_view, 4> kTierKeys = {"A", "B", "C", "D"};
inline constexpr std::array<std::string_view, 3> kBandKeys = {"low", "medium", "high"};

// The path of a member or an element below `path` (JSON Pointer, RFC 6901: "~" and "/" in a key
// escaped as "~0" and "~1").
std::string child(const std::string& path, std::string_view key);
std::string child(const std::string& path, std::size_t index);

// A text from the rules inside a message, in the quotes of the language: valid UTF-8 is kept
// (control characters become spaces), anything else becomes U+FFFD, and it is cut at 60 bytes.
std::string quoted(std::string_view text, Lang lang);

inline constexpr Localized kTypeNumber = {"a number", "число", "luku"};
inline constexpr Localized kTypeObject = {"an object { ... }", "объект { ... }", "objekti { ... }"};
inline constexpr Localized kTypeText = {"a text", "текст", "teksti"};
inline constexpr Localized kTypeList = {"a list [ ... ]", "список [ ... ]", "lista [ ... ]"};
inline constexpr Localized kTypeBool = {"true or false", "true или false", "true tai false"};
inline constexpr Localized kTypeNull = {"null", "null", "null"};

// What kind of JSON value `j` is, as the messages name it.
const Localized& type_name(const Json& j);

inline constexpr Localized kOutOfRange = {"{} must be {}; it is {}.", "{}: нужно {}, указано {}.",
                                          "{}: sallittu {}, annettu {}."};
inline constexpr Localized kWrongType = {"Expected {} here, found {}.",
                                         "Здесь ожидается {}, а найдено: {}.",
                                         "Tähän odotetaan: {}; annettu: {}."};
inline constexpr Localized kUnknownVerdict = {
    "{} is not a verdict; use keep, grow, low_touch, renegotiate or let_go (or their names in "
    "English, Russian or Finnish).",
    "{} — не решение; используйте keep, grow, low_touch, renegotiate или let_go (или их "
    "названия на русском, английском или финском).",
    "{} ei ole päätös; käytä arvoja keep, grow, low_touch, renegotiate tai let_go (tai niiden "
    "nimiä suomeksi, englanniksi tai venäjäksi)."};

class Problems {
public:
    explicit Problems(std::vector<RuleProblem>& out) : out_(out) {}

    void add(RuleProblemKind kind, std::string path, Texts messages) {
        out_.push_back({kind, std::move(path), std::move(messages)});
    }

    // "{what} must be {range}; it is {value}."
    template <class What>
    void out_of_range(const std::string& path, What what, const Localized& range, double value) {
        add(RuleProblemKind::OutOfRange, path, each_lang([&](Lang l) {
                return fill_placeholders(kOutOfRange.in(l),
                                         {what(l), range.in(l), number_text(value)});
            }));
    }

    void wrong_type(const std::string& path, const Localized& expected, const Json& found) {
        add(RuleProblemKind::WrongType, path, each_lang([&](Lang l) {
                return fill_placeholders(kWrongType.in(l),
                                         {expected.in(l), type_name(found).in(l)});
            }));
    }

private:
    std::vector<RuleProblem>& out_;
};

// The range and conflict checks of a whole rule set (rules_check.cpp). `given` (may be null)
// names the paths the document gave: a conflict between two values is reported at the one the
// user wrote (the second one when they wrote both or neither).
void check_ranges(const RuleSet& rules, const std::set<std::string>* given, Problems& problems);

} // namespace triage::rule_problems
