#include "core/risk.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

namespace triage {

namespace {

constexpr RiskRules kDefaultRules = {{
    {0.0, 60.0, 3.0},  // days_late
    {0.05, 0.30, 2.0}, // return_rate
    {0.0, 6.0, 2.0},   // complaints
    {0.20, 0.80, 1.0}, // discount_share
    {0.20, 1.00, 3.0}, // cost_to_serve
    {3.0, 30.0, 1.0},  // approval_days
    {0.10, 0.50, 2.0}, // scope_creep
    {0.10, 0.60, 1.0}, // rush_share
}};

constexpr std::array<Localized, 3> kBandLabels = {{
    {"Low", "Низкий", "Matala"},
    {"Medium", "Средний", "Keskitaso"},
    {"High", "Высокий", "Korkea"},
}};

std::string shown(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

} // namespace

RiskRules default_risk_rules() {
    return kDefaultRules;
}

void validate_risk_rules(const RiskRules& rules) {
    for (Signal s : kAllSignals) {
        const SignalRule& r = rules[signal_index(s)];
        const std::string key(signal_key(s));
        if (!std::isfinite(r.good) || !std::isfinite(r.bad) || !std::isfinite(r.bad - r.good) ||
            r.good == r.bad) {
            throw InvalidInput("the rule for " + key +
                               " needs finite, different good and bad values");
        }
        if (!std::isfinite(r.weight) || !(r.weight > 0.0)) {
            throw InvalidInput("the weight of " + key + " must be a finite number above 0");
        }
    }
    double total = 0.0;
    for (const SignalRule& r : rules) {
        total += r.weight;
    }
    if (!std::isfinite(total)) {
        throw InvalidInput("the weights of the signals are too large to add up");
    }
}

double sub_score(double value, const SignalRule& rule) {
    const double s = (value - rule.good) / (rule.bad - rule.good);
    return std::clamp(s, 0.0, 1.0);
}

RiskResult risk_score(const SignalValues& values, const RiskRules& rules) {
    validate_risk_rules(rules);
    bool any_given = false;
    for (Signal s : kAllSignals) {
        const auto& value = values[signal_index(s)];
        if (!value) {
            continue;
        }
        if (!std::isfinite(*value)) {
            throw InvalidInput(std::string(signal_key(s)) + " must be a finite number");
        }
        if (*value < 0.0) {
            throw InvalidInput(std::string(signal_key(s)) + " must not be negative (got " +
                               shown(*value) + ")");
        }
        any_given = true;
    }
    if (!any_given) {
        throw InvalidInput("no risk signal given: at least one signal needs a value");
    }
    return checked_risk_score(values, rules);
}

RiskResult checked_risk_score(const SignalValues& values, const RiskRules& rules) {
    RiskResult result{};
    std::array<double, kSignalCount> weighted{};
    double weight_sum = 0.0; // > 0: weights are > 0 and a signal is given
    for (std::size_t i = 0; i < kSignalCount; ++i) {
        if (!values[i]) {
            continue;
        }
        result.given[i] = true;
        weighted[i] = rules[i].weight * sub_score(*values[i], rules[i]);
        weight_sum += rules[i].weight;
    }
    double weighted_sum = 0.0;
    for (std::size_t i = 0; i < kSignalCount; ++i) {
        weighted_sum += weighted[i];
        // 100 x (share of the total weight): the quotient is <= 1, so no point exceeds 100.
        result.points[i] = 100.0 * (weighted[i] / weight_sum);
    }
    result.score = std::clamp(100.0 * (weighted_sum / weight_sum), 0.0, 100.0);
    return result;
}

double cost_to_serve_ratio(double service_cost, double profit) {
    if (!std::isfinite(service_cost)) {
        throw InvalidInput("the service cost must be a finite number");
    }
    if (service_cost < 0.0) {
        throw InvalidInput("the service cost must not be negative (got " + shown(service_cost) +
                           ")");
    }
    if (!std::isfinite(profit)) {
        throw InvalidInput("the profit must be a finite number");
    }
    if (service_cost == 0.0) {
        return 0.0;
    }
    if (profit <= 0.0) {
        return kCostExceedsProfit;
    }
    return std::min(service_cost / profit, kCostExceedsProfit); // overflow -> inf -> cap
}

void validate_band_limits(const BandLimits& limits) {
    if (!std::isfinite(limits.medium_from) || !std::isfinite(limits.high_from) ||
        !(limits.medium_from > 0.0) || !(limits.medium_from < limits.high_from) ||
        !(limits.high_from <= 100.0)) {
        throw InvalidInput("the risk band limits must satisfy 0 < medium_from < high_from <= 100 "
                           "(got " +
                           shown(limits.medium_from) + " and " + shown(limits.high_from) + ")");
    }
}

Band risk_band(double score, const BandLimits& limits) {
    validate_band_limits(limits);
    if (!std::isfinite(score) || score < 0.0 || score > 100.0) {
        throw InvalidInput("the risk score must be a number from 0 to 100");
    }
    if (score < limits.medium_from) {
        return Band::Low;
    }
    if (score < limits.high_from) {
        return Band::Medium;
    }
    return Band::High;
}

const char* band_label(Band band, Lang lang) {
    return kBandLabels[static_cast<std::size_t>(band)].in(lang);
}

} // namespace triage
