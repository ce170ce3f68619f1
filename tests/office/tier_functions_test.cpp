// CLIENT_TIER and CLIENT_TIER_CUTOFFS as a user sees them in cells of a real Calc.
#include "office.hpp"
#include "sheet_ops.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using office::CalcDoc;

// The spec's worked example in A1:A6.
void put_example(const CalcDoc& doc) {
    doc.set_column("A1", {50, 30, 10, 5, 3, 2});
}

TEST(ClientTier, PerRowFormulasShowTheSpecExample) {
    CalcDoc doc;
    put_example(doc);
    for (int row = 1; row <= 6; ++row) {
        doc.set_formula("B" + std::to_string(row),
                        "=CLIENT_TIER(A" + std::to_string(row) + ";A$1:A$6)");
    }
    std::string shown;
    for (int row = 1; row <= 6; ++row) {
        shown += doc.text("B" + std::to_string(row));
    }
    EXPECT_EQ(shown, "AABBBC");
}

TEST(ClientTier, ArrayFormulaReturnsTheSameShape) {
    CalcDoc doc;
    put_example(doc);
    doc.set_array_formula("B1:B6", "=CLIENT_TIER(A1:A6;A1:A6)");
    EXPECT_EQ(doc.text("B1") + doc.text("B2") + doc.text("B3") + doc.text("B4") + doc.text("B5") +
                  doc.text("B6"),
              "AABBBC");
    // A row of values gives a row of tiers.
    doc.set_array_formula("C1:E1", "=CLIENT_TIER({50;5;2};A1:A6)");
    EXPECT_EQ(doc.text("C1") + doc.text("D1") + doc.text("E1"), "ABC");
}

TEST(ClientTier, LossMakerIsDAndZeroIsC) {
    CalcDoc doc;
    put_example(doc);
    doc.set_value("A7", -120);
    doc.set_value("A8", 0);
    doc.set_formula("B7", "=CLIENT_TIER(A7;A$1:A$8)");
    doc.set_formula("B8", "=CLIENT_TIER(A8;A$1:A$8)");
    doc.set_formula("B1", "=CLIENT_TIER(A1;A$1:A$8)");
    EXPECT_EQ(doc.text("B7"), "D");
    EXPECT_EQ(doc.text("B8"), "C");
    EXPECT_EQ(doc.text("B1"), "A"); // negatives and zeros do not change the positive total
}

TEST(ClientTier, ValueOutsideThePopulationUsesTheCutoffs) {
    CalcDoc doc;
    put_example(doc);
    doc.set_formula("B1", "=CLIENT_TIER(1000;A1:A6)");
    doc.set_formula("B2", "=CLIENT_TIER(4;A1:A6)");
    doc.set_formula("B3", "=CLIENT_TIER(2.5;A1:A6)");
    EXPECT_EQ(doc.text("B1"), "A");
    EXPECT_EQ(doc.text("B2"), "B");
    EXPECT_EQ(doc.text("B3"), "C");
}

TEST(ClientTier, SharesMoveTheLines) {
    CalcDoc doc;
    put_example(doc);
    doc.set_array_formula("B1:B6", "=CLIENT_TIER(A1:A6;A1:A6;0.5;0.5)");
    EXPECT_EQ(doc.text("B1") + doc.text("B2") + doc.text("B3") + doc.text("B4") + doc.text("B5") +
                  doc.text("B6"),
              "ABCCCC");
    // An omitted a_share keeps the default while b_share is given.
    doc.set_formula("C3", "=CLIENT_TIER(A3;A1:A6;;0.5)");
    EXPECT_EQ(doc.text("C3"), "B");
    doc.set_formula("C4", "=CLIENT_TIER(A4;A1:A6;;0.5)");
    EXPECT_EQ(doc.text("C4"), "C");
}

TEST(ClientTier, InvalidShareGivesTheInvalidArgumentError) {
    CalcDoc doc;
    put_example(doc);
    doc.set_formula("B1", "=CLIENT_TIER(A1;A1:A6;2)");
    doc.set_formula("B2", "=CLIENT_TIER(A1;A1:A6;0)");
    doc.set_formula("B3", "=CLIENT_TIER(A1;A1:A6;0.8;-0.1)");
    doc.set_formula("B4", "=CLIENT_TIER(A1;A1:A6;\"most\")");
    for (const char* cell : {"B1", "B2", "B3", "B4"}) {
        EXPECT_EQ(doc.error(cell), office::kErrIllegalArgument) << cell;
        EXPECT_EQ(doc.text(cell), "Err:502") << cell;
    }
}

