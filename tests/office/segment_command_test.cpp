// The one-click segmentation through its dispatch command, headless: what lands in the
// cells, the refusals that change nothing, undo, colours and the summary sheet.
#include "office.hpp"
#include "sheet_ops.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using office::CalcDoc;
using office::CellValue;

using Rows = std::vector<std::vector<CellValue>>;

// Tiers by profit (T = 2560, A line 2048: 1000, 900, 300 are A; the rest 360, B line 288:
// 200 and 100 are B; 50 and 10 are C; the negatives D) and days late, chosen so that every
// verdict appears.
Rows every_verdict_table() {
    return {
        {std::string("Client"), std::string("Profit"), std::string("Days late"),
         std::string("Days since last order")},
        {std::string("Acme"), 1000.0, 0.0, 10.0},   // A low: Keep
        {std::string("Beta"), 900.0, 50.0, 10.0},   // A high (83.3): Renegotiate
        {std::string("Gamma"), 300.0, 0.0, 400.0},  // A low, lapsed: Win back
        {std::string("Delta"), 200.0, 0.0, 10.0},   // B low: Grow
        {std::string("Eps"), 100.0, 25.0, 10.0},    // B medium (41.7): Renegotiate
        {std::string("Zeta"), 50.0, 0.0, 10.0},     // C low: Low-touch
        {std::string("Eta"), 10.0, 60.0, 10.0},     // C high: Let go
        {std::string("Theta"), -100.0, 30.0, 10.0}, // D medium: Let go
        {std::string("Iota"), -50.0, {}, 10.0},     // D, no signal (low): Renegotiate
    };
}

const std::vector<std::string> kTiers = {"A", "A", "A", "B", "B", "C", "C", "D", "D"};
const std::vector<std::string> kVerdicts = {"Keep",   "Renegotiate", "Win back",
                                            "Grow",   "Renegotiate", "Low-touch",
                                            "Let go", "Let go",      "Renegotiate"};

std::vector<std::string> column(const CalcDoc& doc, char letter, int first, int last) {
    std::vector<std::string> out;
    for (int row = first; row <= last; ++row) {
        out.push_back(doc.text(std::string(1, letter) + std::to_string(row)));
    }
    return out;
}

TEST(SegmentCommand, WritesTierRiskVerdictWhyAndNextStep) {
    CalcDoc doc;
    office::set_rows(doc, "A1", every_verdict_table());
    office::select(doc, "B3");
    const auto result = office::segment(doc);
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_EQ(result.message, "Segmented 9 clients: Keep 1, Grow 1, Low-touch 1, Renegotiate 3, "
                              "Win back 1, Let go 2.");
    EXPECT_EQ(column(doc, 'E', 1, 1)[0], "Tier");
    EXPECT_EQ(doc.text("F1"), "Risk");
    EXPECT_EQ(doc.text("G1"), "Verdict");
    EXPECT_EQ(doc.text("H1"), "Why");
    EXPECT_EQ(doc.text("I1"), "Next step");
    EXPECT_EQ(column(doc, 'E', 2, 10), kTiers);
    EXPECT_EQ(column(doc, 'G', 2, 10), kVerdicts);
    EXPECT_NEAR(doc.value("F3"), 83.3, 1e-9);
    EXPECT_NEAR(doc.value("F6"), 41.7, 1e-9);
    EXPECT_EQ(doc.text("F10"), ""); // no signal: no risk
    EXPECT_EQ(doc.text("H3"), "late payment 50 days (+83)");
    EXPECT_EQ(doc.text("H2"), "");
    EXPECT_EQ(doc.text("I3").rfind("prepayment of 30-50%", 0), 0u) << doc.text("I3");
    EXPECT_EQ(doc.text("I2").rfind("protect:", 0), 0u) << doc.text("I2");
    EXPECT_EQ(doc.text("I4").rfind("call personally", 0), 0u) << doc.text("I4");
    EXPECT_EQ(doc.text("J1"), ""); // exactly five columns
}

