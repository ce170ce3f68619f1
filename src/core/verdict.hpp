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

// When a client counts as lapsed (SPEC section 3): more than interval_multiple x its usual
// days between orders since the last order, or, where the usual interval is unknown, more
// than days_without_interval days.
// With p_alive_below set, a client whose probability of still being a client (BG/NBD,
// buying_forecast.hpp) is known is lapsed when it is below that threshold instead; a client
// without one still follows the interval rule.
struct LapseRule {
    double interval_multiple = 2.0;
    double days_without_interval = kLapsedWithoutInterval;
    std::optional<double> p_alive_below;
};

// Throws InvalidInput unless interval_multiple is finite and > 0, days_without_interval is
// finite and >= 0 and p_alive_below (when set) is in (0, 1].
void validate_lapse_rule(const LapseRule& rule);

// The verdict of each tier and risk band: table[tier][band], indexed by Tier and Band.
using VerdictTable = std::array<std::array<Verdict, 3>, 4>;

// The spec's table (SPEC section 3).
constexpr VerdictTable kDefaultVerdictTable = {{
    {Verdict::Keep, Verdict::Keep, Verdict::Renegotiate},        // A
    {Verdict::Grow, Verdict::Renegotiate, Verdict::Renegotiate}, // B
    {Verdict::LowTouch, Verdict::Renegotiate, Verdict::LetGo},   // C
    {Verdict::Renegotiate, Verdict::LetGo, Verdict::LetGo},      // D
}};

// Everything verdict_for() decides by: the table and the lapse rule.
struct VerdictRules {
    VerdictTable table = kDefaultVerdictTable;
    LapseRule lapse;
};

// Throws InvalidInput for an invalid lapse rule or a table cell that is Win back (Win back is
// the override for lapsed clients, never a cell of the table) or not a verdict at all.
void validate_verdict_rules(const VerdictRules& rules);

// A client is lapsed when days_since_last_order > 2 x usual_days_between_orders. The usual
// interval is unknown when it is nullopt or 0 (a single order, or all orders on one day):
// then lapsed means days_since_last_order > 180. Without days_since_last_order a client is
// never lapsed. `rule` replaces the 2 and the 180. With rule.p_alive_below and `p_alive`
// given, lapsed means p_alive < p_alive_below. Throws InvalidInput for a negative or
// non-finite number of days, a p_alive outside [0, 1], or an invalid rule.
bool is_lapsed(std::optional<double> days_since_last_order,
               std::optional<double> usual_days_between_orders = std::nullopt,
               const LapseRule& rule = {}, std::optional<double> p_alive = std::nullopt);

// The tier x band table; Win back instead for a lapsed tier A or B client whose band is not
// High. `rules` replaces the spec's table and lapse rule. Throws InvalidInput as is_lapsed()
// does, and for invalid rules.
Verdict verdict_for(Tier tier, Band band,
                    std::optional<double> days_since_last_order = std::nullopt,
                    std::optional<double> usual_days_between_orders = std::nullopt,
                    const VerdictRules& rules = {}, std::optional<double> p_alive = std::nullopt);

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