TEST(ClientTier, TextAndEmptyCellsInValuesAreIgnored) {
    CalcDoc doc;
    put_example(doc);
    doc.set_text("A7", "n/a");
    // A8 stays empty.
    doc.set_value("A9", 0);
    doc.set_array_formula("B1:B6", "=CLIENT_TIER(A1:A6;A1:A9)");
    EXPECT_EQ(doc.text("B1") + doc.text("B2") + doc.text("B3") + doc.text("B4") + doc.text("B5") +
                  doc.text("B6"),
              "AABBBC");
}

TEST(ClientTier, TextValueGivesTheInvalidArgumentError) {
    CalcDoc doc;
    put_example(doc);
    doc.set_formula("B1", "=CLIENT_TIER(\"lots\";A1:A6)");
    EXPECT_EQ(doc.error("B1"), office::kErrIllegalArgument);
}

TEST(ClientTier, EmptyCellsInAValueRangeGiveEmptyResults) {
    CalcDoc doc;
    put_example(doc);
    doc.set_array_formula("B1:B8", "=CLIENT_TIER(A1:A8;A1:A6)");
    EXPECT_EQ(doc.text("B6"), "C");
    EXPECT_EQ(doc.text("B7"), "");
    EXPECT_EQ(doc.error("B7"), 0);
}

TEST(ClientTier, ErrorValueInThePopulationGivesAnError) {
    CalcDoc doc;
    put_example(doc);
    doc.set_formula("A7", "=1/0");
    doc.set_formula("B1", "=CLIENT_TIER(A1;A1:A7)");
    EXPECT_NE(doc.error("B1"), 0);
    EXPECT_NE(doc.text("B1"), "A");
}

TEST(ClientTierCutoffs, GivesTheSmallestAAndBValues) {
    CalcDoc doc;
    put_example(doc);
    doc.set_array_formula("B1:C1", "=CLIENT_TIER_CUTOFFS(A1:A6)");
    EXPECT_EQ(doc.value("B1"), 30);
    EXPECT_EQ(doc.value("C1"), 3);
    doc.set_array_formula("B2:C2", "=CLIENT_TIER_CUTOFFS(A1:A6;0.5;0.5)");
    EXPECT_EQ(doc.value("B2"), 50);
    EXPECT_EQ(doc.value("C2"), 30);
}

TEST(ClientTierCutoffs, NoPositiveValueGivesTwoEmptyCells) {
    CalcDoc doc;
    doc.set_column("A1", {0, -5, -1});
    doc.set_array_formula("B1:C1", "=CLIENT_TIER_CUTOFFS(A1:A3)");
    EXPECT_EQ(doc.error("B1"), 0);
    EXPECT_EQ(doc.error("C1"), 0);
    EXPECT_EQ(doc.text("B1") + "|" + doc.text("C1"), "|");
    doc.set_formula("D1", "=CLIENT_TIER(A1;A1:A3)");
    EXPECT_EQ(doc.text("D1"), "C");
}

// The per-row form: one CLIENT_TIER_CUTOFFS over the population in E1:F1 and
// =CLIENT_TIER_BY_CUTOFFS(Ai;$E$1:$F$1) in each row give CLIENT_TIER's tier in every row,
// for the spec example, ties straddling each line, zeros, losses, no positive value, other
// shares and a generated population with ties; the array form gives them too.
TEST(ClientTierByCutoffs, GivesClientTiersTierInEveryRow) {
    std::vector<double> generated;
    for (int i = 0; i < 300; ++i) {
        generated.push_back(static_cast<double>((i * 7919) % 230) - 30); // losses, 0, ties
    }
    const struct {
        std::vector<double> values;
        std::string shares; // ";a;b" or empty
        std::string expected;
    } cases[] = {
        {{50, 30, 10, 5, 3, 2}, "", "AABBBC"},
        {{40, 40, 20, 10, 10, 10, 5, 0, -3}, "", "AAAAAABCD"}, // the 10s straddle the A line
        {{10, 10, 10, 10}, "", "AAAA"},
        {{0, -5, 0, -1}, "", "CDCD"},
        {{50, 30, 10, 5, 3, 2}, ";0.5;0.5", "ABCCCC"},
        {generated, "", ""},
    };
    for (const auto& c : cases) {
        CalcDoc doc;
        const int n = static_cast<int>(c.values.size());
        std::vector<std::vector<office::CellValue>> rows;
        for (double v : c.values) {
            rows.push_back({v});
        }
        office::set_rows(doc, "A1", rows);
        const std::string last = std::to_string(n);
        doc.set_array_formula("E1:F1", "=CLIENT_TIER_CUTOFFS(A1:A" + last + c.shares + ")");
        for (int r = 1; r <= n; ++r) {
            const std::string row = std::to_string(r);
            doc.set_formula("B" + row, "=CLIENT_TIER(A" + row + ";A$1:A$" + last + c.shares + ")");
            doc.set_formula("C" + row, "=CLIENT_TIER_BY_CUTOFFS(A" + row + ";$E$1:$F$1)");
        }
        doc.set_array_formula("D1:D" + last, "=CLIENT_TIER_BY_CUTOFFS(A1:A" + last + ";E1:F1)");
        std::string tiers;
        for (const auto& row : office::get_rows(doc, "B1:D" + last)) {
            ASSERT_EQ(row[0].size(), 1u) << row[0];
            EXPECT_EQ(row[1], row[0]);
            EXPECT_EQ(row[2], row[0]);
            tiers += row[0];
        }
        if (!c.expected.empty()) {
            EXPECT_EQ(tiers, c.expected);
        }
    }
}

