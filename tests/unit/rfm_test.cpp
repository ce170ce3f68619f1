#include "core/error.hpp"
#include "core/rfm.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace {

using triage::InvalidInput;
using triage::Lang;
using triage::RfmMeasure;
using triage::RfmSegment;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

std::vector<int> scores_of(const std::vector<double>& values, const std::vector<double>& breaks,
                           RfmMeasure measure) {
    std::vector<int> out;
    for (double v : values) {
        out.push_back(triage::rfm_measure_score(v, breaks, measure));
    }
    return out;
}

// ---------------------------------------------------------------- quantiles and breaks

TEST(RfmQuantile, BreaksAreTheQuantilesOfTheSortedPopulation) {
    // rfm_breaks() selects the values its quantiles read instead of sorting them all: the same
    // breaks as quantile_type7() of the sorted population, with many ties and without, for
    // every number of bins.
    // Also populations no larger than the bins, where a quantile's lower position repeats the
    // one before.
    std::mt19937 rng(11);
    for (const auto& [size, distinct] : std::vector<std::pair<std::size_t, int>>{{1, 5},
                                                                                 {2, 5},
                                                                                 {3, 5},
                                                                                 {5, 3},
                                                                                 {9, 100},
                                                                                 {12, 4},
                                                                                 {10007, 3},
                                                                                 {10007, 50},
                                                                                 {10007, 100000}}) {
        std::vector<double> population(size);
        for (double& v : population) {
            v = static_cast<double>(rng() % static_cast<unsigned>(distinct));
        }
        std::vector<double> sorted = population;
        std::sort(sorted.begin(), sorted.end());
        for (int bins = 2; bins <= 9; ++bins) {
            const std::vector<double> breaks =
                triage::rfm_breaks(population, triage::RfmMeasure::Monetary, bins);
            const std::vector<double> probs = triage::rfm_probabilities(bins);
            ASSERT_EQ(breaks.size(), probs.size());
            for (std::size_t k = 0; k < probs.size(); ++k) {
                EXPECT_EQ(breaks[k], triage::quantile_type7(sorted, probs[k]) + 1)
                    << size << " " << distinct << " " << bins << " " << k;
            }
        }
    }
}

TEST(RfmQuantile, Type7ByHand) {
    const std::vector<double> x = {1, 2, 3, 4};
    EXPECT_DOUBLE_EQ(triage::quantile_type7(x, 0.0), 1);
    EXPECT_DOUBLE_EQ(triage::quantile_type7(x, 0.5), 2.5); // h = 1.5: 2 + 0.5 (3 - 2)
    EXPECT_DOUBLE_EQ(triage::quantile_type7(x, 0.2), 1.6); // h = 0.6: 1 + 0.6 (2 - 1)
    EXPECT_DOUBLE_EQ(triage::quantile_type7(x, 0.8), 3.4); // h = 2.4: 3 + 0.4 (4 - 3)
    EXPECT_DOUBLE_EQ(triage::quantile_type7(x, 1.0), 4);
    EXPECT_DOUBLE_EQ(triage::quantile_type7({7}, 0.3), 7);
    EXPECT_DOUBLE_EQ(triage::quantile_type7({2, 2, 2, 9}, 0.5), 2);
}

TEST(RfmQuantile, RejectsEmptyAndBadProbabilities) {
    EXPECT_THROW(triage::quantile_type7({}, 0.5), InvalidInput);
    EXPECT_THROW(triage::quantile_type7({1, 2}, -0.1), InvalidInput);
    EXPECT_THROW(triage::quantile_type7({1, 2}, 1.1), InvalidInput);
    EXPECT_THROW(triage::quantile_type7({1, 2}, kNaN), InvalidInput);
}

