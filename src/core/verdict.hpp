// What to do with a client: the verdict from tier and risk band, its labels and next steps
// (SPEC section 3).
#pragma once

#include "core/lang.hpp"
#include "core/risk.hpp"
#include "core/signal.hpp"
#include "core/tier.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace triage {

enum class Verdict { Keep, Grow, LowTouch, Renegotiate, WinBack, LetGo };

constexpr std::size_t kVerdictCount = 6;

constexpr std::array<Verdict, kVerdictCount> kAllVerdicts = {
    Verdict::Keep,        Verdict::Grow,    Verdict::LowTouch,
    Verdict::Renegotiate, Verdict::WinBack, Verdict::LetGo,
};

// Days without an order after which a client whose usual interval is unknown is lapsed.
constexpr double kLapsedWithoutInterval = 180.0;

// A client is lapsed when days_since_last_order > 2 x usual_days_between_orders. The usual
// interval is unknown when it is nullopt or 0 (a single order, or all orders on one day):
// then lapsed means days_since_last_order > 180. Without days_since_last_order a client is
// never lapsed. Throws InvalidInput for a negative or non-finite number of days.
bool is_lapsed(std::optional<double> days_since_last_order,
               std::optional<double> usual_days_between_orders = std::nullopt);

// The tier x band table; Win back instead for a lapsed tier A or B client whose band is not
// High. Throws InvalidInput as is_lapsed() does.
Verdict verdict_for(Tier tier, Band band,
                    std::optional<double> days_since_last_order = std::nullopt,
                    std::optional<double> usual_days_between_orders = std::nullopt);

// The spec's label: "Keep", "Удержать", "Pidä", "Low-touch", ...
const char* verdict_label(Verdict verdict, Lang lang);

// A stable ASCII identifier for styles and files: "keep", "grow", "low_touch",
// "renegotiate", "win_back", "let_go".
const char* verdict_key(Verdict verdict);

// A label in any of the three languages, or a key. Case (also Cyrillic and ä/ö/å) is
// ignored, and so are spaces, hyphens and underscores anywhere ("low touch", "lowtouch",
// " WIN-BACK ", "пересмотреть  условия"). nullopt for anything else.
std::optional<Verdict> parse_verdict(std::string_view text);

// The generic next step for a verdict (CLIENT_ACTION): "protect: priority service, ...".
const char* generic_next_step(Verdict verdict, Lang lang);

// The specific next step for the signal contributing most to the risk; for nullopt (no
// signal contributes, e.g. a loss-making tier D client) the "raise the minimum order ..."
// step.
const char* specific_next_step(std::optional<Signal> top_signal, Lang lang);

// Renegotiate: the specific step of the top signal (or the no-signal step). Any other
// verdict: the generic step, and when a signal contributes, the specific step as a hint:
// "protect: ... check-ins. Also: prepayment of 30-50%, ...".
std::string next_step(Verdict verdict, std::optional<Signal> top_signal, Lang lang);

} // namespace triage
