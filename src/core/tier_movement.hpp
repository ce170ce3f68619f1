// Tier movement (issue "Cohorts and tier movement"): a client's Pareto tier in one period
// against another, e.g. last year's profit against this year's. A client without a value in a
// period has no tier there: "new" when it has none before, "lost" when it has none now.
#pragma once

#include "core/lang.hpp"
#include "core/repeat_buying.hpp"
#include "core/tier.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace triage {

// "A -> B", "new -> A", "B -> lost" (ru "новый", "ушёл"; fi "uusi", "menetetty"); empty
// when the client has a tier in neither period.
std::string movement_text(std::optional<Tier> before, std::optional<Tier> now, Lang lang);

// A tier A or B client that moved to a lower tier or was lost: the ones to act on first.
bool moved_down(std::optional<Tier> before, std::optional<Tier> now);

// Clients and their value in each cell of the movement matrix: rows the tier before (A, B,
// C, D, then new), columns the tier now (A, B, C, D, then lost).
constexpr std::size_t kMovementSize = 5;
struct MovementMatrix {
    std::array<std::array<std::size_t, kMovementSize>, kMovementSize> clients{};
    std::array<std::array<double, kMovementSize>, kMovementSize> value{}; // now, or before for lost
};

struct TierMovements {
    std::vector<std::optional<Tier>> before; // one per client
    std::vector<std::optional<Tier>> now;
    MovementMatrix matrix;
};

// The clients that moved down (moved_down()), those that were A first, each group in the
// clients' order.
std::vector<std::size_t> slipping_clients(const TierMovements& movements);

// Each client's tier in both periods, each over its own population (the clients with a value
// there: SPEC section 1), and the matrix. `before` and `now` have one element per client
// (nullopt: no value in that period). Throws InvalidInput for lengths that differ, a value
// that is not finite or invalid shares.
TierMovements tier_movements(const std::vector<std::optional<double>>& before,
                             const std::vector<std::optional<double>>& now,
                             const TierShares& shares = {});

// The periods of a transaction table: each client's profit in the `months` months up to the
// analysis date (now) and in the `months` before them (before), from its dated orders
// (Purchase::profit); a client without an order in a period has no value there. `months`
// from 1 to 120.
struct PeriodProfits {
    std::vector<std::optional<double>> before;
    std::vector<std::optional<double>> now;
    double now_from = 0; // the first day of each period (day numbers)
    double before_from = 0;
};
PeriodProfits period_profits(const std::vector<Purchase>& orders, std::size_t clients,
                             double analysis_day, int months = 12);

// The matrix's texts: "Tier movement: the last 12 months against the 12 before", "Clients",
// "Profit", "Before / now", "new", "lost", "Previous tier", "Movement".
enum class MovementText {
    Title,
    Clients,
    Profit,
    Corner,
    New,
    Lost,
    PreviousTier,
    Movement,
    Slipping,     // "Good clients slipping: ... call them first"
    NoneSlipping, // "No A or B client moved down ..."
    More,         // "... and {} more: filter Movement on the Clients sheet."
};
std::string movement_label(MovementText text, int months, Lang lang);

} // namespace triage