TEST(ClientTierByCutoffs, TakesTheLinesInARowAColumnOrAnArray) {
    CalcDoc doc;
    put_example(doc);
    doc.set_array_formula("E1:E2", "=TRANSPOSE(CLIENT_TIER_CUTOFFS(A1:A6))");
    doc.set_formula("B1", "=CLIENT_TIER_BY_CUTOFFS(29;E1:E2)");
    doc.set_formula("B2", "=CLIENT_TIER_BY_CUTOFFS(30;{30;3})");
    doc.set_formula("B3", "=CLIENT_TIER_BY_CUTOFFS(2.5;{30;3})");
    doc.set_formula("B4", "=CLIENT_TIER_BY_CUTOFFS(-1;{30;3})");
    EXPECT_EQ(doc.text("B1") + doc.text("B2") + doc.text("B3") + doc.text("B4"), "BACD");
}

TEST(ClientTierByCutoffs, LinesNoPopulationGivesAreTheInvalidArgumentError) {
    CalcDoc doc;
    doc.set_column("E1", {30, 3, 40});
    doc.set_formula("B1", "=CLIENT_TIER_BY_CUTOFFS(5;E1:E3)");  // three cells
    doc.set_formula("B2", "=CLIENT_TIER_BY_CUTOFFS(5;E1)");     // one cell
    doc.set_formula("B3", "=CLIENT_TIER_BY_CUTOFFS(5;{3;30})"); // B above A
    doc.set_formula("B4", "=CLIENT_TIER_BY_CUTOFFS(5;E1:E4)");  // B empty
    doc.set_formula("B5", "=CLIENT_TIER_BY_CUTOFFS(\"x\";E1:E2)");
    doc.set_formula("B6", "=CLIENT_TIER_BY_CUTOFFS(5;{0;0})");
    doc.set_formula("B7", "=CLIENT_TIER_BY_CUTOFFS(5;G1:G2)"); // two empty cells: no lines
    for (int r = 1; r <= 6; ++r) {
        EXPECT_EQ(doc.error("B" + std::to_string(r)), office::kErrIllegalArgument) << r;
    }
    EXPECT_EQ(doc.text("B7"), "C");
}

TEST(ClientTierCutoffs, InvalidShareGivesTheInvalidArgumentError) {
    CalcDoc doc;
    put_example(doc);
    doc.set_array_formula("B1:C1", "=CLIENT_TIER_CUTOFFS(A1:A6;1.5)");
    EXPECT_EQ(doc.error("B1"), office::kErrIllegalArgument);
}

TEST(ClientTier, FormulaSurvivesAnOdsRoundTrip) {
    const std::string path = office::Office::get().profile_dir() + "/tiers.ods";
    {
        CalcDoc doc;
        put_example(doc);
        doc.set_formula("B2", "=CLIENT_TIER(A2;A1:A6)");
        doc.save_as(path, "calc8");
    }
    CalcDoc reopened(office::file_url(path));
    EXPECT_EQ(reopened.text("B2"), "A");
    reopened.set_value("A2", -1); // the reopened formula recalculates
    EXPECT_EQ(reopened.text("B2"), "D");
}

} // namespace