TEST(RfmBreaks, MatchTheRPackagesOwnTest) {
    // rfm's tests/testthat/test-utils.R: bins(mtcars, mpg, 5) == c(16.20, 18.92, 22.00, 25.08).
    const std::vector<double> mpg = {21,   21,   22.8, 21.4, 18.7, 18.1, 14.3, 24.4,
                                     22.8, 19.2, 17.8, 16.4, 17.3, 15.2, 10.4, 10.4,
                                     14.7, 32.4, 30.4, 33.9, 21.5, 15.5, 15.2, 13.3,
                                     19.2, 27.3, 26,   30.4, 15.8, 19.7, 15,   21.4};
    const std::vector<double> b = triage::rfm_breaks(mpg, RfmMeasure::Monetary);
    ASSERT_EQ(b.size(), 4u);
    EXPECT_NEAR(b[0], 16.20, 1e-9);
    EXPECT_NEAR(b[1], 18.92, 1e-9);
    EXPECT_NEAR(b[2], 22.00, 1e-9);
    EXPECT_NEAR(b[3], 25.08, 1e-9);
    // Bit for bit what R 4.2.2 prints with sprintf("%.17g", ...).
    EXPECT_EQ(b[0], 16.199999999999999);
    EXPECT_EQ(b[1], 18.920000000000002);
    EXPECT_EQ(b[2], 22);
    EXPECT_EQ(b[3], 25.080000000000002);
}

TEST(RfmBreaks, EveryBinCountMatchesR) {
    // R 4.2.2: quantile(y, seq(0, 1, length.out = b + 1))[c(-1, -(b + 1))] + 1, printed with
    // sprintf("%.17g").
    const std::vector<double> y = {5, 3, 9, 9, 1, 0, 2, 7, 7, 7, 4};
    const std::map<int, std::vector<double>> expected = {
        {1, {}},
        {2, {6}},
        {3, {4.333333333333333, 8}},
        {4, {3.5, 6, 8}},
        {5, {3, 5, 8, 8}},
        {6, {2.6666666666666665, 4.333333333333333, 6, 8, 8.6666666666666643}},
        {7,
         {2.4285714285714284, 3.8571428571428568, 5.2857142857142856, 7.428571428571427, 8,
          9.1428571428571423}},
        {8, {2.25, 3.5, 4.75, 6, 8, 8, 9.5}},
        {9,
         {2.1111111111111112, 3.2222222222222223, 4.333333333333333, 5.4444444444444446,
          7.1111111111111107, 8, 8, 9.7777777777777786}},
    };
    for (const auto& [bins, want] : expected) {
        EXPECT_EQ(triage::rfm_breaks(y, RfmMeasure::Frequency, bins), want) << "bins " << bins;
    }
}

TEST(RfmBreaks, FollowRsArithmeticWhereItIsNotExact) {
    // R's seq(0, 1, length.out = 7)[6] is 0.83333333333333326, not 5/6, so R's 5/6 quantile
    // of this population is 15.499999999999996, not 15.5.
    std::vector<double> z;
    for (int i = 0; i <= 14; ++i) {
        z.push_back(i);
    }
    for (double v : {15.5, 16.0, 17.0, 18.0}) {
        z.push_back(v);
    }
    const std::vector<double> b = triage::rfm_breaks(z, RfmMeasure::Monetary, 6);
    EXPECT_EQ(b, (std::vector<double>{4, 7, 10, 13, 16.499999999999996}));
    // And where R's "1 +" rounds the error away, the answer is exact: R gives 2 3 4 5.
    EXPECT_EQ(triage::rfm_breaks({1, 2, 3, 4, 100, 200}, RfmMeasure::Monetary, 5),
              (std::vector<double>{3, 4, 5, 101}));
    EXPECT_EQ(triage::rfm_probabilities(6)[4], 5 * (1.0 / 6));
}

TEST(RfmBreaks, OrderOfThePopulationDoesNotMatter) {
    EXPECT_EQ(triage::rfm_breaks({9, 1, 7, 3, 5}, RfmMeasure::Recency),
              triage::rfm_breaks({1, 3, 5, 7, 9}, RfmMeasure::Recency));
}

