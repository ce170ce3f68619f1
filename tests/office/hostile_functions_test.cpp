// Every worksheet function fed hostile input in a real Calc: text, booleans, error values as
// values and inside population ranges, empty ranges, whole-column references, ranges of
// mismatched shapes, NaN-producing formulas, huge and tiny numbers, dates before 1900 and far
// in the future. After each case the office must still be alive, and the cell must show the
// right value or a clear Calc error (SPEC section 6). Then many per-row formulas over one
// population, recalculated as the population changes.
#include "office.hpp"

#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/table/XCellRange.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

namespace {

using office::CalcDoc;
using office::Office;

// Calc's error codes (XCell::getError).
constexpr int kNone = 0;
constexpr int kInvalid = office::kErrIllegalArgument;    // Err:502
constexpr int kParameter = office::kErrIllegalParameter; // Err:504: an error inside a range
constexpr int kNa = office::kErrNotAvailable;            // #N/A
constexpr int kNum = 503;                                // #NUM!
constexpr int kDiv0 = 532;                               // #DIV/0!

constexpr double kNoNumber = -12345.678; // a case that shows text (or an error), no number

struct Case {
    const char* formula;
    int error;                // the error code the cell shows, kNone for a value
    const char* text;         // what the cell shows when there is no error
    double value = kNoNumber; // the number, checked to 1e-9 relative when given
};

// The sheet every hostile case reads:
//   A1:A6  50 30 10 5 3 2           the spec's tier example (a clean population)
//   B1:B6  "abc" TRUE #N/A #DIV/0! SQRT(-1) LN(0)
//   C1:C6  50 30 #N/A 5 3 2         a population with #N/A
//   D1:D6  50 30 #DIV/0! 5 3 2      a population with #DIV/0!
//   E1:E6  50 "x" TRUE 5 3 2        a population with text and a boolean (= 1)
//   F1:F6  empty
//   G1:I5  recency 10..50, frequency 1..5, monetary 100..500 (RFM populations)
//   J1:J5  recency with #N/A;  K1:K5 recency with SQRT(-1)
void put_sheet(const CalcDoc& doc) {
    doc.set_column("A1", {50, 30, 10, 5, 3, 2});
    doc.set_text("B1", "abc");
    doc.set_formula("B2", "=TRUE()");
    doc.set_formula("B3", "=NA()");
    doc.set_formula("B4", "=1/0");
    doc.set_formula("B5", "=SQRT(-1)");
    doc.set_formula("B6", "=LN(0)");
    doc.set_column("C1", {50, 30, 0, 5, 3, 2});
    doc.set_formula("C3", "=NA()");
    doc.set_column("D1", {50, 30, 0, 5, 3, 2});
    doc.set_formula("D3", "=1/0");
    doc.set_column("E1", {50, 30, 1, 5, 3, 2});
    doc.set_text("E2", "x");
    doc.set_formula("E3", "=TRUE()");
    doc.set_column("G1", {10, 20, 30, 40, 50});
    doc.set_column("H1", {1, 2, 3, 4, 5});
    doc.set_column("I1", {100, 200, 300, 400, 500});
    doc.set_column("J1", {10, 20, 30, 40, 50});
    doc.set_formula("J3", "=NA()");
    doc.set_column("K1", {10, 20, 30, 40, 50});
    doc.set_formula("K3", "=SQRT(-1)");
}

void expect_shown(const CalcDoc& doc, const std::string& cell, const Case& c) {
    EXPECT_EQ(doc.error(cell), c.error) << c.formula << " shows " << doc.text(cell);
    if (c.error == kNone) {
        EXPECT_EQ(doc.text(cell), c.text) << c.formula;
        if (c.value != kNoNumber) {
            EXPECT_NEAR(doc.value(cell), c.value, std::fabs(c.value) * 1e-9) << c.formula;
        }
    }
}

// Enters each case as a formula in its own cell of column M and checks what it shows and
// that the office survived it.
void check_cases(const std::vector<Case>& cases) {
    CalcDoc doc;
    put_sheet(doc);
    int row = 1;
    for (const Case& c : cases) {
        const std::string cell = "M" + std::to_string(row++);
        doc.set_formula(cell, c.formula);
        expect_shown(doc, cell, c);
        ASSERT_TRUE(Office::get().alive()) << "the office died on " << c.formula;
    }
}

// An array formula over `range` (one column); `shown` lists what each cell shows.
void check_array(const std::string& range, const std::string& formula,
                 const std::vector<Case>& shown) {
    CalcDoc doc;
    put_sheet(doc);
    doc.set_array_formula(range, formula);
    const std::string column = range.substr(0, 1);
    const int first = std::stoi(range.substr(1, range.find(':') - 1));
    for (std::size_t i = 0; i < shown.size(); ++i) {
        Case c = shown[i];
        c.formula = formula.c_str();
        expect_shown(doc, column + std::to_string(first + static_cast<int>(i)), c);
    }
    ASSERT_TRUE(Office::get().alive()) << "the office died on " << formula;
}

// ------------------------------------------------------------------ CLIENT_TIER

TEST(HostileTier, SingleValues) {
    check_cases({
        {"=CLIENT_TIER(\"abc\";A1:A6)", kInvalid, ""},
        {"=CLIENT_TIER(B1;A1:A6)", kInvalid, ""},   // a text cell
        {"=CLIENT_TIER(TRUE();A1:A6)", kNone, "C"}, // a boolean is Calc's number 1: below 3
        {"=CLIENT_TIER(FALSE();A1:A6)", kNone, "C"},
        {"=CLIENT_TIER(NA();A1:A6)", kNa, ""},
        {"=CLIENT_TIER(1/0;A1:A6)", kDiv0, ""},
        {"=CLIENT_TIER(B3;A1:A6)", kNa, ""},
        {"=CLIENT_TIER(B4;A1:A6)", kDiv0, ""},
        {"=CLIENT_TIER(SQRT(-1);A1:A6)", kInvalid, ""}, // Calc's own Err:502, passed on
        {"=CLIENT_TIER(LN(0);A1:A6)", kInvalid, ""},
        {"=CLIENT_TIER(B5;A1:A6)", kInvalid, ""},
        {"=CLIENT_TIER(1E+308*10;A1:A6)", kNum, ""},
        {"=CLIENT_TIER(1E+300;A1:A6)", kNone, "A"},
        {"=CLIENT_TIER(1E-300;A1:A6)", kNone, "C"},
        {"=CLIENT_TIER(-1E+308;A1:A6)", kNone, "D"},
        {"=CLIENT_TIER(DATE(1800;1;1);A1:A6)", kNone, "D"}, // a negative serial is a loss
        {"=CLIENT_TIER(DATE(9999;12;31);A1:A6)", kNone, "A"},
    });
}

TEST(HostileTier, Populations) {
    check_cases({
        {"=CLIENT_TIER(10;C1:C6)", kParameter, ""}, // #N/A inside: an error, not a tier
        {"=CLIENT_TIER(10;D1:D6)", kParameter, ""}, // #DIV/0! inside
        {"=CLIENT_TIER(10;B1:B6)", kParameter, ""},
        // Text is ignored, TRUE is 1: 50 | 5 3 2 | 1, so 10 is B.
        {"=CLIENT_TIER(10;E1:E6)", kNone, "B"},
        {"=CLIENT_TIER(10;F1:F6)", kNone, "C"}, // no positive value: C, negatives D
        {"=CLIENT_TIER(-10;F1:F6)", kNone, "D"},
        {"=CLIENT_TIER(10;10)", kNone, "A"},
        {"=CLIENT_TIER(10;\"abc\")", kNone, "C"},
        {"=CLIENT_TIER(10;NA())", kNa, ""},
        {"=CLIENT_TIER(10;1/0)", kDiv0, ""},
        {"=CLIENT_TIER(10;{1E+308;1E+308})", kNone, "C"},
        {"=CLIENT_TIER(10;{-1E+308;5})", kNone, "A"},
        {"=CLIENT_TIER(10;{1E-300;2E-300})", kNone, "A"},
        {"=CLIENT_TIER(10;A1:A6;TRUE())", kNone, "A"}, // a_share 1: every positive is A
        {"=CLIENT_TIER(10;A1:A6;\"x\")", kInvalid, ""},
        {"=CLIENT_TIER(10;A1:A6;NA())", kNa, ""},
        {"=CLIENT_TIER(10;A1:A6;SQRT(-1))", kInvalid, ""},
        {"=CLIENT_TIER(10;A1:A6;1E+300)", kInvalid, ""},
        {"=CLIENT_TIER(10;A1:A6;1E-300)", kNone, "B"},  // only 50 is A
        {"=CLIENT_TIER(10;A1:A6;A1:A2)", kInvalid, ""}, // a share must be one value
    });
}

TEST(HostileTier, Arrays) {
    check_array("N1:N3", "=CLIENT_TIER(A1:A3;A1:A6)",
                {{"", kNone, "A"}, {"", kNone, "A"}, {"", kNone, "B"}});
    check_array("N1:N3", "=CLIENT_TIER(B3:B5;A1:A6)",
                {{"", kParameter, ""}, {"", kParameter, ""}, {"", kParameter, ""}});
    // Errors computed inside an array argument (NaN-producing SQRT(-1)) are errors too.
    check_array("N1:N1", "=CLIENT_TIER(10;IF(A1:A6>20;SQRT(-1);A1:A6))", {{"", kInvalid, ""}});
    check_array("N1:N3", "=CLIENT_TIER(IF(A1:A3>20;SQRT(-1);A1:A3);A1:A6)",
                {{"", kInvalid, ""}, {"", kInvalid, ""}, {"", kInvalid, ""}});
    // Empty inputs give empty elements.
    check_array("N1:N3", "=CLIENT_TIER(F1:F3;A1:A6)",
                {{"", kNone, ""}, {"", kNone, ""}, {"", kNone, ""}});
}

// ------------------------------------------------------------------ CLIENT_TIER_CUTOFFS

TEST(HostileTierCutoffs, Populations) {
    check_cases({
        {"=CLIENT_TIER_CUTOFFS(C1:C6)", kParameter, ""},
        {"=CLIENT_TIER_CUTOFFS(D1:D6)", kParameter, ""},
        {"=CLIENT_TIER_CUTOFFS(B1:B6)", kParameter, ""},
        {"=CLIENT_TIER_CUTOFFS(E1:E6)", kNone, "50", 50},
        {"=CLIENT_TIER_CUTOFFS(F1:F6)", kNone, ""}, // no positive value, no lines
        {"=CLIENT_TIER_CUTOFFS(\"abc\")", kNone, ""},
        {"=CLIENT_TIER_CUTOFFS(TRUE())", kNone, "1", 1},
        {"=CLIENT_TIER_CUTOFFS(NA())", kNa, ""},
        {"=CLIENT_TIER_CUTOFFS(1/0)", kDiv0, ""},
        {"=CLIENT_TIER_CUTOFFS(A1:A6;\"x\")", kInvalid, ""},
        {"=CLIENT_TIER_CUTOFFS(A1:A6;2)", kInvalid, ""},
        {"=CLIENT_TIER_CUTOFFS(A1:A6;SQRT(-1))", kInvalid, ""},
        {"=CLIENT_TIER_CUTOFFS(A1:A6;FALSE())", kInvalid, ""}, // a_share 0
        {"=CLIENT_TIER_CUTOFFS({1E+308;1E+308})", kNone, "1E+308", 1e308},
        {"=CLIENT_TIER_CUTOFFS({1E-300;3E-300})", kNone, "1E-300", 1e-300}, // both A
    });
    check_array("N1:N1", "=CLIENT_TIER_CUTOFFS(IF(A1:A6>20;NA();A1:A6))", {{"", kNa, ""}});
    // E1:E6 is 50, 1, 5, 3, 2 as numbers: A is 50; B 5, 3, 2 (8 < 0.8 x 11).
    CalcDoc doc;
    put_sheet(doc);
    doc.set_array_formula("N1:O1", "=CLIENT_TIER_CUTOFFS(E1:E6)");
    EXPECT_EQ(doc.value("N1"), 50);
    EXPECT_EQ(doc.value("O1"), 2);
}

// ------------------------------------------------------------------ CLIENT_RISK, CLIENT_REASONS

TEST(HostileRisk, Signals) {
    check_cases({
        {"=CLIENT_RISK(\"abc\")", kInvalid, ""},
        {"=CLIENT_RISK(TRUE())", kNone, "1.66666666666667", 100.0 / 60},
        {"=CLIENT_RISK(FALSE())", kNone, "0", 0},
        {"=CLIENT_RISK(NA())", kNa, ""},
        {"=CLIENT_RISK(1/0)", kDiv0, ""},
        {"=CLIENT_RISK(B3)", kNa, ""},
        {"=CLIENT_RISK(SQRT(-1))", kInvalid, ""},
        {"=CLIENT_RISK(LN(0))", kInvalid, ""},
        {"=CLIENT_RISK(1E+300)", kNone, "100", 100},
        {"=CLIENT_RISK(1E-300)", kNone, "1.66666666666667E-300", 1e-300 / 60 * 100},
        {"=CLIENT_RISK(-1E+308)", kInvalid, ""}, // negative signal
        {"=CLIENT_RISK(DATE(1800;1;1))", kInvalid, ""},
        {"=CLIENT_RISK(DATE(9999;12;31))", kNone, "100", 100},
        {"=CLIENT_RISK(1E+300;1E+300;1E+300;1E+300;1E+300;1E+300;1E+300;1E+300)", kNone, "100",
         100},
        {"=CLIENT_RISK(F1:F6)", kNone, ""},          // every row empty: empty
        {"=CLIENT_RISK(A1:A6;G1:G5)", kInvalid, ""}, // ranges of different shapes
        {"=CLIENT_RISK(A1:A6;G1:H6)", kInvalid, ""},
        {"=CLIENT_RISK(10;A1:A6)", kNone, "50", 50}, // single values go with every row
    });
    check_array("N1:N3", "=CLIENT_RISK(C1:C3)",
                {{"", kParameter, ""}, {"", kParameter, ""}, {"", kParameter, ""}});
    check_array("N1:N3", "=CLIENT_RISK(K1:K3)",
                {{"", kParameter, ""}, {"", kParameter, ""}, {"", kParameter, ""}});
    check_array("N1:N3", "=CLIENT_RISK(IF(A1:A3>20;1/0;A1:A3))",
                {{"", kDiv0, ""}, {"", kDiv0, ""}, {"", kDiv0, ""}});
}

TEST(HostileReasons, Signals) {
    check_cases({
        {"=CLIENT_REASONS(\"abc\")", kInvalid, ""},
        {"=CLIENT_REASONS(TRUE())", kNone, "late payment 1 day (+2)"},
        {"=CLIENT_REASONS(NA())", kNa, ""},
        {"=CLIENT_REASONS(1/0)", kDiv0, ""},
        {"=CLIENT_REASONS(SQRT(-1))", kInvalid, ""},
        {"=CLIENT_REASONS(-1E+308)", kInvalid, ""},
        {"=CLIENT_REASONS(DATE(9999;12;31))", kNone, "late payment 2958465 days (+100)"},
        {"=CLIENT_REASONS(DATE(1800;1;1))", kInvalid, ""},
        {"=CLIENT_REASONS(F1:F6)", kNone, ""},
        {"=CLIENT_REASONS(A1:A6;G1:G5)", kInvalid, ""},
    });
    // A huge value is written out in full; a tiny one contributes nothing.
    CalcDoc doc;
    doc.set_formula("A1", "=CLIENT_REASONS(1E+300;1E-300)");
    const std::string shown = doc.text("A1");
    EXPECT_EQ(doc.error("A1"), kNone);
    EXPECT_EQ(shown.rfind("late payment 1000000000000000052504760255204420248704468", 0), 0u)
        << shown;
    const std::string end = " days (+60)";
    ASSERT_GT(shown.size(), end.size());
    EXPECT_EQ(shown.substr(shown.size() - end.size()), end) << shown;
    EXPECT_TRUE(Office::get().alive());
}

// ------------------------------------------------------------------ CLIENT_VERDICT, CLIENT_ACTION

TEST(HostileVerdict, Arguments) {
    check_cases({
        {"=CLIENT_VERDICT(\"abc\";10)", kInvalid, ""},
        {"=CLIENT_VERDICT(TRUE();10)", kInvalid, ""}, // 1 is no tier
        {"=CLIENT_VERDICT(\"A\";TRUE())", kNone, "Keep"},
        {"=CLIENT_VERDICT(NA();10)", kNa, ""},
        {"=CLIENT_VERDICT(\"A\";1/0)", kDiv0, ""},
        {"=CLIENT_VERDICT(\"A\";SQRT(-1))", kInvalid, ""},
        {"=CLIENT_VERDICT(\"A\";10;LN(0))", kInvalid, ""},
        {"=CLIENT_VERDICT(\"A\";1E+300)", kInvalid, ""}, // a risk above 100
        {"=CLIENT_VERDICT(\"A\";1E-300)", kNone, "Keep"},
        {"=CLIENT_VERDICT(\"A\";10;1E+300)", kNone, "Win back"},
        {"=CLIENT_VERDICT(\"A\";10;1E+300;1E-300)", kNone, "Win back"},
        {"=CLIENT_VERDICT(\"A\";10;-1E+308)", kInvalid, ""},
        {"=CLIENT_VERDICT(\"A\";10;DATE(9999;12;31))", kNone, "Win back"},
        {"=CLIENT_VERDICT(\"A\";10;DATE(1800;1;1))", kInvalid, ""}, // negative days
        {"=CLIENT_VERDICT(F1:F6;F1:F6)", kNone, ""},
        {"=CLIENT_VERDICT(A1:A6;G1:G5)", kInvalid, ""},
    });
}

TEST(HostileAction, Arguments) {
    check_cases({
        {"=CLIENT_ACTION(\"abc\")", kInvalid, ""},
        {"=CLIENT_ACTION(TRUE())", kInvalid, ""},
        {"=CLIENT_ACTION(NA())", kNa, ""},
        {"=CLIENT_ACTION(1/0)", kDiv0, ""},
        {"=CLIENT_ACTION(SQRT(-1))", kInvalid, ""},
        {"=CLIENT_ACTION(1E+300)", kInvalid, ""},
        {"=CLIENT_ACTION(-1E+308)", kInvalid, ""},
        {"=CLIENT_ACTION(DATE(9999;12;31))", kInvalid, ""},
        {"=CLIENT_ACTION(F1:F6)", kNone, ""},
    });
}

// ------------------------------------------------------------------ CLIENT_RFM, CLIENT_SEGMENT

TEST(HostileRfm, Values) {
    check_cases({
        {"=CLIENT_RFM(\"abc\";5;500;G1:G5;H1:H5;I1:I5)", kInvalid, ""},
        {"=CLIENT_RFM(TRUE();5;500;G1:G5;H1:H5;I1:I5)", kNone, "545", 545},
        {"=CLIENT_RFM(NA();5;500;G1:G5;H1:H5;I1:I5)", kNa, ""},
        {"=CLIENT_RFM(1/0;5;500;G1:G5;H1:H5;I1:I5)", kDiv0, ""},
        {"=CLIENT_RFM(SQRT(-1);5;500;G1:G5;H1:H5;I1:I5)", kInvalid, ""},
        {"=CLIENT_RFM(1E+300;1E-300;500;G1:G5;H1:H5;I1:I5)", kNone, "115", 115},
        {"=CLIENT_RFM(-1E+308;5;500;G1:G5;H1:H5;I1:I5)", kInvalid, ""},
        {"=CLIENT_RFM(DATE(1800;1;1);5;500;G1:G5;H1:H5;I1:I5)", kInvalid, ""},
        {"=CLIENT_RFM(DATE(9999;12;31);5;500;G1:G5;H1:H5;I1:I5)", kNone, "145", 145},
        {"=CLIENT_RFM(G1:G5;H1:H4;I1:I5;G1:G5;H1:H5;I1:I5)", kInvalid, ""},
        {"=CLIENT_RFM(F1:F5;F1:F5;F1:F5;G1:G5;H1:H5;I1:I5)", kNone, ""},
    });
}

TEST(HostileRfm, Populations) {
    check_cases({
        {"=CLIENT_RFM(10;5;500;J1:J5;H1:H5;I1:I5)", kParameter, ""},
        {"=CLIENT_RFM(10;5;500;K1:K5;H1:H5;I1:I5)", kParameter, ""},
        {"=CLIENT_RFM(10;5;500;F1:F5;H1:H5;I1:I5)", kInvalid, ""}, // empty population
        // The three populations are the same clients: different shapes are invalid.
        {"=CLIENT_RFM(10;5;500;G1:G5;H1:H4;I1:I5)", kInvalid, ""},
        {"=CLIENT_RFM(10;5;500;G1:G5;H1:H5;I1:I6)", kInvalid, ""},
        {"=CLIENT_RFM(10;5;500)", kInvalid, ""}, // a single client needs the populations
        {"=CLIENT_RFM(10;5;500;G1:G5)", kInvalid, ""},
        {"=CLIENT_RFM(G1:G5;H1:H5;I1:I5;;;;2)", kNone, "211", 211},
        {"=CLIENT_RFM(G1:G5;H1:H5;I1:I5;G1:G5;H1:H5;I1:I5;2)", kNone, "211", 211},
        {"=CLIENT_RFM(10;5;500;G1:G5;H1:H5;H1:I5)", kInvalid, ""},
        {"=CLIENT_RFM(10;5;500;G1:G5;H1:H5;I1:I5;TRUE())", kNone, "111", 111}, // 1 bin
        {"=CLIENT_RFM(10;5;500;G1:G5;H1:H5;I1:I5;\"x\")", kInvalid, ""},
        {"=CLIENT_RFM(10;5;500;G1:G5;H1:H5;I1:I5;NA())", kNa, ""},
        {"=CLIENT_RFM(10;5;500;G1:G5;H1:H5;I1:I5;1E+300)", kInvalid, ""},
        {"=CLIENT_RFM(10;5;500;{1E+308;1E+308};{1;2};{1;2})", kNone, "555", 555},
        {"=CLIENT_RFM(10;5;500;{1E+308;-1E+308};{1;2};{1;2})", kInvalid, ""},
    });
    check_array("N1:N1", "=CLIENT_RFM(10;5;500;IF(G1:G5>20;NA();G1:G5);H1:H5;I1:I5)",
                {{"", kNa, ""}});
}

TEST(HostileSegment, Scores) {
    check_cases({
        {"=CLIENT_SEGMENT(\"abc\")", kInvalid, ""},
        {"=CLIENT_SEGMENT(TRUE())", kInvalid, ""},
        {"=CLIENT_SEGMENT(NA())", kNa, ""},
        {"=CLIENT_SEGMENT(1/0)", kDiv0, ""},
        {"=CLIENT_SEGMENT(SQRT(-1))", kInvalid, ""},
        {"=CLIENT_SEGMENT(1E+300)", kInvalid, ""},
        {"=CLIENT_SEGMENT(1E-300)", kInvalid, ""},
        {"=CLIENT_SEGMENT(-1E+308)", kInvalid, ""},
        {"=CLIENT_SEGMENT(DATE(1800;1;1))", kInvalid, ""},
        {"=CLIENT_SEGMENT(DATE(9999;12;31))", kInvalid, ""},
        {"=CLIENT_SEGMENT(F1:F6)", kNone, ""},
    });
}

// ------------------------------------------------------------------ prospects

TEST(HostileProspectNext, Arguments) {
    check_cases({
        {"=PROSPECT_NEXT(\"abc\";1)", kInvalid, ""},
        {"=PROSPECT_NEXT(TRUE();TRUE())", kNone, "4", 4}, // day 1 plus one gap of 3
        {"=PROSPECT_NEXT(46000;FALSE())", kNone, "46000", 46000},
        {"=PROSPECT_NEXT(NA();1)", kNa, ""},
        {"=PROSPECT_NEXT(1/0;1)", kDiv0, ""},
        {"=PROSPECT_NEXT(SQRT(-1);1)", kInvalid, ""},
        {"=PROSPECT_NEXT(46000;LN(0))", kInvalid, ""},
        // Beyond Calc's calendar a gap of days would be lost to rounding: invalid.
        {"=PROSPECT_NEXT(1E+300;1)", kInvalid, ""},
        {"=PROSPECT_NEXT(-1E+308;3)", kInvalid, ""},
        {"=PROSPECT_NEXT(46000;1;1E+300)", kInvalid, ""},
        {"=PROSPECT_NEXT(1E+308;3;1E+308;1E+308)", kInvalid, ""},
        {"=PROSPECT_NEXT(DATE(32767;12;31);1)", kInvalid, ""},
        {"=PROSPECT_NEXT(DATE(32767;12;31);0)", kNone, "11274306", 11274306},
        {"=PROSPECT_NEXT(1E-300;1)", kNone, "3", 3},
        {"=PROSPECT_NEXT(46000;1;1E-300)", kNone, "46000", 46000},
        {"=PROSPECT_NEXT(DATE(1800;1;1);1)", kNone, "-36519", -36519},
        {"=PROSPECT_NEXT(DATE(9999;12;31);3)", kNone, "2958478", 2958478},
        {"=PROSPECT_NEXT(DATE(9999;12;31);1E+300)", kNone, ""}, // closed
        {"=PROSPECT_NEXT(F1:F6;F1:F6)", kNone, ""},
        {"=PROSPECT_NEXT(A1:A6;G1:G5)", kInvalid, ""},
    });
    CalcDoc doc;
    doc.set_formula("A1", "=TEXT(PROSPECT_NEXT(DATE(1800;1;1);3);\"YYYY-MM-DD\")");
    EXPECT_EQ(doc.text("A1"), "1800-01-14");
}

TEST(HostileProspectStep, Arguments) {
    check_cases({
        {"=PROSPECT_STEP(\"abc\")", kInvalid, ""},
        {"=PROSPECT_STEP(TRUE())", kNone, "Call 2"},
        {"=PROSPECT_STEP(NA())", kNa, ""},
        {"=PROSPECT_STEP(1/0)", kDiv0, ""},
        {"=PROSPECT_STEP(SQRT(-1))", kInvalid, ""},
        {"=PROSPECT_STEP(1E+300)", kNone, "Close"},
        {"=PROSPECT_STEP(1E-300)", kInvalid, ""}, // not a whole number
        {"=PROSPECT_STEP(-1E+308)", kInvalid, ""},
        {"=PROSPECT_STEP(DATE(1800;1;1))", kInvalid, ""},
        {"=PROSPECT_STEP(DATE(9999;12;31))", kNone, "Close"},
        {"=PROSPECT_STEP(F1:F6)", kNone, ""},
    });
}

// ------------------------------------------------------------------ whole columns

// A whole-column reference hands the add-in 1,048,576 rows. Each formula must come back
// within seconds (an array result of that height used to keep the office busy for a minute
// or more, inside Calc's conversion of the result).
TEST(HostileWholeColumn, EveryFunctionAnswersInSeconds) {
    const std::vector<Case> cases = {
        {"=CLIENT_TIER(10;A:A)", kNone, "B"},
        {"=CLIENT_TIER(A:A;A:A)", kNone, "A"},
        {"=CLIENT_TIER_CUTOFFS(A:A)", kNone, "30", 30},
        // Three whole columns (3,145,728 cells) of numbers: 500, 400, 300, 200 are A; B
        // walks 100, 50, 40, 30 against 0.8 x 265.
        {"=CLIENT_TIER_CUTOFFS(G:I)", kNone, "200", 200},
        {"=CLIENT_TIER(25;G:I)", kNone, "C"},
        {"=CLIENT_TIER(30;G:I)", kNone, "B"},
        {"=CLIENT_TIER_BY_CUTOFFS(A:A;{30;3})", kNone, "A"},
        {"=CLIENT_TIER_BY_CUTOFFS(5;C2:C3)", kParameter, ""}, // #N/A among the lines
        {"=CLIENT_RISK(A:A)", kNone, "83.3333333333333", 250.0 / 3},
        {"=CLIENT_REASONS(A:A)", kNone, "late payment 50 days (+83)"},
        {"=CLIENT_VERDICT(A:A;10)", kInvalid, ""}, // 50 is no tier
        {"=CLIENT_ACTION(A:A)", kInvalid, ""},
        {"=CLIENT_RFM(10;5;500;G:G;H:H;I:I)", kNone, "545", 545},
        {"=CLIENT_RFM(G:G;H:H;I:I;G:G;H:H;I:I)", kNone, "511", 511},
        {"=CLIENT_SEGMENT(A:A)", kInvalid, ""},
        {"=PROSPECT_NEXT(A:A;1)", kNone, "53", 53},
        {"=PROSPECT_STEP(A:A)", kNone, "Close"},
        {"=CLIENT_RISK(A:A;B:B)", kParameter, ""}, // errors in column B
        {"=CLIENT_TIER(10;C:C)", kParameter, ""},
    };
    CalcDoc doc;
    put_sheet(doc);
    int row = 1;
    for (const Case& c : cases) {
        const std::string cell = "M" + std::to_string(row++);
        const auto start = std::chrono::steady_clock::now();
        doc.set_formula(cell, c.formula);
        expect_shown(doc, cell, c);
        const auto seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
        EXPECT_LT(seconds.count(), 30.0) << c.formula;
        ASSERT_TRUE(Office::get().alive()) << "the office died on " << c.formula;
    }
}

TEST(HostileWholeColumn, ArrayFormulaRowsBelowTheDataAreEmpty) {
    CalcDoc doc;
    put_sheet(doc);
    doc.set_array_formula("N1:N10", "=CLIENT_TIER(A:A;A:A)");
    std::string shown;
    for (int row = 1; row <= 10; ++row) {
        const std::string cell = "N" + std::to_string(row);
        EXPECT_EQ(doc.error(cell), kNone) << cell;
        shown += doc.text(cell) + ",";
    }
    EXPECT_EQ(shown, "A,A,B,B,B,C,,,,,");
    EXPECT_TRUE(Office::get().alive());
}

// With a value in the sheet's last row the result is 1,048,576 rows tall: the rows without
// input in between show #N/A (text there would keep Calc 7.4 busy for a minute), the rows
// with input their results, for functions taking ranges element by element.
TEST(HostileWholeColumn, RowsWithoutInputInATallResultAreNotAvailable) {
    CalcDoc doc;
    put_sheet(doc);
    doc.set_value("A1048576", 7);
    doc.set_text("Q1", "A");
    doc.set_text("Q1048576", "B");
    const struct {
        const char* formula;
        const char* first; // the same for the first row alone
    } cases[] = {
        {"=CLIENT_TIER(A:A;A:A)", "=CLIENT_TIER(A1;A:A)"},
        {"=CLIENT_TIER_BY_CUTOFFS(A:A;{30;3})", "=CLIENT_TIER_BY_CUTOFFS(A1;{30;3})"},
        {"=CLIENT_RISK(A:A)", "=CLIENT_RISK(A1)"},
        {"=CLIENT_VERDICT(Q:Q;A:A)", "=CLIENT_VERDICT(Q1;A1)"},
        {"=PROSPECT_STEP(A:A)", "=PROSPECT_STEP(A1)"},
    };
    for (const auto& c : cases) {
        const auto start = std::chrono::steady_clock::now();
        doc.set_array_formula("N1:N8", c.formula);
        const auto seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start);
        EXPECT_LT(seconds.count(), 30.0) << c.formula; // a guard against a hang, not a target
        doc.set_formula("P1", c.first);
        EXPECT_EQ(doc.error("N1"), kNone) << c.formula;
        EXPECT_FALSE(doc.text("N1").empty()) << c.formula;
        EXPECT_EQ(doc.text("N1"), doc.text("P1")) << c.formula;
        EXPECT_EQ(doc.error("N8"), kNa) << c.formula << " shows " << doc.text("N8");
        ASSERT_TRUE(Office::get().alive()) << "the office died on " << c.formula;
    }
}

