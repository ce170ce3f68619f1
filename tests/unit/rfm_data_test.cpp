// RFM on real data: the order data shipped with the R package rfm 0.3.0
// (../shared/data/rfm-orders/orders.csv), analysis date 2006-12-31, as in the package's own
// examples and tests.
//
// Reference values come from two independent places:
// - the rfm package's tests (tests/testthat/test-rfm-segment.R): with its segment table,
//   "Champions" (R 4-5, F 4-5, M 4-5) has 158 customers, 1234 orders, revenue 120178;
// - base R 4.2.2 (Debian r-base-core; the rfm package itself is not packaged for Debian), running
//   rfm_table_order's own algorithm (quantile(), bins_lower/bins_upper and its interval loop)
//   on the CSV: break points printed with sprintf("%.17g"), score and segment counts, and a
//   handful of customers.
#include "core/rfm.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using triage::RfmSegment;

const std::string kOrdersCsv = std::string(TRIAGE_SHARED_DATA) + "/rfm-orders/orders.csv";

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
long days_from_civil(long y, long m, long d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

double iso_day(const std::string& iso) {
    // "2004-12-20"
    return static_cast<double>(days_from_civil(
        std::stol(iso.substr(0, 4)), std::stol(iso.substr(5, 2)), std::stol(iso.substr(8, 2))));
}

// customer_id,order_date,revenue,first_name,last_name,email (no quoted fields in this file).
std::vector<triage::RfmOrder> read_orders(const std::string& path) {
    std::ifstream in(path);
    std::vector<triage::RfmOrder> orders;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (line.empty()) {
            continue;
        }
        std::vector<std::string> cells;
        std::stringstream row(line);
        std::string cell;
        while (std::getline(row, cell, ',')) {
            cells.push_back(cell);
        }
        if (cells.size() < 3) {
            ADD_FAILURE() << "bad line: " << line;
            continue;
        }
        orders.push_back({cells[0], iso_day(cells[1]), std::stod(cells[2])});
    }
    return orders;
}

class RfmData : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(kOrdersCsv)) {
            GTEST_SKIP() << "../shared/data not found: " << kOrdersCsv;
        }
        orders = read_orders(kOrdersCsv);
        customers = triage::aggregate_rfm_orders(orders, iso_day("2006-12-31"));
        result = triage::score_rfm_customers(customers);
    }

    const triage::RfmScores& scores_of(const std::string& customer) const {
        for (std::size_t i = 0; i < customers.size(); ++i) {
            if (customers[i].customer == customer) {
                return result.scores[i];
            }
        }
        throw std::runtime_error("no customer " + customer);
    }

    std::vector<triage::RfmOrder> orders;
    std::vector<triage::RfmCustomer> customers;
    triage::RfmResult result;
};

TEST_F(RfmData, AggregatesLikeTheRPackage) {
    ASSERT_EQ(orders.size(), 4906u);
    ASSERT_EQ(customers.size(), 995u);
    double order_count = 0, revenue = 0;
    for (const auto& c : customers) {
        order_count += c.frequency;
        revenue += c.monetary;
        EXPECT_GE(c.recency, 1); // the last order is 2006-12-30
    }
    EXPECT_EQ(order_count, 4906); // the package's test-rfm-table.R
    EXPECT_EQ(revenue, 464158);
    EXPECT_TRUE(
        std::is_sorted(customers.begin(), customers.end(),
                       [](const auto& a, const auto& b) { return a.customer < b.customer; }));
}

TEST_F(RfmData, BreakPointsAreRsBitForBit) {
    // They round to the package's documented custom thresholds c(115, 181, 297, 482),
    // c(4, 5, 6, 8), c(256, 382, 506, 666).
    EXPECT_EQ(result.breaks.recency, (std::vector<double>{115, 181, 297.40000000000009, 482}));
    EXPECT_EQ(result.breaks.frequency, (std::vector<double>{4, 5, 6, 8}));
    EXPECT_EQ(result.breaks.monetary,
              (std::vector<double>{255.80000000000001, 382, 506.40000000000009, 666}));
}

TEST_F(RfmData, BreakPointsByAnIndependentPath) {
    // The spec's formula on a selection (nth_element) instead of a full sort.
    const auto check = [](std::vector<double> values, const std::vector<double>& breaks) {
        ASSERT_EQ(breaks.size(), 4u);
        for (int k = 1; k <= 4; ++k) {
            const double h = (values.size() - 1) * k / 5.0;
            const auto lo = static_cast<std::size_t>(std::floor(h));
            std::nth_element(values.begin(), values.begin() + lo, values.end());
            const double x_lo = values[lo];
            const double x_hi = *std::min_element(values.begin() + lo + 1, values.end());
            EXPECT_NEAR(breaks[k - 1], x_lo + (h - lo) * (x_hi - x_lo) + 1, 1e-9) << k;
        }
    };
    std::vector<double> r, f, m;
    for (const auto& c : customers) {
        r.push_back(c.recency);
        f.push_back(c.frequency);
        m.push_back(c.monetary);
    }
    check(r, result.breaks.recency);
    check(f, result.breaks.frequency);
    check(m, result.breaks.monetary);
}

