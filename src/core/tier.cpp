#include "core/tier.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <functional>
#include <string_view>

namespace triage {

namespace {

// Running sums are compared against a share of the total with a tolerance relative to that
// total, so that rounding in the sum (0.1 + 0.2 != 0.3) never moves a client across a line.
constexpr long double kRelativeTolerance = 1e-12L;

void require_finite(double value, const char* what) {
    if (!std::isfinite(value)) {
        throw InvalidInput(std::string(what) + " must be a finite number");
    }
}

// Walks `sorted_desc[begin, end)` (descending) with the running sum of the values before the
// current one, while that sum stays below `limit`, and returns the index one past the last
// value taken, widened to the end of its tie group (a tie group straddling the line goes up).
std::size_t walk_tier(const std::vector<double>& sorted_desc, std::size_t begin, std::size_t end,
                      long double limit, long double tolerance, long double& taken_sum) {
    long double before = 0;
    std::size_t i = begin;
    // The first value is always taken: the line is never below the first client (a share
    // close to 0 would otherwise take nothing).
    while (i < end && (i == begin || before < limit - tolerance)) {
        before += sorted_desc[i];
        ++i;
    }
    while (i < end && i > begin && sorted_desc[i] == sorted_desc[i - 1]) {
        before += sorted_desc[i];
        ++i;
    }
    taken_sum = before;
    return i;
}

} // namespace

char tier_letter(Tier tier) {
    switch (tier) {
    case Tier::A:
        return 'A';
    case Tier::B:
        return 'B';
    case Tier::C:
        return 'C';
    case Tier::D:
        return 'D';
    }
    return '?';
}

std::optional<Tier> parse_tier(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
        text.remove_suffix(1);
    }
    if (text.size() != 1) {
        return std::nullopt;
    }
    switch (std::toupper(static_cast<unsigned char>(text.front()))) {
    case 'A':
        return Tier::A;
    case 'B':
        return Tier::B;
    case 'C':
        return Tier::C;
    case 'D':
        return Tier::D;
    default:
        return std::nullopt;
    }
}

void validate_shares(const TierShares& shares) {
    const auto ok = [](double s) { return std::isfinite(s) && s > 0.0 && s <= 1.0; };
    if (!ok(shares.a)) {
        throw InvalidInput("a_share must be greater than 0 and at most 1");
    }
    if (!ok(shares.b)) {
        throw InvalidInput("b_share must be greater than 0 and at most 1");
    }
}

TierCutoffs tier_cutoffs(std::vector<double> population, const TierShares& shares) {
    validate_shares(shares);
    for (double v : population) {
        require_finite(v, "every value of the population");
    }
    population.erase(
        std::remove_if(population.begin(), population.end(), [](double v) { return !(v > 0.0); }),
        population.end());
    TierCutoffs cutoffs;
    if (population.empty()) {
        return cutoffs;
    }
    std::sort(population.begin(), population.end(), std::greater<>());
    long double total = 0;
    for (double v : population) {
        total += v;
    }
    const long double tolerance = kRelativeTolerance * total;
    const std::size_t n = population.size();

    long double a_sum = 0;
    const std::size_t a_end =
        walk_tier(population, 0, n, static_cast<long double>(shares.a) * total, tolerance, a_sum);
    cutoffs.a_min = population[a_end - 1];
    cutoffs.b_min = cutoffs.a_min;
    if (a_end < n) {
        long double b_sum = 0;
        const std::size_t b_end =
            walk_tier(population, a_end, n, static_cast<long double>(shares.b) * (total - a_sum),
                      tolerance, b_sum);
        cutoffs.b_min = population[b_end - 1];
    }
    return cutoffs;
}

TierCutoffs tier_cutoffs_from_lines(std::optional<double> a_min, std::optional<double> b_min) {
    TierCutoffs cutoffs;
    if (!a_min && !b_min) {
        return cutoffs;
    }
    if (!a_min || !b_min) {
        throw InvalidInput("the cut-offs must be both lines or neither (as CLIENT_TIER_CUTOFFS "
                           "gives them)");
    }
    require_finite(*a_min, "the smallest A value");
    require_finite(*b_min, "the smallest B value");
    if (!(*b_min > 0.0 && *b_min <= *a_min)) {
        throw InvalidInput("the cut-offs must be the smallest A value and the smallest B value, "
                           "with 0 < B <= A");
    }
    cutoffs.a_min = *a_min;
    cutoffs.b_min = *b_min;
    return cutoffs;
}

Tier tier_of(double value, const TierCutoffs& cutoffs) {
    require_finite(value, "the value");
    if (value < 0.0) {
        return Tier::D;
    }
    if (value >= cutoffs.a_min) {
        return Tier::A;
    }
    if (value >= cutoffs.b_min) {
        return Tier::B;
    }
    return Tier::C;
}

} // namespace triage
