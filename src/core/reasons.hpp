// Why a client scores the risk it does: the signals that contribute most, as text
// (SPEC section 2, CLIENT_REASONS).
#pragma once

#include "core/lang.hpp"
#include "core/risk.hpp"
#include "core/signal.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace triage {

struct Reason {
    Signal signal;
    double value;  // the signal's value in natural units
    double points; // its contribution to the score, > 0
};

// The signals contributing more than 0 points, largest first (ties in the spec's table
// order), at most `max` of them.
std::vector<Reason> top_reasons(const SignalValues& values, const RiskResult& result,
                                std::size_t max = 3);

// The signal contributing most, if any contributes (ties: the spec's table order).
std::optional<Signal> top_signal(const RiskResult& result);

// "late payment 45 days (+17); returns 18% (+4)" in the given language; the value in its
// natural unit (days, %, a count, a ratio), the points rounded to a whole number ("+<1" for
// a contribution that rounds to 0). Empty for no reasons.
std::string format_reasons(const std::vector<Reason>& reasons, Lang lang);

// One reason without its points: "late payment 45 days", "просрочка оплаты 45 дней".
std::string describe_signal_value(Signal signal, double value, Lang lang);

// The signal's short name: "late payment", "просрочка оплаты", "maksuviive".
const char* signal_label(Signal signal, Lang lang);

} // namespace triage
