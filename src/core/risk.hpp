// Bad-client risk score, 0 to 100, and its bands (SPEC section 2).
#pragma once

#include "core/lang.hpp"
#include "core/signal.hpp"

#include <array>
#include <limits>
#include <optional>

namespace triage {

// How one signal maps to a sub-score: s = clamp((x - good) / (bad - good), 0, 1), weighted.
struct SignalRule {
    double good;
    double bad;
    double weight;
};

// One rule per signal, indexed by signal_index().
using RiskRules = std::array<SignalRule, kSignalCount>;

// The spec's table: days_late 0/60/3, return_rate 0.05/0.30/2, complaints 0/6/2,
// discount_share 0.20/0.80/1, cost_to_serve 0.20/1.00/3, approval_days 3/30/1,
// scope_creep 0.10/0.50/2, rush_share 0.10/0.60/1.
RiskRules default_risk_rules();

// Throws InvalidInput unless every rule has finite good and bad with good != bad and a
// finite weight > 0.
void validate_risk_rules(const RiskRules& rules);

// A client's signals in natural units, indexed by signal_index(); nullopt = missing or empty.
using SignalValues = std::array<std::optional<double>, kSignalCount>;

// The sub-score of one value under one rule, in [0, 1] (x = +infinity gives 1 when
// bad > good). No validation: risk_score() checks its inputs.
double sub_score(double value, const SignalRule& rule);

struct RiskResult {
    double score;                            // 0 .. 100
    std::array<double, kSignalCount> points; // contribution of each signal; they add up to
                                             // the score; 0 for a signal not given
    std::array<bool, kSignalCount> given;    // which signals took part in the sums
};

// Score = 100 x sum(w x s) / sum(w) over the given signals only (a missing signal is left
// out of both sums). Throws InvalidInput when no signal is given, when a given value is
// negative or not finite (the message names the signal), or when the rules are invalid.
RiskResult risk_score(const SignalValues& values, const RiskRules& rules = default_risk_rules());

// risk_score() without its checks, for a caller that has made them (the batch checks the rules
// once per table and each row's values as it reads them): `rules` valid, every given value
// finite and >= 0, at least one given. risk_score() computes with it.
RiskResult checked_risk_score(const SignalValues& values, const RiskRules& rules);

// ---------------------------------------------------------------- cost to serve from money

// The cost_to_serve ratio of a client whose profit is <= 0 while serving it costs something:
// no ratio exists, the cost exceeds whatever the client brings. It is finite (so it passes
// risk_score's validation) and so large that every rule with bad > good gives it s = 1;
// format_reasons() says "cost to serve exceeds profit" for it instead of printing a number.
constexpr double kCostExceedsProfit = std::numeric_limits<double>::max();

// cost_to_serve from a money "service cost" column: service_cost / profit. With profit <= 0,
// kCostExceedsProfit when service_cost > 0 and 0 when service_cost == 0. A ratio too large to
// represent is also kCostExceedsProfit. Throws InvalidInput for a negative or non-finite
// service cost or a non-finite profit.
double cost_to_serve_ratio(double service_cost, double profit);

// ---------------------------------------------------------------- bands

enum class Band { Low, Medium, High };

// Where the bands begin: low < medium_from <= medium < high_from <= high. The spec's limits
// are 30 and 60.
struct BandLimits {
    double medium_from = 30.0;
    double high_from = 60.0;
};

// Throws InvalidInput unless 0 < medium_from < high_from <= 100 (both finite).
void validate_band_limits(const BandLimits& limits);

// low < 30 <= medium < 60 <= high (or the given limits). Throws InvalidInput unless
// 0 <= score <= 100 (a risk typed by hand into CLIENT_VERDICT goes through here too) or when
// the limits are invalid.
Band risk_band(double score, const BandLimits& limits = {});

// "Low" / "Низкий" / "Matala", ...
const char* band_label(Band band, Lang lang);

} // namespace triage
