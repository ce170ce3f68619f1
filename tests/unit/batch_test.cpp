#include "core/batch.hpp"
#include "core/error.hpp"
#include "core/headers.hpp"
#include "core/reasons.hpp"
#include "core/risk.hpp"
#include "core/tier.hpp"
#include "core/verdict.hpp"
#include "invalid_message.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace {

using triage::Band;
using triage::BatchResult;
using triage::BatchSettings;
using triage::ClientTable;
using triage::Column;
using triage::Field;
using triage::Lang;
using triage::RowProblem;
using triage::Signal;
using triage::Tier;
using triage::Verdict;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::nullopt_t kEmpty = std::nullopt;

Column& signal_column(ClientTable& table, Signal s) {
    return table.signals[triage::signal_index(s)];
}

// A table with only a value column.
ClientTable values_only(const std::vector<double>& values) {
    ClientTable table;
    for (double v : values) {
        table.value.push_back(v);
    }
    return table;
}

// Sets one cell, creating the column (all empty) when it is absent.
void set(Column& column, std::size_t rows, std::size_t row, std::optional<double> value) {
    column.resize(rows);
    column[row] = value;
}

// ---------------------------------------------------------------- hand-checked tables

// The spec's tier example 50, 30, 10, 5, 3, 2 (A: 50, 30; B: 10, 5, 3; C: 2) plus 0 (C) and
// -4 (D); one row per verdict, and more.
struct EveryVerdict : ::testing::Test {
    ClientTable table = values_only({50, 30, 10, 5, 3, 2, 0, -4, 40});
    std::size_t rows = 9;

    void SetUp() override {
        // The ninth client (40) is added with its value; the tiers of the population
        // 50, 40, 30, 10, 5, 3, 2: T = 140, 0.8 T = 112: A while the sum before < 112:
        // 50 (0), 40 (50), 30 (90) -> A_sum = 120; B: 0.8 x 20 = 16: 10 (0), 5 (10) -> B;
        // 3 (15 < 16) -> B; 2 (18) -> C.
        Column& late = signal_column(table, Signal::DaysLate);
        Column& complaints = signal_column(table, Signal::Complaints);
        set(late, rows, 0, 0.0);       // 50: risk 0, A low -> Keep
        set(late, rows, 1, 60.0);      // 30: risk 100, A high -> Renegotiate
        set(complaints, rows, 2, 3.0); // 10: risk 50, B medium -> Renegotiate
                                       // 5: no signal -> B low -> Grow
        set(signal_column(table, Signal::ReturnRate), rows, 4, 0.05); // 3: risk 0, lapsed
        set(table.days_since_last_order, rows, 4, 100.0);             //    B -> Win back
        set(table.usual_days_between_orders, rows, 4, 30.0);
        set(signal_column(table, Signal::RushShare), rows, 5, 0.10); // 2: risk 0 -> Low-touch
        set(complaints, rows, 6, 6.0);                               // 0: C high -> Let go
                                                                     // -4: D, no signal
        set(late, rows, 8, 30.0);      // 40: days late 30 (s 0.5, w 3), complaints 6 (s 1, w 2):
        set(complaints, rows, 8, 6.0); //     100 x 3.5 / 5 = 70 -> A high -> Renegotiate
    }
};

TEST_F(EveryVerdict, TierRiskBandVerdictPerRow) {
    const BatchResult r = triage::segment_clients(table);
    ASSERT_EQ(r.rows.size(), rows);
    struct Expected {
        Tier tier;
        std::optional<double> risk;
        Band band;
        Verdict verdict;
        std::optional<Signal> top;
    };
    const Expected expected[] = {
        {Tier::A, 0.0, Band::Low, Verdict::Keep, std::nullopt},
        {Tier::A, 100.0, Band::High, Verdict::Renegotiate, Signal::DaysLate},
        {Tier::B, 50.0, Band::Medium, Verdict::Renegotiate, Signal::Complaints},
        {Tier::B, std::nullopt, Band::Low, Verdict::Grow, std::nullopt},
        {Tier::B, 0.0, Band::Low, Verdict::WinBack, std::nullopt},
        {Tier::C, 0.0, Band::Low, Verdict::LowTouch, std::nullopt},
        {Tier::C, 100.0, Band::High, Verdict::LetGo, Signal::Complaints},
        {Tier::D, std::nullopt, Band::Low, Verdict::Renegotiate, std::nullopt},
        {Tier::A, 70.0, Band::High, Verdict::Renegotiate, Signal::Complaints},
    };
    for (std::size_t i = 0; i < rows; ++i) {
        SCOPED_TRACE("row " + std::to_string(i));
        const triage::RowResult& row = r.rows[i];
        ASSERT_TRUE(row.ok());
        EXPECT_EQ(r.error_of(i), nullptr);
        EXPECT_EQ(row.tier(), expected[i].tier);
        ASSERT_EQ(row.risk().has_value(), expected[i].risk.has_value());
        if (expected[i].risk) {
            EXPECT_NEAR(*row.risk(), *expected[i].risk, 1e-9);
        }
        EXPECT_EQ(row.band(), expected[i].band);
        EXPECT_EQ(row.verdict(), expected[i].verdict);
        EXPECT_EQ(row.top_signal(), expected[i].top);
    }
    // Every verdict occurs.
    for (Verdict v : triage::kAllVerdicts) {
        EXPECT_GT(r.summary.of(v).clients, 0u) << triage::verdict_key(v);
    }
    EXPECT_EQ(r.summary.cutoffs.a_min, 30.0);
    EXPECT_EQ(r.summary.cutoffs.b_min, 3.0);
}