namespace {

// What the Function Wizard lists, read from the office's own function descriptions.
TEST(FunctionWizard, ListsTheTierFunctionsWithDescribedArguments) {
    const auto descriptions = office::function_descriptions();
    const auto tier = descriptions.find("CLIENT_TIER");
    ASSERT_NE(tier, descriptions.end());
    EXPECT_NE(tier->second.description.find("Pareto tier"), std::string::npos);
    ASSERT_EQ(tier->second.arguments.size(), 4u);
    EXPECT_EQ(tier->second.arguments[0].name, "value");
    EXPECT_EQ(tier->second.arguments[1].name, "values");
    EXPECT_FALSE(tier->second.arguments[1].optional);
    EXPECT_EQ(tier->second.arguments[2].name, "a_share");
    EXPECT_TRUE(tier->second.arguments[2].optional);
    for (const auto& argument : tier->second.arguments) {
        EXPECT_FALSE(argument.description.empty()) << argument.name;
    }
    // CLIENT_TIER points to the per-row form.
    EXPECT_NE(tier->second.description.find("CLIENT_TIER_BY_CUTOFFS"), std::string::npos);
    const auto cutoffs = descriptions.find("CLIENT_TIER_CUTOFFS");
    ASSERT_NE(cutoffs, descriptions.end());
    EXPECT_EQ(cutoffs->second.arguments.size(), 3u);
    const auto by_cutoffs = descriptions.find("CLIENT_TIER_BY_CUTOFFS");
    ASSERT_NE(by_cutoffs, descriptions.end());
    ASSERT_EQ(by_cutoffs->second.arguments.size(), 2u);
    EXPECT_EQ(by_cutoffs->second.arguments[1].name, "cutoffs");
    EXPECT_NE(by_cutoffs->second.arguments[1].description.find("CLIENT_TIER_CUTOFFS"),
              std::string::npos);
}

} // namespace

namespace {

TEST(ClientTier, FormulaSurvivesAnXlsxRoundTrip) {
    const std::string path = office::Office::get().profile_dir() + "/tiers.xlsx";
    {
        office::CalcDoc doc;
        doc.set_column("A1", {50, 30, 10, 5, 3, 2});
        doc.set_formula("B2", "=CLIENT_TIER(A2;A1:A6)");
        doc.set_formula("B3", "=CLIENT_VERDICT(\"B\";CLIENT_RISK(45;0.18))");
        doc.set_array_formula("C1:C6", "=CLIENT_TIER(A1:A6;A1:A6)");
        doc.save_as(path, "Calc MS Excel 2007 XML");
    }
    office::CalcDoc reopened(office::file_url(path));
    // The API shows add-in functions by their programmatic name.
    EXPECT_EQ(reopened.formula("B2"), "=ORG.CLIENTTRIAGE.CLIENTTRIAGE.CLIENTTIER(A2;A1:A6)");
    EXPECT_EQ(reopened.text("B2"), "A");
    EXPECT_EQ(reopened.text("B3"), "Renegotiate");
    reopened.set_value("A2", -1); // the reopened formulas recalculate
    EXPECT_EQ(reopened.text("B2"), "D");
    EXPECT_EQ(reopened.text("C2"), "D");
    EXPECT_EQ(reopened.error("C2"), 0);
}

} // namespace

namespace {

// CLIENT_TIER_MOVEMENT over two periods' profit columns: B (before) and C (now) for six
// clients and a new one; empty cells in the range form are "no orders then".
TEST(ClientTierMovement, PerRowAndArrayForms) {
    CalcDoc doc;
    office::set_rows(doc, "A1",
                     {{std::string("Acme"), 50.0, 2.0},
                      {std::string("Bolt"), 30.0, 30.0},
                      {std::string("Cogs"), 10.0, std::monostate{}},
                      {std::string("Dyno"), 5.0, 5.0},
                      {std::string("Echo"), 3.0, 50.0},
                      {std::string("Flux"), 2.0, 3.0},
                      {std::string("Gyro"), std::monostate{}, 10.0}});
    doc.set_array_formula("D1:D7", "=CLIENT_TIER_MOVEMENT(B1:B7;B1:B7;C1:C7;C1:C7)");
    EXPECT_EQ(doc.text("D1"), "A -> C");
    EXPECT_EQ(doc.text("D3"), "B -> lost");
    EXPECT_EQ(doc.text("D5"), "B -> A");
    EXPECT_EQ(doc.text("D7"), "new -> B");
    // Per row with the same populations; shares as for CLIENT_TIER.
    doc.set_formula("E2", "=CLIENT_TIER_MOVEMENT(B2;B$1:B$7;C2;C$1:C$7)");
    EXPECT_EQ(doc.text("E2"), "A -> A");
    doc.set_formula("E5", "=CLIENT_TIER_MOVEMENT(B5;B$1:B$7;C5;C$1:C$7;0.5;0.5)");
    EXPECT_EQ(doc.text("E5"), "C -> A"); // 3 of 50, 30, 10, 5, 3, 2 is C at shares 0.5
    doc.set_formula("E6", "=CLIENT_TIER_MOVEMENT(\"x\";B$1:B$7;C6;C$1:C$7)");
    EXPECT_EQ(doc.error("E6"), office::kErrIllegalArgument);
}

} // namespace