TEST(SegmentCommand, ARerunReplacesItsOwnColumns) {
    CalcDoc doc;
    office::set_rows(doc, "A1", every_verdict_table());
    office::select(doc, "A1");
    ASSERT_TRUE(office::segment(doc).success);
    doc.set_value("B2", -5);   // Acme now loses money
    office::select(doc, "C4"); // the data area now includes the output columns
    const auto again = office::segment(doc);
    ASSERT_TRUE(again.success) << again.message;
    EXPECT_EQ(doc.text("E2"), "D");
    EXPECT_EQ(doc.text("G2"), "Renegotiate");
    EXPECT_EQ(doc.text("E1"), "Tier");
    EXPECT_EQ(doc.text("J1"), ""); // nothing written further right
    EXPECT_EQ(doc.text("N1"), "");
    // Selecting just the input columns re-uses them too.
    office::select(doc, "A1:D10");
    ASSERT_TRUE(office::segment(doc).success);
    EXPECT_EQ(doc.text("J1"), "");
}

TEST(SegmentCommand, RefusesToOverwriteOtherData) {
    CalcDoc doc;
    office::set_rows(doc, "A1", every_verdict_table());
    doc.set_text("F5", "my note");
    office::select(doc, "A1");
    const auto result = office::segment(doc);
    EXPECT_FALSE(result.success);
    EXPECT_NE(result.message.find("F5"), std::string::npos) << result.message;
    EXPECT_NE(result.message.find("Nothing was changed"), std::string::npos) << result.message;
    EXPECT_EQ(doc.text("E1"), "");
    EXPECT_EQ(doc.text("F5"), "my note");
    EXPECT_EQ(office::sheet_names(doc).size(), 1u);
}

TEST(SegmentCommand, RefusesOnAProtectedSheet) {
    CalcDoc doc;
    office::set_rows(doc, "A1", every_verdict_table());
    office::protect_sheet(doc, true);
    office::select(doc, "A1");
    const auto result = office::segment(doc);
    EXPECT_FALSE(result.success);
    EXPECT_NE(result.message.find("protected"), std::string::npos) << result.message;
    EXPECT_EQ(doc.text("E1"), "");
    EXPECT_EQ(office::sheet_names(doc).size(), 1u);
}

TEST(SegmentCommand, RefusesATableWithoutRequiredColumnsOrRows) {
    CalcDoc doc;
    // Headers only.
    office::set_rows(doc, "A1", {{std::string("Client"), std::string("Profit")}});
    office::select(doc, "A1");
    auto result = office::segment(doc);
    EXPECT_FALSE(result.success);
    EXPECT_NE(result.message.find("no clients"), std::string::npos) << result.message;
    EXPECT_EQ(doc.text("C1"), "");

    // No profit or revenue column.
    office::set_rows(doc, "A10",
                     {{std::string("Client"), std::string("Colour")},
                      {std::string("Acme"), std::string("red")}});
    office::select(doc, "A10");
    result = office::segment(doc);
    EXPECT_FALSE(result.success);
    EXPECT_NE(result.message.find("profit or revenue"), std::string::npos) << result.message;
    EXPECT_EQ(doc.text("C10"), "");

    // An empty cell far from any data.
    office::select(doc, "Z100");
    result = office::segment(doc);
    EXPECT_FALSE(result.success);
    EXPECT_NE(result.message.find("no table"), std::string::npos) << result.message;

    // Several ranges.
    office::set_rows(doc, "A20", every_verdict_table());
    office::select(doc, "A20:B22,D20:D22");
    result = office::segment(doc);
    EXPECT_FALSE(result.success);
    EXPECT_NE(result.message.find("one table"), std::string::npos) << result.message;
    EXPECT_EQ(doc.text("E20"), "");
    EXPECT_EQ(office::sheet_names(doc).size(), 1u);
}