TEST_F(EveryVerdict, ReasonsAndNextSteps) {
    const BatchResult r = triage::segment_clients(table);
    EXPECT_EQ(r.reasons_text(r.rows[0]), ""); // risk 0: nothing contributes
    EXPECT_EQ(r.reasons_text(r.rows[1]), "late payment 60 days (+100)");
    EXPECT_EQ(r.reasons_text(r.rows[2]), "3 complaints (+50)");
    EXPECT_EQ(r.reasons_text(r.rows[3]), "");
    EXPECT_EQ(r.reasons_text(r.rows[8]), "6 complaints (+40); late payment 30 days (+30)");
    EXPECT_EQ(r.rows[8].reason_count(), 2u);

    // Renegotiate: the specific step of the top signal.
    EXPECT_EQ(r.next_step_text(r.rows[1]),
              "prepayment of 30-50%, no deferred payment, pause work while invoices are overdue");
    // Keep without a contributing signal: the generic step alone.
    EXPECT_EQ(r.next_step_text(r.rows[0]),
              "protect: priority service, a personal manager, regular check-ins");
    EXPECT_EQ(r.next_step_text(r.rows[3]),
              "develop: offer more products and services, aim for tier A");
    // Let go with a top signal: generic plus the hint.
    EXPECT_EQ(r.next_step_text(r.rows[6]),
              std::string(triage::generic_next_step(Verdict::LetGo, Lang::En)) +
                  ". Also: one contact person and a clear escalation path; written scope");
    // Tier D without any signal: Renegotiate with the "(none, tier D)" step.
    EXPECT_EQ(r.next_step_text(r.rows[7]),
              "raise the minimum order, remove free extras (delivery, set-up, warranty), review "
              "the price");
}

TEST_F(EveryVerdict, RussianAndFinnishTexts) {
    for (Lang lang : {Lang::Ru, Lang::Fi}) {
        BatchSettings settings;
        settings.lang = lang;
        const BatchResult r = triage::segment_clients(table, settings);
        EXPECT_EQ(r.lang, lang);
        for (std::size_t i = 0; i < rows; ++i) {
            const triage::RowResult& row = r.rows[i];
            EXPECT_EQ(r.next_step_text(row),
                      triage::next_step(row.verdict(), row.top_signal(), lang));
            EXPECT_EQ(r.reasons_text(row),
                      triage::format_reasons(triage::row_reasons(table, i, settings), lang));
        }
    }
    BatchSettings ru;
    ru.lang = Lang::Ru;
    const BatchResult r = triage::segment_clients(table, ru);
    EXPECT_EQ(r.reasons_text(r.rows[8]), "6 жалоб (+40); просрочка оплаты 30 дней (+30)");
}

TEST_F(EveryVerdict, SummaryCountsAndSums) {
    table.revenue = {500, 300, 100, 50, 30, 20, 10, 40, 400};
    const BatchResult r = triage::segment_clients(table);
    const triage::BatchSummary& s = r.summary;
    EXPECT_EQ(s.rows, rows);
    EXPECT_EQ(s.segmented, rows);
    EXPECT_EQ(s.errors, 0u);
    EXPECT_TRUE(s.has_profit);
    EXPECT_TRUE(s.has_revenue);
    EXPECT_EQ(s.of(Tier::A).clients, 3u);
    EXPECT_EQ(s.of(Tier::B).clients, 3u);
    EXPECT_EQ(s.of(Tier::C).clients, 2u);
    EXPECT_EQ(s.of(Tier::D).clients, 1u);
    EXPECT_DOUBLE_EQ(s.of(Tier::A).profit, 120.0);
    EXPECT_DOUBLE_EQ(s.of(Tier::B).profit, 18.0);
    EXPECT_DOUBLE_EQ(s.of(Tier::C).profit, 2.0);
    EXPECT_DOUBLE_EQ(s.of(Tier::D).profit, -4.0);
    EXPECT_DOUBLE_EQ(s.of(Tier::A).revenue, 1200.0);
    EXPECT_DOUBLE_EQ(s.of(Tier::D).revenue, 40.0);
    EXPECT_EQ(s.of(Verdict::Keep).clients, 1u);
    EXPECT_EQ(s.of(Verdict::Renegotiate).clients, 4u); // 30, 10, -4, 40
    EXPECT_DOUBLE_EQ(s.of(Verdict::Renegotiate).profit, 30.0 + 10.0 - 4.0 + 40.0);
    EXPECT_DOUBLE_EQ(s.of(Verdict::Renegotiate).revenue, 300.0 + 100.0 + 40.0 + 400.0);
    EXPECT_EQ(s.of(Verdict::Grow).clients, 1u);
    EXPECT_EQ(s.of(Verdict::WinBack).clients, 1u);
    EXPECT_EQ(s.of(Verdict::LowTouch).clients, 1u);
    EXPECT_EQ(s.of(Verdict::LetGo).clients, 1u);
    std::size_t by_tier = 0;
    std::size_t by_verdict = 0;
    for (const auto& g : s.by_tier) {
        by_tier += g.clients;
    }
    for (const auto& g : s.by_verdict) {
        by_verdict += g.clients;
    }
    EXPECT_EQ(by_tier, rows);
    EXPECT_EQ(by_verdict, rows);
}

