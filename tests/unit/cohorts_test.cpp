// Cohort retention from real exports: Superstore's four years of order lines (every cohort's
// row against the same table computed here from the CSV by other code), and CDNOW, whose
// customers all first bought in January to March 1997.
#include "cdnow.hpp"
#include "core/cohorts.hpp"
#include "core/error.hpp"
#include "core/rules.hpp"
#include "core/transactions.hpp"
#include "csv.hpp"
#include "order_lines.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace {

using triage::CohortPeriod;

TEST(Cohorts, PeriodsAndLabels) {
    const double day = triage::serial_from_civil(2023, 11, 30);
    EXPECT_EQ(
        triage::period_label(triage::period_of(day, CohortPeriod::Month), CohortPeriod::Month),
        "2023-11");
    EXPECT_EQ(
        triage::period_label(triage::period_of(day, CohortPeriod::Quarter), CohortPeriod::Quarter),
        "2023 Q4");
    // The keys of the rules and of the command's CohortPeriod argument.
    EXPECT_EQ(triage::cohort_period_from_key("month"), CohortPeriod::Month);
    EXPECT_EQ(triage::cohort_period_from_key("quarter"), CohortPeriod::Quarter);
    EXPECT_EQ(triage::cohort_period_from_key("Quarter"), std::nullopt);
    EXPECT_EQ(triage::cohort_period_from_key(""), std::nullopt);
    EXPECT_EQ(triage::cohort_period_key(CohortPeriod::Quarter), "quarter");
}

// Two clients from January, one from March; the analysis date in April: four periods for
// January, two for March. Orders after the analysis date do not count.
TEST(Cohorts, SharesAndRevenueByPeriodSinceTheFirstOrder) {
    const auto on = [](int m, int d) { return triage::serial_from_civil(2026, m, d); };
    const std::vector<triage::Purchase> orders = {
        {0, on(1, 5), 10}, {0, on(1, 20), 5}, {0, on(3, 2), 7},  {1, on(1, 31), 20},
        {1, on(4, 1), 1},  {2, on(3, 9), 8},  {2, on(4, 30), 2}, {2, on(5, 2), 100}};
    const triage::CohortTable t = triage::cohort_table(orders, 4, on(4, 30));
    ASSERT_EQ(t.cohorts.size(), 2u);
    EXPECT_EQ(triage::period_label(t.cohorts[0], CohortPeriod::Month), "2026-01");
    EXPECT_EQ(t.sizes, (std::vector<std::size_t>{2, 1}));
    EXPECT_EQ(t.active[0], (std::vector<std::size_t>{2, 0, 1, 1}));
    EXPECT_EQ(t.active[1], (std::vector<std::size_t>{1, 1}));
    EXPECT_EQ(t.revenue[0], (std::vector<double>{35, 0, 7, 1}));
    EXPECT_EQ(t.revenue[1], (std::vector<double>{8, 2}));
    EXPECT_EQ(t.periods(), 4u);
    EXPECT_DOUBLE_EQ(t.retention(0, 2), 0.5);
    const std::vector<double> average = t.average_retention();
    EXPECT_DOUBLE_EQ(average[0], 1.0);
    EXPECT_DOUBLE_EQ(average[1], 1.0 / 3); // both cohorts reach M1: 1 of 3 clients
    EXPECT_DOUBLE_EQ(average[3], 0.5);     // only January reaches M3
    const triage::CohortTable q = triage::cohort_table(orders, 4, on(4, 30), CohortPeriod::Quarter);
    ASSERT_EQ(q.cohorts.size(), 1u);
    EXPECT_EQ(q.active[0], (std::vector<std::size_t>{3, 2}));
    EXPECT_THROW(triage::cohort_table({{5, on(1, 1), 1}}, 4, on(4, 30)), triage::InvalidInput);
}

// At most ten years of cohorts: a client whose first order is older (a date typed 1583 for
// 2023, or a real client of long ago) is left out with all its orders and counted, so that two
// lines from 1583 and 9999 cannot ask for a sheet of 100,000 columns.
TEST(Cohorts, TheLastTenYearsAtMost) {
    using triage::serial_from_civil;
    const double analysis = serial_from_civil(2026, 6, 30);
    const std::vector<triage::Purchase> orders = {
        {0, serial_from_civil(1583, 1, 1), 5},   {0, serial_from_civil(2026, 6, 1), 7},
        {1, serial_from_civil(2016, 6, 30), 10}, {1, serial_from_civil(2026, 6, 2), 1},
        {2, serial_from_civil(2016, 7, 1), 20},  {2, serial_from_civil(2026, 6, 3), 2},
        {3, serial_from_civil(2026, 1, 1), 30}};
    const triage::CohortTable t = triage::cohort_table(orders, 4, analysis);
    EXPECT_EQ(t.periods(), 120u); // 2016-07 .. 2026-06
    EXPECT_EQ(t.earlier_clients, 2u);
    EXPECT_EQ(triage::period_label(t.oldest, CohortPeriod::Month), "2016-07");
    ASSERT_EQ(t.cohorts.size(), 2u);
    EXPECT_EQ(triage::period_label(t.cohorts[0], CohortPeriod::Month), "2016-07");
    EXPECT_EQ(t.sizes, (std::vector<std::size_t>{1, 1}));
    EXPECT_EQ(t.active[0].front(), 1u);
    EXPECT_EQ(t.active[0].back(), 1u);
    EXPECT_EQ(t.revenue[0].back(), 2.0); // client 2's; client 0's June order is left out
    EXPECT_EQ(triage::cohort_note(t, triage::Lang::En),
              "Clients whose first order came before 2016-07 are not shown (2 of them): the "
              "sheet covers the last 120 months.");
    EXPECT_NE(triage::cohort_note(t, triage::Lang::Ru).find("купившие до 2016-07 (2)"),
              std::string::npos);
    EXPECT_NE(triage::cohort_note(t, triage::Lang::Fi).find("ennen 2016-07, ei näytetä (2)"),
              std::string::npos);
    // By quarter: 40 of them, 2016 Q3 .. 2026 Q2.
    const triage::CohortTable q = triage::cohort_table(orders, 4, analysis, CohortPeriod::Quarter);
    EXPECT_EQ(q.periods(), 40u);
    EXPECT_EQ(q.earlier_clients, 2u);
    EXPECT_NE(triage::cohort_note(q, triage::Lang::En).find("before 2016 Q3"), std::string::npos);
    // Two lines 8,400 years apart: one client, left out; a table of nothing, not of 100,000
    // periods.
    const triage::CohortTable far = triage::cohort_table(
        {{0, serial_from_civil(1583, 1, 1), 1}, {0, serial_from_civil(9999, 12, 1), 1}}, 1,
        serial_from_civil(9999, 12, 31));
    EXPECT_TRUE(far.cohorts.empty());
    EXPECT_EQ(far.periods(), 0u);
    EXPECT_EQ(far.earlier_clients, 1u);
    // Within ten years nothing is left out and there is no note.
    const triage::CohortTable near = triage::cohort_table({orders.back()}, 4, analysis);
    EXPECT_EQ(near.earlier_clients, 0u);
    EXPECT_EQ(triage::cohort_note(near, triage::Lang::En), "");
}