TEST(SegmentCommand, OneUndoRestoresTheSheet) {
    CalcDoc doc;
    office::set_rows(doc, "A1", every_verdict_table());
    office::select(doc, "A1");
    ASSERT_TRUE(office::segment(doc).success);
    ASSERT_EQ(office::sheet_names(doc).size(), 2u);
    office::undo(doc);
    for (const auto& row : office::get_rows(doc, "E1:I10")) {
        for (const auto& cell : row) {
            EXPECT_EQ(cell, "");
        }
    }
    EXPECT_EQ(office::sheet_names(doc), std::vector<std::string>{"Sheet1"});
    EXPECT_TRUE(office::conditions(doc, "G2:G10").empty());
    EXPECT_EQ(doc.text("B2"), "1000"); // the input is untouched
}

TEST(SegmentCommand, ColoursThroughConditionalFormatsAndNamedStyles) {
    CalcDoc doc;
    office::set_rows(doc, "A1", every_verdict_table());
    office::select(doc, "A1");
    ASSERT_TRUE(office::segment(doc).success);
    const auto verdicts = office::conditions(doc, "G2:G10");
    ASSERT_EQ(verdicts.size(), 6u);
    EXPECT_EQ(verdicts[0],
              std::make_pair(std::string("\"Keep\""), std::string("ClientTriage Keep")));
    EXPECT_EQ(verdicts[5],
              std::make_pair(std::string("\"Let go\""), std::string("ClientTriage Let go")));
    const auto tiers = office::conditions(doc, "E2:E10");
    ASSERT_EQ(tiers.size(), 4u);
    EXPECT_EQ(tiers[3].second, "ClientTriage Tier D");
    EXPECT_EQ(office::style_colour(doc, "ClientTriage Keep"), 0x63BE7B);
    EXPECT_EQ(office::style_colour(doc, "ClientTriage Let go"), 0xF8696B);
}

TEST(SegmentCommand, AUserRestyledStyleIsKept) {
    CalcDoc doc;
    office::set_rows(doc, "A1", every_verdict_table());
    office::select(doc, "A1");
    ASSERT_TRUE(office::segment(doc).success);
    // The user makes Keep purple; a re-run leaves it purple.
    office::set_style_colour(doc, "ClientTriage Keep", 0x7030A0);
    ASSERT_TRUE(office::segment(doc).success);
    EXPECT_EQ(office::style_colour(doc, "ClientTriage Keep"), 0x7030A0);
}

void expect_colours_after_round_trip(const std::string& file, const std::string& filter) {
    const std::string path = office::Office::get().profile_dir() + "/" + file;
    {
        CalcDoc doc;
        office::set_rows(doc, "A1", every_verdict_table());
        office::select(doc, "A1");
        ASSERT_TRUE(office::segment(doc).success);
        doc.save_as(path, filter);
    }
    CalcDoc reopened(office::file_url(path));
    EXPECT_EQ(column(reopened, 'G', 2, 10), kVerdicts);
    const auto verdicts = office::conditions(reopened, "G2:G10");
    ASSERT_EQ(verdicts.size(), 6u) << file;
    // The style each condition applies still paints the verdict's colour.
    EXPECT_EQ(office::style_colour(reopened, verdicts[0].second), 0x63BE7B) << verdicts[0].second;
    EXPECT_EQ(office::style_colour(reopened, verdicts[5].second), 0xF8696B) << verdicts[5].second;
    EXPECT_EQ(office::conditions(reopened, "E2:E10").size(), 4u);
}

TEST(SegmentCommand, ColoursSurviveAnOdsRoundTrip) {
    expect_colours_after_round_trip("colours.ods", "calc8");
}

TEST(SegmentCommand, ColoursSurviveAnXlsxRoundTrip) {
    expect_colours_after_round_trip("colours.xlsx", "Calc MS Excel 2007 XML");
}