TEST(Batch, RevenueValueIsSummedAsRevenue) {
    ClientTable table = values_only({100, 20, -5});
    table.value_kind = triage::ValueKind::Revenue;
    const BatchResult r = triage::segment_clients(table);
    EXPECT_FALSE(r.summary.has_profit);
    EXPECT_TRUE(r.summary.has_revenue);
    EXPECT_DOUBLE_EQ(r.summary.of(Tier::A).revenue, 100.0);
    EXPECT_DOUBLE_EQ(r.summary.of(Tier::A).profit, 0.0);
    EXPECT_DOUBLE_EQ(r.summary.of(Tier::D).revenue, -5.0);
    // Without a revenue column and with a profit value, no revenue is known.
    const BatchResult p = triage::segment_clients(values_only({100, 20}));
    EXPECT_TRUE(p.summary.has_profit);
    EXPECT_FALSE(p.summary.has_revenue);
}

TEST(Batch, EmptyTable) {
    const BatchResult r = triage::segment_clients(ClientTable{});
    EXPECT_TRUE(r.rows.empty());
    EXPECT_EQ(r.summary.rows, 0u);
    EXPECT_EQ(r.summary.segmented, 0u);
    EXPECT_FALSE(r.summary.cutoffs.has_positive());
}

TEST(Batch, NoPositiveValueMakesEveryoneCOrD) {
    const BatchResult r = triage::segment_clients(values_only({0, 0, -1}));
    EXPECT_EQ(r.rows[0].tier(), Tier::C);
    EXPECT_EQ(r.rows[1].tier(), Tier::C);
    EXPECT_EQ(r.rows[2].tier(), Tier::D);
    EXPECT_EQ(r.rows[0].verdict(), Verdict::LowTouch);
}

// ---------------------------------------------------------------- per-row errors

