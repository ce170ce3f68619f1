// Every worksheet function besides the tiers, as a user sees it in cells of a real Calc
// (English UI).
#include "office.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using office::CalcDoc;
using office::kErrIllegalArgument;

// ------------------------------------------------------------------ CLIENT_RISK

TEST(ClientRisk, ScoresTheGivenSignalsOnly) {
    CalcDoc doc;
    // days_late 45 -> s 0.75 (w 3); return_rate 0.18 -> s 0.52 (w 2); the rest empty:
    // 100 x (2.25 + 1.04) / 5 = 65.8.
    doc.set_formula("A1", "=CLIENT_RISK(45;0.18)");
    EXPECT_NEAR(doc.value("A1"), 65.8, 1e-9);
    doc.set_formula("A2", "=CLIENT_RISK(45;0.18;;;;;;)");
    EXPECT_NEAR(doc.value("A2"), 65.8, 1e-9);
    // In a range, empty cells are left out too (one row, eight columns, three of them empty).
    doc.set_value("B5", 45);
    doc.set_value("C5", 0.18);
    doc.set_value("E5", 0.2);
    doc.set_value("G5", 3);
    doc.set_array_formula("A5", "=CLIENT_RISK(B5:B5;C5:C5;D5:D5;E5:E5;F5:F5;G5:G5;H5:H5;I5:I5)");
    // discount_share 0.2 and approval_days 3 are at their good value: 100 x 3.29 / 7.
    EXPECT_NEAR(doc.value("A5"), 100 * 3.29 / 7, 1e-9);
    // A single empty cell reaches an add-in as 0 (Calc passes it so): it counts, as good.
    doc.set_formula("A3", "=CLIENT_RISK(45;0.18;Z1)");
    EXPECT_NEAR(doc.value("A3"), 100 * 3.29 / 7, 1e-9);
}

TEST(ClientRisk, AllEightSignals) {
    CalcDoc doc;
    // Two signals at their good value, six half way: 100 x 0.5 x (2+1+3+1+2+1) / 15.
    doc.set_formula("A1", "=CLIENT_RISK(0;0.05;3;0.5;0.6;16.5;0.3;0.35)");
    EXPECT_NEAR(doc.value("A1"), 100.0 / 3.0, 1e-9);
    doc.set_formula("A2", "=CLIENT_RISK(600;1;60;1;5;300;2;1)");
    EXPECT_NEAR(doc.value("A2"), 100, 1e-9);
}

TEST(ClientRisk, InvalidInputGivesTheInvalidArgumentError) {
    CalcDoc doc;
    doc.set_formula("A1", "=CLIENT_RISK()");         // no signal at all
    doc.set_formula("A2", "=CLIENT_RISK(-1;0.1)");   // negative signal
    doc.set_formula("A3", "=CLIENT_RISK(\"late\")"); // text
    for (const char* cell : {"A1", "A2", "A3"}) {
        EXPECT_EQ(doc.error(cell), kErrIllegalArgument) << cell;
    }
}

TEST(ClientRisk, RangesGiveAnArrayWithPerCellErrors) {
    CalcDoc doc;
    doc.set_column("A1", {60, 0, 10});
    doc.set_value("A4", -5);
    doc.set_column("B1", {0.3, 0.05});
    // A5/B5 empty: an empty row gives an empty result.
    doc.set_array_formula("C1:C5", "=CLIENT_RISK(A1:A5;B1:B5)");
    EXPECT_NEAR(doc.value("C1"), 100, 1e-9);
    EXPECT_NEAR(doc.value("C2"), 0, 1e-9);
    EXPECT_NEAR(doc.value("C3"), 100.0 * 10 / 60, 1e-9); // return_rate empty in that row
    EXPECT_EQ(doc.error("C4"), kErrIllegalArgument);     // negative days late
    EXPECT_EQ(doc.text("C5"), "");
    EXPECT_EQ(doc.error("C5"), 0);
}

TEST(ClientRisk, RangesOfDifferentShapesAreInvalid) {
    CalcDoc doc;
    doc.set_column("A1", {10, 20, 30});
    doc.set_column("B1", {0.1, 0.2});
    doc.set_array_formula("C1:C3", "=CLIENT_RISK(A1:A3;B1:B2)");
    EXPECT_EQ(doc.error("C1"), kErrIllegalArgument);
}

// ------------------------------------------------------------------ CLIENT_REASONS

TEST(ClientReasons, ListsTheLargestContributionsFirst) {
    CalcDoc doc;
    doc.set_formula("A1", "=CLIENT_REASONS(45;0.18)");
    EXPECT_EQ(doc.text("A1"), "late payment 45 days (+45); returns 18% (+21)");
    doc.set_formula("A2", "=CLIENT_REASONS(0;0.05)");
    EXPECT_EQ(doc.text("A2"), "");
    EXPECT_EQ(doc.error("A2"), 0);
    doc.set_formula("A3", "=CLIENT_REASONS(-3)");
    EXPECT_EQ(doc.error("A3"), kErrIllegalArgument);
}

