// Rules that fit the business: every threshold of SPEC.md as one value (a rule set), read from
// and written to JSON (schema: docs/rules-schema.md), and the built-in presets
// (docs/presets.md).
#pragma once

#include "core/batch.hpp"
#include "core/cadence.hpp"
#include "core/cohorts.hpp"
#include "core/error.hpp"
#include "core/headers.hpp"
#include "core/lang.hpp"
#include "core/risk.hpp"
#include "core/tier.hpp"
#include "core/verdict.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triage {

// Everything a business may set differently from the spec.
struct RuleSet {
    TierShares shares;                        // SPEC section 1: a_share, b_share
    RiskRules signals = default_risk_rules(); // SPEC section 2: good, bad, weight per signal
    BandLimits bands;                         // SPEC section 2: where medium and high risk begin
    VerdictRules verdicts;                    // SPEC section 3: the table and the lapse rule
    CadenceGaps prospects;                    // SPEC section 5: the call gap and the letter gap
    ExtraSynonyms synonyms;                   // SPEC section 7: header texts besides the built-in
    // The day recency is measured at (a core day number, values.hpp); nullopt: the latest
    // order date of a transaction table, today for a client table (docs/orders.md).
    std::optional<double> analysis_date;
    // The cohort sheet's period (issue "Cohorts and tier movement"): months or quarters.
    CohortPeriod cohort_period = CohortPeriod::Month;
    // The tier movement's periods: the last `movement_months` months against the ones before.
    double movement_months = 12;
};

bool operator==(const RuleSet& a, const RuleSet& b);
inline bool operator!=(const RuleSet& a, const RuleSet& b) {
    return !(a == b);
}

// The spec's values (the "standard" preset).
RuleSet default_rules();

// ---------------------------------------------------------------- problems

// A rules text larger than this is not read at all.
constexpr std::size_t kMaxRulesBytes = 1024 * 1024;
// Objects and lists nested deeper than this are not read at all (a rule set needs 3 levels).
constexpr std::size_t kMaxRulesDepth = 16;

enum class RuleProblemKind {
    TooLarge,     // the text exceeds kMaxRulesBytes (path "")
    TooDeep,      // nesting exceeds kMaxRulesDepth (path "")
    Syntax,       // not valid JSON (path ""; the message gives the byte, line and column)
    DuplicateKey, // a key given twice in one object
    UnknownKey,   // a key the schema does not know (the message lists the known ones)
    WrongType,    // e.g. text where a number belongs
    OutOfRange,   // a number outside its range, an empty synonym, Win back as a table cell
    Conflict,     // two values that do not fit together (good = bad, medium_from >= high_from,
                  // one synonym for two fields)
    UnknownName,  // a verdict or preset name that does not exist
};

struct RuleProblem {
    RuleProblemKind kind;
    // Where: a JSON Pointer (RFC 6901) into the rules, e.g. "/signals/days_late/bad";
    // "" for the whole text.
    std::string path;
    std::array<std::string, 3> messages; // en, ru, fi: plain text for the user
    const std::string& message(Lang lang) const { return messages[static_cast<std::size_t>(lang)]; }
};

// How many problems rule_problems_text() names; a text of many errors (a large document of
// the wrong shape has hundreds of thousands) is summed up after them.
constexpr std::size_t kShownRuleProblems = 20;

// The problems as one text for the user: "path: message" each (the message alone for the whole
// text), joined by `separator`, at most kShownRuleProblems of them, then "... and N more.".
std::string rule_problems_text(const std::vector<RuleProblem>& problems, Lang lang,
                               std::string_view separator);

// Thrown by parse_rules(): every problem found, not only the first. what() is
// "invalid rules: " and the English rule_problems_text().
class RulesError : public InvalidInput {
public:
    explicit RulesError(std::vector<RuleProblem> problems);
    const std::vector<RuleProblem>& problems() const { return problems_; }

private:
    std::vector<RuleProblem> problems_;
};

// ---------------------------------------------------------------- JSON

struct RulesLoad {
    std::optional<RuleSet> rules;      // set exactly when problems is empty
    std::vector<RuleProblem> problems; // in the order: size/depth/syntax, duplicate keys,
                                       // keys and types (schema order), ranges (schema order)
    bool ok() const { return problems.empty(); }
};

// Reads a rule set (docs/rules-schema.md). Any key may be missing: missing values come from
// the preset named by "base" (default "standard", the spec's values). Reports every problem
// with its path instead of throwing; never crashes or hangs on any input (it only reads texts
// up to kMaxRulesBytes and nesting up to kMaxRulesDepth).
RulesLoad load_rules(std::string_view json);

// load_rules(), but throws RulesError carrying the problems when there are any.
RuleSet parse_rules(std::string_view json);

// Every value of the rule set as JSON ("version": 1 and every key but "base"; synonyms only
// for fields that have any), pretty-printed. parse_rules(rules_to_json(r)) == r for every
// valid r: numbers are written in their shortest exact form.
std::string rules_to_json(const RuleSet& rules);

// The range checks of load_rules() for a rule set built in code; empty when it is valid.
std::vector<RuleProblem> validate_rules(const RuleSet& rules);

// The batch settings of a rule set (throws RulesError when the rules are invalid).
BatchSettings batch_settings(const RuleSet& rules, Lang lang = Lang::En);

// ---------------------------------------------------------------- presets

struct Preset {
    std::string_view key; // "standard", "services_b2b", "online_shop", "wholesale"
    Localized name;       // "Services (B2B)", ...
    Localized description;
    RuleSet rules;
};

// The built-in presets, "standard" first. Their choices are explained in docs/presets.md.
const std::vector<Preset>& presets();

// The rules of a preset by key; nullopt for an unknown key.
std::optional<RuleSet> preset(std::string_view key);

} // namespace triage