TEST(BatchErrors, BadRowsGetAnErrorAndTheOthersAreComputed) {
    const std::size_t rows = 12;
    ClientTable table;
    table.value = {100, kEmpty, kNaN, -kInf, 50, 40, 30, 20, 10, 5, 1000, kInf};
    set(signal_column(table, Signal::Complaints), rows, 4, -2.0);    // negative signal
    set(signal_column(table, Signal::DaysLate), rows, 5, kNaN);      // text passed as NaN
    set(table.days_since_last_order, rows, 6, -1.0);                 // negative days
    set(table.usual_days_between_orders, rows, 7, kInf);             // infinite days
    set(signal_column(table, Signal::ScopeCreep), rows, 8, 0.3);     // fine
    set(signal_column(table, Signal::RushShare), rows, 10, -kInf);   // -inf signal
    set(signal_column(table, Signal::Complaints), rows, 1, -5.0);    // the value comes first
    set(signal_column(table, Signal::Complaints), rows, 9, 1.0);     // two problems: the
    set(signal_column(table, Signal::ApprovalDays), rows, 9, -3.0);  // first in column order
    set(signal_column(table, Signal::DiscountShare), rows, 9, -0.5); // (discount share)

    const BatchResult r = triage::segment_clients(table);
    ASSERT_EQ(r.rows.size(), rows);
    struct Expected {
        std::size_t row;
        RowProblem problem;
        Field field;
        double value;
    };
    const Expected expected[] = {
        {1, RowProblem::MissingValue, Field::Profit, 0},
        {2, RowProblem::NotANumber, Field::Profit, 0},
        {3, RowProblem::NotANumber, Field::Profit, 0},
        {4, RowProblem::Negative, Field::Complaints, -2},
        {5, RowProblem::NotANumber, Field::DaysLate, 0},
        {6, RowProblem::Negative, Field::DaysSinceLastOrder, -1},
        {7, RowProblem::NotANumber, Field::UsualDaysBetweenOrders, 0},
        {9, RowProblem::Negative, Field::DiscountShare, -0.5},
        {10, RowProblem::NotANumber, Field::RushShare, 0},
        {11, RowProblem::NotANumber, Field::Profit, 0},
    };
    ASSERT_EQ(r.errors.size(), std::size(expected));
    for (std::size_t k = 0; k < std::size(expected); ++k) {
        const Expected& e = expected[k];
        SCOPED_TRACE("row " + std::to_string(e.row));
        EXPECT_EQ(r.errors[k].row, e.row);
        EXPECT_FALSE(r.rows[e.row].ok());
        const triage::RowError* error = r.error_of(e.row);
        ASSERT_NE(error, nullptr);
        EXPECT_EQ(error->problem, e.problem);
        EXPECT_EQ(error->field, e.field);
        if (e.problem == RowProblem::Negative) {
            EXPECT_EQ(error->value, e.value);
        }
        // An error row has no texts.
        EXPECT_EQ(r.reasons_text(r.rows[e.row]), "");
        EXPECT_EQ(r.next_step_text(r.rows[e.row]), "");
        // The message names the column.
        EXPECT_NE(r.error_text(e.row).find(triage::field_name(e.field).en), std::string::npos)
            << r.error_text(e.row);
    }
    EXPECT_EQ(r.error_text(4), "Complaints must not be negative (-2)");
    EXPECT_EQ(r.error_text(1), "Profit: the cell is empty");
    EXPECT_EQ(r.error_text(5), "Days late is not a number");
    EXPECT_EQ(triage::row_error_message(*r.error_of(9), Lang::Ru),
              "«Доля покупок со скидкой»: отрицательное значение (-0,5)");
    EXPECT_EQ(triage::row_error_message(*r.error_of(4), Lang::Fi),
              "Reklamaatiot: negatiivinen arvo (-2)");

    // The good rows are computed.
    for (std::size_t i : {0u, 8u}) {
        EXPECT_TRUE(r.rows[i].ok());
        EXPECT_EQ(r.error_of(i), nullptr);
        EXPECT_EQ(r.error_text(i), "");
    }
    EXPECT_EQ(r.summary.errors, 10u);
    EXPECT_EQ(r.summary.segmented, 2u);
    std::size_t clients = 0;
    for (const auto& g : r.summary.by_tier) {
        clients += g.clients;
    }
    EXPECT_EQ(clients, 2u);
    EXPECT_DOUBLE_EQ(
        r.summary.of(Verdict::Keep).profit + r.summary.of(Verdict::Grow).profit +
            r.summary.of(Verdict::LowTouch).profit + r.summary.of(Verdict::Renegotiate).profit +
            r.summary.of(Verdict::WinBack).profit + r.summary.of(Verdict::LetGo).profit,
        110.0);

    // The population is every present, finite value, also of rows failing for another
    // reason: 100, 50, 40, 30, 20, 10, 5, 1000 (the largest fails on its rush share).
    const triage::TierCutoffs cutoffs = triage::tier_cutoffs({100, 50, 40, 30, 20, 10, 5, 1000});
    EXPECT_EQ(r.summary.cutoffs.a_min, cutoffs.a_min);
    EXPECT_EQ(r.summary.cutoffs.b_min, cutoffs.b_min);
    EXPECT_EQ(r.rows[0].tier(), triage::tier_of(100, cutoffs));
    EXPECT_EQ(r.rows[0].tier(), Tier::A); // T = 1255; 0.8 T = 1004: 1000 (0), 100 (1000)
}

TEST(BatchErrors, RevenueValueErrorsNameRevenue) {
    ClientTable table;
    table.value = {kEmpty, 10};
    table.value_kind = triage::ValueKind::Revenue;
    const BatchResult r = triage::segment_clients(table);
    ASSERT_NE(r.error_of(0), nullptr);
    EXPECT_EQ(r.error_of(0)->field, Field::Revenue);
    EXPECT_EQ(r.error_text(0), "Revenue: the cell is empty");
    BatchSettings ru;
    ru.lang = Lang::Ru;
    EXPECT_EQ(triage::segment_clients(table, ru).error_text(0), "«Выручка»: пустая ячейка");
}

TEST(BatchErrors, ProblemsOfTheWholeTableThrow) {
    ClientTable table = values_only({1, 2, 3});
    // Columns of another length.
    signal_column(table, Signal::Complaints) = {1.0, 2.0};
    EXPECT_NE(invalid_message([&] { triage::segment_clients(table); }).find("complaints"),
              std::string::npos);
    signal_column(table, Signal::Complaints).clear();
    table.days_since_last_order = {1.0, 2.0, 3.0, 4.0};
    EXPECT_THROW(triage::segment_clients(table), triage::InvalidInput);
    table.days_since_last_order.clear();
    table.revenue = {1.0};
    EXPECT_THROW(triage::segment_clients(table), triage::InvalidInput);
    table.revenue.clear();
    EXPECT_NO_THROW(triage::segment_clients(table));

    // Invalid shares and rules.
    BatchSettings settings;
    settings.shares.a = 0.0;
    EXPECT_THROW(triage::segment_clients(table, settings), triage::InvalidInput);
    settings.shares.a = kNaN;
    EXPECT_THROW(triage::segment_clients(table, settings), triage::InvalidInput);
    settings = {};
    settings.rules[0].weight = -1.0;
    EXPECT_THROW(triage::segment_clients(table, settings), triage::InvalidInput);
    settings = {};
    settings.rules[2].good = settings.rules[2].bad;
    EXPECT_THROW(triage::segment_clients(table, settings), triage::InvalidInput);
    // Weights each finite but adding up to infinity.
    settings = {};
    for (auto& rule : settings.rules) {
        rule.weight = std::numeric_limits<double>::max();
    }
    EXPECT_NE(invalid_message([&] { triage::segment_clients(table, settings); }).find("weights"),
              std::string::npos);

    // A service cost column with a revenue value: no profit to divide by.
    table.value_kind = triage::ValueKind::Revenue;
    table.service_cost = {1.0, 2.0, 3.0};
    EXPECT_NE(invalid_message([&] { triage::segment_clients(table); }).find("profit"),
              std::string::npos);
    // ... unless the table has a cost_to_serve column: then the service cost is not used.
    signal_column(table, Signal::CostToServe) = {0.1, 0.2, 0.3};
    EXPECT_NO_THROW(triage::segment_clients(table));
}

