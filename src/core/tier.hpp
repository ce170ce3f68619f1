// Pareto tiers by profit (SPEC section 1).
#pragma once

#include <limits>
#include <optional>
#include <string_view>
#include <vector>

namespace triage {

enum class Tier { A, B, C, D };

// The tier's letter: 'A', 'B', 'C' or 'D'.
char tier_letter(Tier tier);
// Parses "A".."D" (case and surrounding spaces ignored); nullopt for anything else.
std::optional<Tier> parse_tier(std::string_view text);

struct TierShares {
    double a = 0.8; // share of the total positive value that tier A makes
    double b = 0.8; // share of what remains after tier A that tier B makes
};

// The cut-offs that make the tier a pure function of a value. With no positive value in the
// population (T = 0) both are +infinity, so every non-negative value is C.
struct TierCutoffs {
    double a_min = std::numeric_limits<double>::infinity(); // smallest A value
    double b_min = std::numeric_limits<double>::infinity(); // smallest B value (= a_min when
                                                            // no value is B)
    bool has_positive() const { return a_min != std::numeric_limits<double>::infinity(); }
};

// Throws InvalidInput unless 0 < share <= 1 for both shares.
void validate_shares(const TierShares& shares);

// Cut-offs of a population. Every value must be finite (InvalidInput otherwise); zeros and
// negatives take part in nothing but are allowed. O(n log n) in the number of positives.
TierCutoffs tier_cutoffs(std::vector<double> population, const TierShares& shares = {});

// The cut-offs as tier_cutoffs gives them and a sheet shows them (CLIENT_TIER_CUTOFFS): both
// lines, finite with 0 < b_min <= a_min, or neither (a population with no positive value has
// no lines). Throws InvalidInput for anything else, such as one line without the other.
TierCutoffs tier_cutoffs_from_lines(std::optional<double> a_min, std::optional<double> b_min);

// A if value >= a_min, B if value >= b_min, C if value >= 0, D if value < 0.
// Throws InvalidInput for a non-finite value.
Tier tier_of(double value, const TierCutoffs& cutoffs);

} // namespace triage