// ------------------------------------------------------------------ recalculation

// The tiers of `values` by SPEC section 1 with the default shares, computed here
// independently of the add-in.
std::vector<std::string> expected_tiers(const std::vector<double>& values) {
    std::vector<double> positive;
    for (double v : values) {
        if (v > 0) {
            positive.push_back(v);
        }
    }
    std::sort(positive.begin(), positive.end(), std::greater<>());
    double total = 0;
    for (double v : positive) {
        total += v;
    }
    const double tolerance = 1e-12 * total;
    // Walks [begin, n) while the sum before the current value is below `limit`; a tie group
    // crossing the line goes up with it.
    const auto walk = [&](std::size_t begin, double limit, double& taken) {
        double before = 0;
        std::size_t i = begin;
        while (i < positive.size() && before < limit - tolerance) {
            before += positive[i++];
        }
        while (i < positive.size() && i > begin && positive[i] == positive[i - 1]) {
            before += positive[i++];
        }
        taken = before;
        return i;
    };
    double a_min = HUGE_VAL;
    double b_min = HUGE_VAL;
    if (!positive.empty()) {
        double a_sum = 0;
        double b_sum = 0;
        const std::size_t a_end = walk(0, 0.8 * total, a_sum);
        a_min = b_min = positive[a_end - 1];
        if (a_end < positive.size()) {
            b_min = positive[walk(a_end, 0.8 * (total - a_sum), b_sum) - 1];
        }
    }
    std::vector<std::string> tiers;
    for (double v : values) {
        tiers.push_back(v < 0 ? "D" : v >= a_min ? "A" : v >= b_min ? "B" : "C");
    }
    return tiers;
}