// ---------------------------------------------------------------- columns

TEST(BatchColumns, OnlyAValueColumn) {
    const ClientTable table = values_only({50, 30, 10, 5, 3, 2, -1});
    const BatchResult r = triage::segment_clients(table);
    const Tier tiers[] = {Tier::A, Tier::A, Tier::B, Tier::B, Tier::B, Tier::C, Tier::D};
    const Verdict verdicts[] = {Verdict::Keep,       Verdict::Keep, Verdict::Grow,
                                Verdict::Grow,       Verdict::Grow, Verdict::LowTouch,
                                Verdict::Renegotiate};
    for (std::size_t i = 0; i < table.rows(); ++i) {
        EXPECT_EQ(r.rows[i].tier(), tiers[i]);
        EXPECT_FALSE(r.rows[i].risk().has_value());
        EXPECT_EQ(r.rows[i].band(), Band::Low);
        EXPECT_EQ(r.rows[i].verdict(), verdicts[i]);
        EXPECT_EQ(r.reasons_text(r.rows[i]), "");
        EXPECT_EQ(r.next_step_text(r.rows[i]),
                  triage::next_step(verdicts[i], std::nullopt, Lang::En));
    }
}

TEST(BatchColumns, EmptyCellsAreLeftOutOfTheScore) {
    ClientTable table = values_only({10, 10, 10});
    signal_column(table, Signal::DaysLate) = {60.0, kEmpty, kEmpty};
    signal_column(table, Signal::Complaints) = {kEmpty, 0.0, kEmpty};
    const BatchResult r = triage::segment_clients(table);
    EXPECT_DOUBLE_EQ(*r.rows[0].risk(), 100.0); // days late alone, not diluted
    EXPECT_DOUBLE_EQ(*r.rows[1].risk(), 0.0);
    EXPECT_FALSE(r.rows[2].risk().has_value()); // no signal at all
    EXPECT_EQ(r.rows[2].band(), Band::Low);
}

TEST(BatchColumns, ServiceCostBecomesCostToServe) {
    ClientTable table = values_only({100, -10, -10, 100, 100, 200});
    table.service_cost = {50.0, 5.0, 0.0, kEmpty, -1.0, kNaN};
    const BatchResult r = triage::segment_clients(table);
    // 50 / 100 = 0.5: s = (0.5 - 0.2) / 0.8 = 0.375, the only signal: 37.5.
    EXPECT_DOUBLE_EQ(*r.rows[0].risk(), 37.5);
    EXPECT_EQ(r.rows[0].band(), Band::Medium);
    // (0.5 - 0.2) / 0.8 is 0.37499999999999994 in binary: 37 points, not 38.
    EXPECT_EQ(r.reasons_text(r.rows[0]), "cost to serve 0.5 of profit (+37)");
    // Profit <= 0 with a service cost: s = 1.
    EXPECT_DOUBLE_EQ(*r.rows[1].risk(), 100.0);
    EXPECT_EQ(r.rows[1].verdict(), Verdict::LetGo);
    EXPECT_EQ(r.reasons_text(r.rows[1]), "cost to serve exceeds profit (+100)");
    const std::vector<triage::Reason> reasons = triage::row_reasons(table, 1);
    ASSERT_EQ(reasons.size(), 1u);
    EXPECT_EQ(reasons[0].value, triage::kCostExceedsProfit);
    // No service cost: ratio 0, no risk.
    EXPECT_DOUBLE_EQ(*r.rows[2].risk(), 0.0);
    EXPECT_EQ(r.rows[2].verdict(), Verdict::Renegotiate); // tier D, low
    // An empty service cost: no signal.
    EXPECT_FALSE(r.rows[3].risk().has_value());
    // Bad service costs are row errors.
    ASSERT_NE(r.error_of(4), nullptr);
    EXPECT_EQ(r.error_of(4)->problem, RowProblem::Negative);
    EXPECT_EQ(r.error_of(4)->field, Field::ServiceCost);
    ASSERT_NE(r.error_of(5), nullptr);
    EXPECT_EQ(r.error_of(5)->problem, RowProblem::NotANumber);
    EXPECT_EQ(r.error_of(5)->field, Field::ServiceCost);
}