// ------------------------------------------------------------------ CLIENT_VERDICT

TEST(ClientVerdict, FollowsTheTierAndBandTable) {
    CalcDoc doc;
    const struct {
        const char* formula;
        const char* verdict;
    } cases[] = {
        {"=CLIENT_VERDICT(\"A\";10)", "Keep"},        {"=CLIENT_VERDICT(\"A\";45)", "Keep"},
        {"=CLIENT_VERDICT(\"A\";60)", "Renegotiate"}, {"=CLIENT_VERDICT(\"B\";29.9)", "Grow"},
        {"=CLIENT_VERDICT(\"B\";30)", "Renegotiate"}, {"=CLIENT_VERDICT(\"C\";0)", "Low-touch"},
        {"=CLIENT_VERDICT(\"C\";59)", "Renegotiate"}, {"=CLIENT_VERDICT(\"C\";75)", "Let go"},
        {"=CLIENT_VERDICT(\"D\";5)", "Renegotiate"},  {"=CLIENT_VERDICT(\"d\";35)", "Let go"},
        {"=CLIENT_VERDICT(\"A\";Z1)", "Keep"}, // no risk data: the low band
    };
    int row = 1;
    for (const auto& c : cases) {
        const std::string cell = "A" + std::to_string(row++);
        doc.set_formula(cell, c.formula);
        EXPECT_EQ(doc.text(cell), c.verdict) << c.formula;
    }
}

TEST(ClientVerdict, LapsedGoodClientsAreWonBack) {
    CalcDoc doc;
    doc.set_formula("A1", "=CLIENT_VERDICT(\"A\";10;181)");   // > 180 without an interval
    doc.set_formula("A2", "=CLIENT_VERDICT(\"A\";10;180)");   // not lapsed yet
    doc.set_formula("A3", "=CLIENT_VERDICT(\"B\";40;50;20)"); // 50 > 2 x 20
    doc.set_formula("A4", "=CLIENT_VERDICT(\"B\";10;40;20)"); // 40 is not > 40
    doc.set_formula("A5", "=CLIENT_VERDICT(\"A\";65;400)");   // high risk: no win back
    doc.set_formula("A6", "=CLIENT_VERDICT(\"C\";10;400)");   // tier C: no win back
    EXPECT_EQ(doc.text("A1"), "Win back");
    EXPECT_EQ(doc.text("A2"), "Keep");
    EXPECT_EQ(doc.text("A3"), "Win back");
    EXPECT_EQ(doc.text("A4"), "Grow");
    EXPECT_EQ(doc.text("A5"), "Renegotiate");
    EXPECT_EQ(doc.text("A6"), "Low-touch");
}

TEST(ClientVerdict, InvalidInputGivesTheInvalidArgumentError) {
    CalcDoc doc;
    doc.set_formula("A1", "=CLIENT_VERDICT(\"E\";10)");
    doc.set_formula("A2", "=CLIENT_VERDICT(\"A\";101)");
    doc.set_formula("A3", "=CLIENT_VERDICT(\"A\";-1)");
    doc.set_formula("A4", "=CLIENT_VERDICT(\"A\";10;-3)");
    doc.set_formula("A5", "=CLIENT_VERDICT(\"A\";\"low\")");
    for (const char* cell : {"A1", "A2", "A3", "A4", "A5"}) {
        EXPECT_EQ(doc.error(cell), kErrIllegalArgument) << cell;
    }
}

TEST(ClientVerdict, ChainsWithTheOtherFunctionsOverRanges) {
    CalcDoc doc;
    doc.set_column("A1", {50, 30, 10, 5, 3, 2}); // profit
    doc.set_column("B1", {0, 50, 0, 60, 0, 60}); // days late
    doc.set_array_formula("C1:C6", "=CLIENT_VERDICT(CLIENT_TIER(A1:A6;A1:A6);CLIENT_RISK(B1:B6))");
    // Tiers A A B B B C; risk 0, 83, 0, 100, 0, 100.
    EXPECT_EQ(doc.text("C1"), "Keep");
    EXPECT_EQ(doc.text("C2"), "Renegotiate");
    EXPECT_EQ(doc.text("C3"), "Grow");
    EXPECT_EQ(doc.text("C4"), "Renegotiate");
    EXPECT_EQ(doc.text("C5"), "Grow");
    EXPECT_EQ(doc.text("C6"), "Let go");
}

// ------------------------------------------------------------------ CLIENT_ACTION

