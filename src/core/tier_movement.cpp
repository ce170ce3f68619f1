#include "core/tier_movement.hpp"

#include "core/error.hpp"

#include <cmath>

namespace triage {

namespace {

constexpr Localized kNew = {"new", "новый", "uusi"};
constexpr Localized kLost = {"lost", "ушёл", "menetetty"};

std::vector<std::optional<Tier>> tiers_in(const std::vector<std::optional<double>>& values,
                                          const TierShares& shares) {
    std::vector<double> population;
    for (const auto& v : values) {
        if (v) {
            if (!std::isfinite(*v)) {
                throw InvalidInput("a period's value must be a finite number");
            }
            population.push_back(*v);
        }
    }
    const TierCutoffs cutoffs = tier_cutoffs(population, shares);
    std::vector<std::optional<Tier>> out(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i]) {
            out[i] = tier_of(*values[i], cutoffs);
        }
    }
    return out;
}

} // namespace

std::string movement_text(std::optional<Tier> before, std::optional<Tier> now, Lang lang) {
    if (!before && !now) {
        return {};
    }
    const std::string from = before ? std::string(1, tier_letter(*before)) : kNew.in(lang);
    const std::string to = now ? std::string(1, tier_letter(*now)) : kLost.in(lang);
    return from + " -> " + to;
}

bool moved_down(std::optional<Tier> before, std::optional<Tier> now) {
    if (!before || !(*before == Tier::A || *before == Tier::B)) {
        return false;
    }
    return !now || static_cast<int>(*now) > static_cast<int>(*before);
}

TierMovements tier_movements(const std::vector<std::optional<double>>& before,
                             const std::vector<std::optional<double>>& now,
                             const TierShares& shares) {
    validate_shares(shares);
    if (before.size() != now.size()) {
        throw InvalidInput("the two periods must have one value per client each");
    }
    TierMovements out;
    out.before = tiers_in(before, shares);
    out.now = tiers_in(now, shares);
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (!out.before[i] && !out.now[i]) {
            continue;
        }
        const std::size_t row = out.before[i] ? static_cast<std::size_t>(*out.before[i]) : 4;
        const std::size_t column = out.now[i] ? static_cast<std::size_t>(*out.now[i]) : 4;
        ++out.matrix.clients[row][column];
        out.matrix.value[row][column] += now[i] ? *now[i] : *before[i];
    }
    return out;
}

} // namespace triage