TEST(Cohorts, SuperstoreCohortsAreItsClients) {
    const std::string path = std::string(TRIAGE_SHARED_DATA) + "/superstore/superstore_orders.csv";
    const auto text = triage::test::read_file(path);
    if (!text) {
        GTEST_SKIP() << "../shared/data not found: " << path;
    }
    auto rows = triage::test::parse_csv(*text);
    triage::test::TextTable table;
    table.headers = rows.front();
    rows.erase(rows.begin());
    table.rows = rows;
    const triage::ClientsFromOrders clients =
        triage::aggregate_orders(triage::test::order_lines(table));
    ASSERT_EQ(clients.clients(), 804u);
    const triage::CohortTable t =
        triage::cohort_table(clients.dated_orders, clients.clients(), clients.analysis_date);
    std::size_t total = 0;
    for (std::size_t c = 0; c < t.cohorts.size(); ++c) {
        total += t.sizes[c];
        EXPECT_EQ(t.active[c][0], t.sizes[c]); // M0 is every client of the cohort
    }
    EXPECT_EQ(total, 804u);
    EXPECT_EQ(triage::period_label(t.cohorts.front(), CohortPeriod::Month), "2023-01");
    EXPECT_EQ(t.periods(), 48u); // 2023-01 .. 2026-12

    // The same from the CSV by other means: each customer's months (dd/mm/yy dates).
    const std::size_t id = triage::test::column_of(table.headers, "Customer ID");
    const std::size_t date = triage::test::column_of(table.headers, "Order Date");
    std::map<std::string, std::set<int>> months;
    for (const auto& row : table.rows) {
        const std::string& d = row[date];
        const int month = (2000 + std::stoi(d.substr(6, 2))) * 12 + std::stoi(d.substr(3, 2)) - 1;
        months[row[id]].insert(month);
    }
    std::map<int, std::map<int, std::size_t>> expected; // cohort -> k -> customers
    for (const auto& [customer, set] : months) {
        for (int m : set) {
            ++expected[*set.begin()][m - *set.begin()];
        }
    }
    ASSERT_EQ(expected.size(), t.cohorts.size());
    for (std::size_t c = 0; c < t.cohorts.size(); ++c) {
        SCOPED_TRACE(triage::period_label(t.cohorts[c], CohortPeriod::Month));
        for (std::size_t k = 0; k < t.active[c].size(); ++k) {
            const auto& row = expected[t.cohorts[c]];
            const auto at = row.find(static_cast<int>(k));
            EXPECT_EQ(t.active[c][k], at == row.end() ? 0u : at->second) << "M" << k;
        }
    }
}

// CDNOW: every first purchase in January to March 1997: three monthly cohorts.
TEST(Cohorts, CdnowHasThreeMonthlyCohorts) {
    const cdnow::Transactions tx = cdnow::transactions(false);
    const triage::CohortTable t =
        triage::cohort_table(tx.purchases, tx.clients, triage::serial_from_civil(1998, 6, 30));
    ASSERT_EQ(t.cohorts.size(), 3u);
    EXPECT_EQ(triage::period_label(t.cohorts[0], CohortPeriod::Month), "1997-01");
    EXPECT_EQ(triage::period_label(t.cohorts[2], CohortPeriod::Month), "1997-03");
    EXPECT_EQ(t.sizes[0] + t.sizes[1] + t.sizes[2], 2357u);
    EXPECT_EQ(t.active[0].size(), 18u); // 1997-01 .. 1998-06
}

} // namespace

namespace {

TEST(Cohorts, TheRulesCarryThePeriod) {
    EXPECT_EQ(triage::default_rules().cohort_period, CohortPeriod::Month);
    const triage::RuleSet q = triage::parse_rules(R"({"cohorts": {"period": "quarter"}})");
    EXPECT_EQ(q.cohort_period, CohortPeriod::Quarter);
    EXPECT_EQ(triage::parse_rules(triage::rules_to_json(q)).cohort_period, CohortPeriod::Quarter);
    EXPECT_THROW(triage::parse_rules(R"({"cohorts": {"period": "week"}})"), triage::InvalidInput);
    EXPECT_THROW(triage::parse_rules(R"({"cohorts": {"period": 3}})"), triage::InvalidInput);
}

} // namespace
