#include "core/error.hpp"
#include "core/tier.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace {

using triage::Tier;
using triage::TierCutoffs;
using triage::TierShares;

std::string tiers_of(const std::vector<double>& population, const TierShares& shares = {}) {
    const TierCutoffs cutoffs = triage::tier_cutoffs(population, shares);
    std::string out;
    for (double v : population) {
        out += triage::tier_letter(triage::tier_of(v, cutoffs));
    }
    return out;
}

TEST(Tier, SpecWorkedExample) {
    EXPECT_EQ(tiers_of({50, 30, 10, 5, 3, 2}), "AABBBC");
    const TierCutoffs c = triage::tier_cutoffs({50, 30, 10, 5, 3, 2});
    EXPECT_EQ(c.a_min, 30);
    EXPECT_EQ(c.b_min, 3);
}

TEST(Tier, OrderOfThePopulationDoesNotMatter) {
    EXPECT_EQ(tiers_of({2, 10, 50, 3, 30, 5}), "CBABAB");
}

TEST(Tier, CrossingClientBelongsToTheHigherTier) {
    // T = 100, 0.8 T = 80: 70 is A (sum before 0), 20 is A (sum before 70 < 80) and crosses.
    EXPECT_EQ(tiers_of({70, 20, 10}), "AAB");
}

TEST(Tier, SumEqualToTheLineStopsTheTier) {
    // Sum before 10 is exactly 80: not below 80, so 10 is not A.
    EXPECT_EQ(tiers_of({80, 10, 10}), "ABB");
}

TEST(Tier, TieGroupStraddlingTheALineIsA) {
    // 40 (before 0), 40 (before 40) are A; the third 40 has 80 before it but ties with an A.
    EXPECT_EQ(tiers_of({40, 40, 40, 5}), "AAAB");
}

TEST(Tier, TieGroupStraddlingTheBLineIsB) {
    // T = 1070.5; A line 856.4: A = {1000}. The rest (70.5) has B line 56.4: the tens and the
    // ones with 50..56 before them are B by the walk, the later ones join their tie group.
    std::vector<double> pop = {1000, 10, 10, 10, 10, 10};
    pop.insert(pop.end(), 20, 1.0);
    pop.push_back(0.5);
    EXPECT_EQ(tiers_of(pop), "ABBBBB" + std::string(20, 'B') + "C");
    const TierCutoffs c = triage::tier_cutoffs(pop);
    EXPECT_EQ(c.a_min, 1000);
    EXPECT_EQ(c.b_min, 1);
}

TEST(Tier, EqualValuesAlwaysShareATier) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> pick(-3, 12);
    for (int round = 0; round < 500; ++round) {
        std::vector<double> pop(1 + round % 30);
        for (double& v : pop) {
            v = pick(rng);
        }
        const TierCutoffs c = triage::tier_cutoffs(pop);
        for (double a : pop) {
            for (double b : pop) {
                if (a == b) {
                    EXPECT_EQ(triage::tier_of(a, c), triage::tier_of(b, c));
                }
            }
        }
    }
}

TEST(Tier, ZeroIsCAndNegativeIsD) {
    EXPECT_EQ(tiers_of({0, -5, 50, 30, 10, 5, 3, 2}), "CDAABBBC");
}

TEST(Tier, NoPositiveValueMakesEveryNonNegativeC) {
    EXPECT_EQ(tiers_of({0, 0, -1}), "CCD");
    const TierCutoffs c = triage::tier_cutoffs({0, -3});
    EXPECT_FALSE(c.has_positive());
    EXPECT_EQ(triage::tier_of(1e9, c), Tier::C);
    EXPECT_EQ(triage::tier_of(-1e-9, c), Tier::D);
    EXPECT_FALSE(triage::tier_cutoffs({}).has_positive());
}

TEST(Tier, ValueOutsideThePopulationUsesTheCutoffs) {
    const TierCutoffs c = triage::tier_cutoffs({50, 30, 10, 5, 3, 2});
    EXPECT_EQ(triage::tier_of(1000, c), Tier::A);
    EXPECT_EQ(triage::tier_of(30, c), Tier::A);
    EXPECT_EQ(triage::tier_of(29.99, c), Tier::B);
    EXPECT_EQ(triage::tier_of(3, c), Tier::B);
    EXPECT_EQ(triage::tier_of(2.5, c), Tier::C);
    EXPECT_EQ(triage::tier_of(0, c), Tier::C);
    EXPECT_EQ(triage::tier_of(-0.01, c), Tier::D);
}

// The lines as a sheet holds them give the tier of every value exactly as the population does:
// the SPEC example, ties straddling each line, zeros, losses, no positive value, shares.
TEST(Tier, LinesFromASheetGiveThePopulationsTiers) {
    std::mt19937_64 random(3);
    std::vector<std::vector<double>> populations = {{50, 30, 10, 5, 3, 2},
                                                    {40, 40, 20, 10, 10, 10, 5, 0, -3},
                                                    {10, 10, 10, 10},
                                                    {0, 0, -1},
                                                    {-5},
                                                    {7},
                                                    {1e-300, 3e-300}};
    std::vector<double> generated;
    for (int i = 0; i < 500; ++i) {
        generated.push_back(std::floor(std::uniform_real_distribution<>(-20, 200)(random)));
    }
    populations.push_back(generated);
    for (const TierShares shares : {TierShares{}, TierShares{0.5, 0.3}, TierShares{1, 1}}) {
        for (const auto& population : populations) {
            const TierCutoffs c = triage::tier_cutoffs(population, shares);
            // What CLIENT_TIER_CUTOFFS shows: two numbers, or two empty cells.
            const auto a = c.has_positive() ? std::optional<double>(c.a_min) : std::nullopt;
            const auto b = c.has_positive() ? std::optional<double>(c.b_min) : std::nullopt;
            const TierCutoffs lines = triage::tier_cutoffs_from_lines(a, b);
            for (double v : population) {
                EXPECT_EQ(triage::tier_of(v, lines), triage::tier_of(v, c)) << v;
            }
            for (double v : {0.0, -0.0, 1e308, -1e308, 1e-300}) {
                EXPECT_EQ(triage::tier_of(v, lines), triage::tier_of(v, c)) << v;
            }
        }
    }
}