TEST(SegmentCommand, WritesTheSummarySheetWithCharts) {
    CalcDoc doc;
    office::set_rows(doc, "A1", every_verdict_table());
    office::select(doc, "A1");
    ASSERT_TRUE(office::segment(doc).success);
    const auto names = office::sheet_names(doc);
    ASSERT_EQ(names.size(), 2u);
    EXPECT_EQ(names[1], "Client Triage summary");
    // Per tier: clients and profit.
    const auto tiers = office::get_rows(doc, "A3:D8", 1);
    EXPECT_EQ(tiers[0], (std::vector<std::string>{"Tier", "Clients", "Revenue", "Profit"}));
    EXPECT_EQ(tiers[1][0], "A");
    EXPECT_EQ(tiers[1][1], "3");
    EXPECT_EQ(tiers[1][3], "2200");
    EXPECT_EQ(tiers[4][1], "2");    // D
    EXPECT_EQ(tiers[4][3], "-150"); // D's profit
    EXPECT_EQ(tiers[5][1], "9");    // total
    // Per verdict.
    const auto verdicts = office::get_rows(doc, "A10:B16", 1);
    EXPECT_EQ(verdicts[0][0], "Verdict");
    EXPECT_EQ(verdicts[4][0], "Renegotiate");
    EXPECT_EQ(verdicts[4][1], "3");
    // The Pareto table: most profitable first, with the cumulative share of 2560.
    const auto pareto = office::get_rows(doc, "A19:C21", 1);
    EXPECT_EQ(pareto[0][0], "Client");
    EXPECT_EQ(pareto[1][0], "Acme");
    EXPECT_EQ(pareto[2][0], "Beta");
    EXPECT_NEAR(std::stod(pareto[2][2]), 1900.0 / 2560.0, 1e-5);
    EXPECT_EQ(office::chart_count(doc, 1), 2);
    // A re-run replaces the summary sheet instead of adding another.
    ASSERT_TRUE(office::segment(doc).success);
    EXPECT_EQ(office::sheet_names(doc).size(), 2u);
}

TEST(SegmentCommand, RecognisesRussianHeaders) {
    CalcDoc doc;
    office::set_rows(doc, "A1",
                     {{std::string("Клиент"), std::string("Выручка"), std::string("Прибыль"),
                       std::string("Просрочка оплаты, дней")},
                      {std::string("Ромашка"), 5000.0, 1000.0, 0.0},
                      {std::string("Лютик"), 3000.0, -200.0, 60.0}});
    office::select(doc, "A1");
    const auto result = office::segment(doc);
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_EQ(doc.text("E1"), "Tier");
    EXPECT_EQ(doc.text("E2"), "A");
    EXPECT_EQ(doc.text("E3"), "D");
    EXPECT_EQ(doc.text("G3"), "Let go");
    EXPECT_NEAR(doc.value("F3"), 100, 1e-9);
}

TEST(SegmentCommand, ColumnChoicesOverrideRecognition) {
    CalcDoc doc;
    office::set_rows(doc, "A1",
                     {{std::string("Name"), std::string("Amount"), std::string("Margin")},
                      {std::string("Acme"), 10.0, 500.0},
                      {std::string("Beta"), 500.0, 10.0}});
    office::select(doc, "A1");
    // Recognised: margin is the profit; the user picks column 2 (Amount) instead.
    ASSERT_TRUE(office::segment(doc, "profit=1").success);
    EXPECT_EQ(doc.text("D2"), "B");
    EXPECT_EQ(doc.text("D3"), "A");
}

TEST(SegmentCommand, SegmentsAFullSheetOf1048576Rows) {
    CalcDoc doc;
    constexpr int kRows = 1048576; // header + 1,048,575 clients: every row of the sheet
    Rows rows;
    rows.reserve(kRows);
    rows.push_back({std::string("Client"), std::string("Profit"), std::string("Days late")});
    for (int i = 1; i < kRows; ++i) {
        rows.push_back({std::string("C") + std::to_string(i), static_cast<double>(kRows - i),
                        static_cast<double>(i % 90)});
    }
    office::set_rows(doc, "A1", rows);
    rows.clear();
    office::select(doc, "A1");
    const auto result = office::segment(doc);
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_NE(result.message.find("1048575"), std::string::npos) << result.message;
    EXPECT_EQ(doc.text("D2"), "A");
    EXPECT_EQ(doc.text("D1048576"), "C");
    EXPECT_FALSE(doc.text("F1048576").empty());
}

} // namespace