TEST(BatchColumns, ACostToServeColumnWinsOverServiceCost) {
    ClientTable table = values_only({100, 100});
    table.service_cost = {1000.0, -1.0}; // would be s = 1, and an error
    signal_column(table, Signal::CostToServe) = {0.2, kEmpty};
    const BatchResult r = triage::segment_clients(table);
    EXPECT_DOUBLE_EQ(*r.rows[0].risk(), 0.0);
    EXPECT_TRUE(r.rows[1].ok());
    EXPECT_FALSE(r.rows[1].risk().has_value());
}

TEST(BatchColumns, WinBack) {
    // 100 and 1: T = 101, A = 100; B = 1. Every row tier A or B unless stated.
    ClientTable table = values_only({100, 100, 100, 100, 1, 0, 100, 100});
    table.days_since_last_order = {200.0, 181.0, 100.0, 100.0, 100.0, 1000.0, 180.0, kEmpty};
    table.usual_days_between_orders = {kEmpty, 0.0, 30.0, 30.0, 30.0, kEmpty, kEmpty, 1.0};
    signal_column(table, Signal::DaysLate) = {kEmpty, kEmpty, kEmpty, 60.0,
                                              20.0,   kEmpty, kEmpty, kEmpty};
    const BatchResult r = triage::segment_clients(table);
    EXPECT_EQ(r.rows[0].verdict(), Verdict::WinBack);     // 200 > 180, no usual interval
    EXPECT_EQ(r.rows[1].verdict(), Verdict::WinBack);     // usual 0 = unknown: 181 > 180
    EXPECT_EQ(r.rows[2].verdict(), Verdict::WinBack);     // 100 > 2 x 30
    EXPECT_EQ(r.rows[3].verdict(), Verdict::Renegotiate); // high risk: no win back
    EXPECT_EQ(r.rows[4].tier(), Tier::B);
    EXPECT_EQ(r.rows[4].band(), Band::Medium); // 20 / 60 -> 33.3
    EXPECT_EQ(r.rows[4].verdict(), Verdict::WinBack);
    EXPECT_EQ(r.rows[5].verdict(), Verdict::LowTouch); // tier C is never won back
    EXPECT_EQ(r.rows[6].verdict(), Verdict::Keep);     // 180 is not > 180
    EXPECT_EQ(r.rows[7].verdict(), Verdict::Keep);     // no days since: never lapsed
    EXPECT_EQ(r.next_step_text(r.rows[4]),
              triage::next_step(Verdict::WinBack, Signal::DaysLate, Lang::En));
}

TEST(BatchColumns, RowReasonsOutOfRangeThrows) {
    const ClientTable table = values_only({1, 2});
    EXPECT_THROW(triage::row_reasons(table, 2), triage::InvalidInput);
    EXPECT_TRUE(triage::row_reasons(table, 1).empty());
}

// ---------------------------------------------------------------- properties

constexpr int kTierRank[] = {0, 1, 2, 3}; // A best .. D worst

int rank(Tier t) {
    return kTierRank[static_cast<int>(t)];
}

// A random cell: mostly ordinary numbers in the range that matters to a signal, some on the
// display's rounding edges (x.x5, x.xx5 and their neighbours), some repeated, some empty.
struct CellMaker {
    std::mt19937_64& rng;
    double scale;

    std::optional<double> operator()(double empty_share = 0.15) {
        std::uniform_real_distribution<double> unit(0.0, 1.0);
        const double kind = unit(rng);
        if (kind < empty_share) {
            return std::nullopt;
        }
        const double u = unit(rng);
        if (kind < 0.5) {
            return u * scale;
        }
        if (kind < 0.65) {
            return std::floor(u * 20.0); // whole numbers, often repeated
        }
        // On a rounding edge of 1, 2 or 3 decimals (0.25, 0.125, 0.005 x k), or next to one.
        const double steps[] = {0.05, 0.005, 0.0005, 0.25, 0.125};
        const double step = steps[static_cast<int>(unit(rng) * 5.0) % 5];
        double x = std::floor(u * scale / step) * step;
        const double nudge = unit(rng);
        if (nudge < 0.25) {
            x = std::nextafter(x, kInf);
        } else if (nudge < 0.5 && x > 0.0) {
            x = std::nextafter(x, 0.0);
        }
        return x;
    }
};

struct RandomTable {
    ClientTable table;
    BatchSettings settings;
};