TEST_F(RfmData, EveryCustomerScoredOneToFiveWithRsDistribution) {
    std::map<int, int> r, f, m;
    for (const auto& s : result.scores) {
        ASSERT_GE(s.r, 1);
        ASSERT_LE(s.r, 5);
        ASSERT_GE(s.f, 1);
        ASSERT_LE(s.f, 5);
        ASSERT_GE(s.m, 1);
        ASSERT_LE(s.m, 5);
        ++r[s.r];
        ++f[s.f];
        ++m[s.m];
    }
    EXPECT_EQ(r, (std::map<int, int>{{1, 197}, {2, 200}, {3, 199}, {4, 199}, {5, 200}}));
    EXPECT_EQ(f, (std::map<int, int>{{1, 268}, {2, 187}, {3, 176}, {4, 244}, {5, 120}}));
    EXPECT_EQ(m, (std::map<int, int>{{1, 200}, {2, 200}, {3, 198}, {4, 202}, {5, 195}}));
}

TEST_F(RfmData, SegmentCountsAddUpAndMatchR) {
    std::map<RfmSegment, int> counts;
    for (const auto& s : result.scores) {
        ++counts[triage::rfm_segment(s)];
        EXPECT_EQ(triage::rfm_segment_of_score(s.score()), triage::rfm_segment(s));
    }
    int total = 0;
    for (const auto& [segment, n] : counts) {
        total += n;
    }
    EXPECT_EQ(total, 995);
    EXPECT_EQ(counts[RfmSegment::Champions], 35);
    EXPECT_EQ(counts[RfmSegment::PotentialLoyalist], 342);
    EXPECT_EQ(counts[RfmSegment::LoyalCustomers], 170);
    EXPECT_EQ(counts[RfmSegment::Promising], 9);
    EXPECT_EQ(counts[RfmSegment::NewCustomers], 104);
    EXPECT_EQ(counts[RfmSegment::CantLoseThem], 47);
    EXPECT_EQ(counts[RfmSegment::AtRisk], 28);
    EXPECT_EQ(counts[RfmSegment::NeedAttention], 10);
    EXPECT_EQ(counts[RfmSegment::AboutToSleep], 102);
    EXPECT_EQ(counts[RfmSegment::Lost], 148);
    EXPECT_EQ(counts[RfmSegment::Others], 0);
}

TEST_F(RfmData, ThePackagesOwnSegmentTestHolds) {
    // test-rfm-segment.R segments with its own table, whose first row is Champions =
    // R 4-5, F 4-5, M 4-5, and expects 158 customers, 1234 orders and revenue 120178.
    int champions = 0;
    double champion_orders = 0, champion_revenue = 0;
    for (std::size_t i = 0; i < customers.size(); ++i) {
        const auto& s = result.scores[i];
        if (s.r >= 4 && s.f >= 4 && s.m >= 4) {
            ++champions;
            champion_orders += customers[i].frequency;
            champion_revenue += customers[i].monetary;
        }
    }
    EXPECT_EQ(champions, 158);
    EXPECT_EQ(champion_orders, 1234);
    EXPECT_EQ(champion_revenue, 120178);
}

TEST_F(RfmData, AHandfulOfCustomersAsRScoresThem) {
    struct Case {
        const char* customer;
        double recency, frequency, monetary;
        int score;
        RfmSegment segment;
    };
    const std::vector<Case> cases = {
        {"Abbey O'Reilly", 205, 6, 472, 343, RfmSegment::PotentialLoyalist},
        {"Add Senger", 140, 3, 340, 412, RfmSegment::NewCustomers},
        {"Aden Lesch", 194, 4, 405, 323, RfmSegment::LoyalCustomers},
        {"Agness O'Keefe", 90, 9, 843, 555, RfmSegment::Champions},
        {"Ailene Hermann", 281, 8, 699, 355, RfmSegment::PotentialLoyalist},
        {"Aiyanna Bruen", 246, 4, 157, 321, RfmSegment::AboutToSleep},
        {"Marty Wisozk", 354, 5, 347, 232, RfmSegment::LoyalCustomers},
        {"Juliana Sipes", 190, 4, 314, 322, RfmSegment::LoyalCustomers},
        {"Jeff Bartoletti", 81, 8, 771, 555, RfmSegment::Champions},
        {"Ean Raynor", 499, 2, 77, 111, RfmSegment::Lost},
    };
    for (const Case& c : cases) {
        const auto it = std::find_if(customers.begin(), customers.end(),
                                     [&](const auto& x) { return x.customer == c.customer; });
        ASSERT_NE(it, customers.end()) << c.customer;
        EXPECT_EQ(it->recency, c.recency) << c.customer;
        EXPECT_EQ(it->frequency, c.frequency) << c.customer;
        EXPECT_EQ(it->monetary, c.monetary) << c.customer;
        EXPECT_EQ(scores_of(c.customer).score(), c.score) << c.customer;
        EXPECT_EQ(triage::rfm_segment(scores_of(c.customer)), c.segment) << c.customer;
    }
}

} // namespace