TEST(ClientAction, GivesTheGenericNextStepForALabelInAnyLanguage) {
    CalcDoc doc;
    doc.set_formula("A1", "=CLIENT_ACTION(\"Keep\")");
    doc.set_formula("A2", "=CLIENT_ACTION(\"Удержать\")");
    doc.set_formula("A3", "=CLIENT_ACTION(\"päästä irti\")");
    doc.set_formula("A4", "=CLIENT_ACTION(\"fire them\")");
    EXPECT_EQ(doc.text("A1"), "protect: priority service, a personal manager, regular check-ins");
    EXPECT_EQ(doc.text("A2"), doc.text("A1"));
    EXPECT_EQ(doc.text("A3").rfind("part politely", 0), 0u) << doc.text("A3");
    EXPECT_EQ(doc.error("A4"), kErrIllegalArgument);
}

// ------------------------------------------------------------------ CLIENT_RFM, CLIENT_SEGMENT

// Recency 10..50, frequency 1..5, monetary 100..500 in A1:C5. Break points (type 7 + 1):
// recency 19, 27, 35, 43; frequency 2.8, 3.6, 4.4, 5.2; monetary 181, 261, 341, 421.
void put_rfm_population(const CalcDoc& doc) {
    doc.set_column("A1", {10, 20, 30, 40, 50});
    doc.set_column("B1", {1, 2, 3, 4, 5});
    doc.set_column("C1", {100, 200, 300, 400, 500});
}

TEST(ClientRfm, ScoresAgainstThePopulation) {
    CalcDoc doc;
    put_rfm_population(doc);
    doc.set_formula("D1", "=CLIENT_RFM(A1;B5;C5;A$1:A$5;B$1:B$5;C$1:C$5)");
    doc.set_formula("D2", "=CLIENT_RFM(A3;B3;C3;A$1:A$5;B$1:B$5;C$1:C$5)");
    doc.set_formula("D3", "=CLIENT_RFM(A5;B1;C1;A$1:A$5;B$1:B$5;C$1:C$5)");
    EXPECT_EQ(doc.value("D1"), 545);
    EXPECT_EQ(doc.value("D2"), 323);
    EXPECT_EQ(doc.value("D3"), 111);
    doc.set_array_formula("E1:E5", "=CLIENT_RFM(A1:A5;B1:B5;C1:C5;A1:A5;B1:B5;C1:C5)");
    // Without the populations the scored clients are the population: the same scores.
    doc.set_array_formula("F1:F5", "=CLIENT_RFM(A1:A5;B1:B5;C1:C5)");
    for (int r = 1; r <= 5; ++r) {
        EXPECT_EQ(doc.text("F" + std::to_string(r)), doc.text("E" + std::to_string(r))) << r;
    }
    EXPECT_EQ(doc.value("E1"), 511);
    EXPECT_EQ(doc.value("E5"), 145);
}

TEST(ClientRfm, BinsAreAParameter) {
    CalcDoc doc;
    put_rfm_population(doc);
    // 2 bins: one break point each, Q(0.5) + 1: recency 31, frequency 4, monetary 301.
    doc.set_formula("D1", "=CLIENT_RFM(10;5;500;A1:A5;B1:B5;C1:C5;2)");
    EXPECT_EQ(doc.value("D1"), 222);
    doc.set_formula("D2", "=CLIENT_RFM(10;5;500;A1:A5;B1:B5;C1:C5;10)");
    doc.set_formula("D3", "=CLIENT_RFM(10;5;500;A1:A5;B1:B5;C1:C5;0)");
    doc.set_formula("D4", "=CLIENT_RFM(10;5;500;A1:A5;B1:B5;C1:C5;2.5)");
    doc.set_formula("D5", "=CLIENT_RFM(-1;5;500;A1:A5;B1:B5;C1:C5)");
    doc.set_formula("D6", "=CLIENT_RFM(10;5;500;Z1:Z5;B1:B5;C1:C5)"); // empty population
    for (const char* cell : {"D2", "D3", "D4", "D5", "D6"}) {
        EXPECT_EQ(doc.error(cell), kErrIllegalArgument) << cell;
    }
}

TEST(ClientSegment, NamesTheSegmentOfAScore) {
    CalcDoc doc;
    doc.set_formula("A1", "=CLIENT_SEGMENT(555)");
    doc.set_formula("A2", "=CLIENT_SEGMENT(545)");
    doc.set_formula("A3", "=CLIENT_SEGMENT(323)");
    doc.set_formula("A4", "=CLIENT_SEGMENT(111)");
    doc.set_formula("A5", "=CLIENT_SEGMENT(151)");
    doc.set_formula("A6", "=CLIENT_SEGMENT(0)");
    doc.set_formula("A7", "=CLIENT_SEGMENT(\"top\")");
    EXPECT_EQ(doc.text("A1"), "Champions");
    EXPECT_EQ(doc.text("A2"), "Potential Loyalist");
    EXPECT_EQ(doc.text("A3"), "Loyal Customers");
    EXPECT_EQ(doc.text("A4"), "Lost");
    EXPECT_EQ(doc.text("A5"), "Lost");
    EXPECT_EQ(doc.error("A6"), kErrIllegalArgument);
    EXPECT_EQ(doc.error("A7"), kErrIllegalArgument);
}