RandomTable random_table(std::mt19937_64& rng, std::size_t rows, bool with_bad_cells) {
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::lognormal_distribution<double> money(4.0, 1.5);
    RandomTable t;
    ClientTable& table = t.table;
    table.value_kind = unit(rng) < 0.8 ? triage::ValueKind::Profit : triage::ValueKind::Revenue;
    const double scales[] = {90.0, 0.6, 8.0, 1.0, 1.5, 40.0, 0.8, 0.9};
    for (std::size_t k = 0; k < triage::kSignalCount; ++k) {
        if (unit(rng) < 0.8) {
            CellMaker cell{rng, scales[k]};
            for (std::size_t i = 0; i < rows; ++i) {
                table.signals[k].push_back(cell());
            }
        }
    }
    const bool ratio_column = !table.signals[triage::signal_index(Signal::CostToServe)].empty();
    const bool service_cost = table.value_kind == triage::ValueKind::Profit &&
                              (!ratio_column || unit(rng) < 0.5) && unit(rng) < 0.7;
    const bool days = unit(rng) < 0.8;
    const bool revenue = unit(rng) < 0.5;
    for (std::size_t i = 0; i < rows; ++i) {
        const double kind = unit(rng);
        double v = money(rng);
        if (kind < 0.15) {
            v = -0.3 * v;
        } else if (kind < 0.2) {
            v = 0.0;
        } else if (kind < 0.3) {
            v = std::floor(v / 10.0) * 10.0; // ties
        }
        table.value.push_back(v);
        if (service_cost) {
            table.service_cost.push_back(unit(rng) < 0.2 ? std::nullopt
                                                         : std::optional<double>(money(rng)));
        }
        if (days) {
            table.days_since_last_order.push_back(
                unit(rng) < 0.1 ? std::nullopt
                                : std::optional<double>(std::floor(unit(rng) * 400)));
            const double usual = unit(rng);
            table.usual_days_between_orders.push_back(
                usual < 0.2 ? std::nullopt
                            : std::optional<double>(usual < 0.3 ? 0.0 : std::floor(usual * 120)));
        }
        if (revenue) {
            table.revenue.push_back(unit(rng) < 0.1 ? std::nullopt
                                                    : std::optional<double>(money(rng) * 3));
        }
    }
    if (with_bad_cells) {
        const double bad[] = {-1.0, kNaN, kInf, -kInf, -1e-300};
        for (std::size_t n = rows / 10; n > 0; --n) {
            const std::size_t row = static_cast<std::size_t>(unit(rng) * rows) % rows;
            const double x = bad[static_cast<int>(unit(rng) * 5) % 5];
            const double where = unit(rng);
            if (where < 0.2) {
                table.value[row] = unit(rng) < 0.3 ? std::nullopt : std::optional<double>(x);
            } else if (where < 0.8) {
                Column& c = table.signals[static_cast<std::size_t>(unit(rng) * 8) % 8];
                if (!c.empty()) {
                    c[row] = x;
                }
            } else if (!table.service_cost.empty()) {
                table.service_cost[row] = x;
            } else if (!table.days_since_last_order.empty()) {
                table.days_since_last_order[row] = x;
            }
        }
    }
    t.settings.shares = {0.3 + 0.7 * unit(rng), 0.3 + 0.7 * unit(rng)};
    if (unit(rng) < 0.5) {
        for (auto& rule : t.settings.rules) {
            rule.weight = 0.1 + 5.0 * unit(rng);
            rule.good = rule.good * (0.5 + unit(rng));
            rule.bad = rule.good + (rule.bad - rule.good) * (0.2 + 2.0 * unit(rng)) *
                                       (unit(rng) < 0.1 ? -1.0 : 1.0);
        }
    }
    t.settings.lang = static_cast<Lang>(static_cast<int>(unit(rng) * 3) % 3);
    return t;
}

// What the single-row core functions say about one row.
struct Reference {
    bool ok = false;
    Tier tier = Tier::C;
    std::optional<double> risk;
    Band band = Band::Low;
    Verdict verdict = Verdict::Keep;
    std::optional<Signal> top;
    std::string reasons;
    std::string next_step;
};

Reference reference_row(const ClientTable& table, std::size_t i, const triage::TierCutoffs& cutoffs,
                        const BatchSettings& settings) {
    Reference ref;
    const std::optional<double> value = table.value[i];
    if (!value || !std::isfinite(*value)) {
        return ref;
    }
    try {
        triage::SignalValues values{};
        bool any = false;
        for (std::size_t k = 0; k < triage::kSignalCount; ++k) {
            if (!table.signals[k].empty() && table.signals[k][i]) {
                values[k] = table.signals[k][i];
                any = true;
            }
        }
        const std::size_t cts = triage::signal_index(Signal::CostToServe);
        if (!table.service_cost.empty() && table.signals[cts].empty() && table.service_cost[i]) {
            values[cts] = triage::cost_to_serve_ratio(*table.service_cost[i], *value);
            any = true;
        }
        const auto cell = [&](const Column& c) { return c.empty() ? std::nullopt : c[i]; };
        ref.tier = triage::tier_of(*value, cutoffs);
        if (any) {
            const triage::RiskResult risk = triage::risk_score(values, settings.rules);
            ref.risk = risk.score;
            ref.band = triage::risk_band(risk.score);
            ref.top = triage::top_signal(risk);
            ref.reasons = triage::format_reasons(triage::top_reasons(values, risk), settings.lang);
        }
        ref.verdict = triage::verdict_for(ref.tier, ref.band, cell(table.days_since_last_order),
                                          cell(table.usual_days_between_orders));
        ref.next_step = triage::next_step(ref.verdict, ref.top, settings.lang);
        ref.ok = true;
    } catch (const triage::InvalidInput&) {
        ref.ok = false;
    }
    return ref;
}

