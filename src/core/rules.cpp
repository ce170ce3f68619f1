#include "core/rules.hpp"

#include "core/rule_problems.hpp"

#include "core/headers.hpp"

#include <algorithm>
#include <utility>

namespace triage {

using namespace rule_problems;

namespace {

Json to_json(const RuleSet& rules) {
    Json out = Json::object();
    out["version"] = 1;
    out["tiers"] = {{"a_share", rules.shares.a}, {"b_share", rules.shares.b}};
    Json signals = Json::object();
    for (Signal s : kAllSignals) {
        const SignalRule& r = rules.signals[signal_index(s)];
        Json rule = Json::object();
        rule["good"] = r.good;
        rule["bad"] = r.bad;
        rule["weight"] = r.weight;
        signals[std::string(signal_key(s))] = std::move(rule);
    }
    out["signals"] = std::move(signals);
    out["bands"] = {{"medium_from", rules.bands.medium_from}, {"high_from", rules.bands.high_from}};
    Json verdicts = Json::object();
    for (std::size_t t = 0; t < kTierKeys.size(); ++t) {
        Json row = Json::object();
        for (std::size_t b = 0; b < kBandKeys.size(); ++b) {
            row[std::string(kBandKeys[b])] = verdict_key(rules.verdicts.table[t][b]);
        }
        verdicts[std::string(kTierKeys[t])] = std::move(row);
    }
    out["verdicts"] = std::move(verdicts);
    out["lapse"] = {{"interval_multiple", rules.verdicts.lapse.interval_multiple},
                    {"days_without_interval", rules.verdicts.lapse.days_without_interval},
                    {"p_alive_below", rules.verdicts.lapse.p_alive_below
                                          ? Json(*rules.verdicts.lapse.p_alive_below)
                                          : Json(nullptr)}};
    out["prospects"] = {{"gap_days", rules.prospects.gap_days},
                        {"letter_gap_days", rules.prospects.letter_gap_days}};
    Json synonyms = Json::object();
    for (Field f : kAllFields) {
        const std::vector<std::string>& list = rules.synonyms[field_index(f)];
        if (!list.empty()) {
            synonyms[std::string(field_key(f))] = list;
        }
    }
    out["synonyms"] = std::move(synonyms);
    out["analysis_date"] =
        rules.analysis_date ? Json(iso_date(*rules.analysis_date)) : Json(nullptr);
    out["movement"] = {{"months", rules.movement_months}};
    out["cohorts"] = {{"period", std::string(cohort_period_key(rules.cohort_period))}};
    return out;
}

} // namespace

bool operator==(const RuleSet& a, const RuleSet& b) {
    if (a.shares.a != b.shares.a || a.shares.b != b.shares.b) {
        return false;
    }
    for (std::size_t i = 0; i < kSignalCount; ++i) {
        const SignalRule& x = a.signals[i];
        const SignalRule& y = b.signals[i];
        if (x.good != y.good || x.bad != y.bad || x.weight != y.weight) {
            return false;
        }
    }
    return a.bands.medium_from == b.bands.medium_from && a.bands.high_from == b.bands.high_from &&
           a.verdicts.table == b.verdicts.table &&
           a.verdicts.lapse.interval_multiple == b.verdicts.lapse.interval_multiple &&
           a.verdicts.lapse.days_without_interval == b.verdicts.lapse.days_without_interval &&
           a.verdicts.lapse.p_alive_below == b.verdicts.lapse.p_alive_below &&
           a.prospects.gap_days == b.prospects.gap_days &&
           a.prospects.letter_gap_days == b.prospects.letter_gap_days && a.synonyms == b.synonyms &&
           a.analysis_date == b.analysis_date && a.cohort_period == b.cohort_period &&
           a.movement_months == b.movement_months;
}

RuleSet default_rules() {
    return RuleSet{};
}

std::string rule_problems_text(const std::vector<RuleProblem>& problems, Lang lang,
                               std::string_view separator) {
    static constexpr Localized kMore = {"\xE2\x80\xA6 and {} more.", "\xE2\x80\xA6 и ещё {}.",
                                        "\xE2\x80\xA6 ja {} muuta."};
    std::string out;
    const std::size_t shown = std::min(problems.size(), kShownRuleProblems);
    for (std::size_t i = 0; i < shown; ++i) {
        const RuleProblem& p = problems[i];
        if (i > 0) {
            out += separator;
        }
        if (!p.path.empty()) {
            out += p.path + ": ";
        }
        out += p.message(lang);
    }
    if (shown < problems.size()) {
        out += separator;
        out += fill_placeholders(kMore.in(lang), {std::to_string(problems.size() - shown)});
    }
    return out;
}

RulesError::RulesError(std::vector<RuleProblem> problems)
    : InvalidInput("invalid rules: " + rule_problems_text(problems, Lang::En, " ")),
      problems_(std::move(problems)) {}

std::string rules_to_json(const RuleSet& rules) {
    // Invalid UTF-8 in a synonym is replaced rather than thrown: the text stays writable.
    return to_json(rules).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

} // namespace triage