TEST(Tier, LinesThatNoPopulationGivesAreRejected) {
    const auto none = std::optional<double>();
    EXPECT_THROW(triage::tier_cutoffs_from_lines(30, none), triage::InvalidInput);
    EXPECT_THROW(triage::tier_cutoffs_from_lines(none, 3), triage::InvalidInput);
    EXPECT_THROW(triage::tier_cutoffs_from_lines(3, 30), triage::InvalidInput); // B above A
    EXPECT_THROW(triage::tier_cutoffs_from_lines(30, 0), triage::InvalidInput);
    EXPECT_THROW(triage::tier_cutoffs_from_lines(-1, -2), triage::InvalidInput);
    EXPECT_THROW(triage::tier_cutoffs_from_lines(std::numeric_limits<double>::infinity(), 3),
                 triage::InvalidInput);
    EXPECT_THROW(triage::tier_cutoffs_from_lines(30, std::nan("")), triage::InvalidInput);
    EXPECT_EQ(triage::tier_cutoffs_from_lines(30, 30).b_min, 30); // no value is B
}

TEST(Tier, SingleClientIsA) {
    EXPECT_EQ(tiers_of({7}), "A");
    const TierCutoffs c = triage::tier_cutoffs({7});
    EXPECT_EQ(c.a_min, 7);
    EXPECT_EQ(c.b_min, 7); // no B value: the B band is empty
    EXPECT_EQ(triage::tier_of(6, c), Tier::C);
}

TEST(Tier, SharesChangeTheLines) {
    // T = 100, line 50: A = {50}; the rest (50), line 25: B = {30}.
    EXPECT_EQ(tiers_of({50, 30, 10, 5, 3, 2}, {0.5, 0.5}), "ABCCCC");
    EXPECT_EQ(tiers_of({50, 30, 10, 5, 3, 2}, {1.0, 1.0}), "AAAAAA");
}

TEST(Tier, RoundingInSumsDoesNotMoveALine) {
    // 0.1 * 8 summed in floating point is 0.7999999999999999: the ninth value must not be A.
    std::vector<double> pop(10, 0.1);
    pop.push_back(0.0);
    // All equal: one tie group, all A.
    EXPECT_EQ(tiers_of(pop), "AAAAAAAAAAC");
    std::vector<double> mixed = {0.3, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1};
    // T = 1.0, line 0.8: 0.3 (0), 0.2 (0.3), 0.1 (0.5), 0.1 (0.6), 0.1 (0.7) all A by the
    // tie rule, since the 0.1 group starts below the line.
    EXPECT_EQ(tiers_of(mixed), "AAAAAAA");
    // T = 1.0, line 0.8 exactly reached by 0.5 + 0.3 before the 0.2 group.
    EXPECT_EQ(tiers_of({0.5, 0.3, 0.1, 0.1}), "AABB");
}

TEST(Tier, TinySharesStillMakeTheTopClientA) {
    // A share so small that the line is below the tolerance: the top client is still A and
    // the top of the rest is still B.
    EXPECT_EQ(tiers_of({5, 3, 1}, {1e-13, 1e-13}), "ABC");
    EXPECT_EQ(tiers_of({5, 3, 1}, {1e-300, 0.8}), "ABB");
}

TEST(Tier, InvalidSharesAreRejected) {
    for (double bad :
         {0.0, -0.1, 1.0000001, std::nan(""), std::numeric_limits<double>::infinity()}) {
        EXPECT_THROW(triage::tier_cutoffs({1, 2}, {bad, 0.8}), triage::InvalidInput);
        EXPECT_THROW(triage::tier_cutoffs({1, 2}, {0.8, bad}), triage::InvalidInput);
    }
}

TEST(Tier, NonFiniteInputIsRejected) {
    EXPECT_THROW(triage::tier_cutoffs({1, std::nan("")}), triage::InvalidInput);
    EXPECT_THROW(triage::tier_cutoffs({1, std::numeric_limits<double>::infinity()}),
                 triage::InvalidInput);
    EXPECT_THROW(triage::tier_of(std::nan(""), triage::tier_cutoffs({1})), triage::InvalidInput);
}

TEST(Tier, ParseAndLetter) {
    EXPECT_EQ(triage::parse_tier(" b "), Tier::B);
    EXPECT_EQ(triage::parse_tier("d"), Tier::D);
    EXPECT_FALSE(triage::parse_tier("AB").has_value());
    EXPECT_FALSE(triage::parse_tier("").has_value());
    EXPECT_EQ(triage::tier_letter(Tier::C), 'C');
}

TEST(Tier, NeverImprovesWhenAValueFalls) {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> money(-100, 1000);
    for (int round = 0; round < 300; ++round) {
        std::vector<double> pop(2 + round % 50);
        for (double& v : pop) {
            v = std::round(money(rng));
        }
        const TierCutoffs c = triage::tier_cutoffs(pop);
        for (double v : pop) {
            EXPECT_GE(static_cast<int>(triage::tier_of(v - 1, c)),
                      static_cast<int>(triage::tier_of(v, c)));
        }
    }
}

} // namespace