TEST(BatchProperty, AgreesRowByRowWithTheSingleRowFunctions) {
    std::mt19937_64 rng(20240611);
    std::size_t checked = 0;
    std::size_t with_risk = 0;
    std::size_t errors = 0;
    for (int round = 0; round < 40; ++round) {
        const std::size_t rows = 1 + static_cast<std::size_t>(rng() % 400);
        const RandomTable t = random_table(rng, rows, round % 2 == 1);
        const BatchResult r = triage::segment_clients(t.table, t.settings);
        ASSERT_EQ(r.rows.size(), rows);

        std::vector<double> population;
        for (const auto& v : t.table.value) {
            if (v && std::isfinite(*v)) {
                population.push_back(*v);
            }
        }
        const triage::TierCutoffs cutoffs = triage::tier_cutoffs(population, t.settings.shares);
        EXPECT_EQ(r.summary.cutoffs.a_min, cutoffs.a_min);
        EXPECT_EQ(r.summary.cutoffs.b_min, cutoffs.b_min);

        std::array<std::size_t, 4> tier_clients{};
        std::array<long double, 4> tier_profit{};
        std::array<std::size_t, triage::kVerdictCount> verdict_clients{};
        std::size_t reference_errors = 0;
        for (std::size_t i = 0; i < rows; ++i) {
            SCOPED_TRACE("round " + std::to_string(round) + " row " + std::to_string(i));
            const Reference ref = reference_row(t.table, i, cutoffs, t.settings);
            const triage::RowResult& row = r.rows[i];
            ASSERT_EQ(row.ok(), ref.ok) << r.error_text(i);
            EXPECT_EQ(r.error_of(i) == nullptr, ref.ok);
            ++checked;
            if (!ref.ok) {
                ++reference_errors;
                continue;
            }
            EXPECT_EQ(row.tier(), ref.tier);
            ASSERT_EQ(row.risk().has_value(), ref.risk.has_value());
            if (ref.risk) {
                ++with_risk;
                EXPECT_EQ(*row.risk(), *ref.risk); // bit for bit
            }
            EXPECT_EQ(row.band(), ref.band);
            EXPECT_EQ(row.verdict(), ref.verdict);
            EXPECT_EQ(row.top_signal(), ref.top);
            EXPECT_EQ(r.reasons_text(row), ref.reasons);
            EXPECT_EQ(r.next_step_text(row), ref.next_step);
            ++tier_clients[static_cast<std::size_t>(ref.tier)];
            ++verdict_clients[static_cast<std::size_t>(ref.verdict)];
            if (t.table.value_kind == triage::ValueKind::Profit) {
                tier_profit[static_cast<std::size_t>(ref.tier)] += *t.table.value[i];
            }
        }
        errors += reference_errors;
        EXPECT_EQ(r.summary.errors, reference_errors);
        EXPECT_EQ(r.summary.segmented + r.summary.errors, rows);
        for (Tier tier : {Tier::A, Tier::B, Tier::C, Tier::D}) {
            const auto k = static_cast<std::size_t>(tier);
            EXPECT_EQ(r.summary.of(tier).clients, tier_clients[k]);
            EXPECT_EQ(r.summary.of(tier).profit, static_cast<double>(tier_profit[k]));
        }
        for (Verdict v : triage::kAllVerdicts) {
            EXPECT_EQ(r.summary.of(v).clients, verdict_clients[static_cast<std::size_t>(v)]);
        }
    }
    // The random tables exercised what they were meant to.
    EXPECT_GT(with_risk, checked / 2);
    EXPECT_GT(errors, 100u);
}

TEST(BatchProperty, TierNeverImprovesWhenAValueFalls) {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    int compared = 0;
    int worsened = 0;
    for (int round = 0; round < 300; ++round) {
        const std::size_t rows = 2 + static_cast<std::size_t>(rng() % 60);
        RandomTable t = random_table(rng, rows, false);
        const BatchResult before = triage::segment_clients(t.table, t.settings);
        const std::size_t i = static_cast<std::size_t>(rng() % rows);
        const double old_value = *t.table.value[i];
        const double drop = unit(rng) < 0.5 ? unit(rng) * std::abs(old_value) : unit(rng) * 500;
        t.table.value[i] = old_value - drop;
        const BatchResult after = triage::segment_clients(t.table, t.settings);
        ASSERT_TRUE(before.rows[i].ok());
        ASSERT_TRUE(after.rows[i].ok());
        EXPECT_GE(rank(after.rows[i].tier()), rank(before.rows[i].tier()))
            << "round " << round << ": " << old_value << " -> " << *t.table.value[i];
        ++compared;
        worsened += rank(after.rows[i].tier()) > rank(before.rows[i].tier()) ? 1 : 0;
    }
    EXPECT_EQ(compared, 300);
    EXPECT_GT(worsened, 30); // the drops were large enough to matter
}

} // namespace