TEST(RfmBreaks, RejectInvalidPopulations) {
    EXPECT_THROW(triage::rfm_breaks({}, RfmMeasure::Recency), InvalidInput);
    EXPECT_THROW(triage::rfm_breaks({1, kNaN}, RfmMeasure::Recency), InvalidInput);
    EXPECT_THROW(triage::rfm_breaks({1, kInf}, RfmMeasure::Frequency), InvalidInput);
    EXPECT_THROW(triage::rfm_breaks({1, -kInf}, RfmMeasure::Monetary), InvalidInput);
    EXPECT_THROW(triage::rfm_breaks({1, -1}, RfmMeasure::Monetary), InvalidInput);
    try {
        triage::rfm_breaks({3, -2}, RfmMeasure::Frequency);
        FAIL() << "no exception";
    } catch (const InvalidInput& e) {
        EXPECT_NE(std::string(e.what()).find("frequency"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("negative"), std::string::npos) << e.what();
    }
    try {
        triage::rfm_breaks({}, RfmMeasure::Recency);
        FAIL() << "no exception";
    } catch (const InvalidInput& e) {
        EXPECT_NE(std::string(e.what()).find("recency"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("empty"), std::string::npos) << e.what();
    }
}

TEST(RfmBins, OneToNineOnly) {
    const std::vector<double> pop = {1, 2, 3};
    for (int bins : {0, -1, 10, 100}) {
        EXPECT_THROW(triage::rfm_breaks(pop, RfmMeasure::Frequency, bins), InvalidInput) << bins;
        EXPECT_THROW(triage::validate_rfm_bins(bins), InvalidInput) << bins;
    }
    for (int bins = 1; bins <= 9; ++bins) {
        EXPECT_EQ(triage::rfm_breaks(pop, RfmMeasure::Frequency, bins).size(),
                  static_cast<std::size_t>(bins - 1));
    }
}

TEST(RfmBins, OneBinScoresEveryoneOne) {
    const std::vector<double> none = triage::rfm_breaks({4, 8, 15}, RfmMeasure::Recency, 1);
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(scores_of({0, 4, 1000}, none, RfmMeasure::Recency), (std::vector<int>{1, 1, 1}));
    EXPECT_EQ(scores_of({0, 4, 1000}, none, RfmMeasure::Frequency), (std::vector<int>{1, 1, 1}));
}

TEST(RfmBins, NineBinsGiveDigitsOneToNine) {
    std::vector<double> pop;
    for (int i = 0; i < 90; ++i) {
        pop.push_back(i);
    }
    const std::vector<double> b = triage::rfm_breaks(pop, RfmMeasure::Monetary, 9);
    const std::vector<int> s = scores_of(pop, b, RfmMeasure::Monetary);
    EXPECT_EQ(*std::min_element(s.begin(), s.end()), 1);
    EXPECT_EQ(*std::max_element(s.begin(), s.end()), 9);
}

TEST(RfmBins, SingleClientPopulation) {
    const std::vector<double> b = triage::rfm_breaks({42}, RfmMeasure::Recency);
    EXPECT_EQ(b, (std::vector<double>{43, 43, 43, 43}));
    EXPECT_EQ(triage::rfm_measure_score(42, b, RfmMeasure::Recency), 5);
    EXPECT_EQ(triage::rfm_measure_score(42, b, RfmMeasure::Frequency), 1);
}

// ---------------------------------------------------------------- scores

TEST(RfmScore, BreakPointItselfCountsAndEqualBreaksSkipAScore) {
    // y's breaks for 5 bins are 3, 5, 8, 8 (see EveryBinCountMatchesR).
    const std::vector<double> b = {3, 5, 8, 8};
    const std::vector<double> x = {0, 2.99, 3, 4, 5, 7.5, 8, 100};
    EXPECT_EQ(scores_of(x, b, RfmMeasure::Frequency), (std::vector<int>{1, 1, 2, 2, 3, 3, 5, 5}));
    EXPECT_EQ(scores_of(x, b, RfmMeasure::Monetary), (std::vector<int>{1, 1, 2, 2, 3, 3, 5, 5}));
    EXPECT_EQ(scores_of(x, b, RfmMeasure::Recency), (std::vector<int>{5, 5, 4, 4, 3, 3, 1, 1}));
}

TEST(RfmScore, ValueOutsideThePopulationUsesTheSameBreaks) {
    const std::vector<double> b = triage::rfm_breaks({10, 20, 30, 40, 50}, RfmMeasure::Monetary);
    // Q = 18, 26, 34, 42: breaks 19, 27, 35, 43.
    EXPECT_EQ(b, (std::vector<double>{19, 27, 35, 43}));
    EXPECT_EQ(triage::rfm_measure_score(0, b, RfmMeasure::Monetary), 1);
    EXPECT_EQ(triage::rfm_measure_score(1e12, b, RfmMeasure::Monetary), 5);
}

TEST(RfmScore, RejectsInvalidValuesAndBreaks) {
    const std::vector<double> b = {3, 5, 8, 8};
    EXPECT_THROW(triage::rfm_measure_score(kNaN, b, RfmMeasure::Recency), InvalidInput);
    EXPECT_THROW(triage::rfm_measure_score(kInf, b, RfmMeasure::Frequency), InvalidInput);
    EXPECT_THROW(triage::rfm_measure_score(-1, b, RfmMeasure::Monetary), InvalidInput);
    EXPECT_THROW(triage::rfm_measure_score(1, {5, 3}, RfmMeasure::Monetary), InvalidInput);
    EXPECT_THROW(triage::rfm_measure_score(1, {kNaN}, RfmMeasure::Monetary), InvalidInput);
    EXPECT_THROW(triage::rfm_measure_score(1, std::vector<double>(9, 1.0), RfmMeasure::Monetary),
                 InvalidInput);
}

TEST(RfmScore, ThreeMeasuresAndTheCombinedScore) {
    // recency: 10..50 -> breaks 19, 27, 35, 43; frequency 1..5 -> 2.8, 3.6, 4.4, 5.2;
    // monetary 100..500 -> 181, 261, 341, 421.
    const triage::RfmBreaks breaks =
        triage::rfm_breaks({10, 20, 30, 40, 50}, {1, 2, 3, 4, 5}, {100, 200, 300, 400, 500});
    const triage::RfmScores s = triage::rfm_scores(10, 5, 300, breaks);
    EXPECT_EQ(s.r, 5);
    EXPECT_EQ(s.f, 4); // 5 >= 2.8, 3.6, 4.4 but < 5.2
    EXPECT_EQ(s.m, 3);
    EXPECT_EQ(s.score(), 543);
    EXPECT_EQ(triage::rfm_scores(50, 1, 100, breaks).score(), 111);
}

TEST(RfmScore, PropertyScoresInRangeTiesShareAndOrderIsKept) {
    std::mt19937 rng(20240607);
    for (int round = 0; round < 300; ++round) {
        const int bins = std::uniform_int_distribution<int>(1, 9)(rng);
        const int n = std::uniform_int_distribution<int>(1, 60)(rng);
        const int spread = std::uniform_int_distribution<int>(0, 30)(rng); // small: many ties
        std::vector<double> pop;
        for (int i = 0; i < n; ++i) {
            const double v = std::uniform_int_distribution<int>(0, spread)(rng);
            pop.push_back(round % 2 ? v : v * 0.37);
        }
        for (RfmMeasure m : {RfmMeasure::Recency, RfmMeasure::Frequency, RfmMeasure::Monetary}) {
            const std::vector<double> b = triage::rfm_breaks(pop, m, bins);
            ASSERT_EQ(b.size(), static_cast<std::size_t>(bins - 1));
            ASSERT_TRUE(std::is_sorted(b.begin(), b.end()));
            std::map<double, int> seen;
            for (double v : pop) {
                const int s = triage::rfm_measure_score(v, b, m);
                ASSERT_GE(s, 1);
                ASSERT_LE(s, bins);
                auto [it, inserted] = seen.emplace(v, s);
                ASSERT_EQ(it->second, s) << "tie split at " << v;
            }
            // Monotone: better values never score lower.
            int previous = 0;
            for (const auto& [v, s] : seen) {
                const int goodness = m == RfmMeasure::Recency ? bins + 1 - s : s;
                ASSERT_GE(goodness, previous) << v;
                previous = goodness;
            }
            // The break points equal the spec's formula evaluated independently
            // (h = (n - 1) k / bins, 0-based), up to rounding.
            std::vector<double> sorted = pop;
            std::sort(sorted.begin(), sorted.end());
            for (int k = 1; k < bins; ++k) {
                const double h = (sorted.size() - 1) * static_cast<double>(k) / bins;
                const auto lo = static_cast<std::size_t>(std::floor(h));
                const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
                const double q = sorted[lo] + (h - std::floor(h)) * (sorted[hi] - sorted[lo]);
                ASSERT_NEAR(b[k - 1], q + 1, 1e-9);
            }
        }
    }
}

// ---------------------------------------------------------------- RFM score digits

TEST(RfmDecode, DigitsOfValidScores) {
    const triage::RfmScores s = triage::decode_rfm_score(345);
    EXPECT_EQ(s.r, 3);
    EXPECT_EQ(s.f, 4);
    EXPECT_EQ(s.m, 5);
    EXPECT_EQ(triage::decode_rfm_score(111).score(), 111);
    EXPECT_EQ(triage::decode_rfm_score(999).score(), 999);
}

TEST(RfmDecode, RejectsWhatIsNotAThreeDigitScore) {
    for (double bad :
         {0.0, 11.0, 110.0, 101.0, 305.0, 1000.0, 1111.0, -345.0, 345.5, kNaN, kInf, -kInf}) {
        EXPECT_THROW(triage::decode_rfm_score(bad), InvalidInput) << bad;
        EXPECT_THROW(triage::rfm_segment_of_score(bad), InvalidInput) << bad;
    }
}

// ---------------------------------------------------------------- segments

TEST(RfmSegment, EveryRowOfTheSpecTable) {
    struct Case {
        int r, f, m;
        RfmSegment want;
    };
    const std::vector<Case> cases = {
        {5, 5, 5, RfmSegment::Champions},
        {3, 3, 2, RfmSegment::PotentialLoyalist},
        {5, 5, 4, RfmSegment::PotentialLoyalist},
        {2, 2, 2, RfmSegment::LoyalCustomers},
        {2, 4, 4, RfmSegment::LoyalCustomers},
        {3, 1, 3, RfmSegment::Promising},
        {4, 3, 5, RfmSegment::PotentialLoyalist}, // Potential Loyalist is checked first
        {4, 2, 5, RfmSegment::Promising},
        {4, 1, 1, RfmSegment::NewCustomers},
        {5, 3, 1, RfmSegment::NewCustomers},
        {1, 3, 4, RfmSegment::CantLoseThem},
        {2, 3, 5, RfmSegment::CantLoseThem},
        {1, 2, 4, RfmSegment::AtRisk},
        {1, 5, 5, RfmSegment::AtRisk},
        {2, 2, 5, RfmSegment::AtRisk},
        {1, 3, 3, RfmSegment::NeedAttention},
        {2, 5, 3, RfmSegment::NeedAttention},
        {2, 1, 1, RfmSegment::AboutToSleep},
        {3, 1, 2, RfmSegment::AboutToSleep},
        {3, 2, 4, RfmSegment::LoyalCustomers}, // Loyal Customers is checked before Promising
        {1, 1, 1, RfmSegment::Lost},
        {1, 5, 2, RfmSegment::Lost},
        {2, 1, 5, RfmSegment::Others},
        {5, 5, 1, RfmSegment::Others},
        {6, 5, 5, RfmSegment::Others}, // with more than 5 bins nothing matches a 6
        {9, 9, 9, RfmSegment::Others},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(triage::rfm_segment(c.r, c.f, c.m), c.want) << c.r << c.f << c.m;
        EXPECT_EQ(triage::rfm_segment_of_score(100 * c.r + 10 * c.f + c.m), c.want);
    }
}

TEST(RfmSegment, CountsOverAllFiveBinScores) {
    // Counted independently (python over the spec table) for r, f, m in 1..5.
    std::map<RfmSegment, int> counts;
    for (int r = 1; r <= 5; ++r) {
        for (int f = 1; f <= 5; ++f) {
            for (int m = 1; m <= 5; ++m) {
                ++counts[triage::rfm_segment(r, f, m)];
            }
        }
    }
    EXPECT_EQ(counts[RfmSegment::Champions], 1);
    EXPECT_EQ(counts[RfmSegment::PotentialLoyalist], 35);
    EXPECT_EQ(counts[RfmSegment::LoyalCustomers], 15);
    EXPECT_EQ(counts[RfmSegment::Promising], 8);
    EXPECT_EQ(counts[RfmSegment::NewCustomers], 15);
    EXPECT_EQ(counts[RfmSegment::CantLoseThem], 6);
    EXPECT_EQ(counts[RfmSegment::AtRisk], 7);
    EXPECT_EQ(counts[RfmSegment::NeedAttention], 4);
    EXPECT_EQ(counts[RfmSegment::AboutToSleep], 10);
    EXPECT_EQ(counts[RfmSegment::Lost], 14);
    EXPECT_EQ(counts[RfmSegment::Others], 10);
}

TEST(RfmSegment, TableRowsAreTheSpecs) {
    const auto& rules = triage::rfm_segment_rules();
    ASSERT_EQ(rules.size(), 10u);
    for (std::size_t i = 0; i < rules.size(); ++i) {
        EXPECT_EQ(rules[i].segment, triage::kAllRfmSegments[i]);
    }
    EXPECT_EQ(rules[6].segment, RfmSegment::AtRisk);
    EXPECT_EQ(rules[6].r_min, 1);
    EXPECT_EQ(rules[6].r_max, 2);
    EXPECT_EQ(rules[6].f_min, 2);
    EXPECT_EQ(rules[6].f_max, 5);
    EXPECT_EQ(rules[6].m_min, 4);
    EXPECT_EQ(rules[6].m_max, 5);
}

TEST(RfmSegment, RejectsDigitsOutsideOneToNine) {
    EXPECT_THROW(triage::rfm_segment(0, 1, 1), InvalidInput);
    EXPECT_THROW(triage::rfm_segment(1, 10, 1), InvalidInput);
    EXPECT_THROW(triage::rfm_segment(1, 1, -5), InvalidInput);
}

TEST(RfmSegment, NamesInThreeLanguages) {
    const std::vector<std::string> en = {"Champions",       "Potential Loyalist",
                                         "Loyal Customers", "Promising",
                                         "New Customers",   "Can't Lose Them",
                                         "At Risk",         "Need Attention",
                                         "About To Sleep",  "Lost",
                                         "Others"};
    ASSERT_EQ(en.size(), triage::kRfmSegmentCount);
    for (std::size_t i = 0; i < en.size(); ++i) {
        const triage::Localized& name = triage::rfm_segment_name(triage::kAllRfmSegments[i]);
        EXPECT_EQ(name.in(Lang::En), en[i]);
        EXPECT_GT(std::strlen(name.in(Lang::Ru)), 0u);
        EXPECT_GT(std::strlen(name.in(Lang::Fi)), 0u);
        for (std::size_t j = 0; j < i; ++j) {
            const triage::Localized& other = triage::rfm_segment_name(triage::kAllRfmSegments[j]);
            EXPECT_STRNE(name.ru, other.ru);
            EXPECT_STRNE(name.fi, other.fi);
        }
    }
    EXPECT_STREQ(triage::rfm_segment_name(RfmSegment::Champions).in(Lang::Ru), "Чемпионы");
    EXPECT_STREQ(triage::rfm_segment_name(RfmSegment::Lost).in(Lang::Fi), "Menetetyt");
}

// ---------------------------------------------------------------- orders -> customers

TEST(RfmAggregate, PerCustomerRecencyFrequencyMonetary) {
    const std::vector<triage::RfmOrder> orders = {
        {"Bob", 100, 10}, {"Ann", 90, 5},  {"Bob", 120, 30},
        {"Ann", 95, 7},   {"Cid", 130, 0}, {"Bob", 110, -4}, // a refund line
    };
    const auto customers = triage::aggregate_rfm_orders(orders, 140);
    ASSERT_EQ(customers.size(), 3u);
    EXPECT_EQ(customers[0].customer, "Ann");
    EXPECT_EQ(customers[0].last_order, 95);
    EXPECT_EQ(customers[0].recency, 45);
    EXPECT_EQ(customers[0].frequency, 2);
    EXPECT_EQ(customers[0].monetary, 12);
    EXPECT_EQ(customers[1].customer, "Bob");
    EXPECT_EQ(customers[1].recency, 20);
    EXPECT_EQ(customers[1].frequency, 3);
    EXPECT_EQ(customers[1].monetary, 36);
    EXPECT_EQ(customers[2].customer, "Cid");
    EXPECT_EQ(customers[2].recency, 10);
    EXPECT_EQ(customers[2].frequency, 1);
    EXPECT_EQ(customers[2].monetary, 0);

    const triage::RfmResult result = triage::score_rfm_customers(customers, 3);
    ASSERT_EQ(result.scores.size(), 3u);
    // recency 45, 20, 10 -> breaks Q(1/3)+1 = 17.67, Q(2/3)+1 = 29.33: R 1, 2, 3.
    EXPECT_EQ(result.scores[0].r, 1);
    EXPECT_EQ(result.scores[1].r, 2);
    EXPECT_EQ(result.scores[2].r, 3);
}

TEST(RfmAggregate, OrderDatedOnTheAnalysisDateHasRecencyZero) {
    const auto customers = triage::aggregate_rfm_orders({{"A", 50, 1}}, 50);
    ASSERT_EQ(customers.size(), 1u);
    EXPECT_EQ(customers[0].recency, 0);
}

TEST(RfmAggregate, RejectsInvalidOrders) {
    EXPECT_THROW(triage::aggregate_rfm_orders({}, 10), InvalidInput);
    EXPECT_THROW(triage::aggregate_rfm_orders({{"", 1, 1}}, 10), InvalidInput);
    EXPECT_THROW(triage::aggregate_rfm_orders({{"A", kNaN, 1}}, 10), InvalidInput);
    EXPECT_THROW(triage::aggregate_rfm_orders({{"A", 1, kInf}}, 10), InvalidInput);
    EXPECT_THROW(triage::aggregate_rfm_orders({{"A", 11, 1}}, 10), InvalidInput);
    EXPECT_THROW(triage::aggregate_rfm_orders({{"A", 1, 1}}, kNaN), InvalidInput);
    // A negative sum is caught when it is scored.
    const auto refunds = triage::aggregate_rfm_orders({{"A", 1, -5}}, 10);
    EXPECT_THROW(triage::score_rfm_customers(refunds), InvalidInput);
}

} // namespace