TEST(HostileRecalc, ThousandsOfPerRowTiersFollowThePopulation) {
    constexpr int kRows = 3000;
    CalcDoc doc;
    const auto sheet = doc.sheet();
    const auto range = [&](const std::string& name) {
        return sheet->getCellRangeByName(rtl::OUString::createFromAscii(name.c_str()));
    };
    const std::string last = std::to_string(kRows);
    const css::uno::Reference<css::sheet::XCellRangeData> values(range("A1:A" + last),
                                                                 css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::sheet::XCellRangeData> tiers(range("B1:B" + last),
                                                                css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::sheet::XCellRangeFormula> formulas(range("B1:B" + last),
                                                                      css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::sheet::XCalculatable> calc(doc.component(),
                                                              css::uno::UNO_QUERY_THROW);

    // One per-row formula per client, all over the same population.
    css::uno::Sequence<css::uno::Sequence<rtl::OUString>> text(kRows);
    for (int r = 0; r < kRows; ++r) {
        const std::string f = "=CLIENT_TIER(A" + std::to_string(r + 1) + ";A$1:A$" + last + ")";
        const rtl::OUString formula = rtl::OUString::createFromAscii(f.c_str());
        text.getArray()[r] = css::uno::Sequence<rtl::OUString>(&formula, 1);
    }

    // Each round puts a new population (a permutation with losses, zeros and ties), lets
    // Calc recalculate the 3000 formulas and checks every one of them.
    const auto put_round = [&](int round) {
        std::vector<double> population(kRows);
        css::uno::Sequence<css::uno::Sequence<css::uno::Any>> data(kRows);
        for (int r = 0; r < kRows; ++r) {
            const int k = (r * 7919 + round * 104729) % kRows; // a permutation of 0..2999
            double v = k - 300.0 * round;                      // more losses each round
            if (round % 2 == 1 && k % 10 == 0) {
                v = std::floor(v / 100) * 100; // ties
            }
            population[static_cast<std::size_t>(r)] = v;
            const css::uno::Any value(v);
            data.getArray()[r] = css::uno::Sequence<css::uno::Any>(&value, 1);
        }
        values->setDataArray(data);
        return expected_tiers(population);
    };
    const auto check_round = [&](const std::vector<std::string>& expected, int round) {
        const auto shown = tiers->getDataArray();
        ASSERT_EQ(shown.getLength(), kRows);
        int wrong = 0;
        for (int r = 0; r < kRows; ++r) {
            rtl::OUString tier;
            shown[r][0] >>= tier;
            const std::string got = rtl::OUStringToOString(tier, RTL_TEXTENCODING_UTF8).getStr();
            if (got != expected[static_cast<std::size_t>(r)] && ++wrong <= 5) {
                ADD_FAILURE() << "round " << round << ", row " << r + 1 << ": " << got
                              << " instead of " << expected[static_cast<std::size_t>(r)];
            }
        }
        EXPECT_EQ(wrong, 0) << "round " << round;
    };

    auto expected = put_round(0);
    formulas->setFormulaArray(text);
    check_round(expected, 0);
    for (int round = 1; round <= 6; ++round) {
        expected = put_round(round);
        if (round % 3 == 0) {
            calc->calculateAll(); // a full recalculation gives the same
        }
        check_round(expected, round);
        ASSERT_TRUE(Office::get().alive()) << "round " << round;
    }
    // The counts of each tier: the rounds must not all be alike.
    EXPECT_NE(std::count(expected.begin(), expected.end(), "D"), 0);

    // An error in the population turns every formula into an error, and the tiers come back
    // once it is gone (no stale cached population).
    doc.set_formula("A1500", "=NA()");
    for (const char* cell : {"B1", "B1500", "B3000"}) {
        EXPECT_EQ(doc.error(cell), kParameter) << cell;
    }
    expected = put_round(7);
    check_round(expected, 7);
    EXPECT_TRUE(Office::get().alive());
}

} // namespace