// ------------------------------------------------------------------ prospects

TEST(ProspectNext, ThreeCallsAndALetter) {
    CalcDoc doc;
    doc.set_formula("A1", "=DATE(2026;11;2)");
    const double d = doc.value("A1");
    for (int steps = 0; steps <= 3; ++steps) {
        const std::string cell = "B" + std::to_string(steps + 1);
        doc.set_formula(cell, "=PROSPECT_NEXT(A1;" + std::to_string(steps) + ")");
    }
    EXPECT_EQ(doc.value("B1"), d);
    EXPECT_EQ(doc.value("B2"), d + 3);
    EXPECT_EQ(doc.value("B3"), d + 6);
    EXPECT_EQ(doc.value("B4"), d + 13);
    doc.set_formula("B5", "=PROSPECT_NEXT(A1;4)");
    EXPECT_EQ(doc.text("B5"), "");
    EXPECT_EQ(doc.error("B5"), 0);
    // A user formats the result as a date.
    doc.set_formula("C1", "=TEXT(PROSPECT_NEXT(A1;3);\"YYYY-MM-DD\")");
    EXPECT_EQ(doc.text("C1"), "2026-11-15");
}

TEST(ProspectNext, GapsAreParameters) {
    CalcDoc doc;
    doc.set_value("A1", 46000);
    doc.set_formula("B1", "=PROSPECT_NEXT(A1;1;2;5)");
    doc.set_formula("B2", "=PROSPECT_NEXT(A1;3;2;5)");
    doc.set_formula("B3", "=PROSPECT_NEXT(A1;3;;10)");
    EXPECT_EQ(doc.value("B1"), 46002);
    EXPECT_EQ(doc.value("B2"), 46009);
    EXPECT_EQ(doc.value("B3"), 46016);
}

TEST(ProspectNext, InvalidStepsGiveTheInvalidArgumentError) {
    CalcDoc doc;
    doc.set_value("A1", 46000);
    doc.set_formula("B1", "=PROSPECT_NEXT(A1;1.5)");
    doc.set_formula("B2", "=PROSPECT_NEXT(A1;-1)");
    doc.set_formula("B3", "=PROSPECT_NEXT(A1;\"two\")");
    doc.set_formula("B4", "=PROSPECT_NEXT(A1;1;-3)");
    for (const char* cell : {"B1", "B2", "B3", "B4"}) {
        EXPECT_EQ(doc.error(cell), kErrIllegalArgument) << cell;
    }
}

TEST(ProspectStep, NamesTheNextStep) {
    CalcDoc doc;
    doc.set_column("A1", {0, 1, 2, 3, 4, 9});
    doc.set_array_formula("B1:B6", "=PROSPECT_STEP(A1:A6)");
    EXPECT_EQ(doc.text("B1"), "Call 1");
    EXPECT_EQ(doc.text("B2"), "Call 2");
    EXPECT_EQ(doc.text("B3"), "Call 3");
    EXPECT_EQ(doc.text("B4"), "Letter");
    EXPECT_EQ(doc.text("B5"), "Close");
    EXPECT_EQ(doc.text("B6"), "Close");
    doc.set_formula("C1", "=PROSPECT_STEP(2.5)");
    EXPECT_EQ(doc.error("C1"), kErrIllegalArgument);
}

// ------------------------------------------------------------------ the Function Wizard

TEST(FunctionWizard, ListsEveryFunction) {
    const auto descriptions = office::function_descriptions();
    const struct {
        const char* name;
        std::size_t arguments;
    } expected[] = {
        {"CLIENT_TIER", 4},   {"CLIENT_TIER_CUTOFFS", 3}, {"CLIENT_TIER_BY_CUTOFFS", 2},
        {"CLIENT_RISK", 8},   {"CLIENT_REASONS", 8},      {"CLIENT_VERDICT", 4},
        {"CLIENT_ACTION", 1}, {"CLIENT_RFM", 7},          {"CLIENT_SEGMENT", 1},
        {"PROSPECT_NEXT", 4}, {"PROSPECT_STEP", 1},
    };
    for (const auto& e : expected) {
        const auto it = descriptions.find(e.name);
        ASSERT_NE(it, descriptions.end()) << e.name;
        EXPECT_FALSE(it->second.description.empty()) << e.name;
        EXPECT_EQ(it->second.arguments.size(), e.arguments) << e.name;
    }
}

} // namespace
