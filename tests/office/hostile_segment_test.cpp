// The one-click segmentation (org.clienttriage.command:Segment) on hostile sheets: empty,
// odd shapes, filtered and hidden rows, protection, read-only, the sheet's edges, text and
// errors where numbers belong, and runs that fail half way (with TRIAGE_FAULT_INJECTION).
// After each: the office is alive, the user reads a clear message or gets the right result,
// and a refused or failed run left the document exactly as it was.
#include "office.hpp"
#include "sheet_ops.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/FilterOperator.hpp>
#include <com/sun/star/sheet/TableFilterField.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XDatabaseRange.hpp>
#include <com/sun/star/sheet/XDatabaseRanges.hpp>
#include <com/sun/star/sheet/XSheetFilterDescriptor.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/util/XMergeable.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using office::CalcDoc;
using office::CellValue;
using office::ou;
using office::utf8;
using rtl::OUString;

using Rows = std::vector<std::vector<CellValue>>;
using Grid = std::vector<std::vector<std::string>>;

const std::string kNothingChanged = "Nothing was changed.";

std::string str(const char* s) {
    return s;
}

// Profit 1000, 500, 100, -50 (total positive 1600, A line 1280: Acme and Beta are A; of the
// remaining 100 Gamma is B; Delta loses money: D).
Rows base_table() {
    return {
        {str("Client"), str("Profit"), str("Days late")},
        {str("Acme"), 1000.0, 0.0},
        {str("Beta"), 500.0, 50.0},
        {str("Gamma"), 100.0, 0.0},
        {str("Delta"), -50.0, 10.0},
    };
}

// "A" for 0, "Z" for 25, "AA" for 26, ...
std::string column_name(int column) {
    std::string name;
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
        name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
    }
    return name;
}

int column_count(const CalcDoc& doc) {
    const Reference<css::table::XColumnRowRange> sheet(doc.sheet(0), UNO_QUERY_THROW);
    return sheet->getColumns()->getCount();
}

int row_count(const CalcDoc& doc) {
    const Reference<css::table::XColumnRowRange> sheet(doc.sheet(0), UNO_QUERY_THROW);
    return sheet->getRows()->getCount();
}

// Every cell's formula or constant, as the user would see it in the input line.
Grid formulas(const CalcDoc& doc, const std::string& range, int sheet = 0) {
    const Reference<css::sheet::XCellRangeFormula> cells(
        doc.sheet(sheet)->getCellRangeByName(ou(range)), UNO_QUERY_THROW);
    Grid out;
    for (const auto& row : cells->getFormulaArray()) {
        std::vector<std::string> texts;
        for (const OUString& cell : row) {
            texts.push_back(utf8(cell));
        }
        out.push_back(texts);
    }
    return out;
}

std::vector<std::string> cell_style_names(const CalcDoc& doc) {
    const Reference<css::style::XStyleFamiliesSupplier> families(doc.component(), UNO_QUERY_THROW);
    const Reference<css::container::XNameAccess> styles(
        families->getStyleFamilies()->getByName("CellStyles"), UNO_QUERY_THROW);
    std::vector<std::string> names;
    for (const OUString& n : styles->getElementNames()) {
        names.push_back(utf8(n));
    }
    return names;
}

std::vector<std::string> undo_titles(const CalcDoc& doc) {
    const Reference<css::document::XUndoManagerSupplier> supplier(doc.component(), UNO_QUERY_THROW);
    std::vector<std::string> titles;
    for (const OUString& t : supplier->getUndoManager()->getAllUndoActionTitles()) {
        titles.push_back(utf8(t));
    }
    return titles;
}

bool row_visible(const CalcDoc& doc, int row) {
    const Reference<css::table::XColumnRowRange> sheet(doc.sheet(0), UNO_QUERY_THROW);
    const Reference<css::beans::XPropertySet> props(sheet->getRows()->getByIndex(row),
                                                    UNO_QUERY_THROW);
    bool visible = true;
    props->getPropertyValue("IsVisible") >>= visible;
    return visible;
}

void hide_row(const CalcDoc& doc, int row) {
    const Reference<css::table::XColumnRowRange> sheet(doc.sheet(0), UNO_QUERY_THROW);
    const Reference<css::beans::XPropertySet> props(sheet->getRows()->getByIndex(row),
                                                    UNO_QUERY_THROW);
    props->setPropertyValue("IsVisible", Any(false));
}

void merge(const CalcDoc& doc, const std::string& range) {
    const Reference<css::util::XMergeable> cells(doc.sheet(0)->getCellRangeByName(ou(range)),
                                                 UNO_QUERY_THROW);
    cells->merge(true);
}

// An AutoFilter on `range` showing only the rows whose column `field` (0-based) is greater
// than `limit`.
void autofilter_greater(const CalcDoc& doc, const std::string& range, int field, double limit) {
    const Reference<css::beans::XPropertySet> props(doc.component(), UNO_QUERY_THROW);
    const Reference<css::sheet::XDatabaseRanges> ranges(props->getPropertyValue("DatabaseRanges"),
                                                        UNO_QUERY_THROW);
    const Reference<css::sheet::XCellRangeAddressable> address(
        doc.sheet(0)->getCellRangeByName(ou(range)), UNO_QUERY_THROW);
    ranges->addNewByName("HostileFilter", address->getRangeAddress());
    const Reference<css::sheet::XDatabaseRange> db(ranges->getByName("HostileFilter"),
                                                   UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet>(db, UNO_QUERY_THROW)
        ->setPropertyValue("AutoFilter", Any(true));
    const Reference<css::sheet::XSheetFilterDescriptor> filter = db->getFilterDescriptor();
    css::uno::Sequence<css::sheet::TableFilterField> fields(1);
    fields.getArray()[0].Field = field;
    fields.getArray()[0].IsNumeric = true;
    fields.getArray()[0].Operator = css::sheet::FilterOperator_GREATER;
    fields.getArray()[0].NumericValue = limit;
    filter->setFilterFields(fields);
    db->refresh();
}

// What a refused or failed run must leave exactly as it was.
struct Snapshot {
    std::vector<std::string> sheets;
    std::vector<Grid> cells; // a generous range of every sheet
    std::vector<std::pair<std::string, std::string>> tier_conditions;
    std::vector<std::pair<std::string, std::string>> verdict_conditions;
    std::vector<std::string> styles;
    std::vector<std::string> undo;

    bool operator==(const Snapshot& o) const {
        return sheets == o.sheets && cells == o.cells && tier_conditions == o.tier_conditions &&
               verdict_conditions == o.verdict_conditions && styles == o.styles && undo == o.undo;
    }
};

// `range` is the generous range compared on every sheet; `tier_column` / `verdict_column` the
// ranges where the run would have put its conditional formats.
Snapshot snapshot(const CalcDoc& doc, const std::string& range = "A1:P40",
                  const std::string& tier_column = "D2:D5",
                  const std::string& verdict_column = "F2:F5") {
    Snapshot s;
    s.sheets = office::sheet_names(doc);
    for (std::size_t i = 0; i < s.sheets.size(); ++i) {
        s.cells.push_back(formulas(doc, range, static_cast<int>(i)));
    }
    s.tier_conditions = office::conditions(doc, tier_column);
    s.verdict_conditions = office::conditions(doc, verdict_column);
    s.styles = cell_style_names(doc);
    s.undo = undo_titles(doc);
    return s;
}

void expect_alive() {
    EXPECT_TRUE(office::Office::get().alive()) << "the office died";
}

// A refusal: not done, the message names the problem and says nothing changed, and the
// document is exactly as before.
void expect_refused(const CalcDoc& doc, const office::CommandResult& result,
                    const std::string& expected, const Snapshot& before,
                    const std::string& range = "A1:P40") {
    EXPECT_FALSE(result.success) << result.message;
    EXPECT_NE(result.message.find(expected), std::string::npos) << result.message;
    EXPECT_NE(result.message.find(kNothingChanged), std::string::npos) << result.message;
    EXPECT_TRUE(snapshot(doc, range) == before) << "a refused run changed the document";
}

std::vector<std::string> column(const CalcDoc& doc, const std::string& letter, int first,
                                int last) {
    std::vector<std::string> out;
    for (int row = first; row <= last; ++row) {
        out.push_back(doc.text(letter + std::to_string(row)));
    }
    return out;
}

// ------------------------------------------------------------------ shapes

TEST(HostileSegmentShape, EmptySheet) {
    CalcDoc doc;
    office::select(doc, "A1");
    const Snapshot before = snapshot(doc);
    const auto result = office::segment(doc);
    expect_alive();
    expect_refused(doc, result, "There is no table here", before);
    // A range selected on an empty sheet is no table either.
    office::select(doc, "B2:F9");
    expect_refused(doc, office::segment(doc), "There is no table here", before);
    expect_alive();
}

TEST(HostileSegmentShape, HeadersOnly) {
    CalcDoc doc;
    office::set_rows(doc, "A1", {{str("Client"), str("Profit"), str("Days late")}});
    office::select(doc, "B1");
    const Snapshot before = snapshot(doc);
    expect_refused(doc, office::segment(doc), "header row but no clients", before);
    office::select(doc, "A1:C1");
    expect_refused(doc, office::segment(doc), "header row but no clients", before);
    expect_alive();
}

TEST(HostileSegmentShape, SingleClientRow) {
    CalcDoc doc;
    office::set_rows(doc, "A1", {{str("Client"), str("Profit")}, {str("Solo"), 250.0}});
    office::select(doc, "A2");
    const auto result = office::segment(doc);
    expect_alive();
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_EQ(result.message, "Segmented 1 client: Keep 1.");
    EXPECT_EQ(office::get_rows(doc, "C1:E2"),
              (Grid{{"Tier", "Risk", "Verdict"}, {"A", "", "Keep"}}));
    EXPECT_EQ(office::sheet_names(doc).size(), 2u);
    const auto tiers = office::get_rows(doc, "A4:D4", 1);
    EXPECT_EQ(tiers[0], (std::vector<std::string>{"A", "1", "", "250"}));
}

TEST(HostileSegmentShape, DuplicateProfitHeadersAreNotGuessed) {
    CalcDoc doc;
    office::set_rows(doc, "A1",
                     {{str("Client"), str("Profit"), str("Profit")},
                      {str("Acme"), 1000.0, 5.0},
                      {str("Beta"), 5.0, 1000.0}});
    office::select(doc, "A1");
    const Snapshot before = snapshot(doc);
    const auto result = office::segment(doc);
    expect_alive();
    expect_refused(doc, result, "Several columns look like \"Profit\"", before);
    EXPECT_NE(result.message.find("choose the right one"), std::string::npos) << result.message;
    // The user's choice settles it: the second Profit column.
    const auto chosen = office::segment(doc, "profit=2");
    ASSERT_TRUE(chosen.success) << chosen.message;
    EXPECT_EQ(column(doc, "D", 1, 3), (std::vector<std::string>{"Tier", "B", "A"}));
}

TEST(HostileSegmentShape, MergedHeaderAndDataCells) {
    CalcDoc doc;
    office::set_rows(doc, "A1",
                     {{str("Client"), {}, str("Profit"), str("Days late")},
                      {str("Acme"), str("x"), 1000.0, 0.0},
                      {str("Beta"), str("y"), 500.0, 50.0},
                      {str("Gamma"), str("z"), {}, 0.0},
                      {str("Delta"), str("w"), -50.0, 10.0}});
    merge(doc, "A1:B1"); // the client header spans two columns
    merge(doc, "C3:C4"); // Beta's and Gamma's profit in one merged cell
    office::select(doc, "C2");
    const auto result = office::segment(doc);
    expect_alive();
    ASSERT_TRUE(result.success) << result.message;
    // The covered cell C4 is empty: Gamma's row is an error, the others are segmented.
    EXPECT_EQ(result.message,
              "Segmented 3 clients: Keep 1, Renegotiate 2. 1 row has an error (see Why).");
    EXPECT_EQ(column(doc, "E", 1, 5), (std::vector<std::string>{"Tier", "A", "A", "", "D"}));
    EXPECT_NE(doc.text("H4").find("Profit"), std::string::npos) << doc.text("H4");
    EXPECT_EQ(doc.text("J1"), ""); // exactly five columns
}

TEST(HostileSegmentShape, MergedCellInTheOutputAreaIsTheUsers) {
    CalcDoc doc;
    office::set_rows(doc, "A1", base_table());
    doc.set_text("E3", "note");
    merge(doc, "E3:F4");
    office::select(doc, "A1");
    const Snapshot before = snapshot(doc);
    expect_refused(doc, office::segment(doc), "The cells E3 to the right of the table", before);
    expect_alive();
}

// Hidden and filtered rows are segmented like the others: tiers are shares of the whole
// population, so a client hidden by a filter still counts, and still gets its verdict (a
// filter is a view, not a selection of clients). Hidden rows must not shift the output.
TEST(HostileSegmentShape, FilteredRowsAreSegmentedWithTheOthers) {
    CalcDoc doc;
    office::set_rows(doc, "A1", base_table());
    autofilter_greater(doc, "A1:C5", 1, 200.0); // hides Gamma (100) and Delta (-50)
    ASSERT_FALSE(row_visible(doc, 3));
    ASSERT_FALSE(row_visible(doc, 4));
    ASSERT_TRUE(row_visible(doc, 1));
    office::select(doc, "A1");
    const auto result = office::segment(doc);
    expect_alive();
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_EQ(result.message, "Segmented 4 clients: Keep 1, Grow 1, Renegotiate 2.");
    EXPECT_EQ(column(doc, "D", 1, 5), (std::vector<std::string>{"Tier", "A", "A", "B", "D"}));
    EXPECT_EQ(column(doc, "F", 2, 5),
              (std::vector<std::string>{"Keep", "Renegotiate", "Grow", "Renegotiate"}));
    EXPECT_FALSE(row_visible(doc, 3)); // the filter still hides them
    // One undo takes it all back.
    office::undo(doc);
    EXPECT_EQ(column(doc, "D", 1, 5), (std::vector<std::string>(5, "")));
    EXPECT_EQ(office::sheet_names(doc).size(), 1u);
}

TEST(HostileSegmentShape, HiddenRowsAreSegmentedWithTheOthers) {
    CalcDoc doc;
    office::set_rows(doc, "A1", base_table());
    hide_row(doc, 1); // Acme
    hide_row(doc, 3); // Gamma
    office::select(doc, "A1");
    const auto result = office::segment(doc);
    expect_alive();
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_EQ(column(doc, "D", 1, 5), (std::vector<std::string>{"Tier", "A", "A", "B", "D"}));
    EXPECT_EQ(doc.text("E3"), "83.3");
    EXPECT_FALSE(row_visible(doc, 1));
}

sal_Int32 number_format(const CalcDoc& doc, const std::string& cell) {
    sal_Int32 format = -1;
    Reference<css::beans::XPropertySet>(doc.sheet()->getCellRangeByName(ou(cell)), UNO_QUERY_THROW)
        ->getPropertyValue("NumberFormat") >>= format;
    return format;
}

// The text columns are written as text (Text format, which also spares Calc testing every
// string for a number); the Risk column stays numeric; undo brings back the formats.
TEST(HostileSegmentUndo, TextColumnsGetTheTextFormatUntilUndone) {
    CalcDoc doc;
    office::set_rows(doc, "A1", base_table());
    const sal_Int32 general = number_format(doc, "D2");
    office::select(doc, "A1");
    ASSERT_TRUE(office::segment(doc).success);
    for (const char* cell : {"D1", "D2", "F2", "G5", "H5"}) {
        EXPECT_NE(number_format(doc, cell), general) << cell;
    }
    EXPECT_EQ(number_format(doc, "E2"), general);
    EXPECT_EQ(doc.text("E3"), "83.3");
    ASSERT_TRUE(office::segment(doc).success); // a re-run keeps them
    EXPECT_NE(number_format(doc, "D2"), general);
    office::undo(doc);
    office::undo(doc);
    for (const char* cell : {"D1", "D2", "F2", "G5", "H5"}) {
        EXPECT_EQ(number_format(doc, cell), general) << cell;
    }
    expect_alive();
}

// Calc's own undo of a replaced conditional format drops it (LibreOffice 7.4): undoing a
// re-run must bring back the first run's colours, not leave the result uncoloured.
TEST(HostileSegmentUndo, UndoingARerunKeepsThePreviousColours) {
    CalcDoc doc;
    office::set_rows(doc, "A1", base_table());
    office::select(doc, "A1");
    ASSERT_TRUE(office::segment(doc).success);
    const Snapshot first = snapshot(doc);
    ASSERT_EQ(first.verdict_conditions.size(), 6u);
    ASSERT_EQ(first.tier_conditions.size(), 4u);
    ASSERT_TRUE(office::segment(doc).success);
    office::undo(doc);
    const Snapshot undone = snapshot(doc);
    EXPECT_EQ(undone.tier_conditions, first.tier_conditions);
    EXPECT_EQ(undone.verdict_conditions, first.verdict_conditions);
    EXPECT_EQ(undone.cells, first.cells);
    EXPECT_EQ(undone.sheets, first.sheets);
    expect_alive();
}

// ------------------------------------------------------------------ the document refuses

TEST(HostileSegmentRefusal, MultipleSelection) {
    CalcDoc doc;
    office::set_rows(doc, "A1", base_table());
    office::select(doc, "A1:C5,E1:E2");
    const Snapshot before = snapshot(doc);
    expect_refused(doc, office::segment(doc), "Select one table (a single range)", before);
    expect_alive();
}

// The product's summary is a report, not a table: a cursor left on it refuses the run (it would
// have segmented the summary's own rows); the Clients sheet of an order list may be run again.
TEST(HostileSegmentRefusal, TheSummarySheetIsNotATable) {
    CalcDoc doc;
    office::set_rows(doc, "A1", base_table());
    office::select(doc, "B2");
    ASSERT_TRUE(office::segment(doc).success);
    const std::vector<std::string> sheets = office::sheet_names(doc);
    ASSERT_EQ(sheets.size(), 2u);
    office::select(doc, "A5", 1);
    const Snapshot before = snapshot(doc);
    expect_refused(doc, office::segment(doc), "Client Triage's own summary or cohorts", before);
    expect_alive();
}

TEST(HostileSegmentRefusal, ProtectedSheet) {
    CalcDoc doc;
    office::set_rows(doc, "A1", base_table());
    office::protect_sheet(doc, true);
    office::select(doc, "B2");
    const Snapshot before = snapshot(doc);
    expect_refused(doc, office::segment(doc), "The sheet is protected", before);
    expect_alive();
    office::protect_sheet(doc, false);
    EXPECT_TRUE(office::segment(doc).success);
}

TEST(HostileSegmentRefusal, ProtectedDocumentStructure) {
    CalcDoc doc;
    office::set_rows(doc, "A1", base_table());
    const Reference<css::util::XProtectable> structure(doc.component(), UNO_QUERY_THROW);
    structure->protect("");
    office::select(doc, "B2");
    const Snapshot before = snapshot(doc);
    const auto result = office::segment(doc);
    expect_alive();
    // The API would add the summary sheet all the same: the run refuses before writing.
    expect_refused(doc, result, "The document's sheet structure is protected", before);
    structure->unprotect("");
}

TEST(HostileSegmentRefusal, ReadOnlyDocument) {
    const std::string path = office::Office::get().profile_dir() + "/hostile-read-only.ods";
    {
        CalcDoc doc;
        office::set_rows(doc, "A1", base_table());
        doc.save_as(path, "calc8");
    }
    CalcDoc doc(office::file_url(path), CalcDoc::LoadOptions{{}, {}, true});
    ASSERT_TRUE(Reference<css::frame::XStorable>(doc.component(), UNO_QUERY_THROW)->isReadonly());
    office::select(doc, "A1");
    const Snapshot before = snapshot(doc);
    expect_refused(doc, office::segment(doc), "The document is read-only", before);
    expect_alive();
}

TEST(HostileSegmentRefusal, TableEndingAtTheLastColumn) {
    CalcDoc doc;
    const int columns = column_count(doc); // 1024 (AMJ) or 16384 (XFD)
    ASSERT_GE(columns, 1024);
    const std::string last = column_name(columns - 1);
    const std::string first = column_name(columns - 3);
    office::set_rows(doc, first + "1", base_table());
    office::select(doc, first + "1");
    const std::string range = column_name(columns - 12) + "1:" + last + "20";
    const Snapshot before = snapshot(doc, range);
    expect_refused(doc, office::segment(doc), "no room to the right of the table", before, range);
    expect_alive();
    // Five columns short of the edge: no room for the last result column either.
    CalcDoc tight;
    office::set_rows(tight, column_name(columns - 7) + "1", base_table());
    office::select(tight, column_name(columns - 7) + "1");
    const Snapshot tight_before = snapshot(tight, range);
    expect_refused(tight, office::segment(tight), "no room", tight_before, range);
    // Exactly five columns left: the result fills them up to the last column.
    CalcDoc exact;
    office::set_rows(exact, column_name(columns - 8) + "1", base_table());
    office::select(exact, column_name(columns - 8) + "1");
    const auto result = office::segment(exact);
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_EQ(exact.text(column_name(columns - 5) + "1"), "Tier");
    EXPECT_EQ(exact.text(last + "1"), "Next step");
    EXPECT_EQ(exact.text(column_name(columns - 5) + "2"), "A");
    expect_alive();
}

// The last row of the table is the sheet's last row, and some value cells hold text.
TEST(HostileSegmentData, TableEndingAtTheLastRowWithTextValues) {
    CalcDoc doc;
    const int rows = row_count(doc);
    const int header = rows - 5; // 1-based row of the header: five clients below it
    office::set_rows(doc, "A" + std::to_string(header),
                     {{str("Client"), str("Profit"), str("Days late")},
                      {str("Acme"), 1000.0, 0.0},
                      {str("Beta"), str("a lot"), 50.0},
                      {str("Gamma"), 100.0, 0.0},
                      {str("Delta"), str("1000"), 10.0},
                      {str("Last"), 10.0, 0.0}});
    office::select(doc, "B" + std::to_string(rows));
    const auto result = office::segment(doc);
    expect_alive();
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_EQ(result.message,
              "Segmented 3 clients: Keep 1, Grow 1, Low-touch 1. 2 rows have errors (see Why).");
    EXPECT_EQ(column(doc, "D", header, rows),
              (std::vector<std::string>{"Tier", "A", "", "B", "", "C"}));
    const std::string why_beta = doc.text("G" + std::to_string(header + 2));
    EXPECT_NE(why_beta.find("Profit"), std::string::npos) << why_beta;
    EXPECT_NE(why_beta.find("not a number"), std::string::npos) << why_beta;
    EXPECT_FALSE(doc.text("H" + std::to_string(rows)).empty()); // next step of the last row
}

// ------------------------------------------------------------------ what is in the cells

// Numbers stored as text are not numbers (as for Calc's SUM): no client can be tiered, and
// every row's Why says which cell is the problem, so the user knows what to convert.
TEST(HostileSegmentData, EveryColumnTextNumbersStoredAsText) {
    CalcDoc doc;
    office::set_rows(doc, "A1",
                     {{str("Client"), str("Profit"), str("Days late")},
                      {str("Acme"), str("1000"), str("0")},
                      {str("Beta"), str("500"), str("50")}});
    office::select(doc, "A1");
    const auto result = office::segment(doc);
    expect_alive();
    EXPECT_TRUE(result.success) << result.message;
    EXPECT_EQ(result.message.rfind("Segmented 0 clients", 0), 0u) << result.message;
    EXPECT_NE(result.message.find("2 rows have errors (see Why)."), std::string::npos)
        << result.message;
    EXPECT_EQ(column(doc, "D", 1, 3), (std::vector<std::string>{"Tier", "", ""}));
    for (const std::string& why : {doc.text("G2"), doc.text("G3")}) {
        EXPECT_NE(why.find("Profit"), std::string::npos) << why;
        EXPECT_NE(why.find("not a number"), std::string::npos) << why;
    }
    EXPECT_EQ(doc.formula("B2"), "'1000"); // the text is left as it is
}

TEST(HostileSegmentData, ErrorValuesInDataCells) {
    CalcDoc doc;
    office::set_rows(doc, "A1", base_table());
    doc.set_formula("B3", "=1/0");
    doc.set_formula("C4", "=NA()");
    office::select(doc, "A1");
    const auto result = office::segment(doc);
    expect_alive();
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_EQ(result.message,
              "Segmented 2 clients: Keep 1, Renegotiate 1. 2 rows have errors (see Why).");
    EXPECT_EQ(column(doc, "D", 1, 5), (std::vector<std::string>{"Tier", "A", "", "", "D"}));
    EXPECT_NE(doc.text("G3").find("Profit"), std::string::npos) << doc.text("G3");
    EXPECT_NE(doc.text("G4").find("not a number"), std::string::npos) << doc.text("G4");
    // The error cells are untouched.
    EXPECT_EQ(doc.formula("B3"), "=1/0");
    EXPECT_EQ(doc.formula("C4"), "=NA()");
}

TEST(HostileSegmentData, NanLikeAndHugeNumbers) {
    CalcDoc doc;
    office::set_rows(doc, "A1",
                     {{str("Client"), str("Profit"), str("Days late")},
                      {str("Huge"), 1.7e308, 0.0},
                      {str("Huge too"), 1.7e308, 0.0},
                      {str("Small"), 5.0, 1e300},
                      {str("Text NaN"), str("NaN"), 0.0},
                      {str("Text inf"), str("inf"), 0.0},
                      {str("Tiny loss"), -1e-300, 0.0}});
    office::select(doc, "A1");
    const auto result = office::segment(doc);
    expect_alive();
    ASSERT_TRUE(result.success) << result.message;
    // The positive total overflows a double: the walk still gives both huge values A and the
    // small one B (it is all that remains below the A line).
    EXPECT_EQ(column(doc, "D", 1, 7),
              (std::vector<std::string>{"Tier", "A", "A", "B", "", "", "D"}));
    EXPECT_EQ(doc.text("E4"), "100"); // days late far beyond the bad value: full points
    EXPECT_NE(doc.text("G5").find("not a number"), std::string::npos) << doc.text("G5");
    EXPECT_NE(doc.text("G6").find("not a number"), std::string::npos) << doc.text("G6");
    // The summary is written and the office survives the sums beyond the double range.
    EXPECT_EQ(office::sheet_names(doc).size(), 2u);
    EXPECT_EQ(office::chart_count(doc, 1), 2);
}

TEST(HostileSegmentData, NegativeSignals) {
    CalcDoc doc;
    office::set_rows(doc, "A1",
                     {{str("Client"), str("Profit"), str("Days late"), str("Complaints")},
                      {str("Acme"), 1000.0, -5.0, 0.0},
                      {str("Beta"), 500.0, 10.0, -2.0},
                      {str("Gamma"), 100.0, 0.0, 1.0}});
    office::select(doc, "A1");
    const auto result = office::segment(doc);
    expect_alive();
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_EQ(result.message, "Segmented 1 client: Grow 1. 2 rows have errors (see Why).");
    EXPECT_EQ(column(doc, "E", 1, 4), (std::vector<std::string>{"Tier", "", "", "B"}));
    EXPECT_NE(doc.text("H2").find("must not be negative (-5)"), std::string::npos)
        << doc.text("H2");
    EXPECT_NE(doc.text("H3").find("must not be negative (-2)"), std::string::npos)
        << doc.text("H3");
}

TEST(HostileSegmentData, DatesAsTextInTheLastOrderColumn) {
    CalcDoc doc;
    office::set_rows(doc, "A1",
                     {{str("Client"), str("Profit"), str("Last order")},
                      {str("Acme"), 1000.0, str("2024-01-15")},
                      {str("Beta"), 500.0, 45000.0},
                      {str("Gamma"), 100.0, {}}});
    office::select(doc, "A1");
    const auto result = office::segment(doc);
    expect_alive();
    ASSERT_TRUE(result.success) << result.message;
    // Acme's date is text: its row says so; Beta's real date (2023) makes it lapsed.
    EXPECT_EQ(column(doc, "D", 1, 4), (std::vector<std::string>{"Tier", "", "A", "B"}));
    EXPECT_NE(doc.text("G2").find("not a number"), std::string::npos) << doc.text("G2");
    EXPECT_EQ(doc.text("F3"), "Win back");
    EXPECT_EQ(doc.text("F4"), "Grow");
}

// ------------------------------------------------------------------ failing half way

// An office of its own whose environment names the point where a run fails (TRIAGE_FAIL_AT,
// read by segment_run.cpp in a TRIAGE_FAULT_INJECTION build).
std::unique_ptr<office::Office> faulty_office(const char* point) {
    ::setenv("TRIAGE_FAIL_AT", point, 1);
    std::unique_ptr<office::Office> faulty;
    try {
        faulty = std::make_unique<office::Office>(office::OfficeOptions{});
    } catch (...) {
        ::unsetenv("TRIAGE_FAIL_AT");
        throw;
    }
    ::unsetenv("TRIAGE_FAIL_AT"); // later offices of this process run normally
    return faulty;
}

// The failed run's document against what it was before: every cell of both sheets, the sheet
// list, the conditional formats, the styles and the undo list; and the user's own last step
// (B5 from -50 to -60) is still the one that undo takes back.
void expect_as_before(const CalcDoc& doc, const Snapshot& before, const char* point) {
    const Snapshot after = snapshot(doc);
    EXPECT_EQ(after.sheets, before.sheets) << point;
    EXPECT_EQ(after.cells, before.cells) << point;
    EXPECT_EQ(after.tier_conditions, before.tier_conditions) << point;
    EXPECT_EQ(after.verdict_conditions, before.verdict_conditions) << point;
    EXPECT_EQ(after.styles, before.styles) << point;
    EXPECT_EQ(after.undo, before.undo) << point;
    office::undo(doc);
    EXPECT_EQ(doc.text("B5"), "-50") << point;
}

void expect_failure_message(const office::CommandResult& result, const char* point) {
    EXPECT_FALSE(result.success) << result.message;
    EXPECT_NE(result.message.find("could not finish, nothing was changed"), std::string::npos)
        << result.message;
    EXPECT_NE(result.message.find(std::string("injected fault at ") + point), std::string::npos)
        << result.message;
}

// A first run and a re-run (which replaces the previous output and the summary sheet with its
// charts) fail at `point`: both leave the document exactly as it was.
void fail_at(const char* point) {
    // The re-run's document: a successful run in the shared (fault-free) office, saved.
    const std::string path =
        office::Office::get().profile_dir() + "/hostile-rerun-" + std::string(point) + ".ods";
    {
        CalcDoc doc;
        office::set_rows(doc, "A1", base_table());
        office::select(doc, "A1");
        ASSERT_TRUE(office::segment(doc).success);
        doc.save_as(path, "calc8");
    }
    const std::unique_ptr<office::Office> faulty = faulty_office(point);
    {
        CalcDoc doc(*faulty);
        office::set_rows(doc, "A1", base_table());
        doc.set_value("B5", -60); // the user's own last action
        office::select(doc, "A1");
        const Snapshot before = snapshot(doc);
        ASSERT_FALSE(before.undo.empty());
        const auto result = office::segment(doc);
        EXPECT_TRUE(faulty->alive());
        expect_failure_message(result, point);
        expect_as_before(doc, before, point);
    }
    {
        CalcDoc doc(office::file_url(path), CalcDoc::LoadOptions{}, *faulty);
        doc.set_value("B5", -60);
        office::select(doc, "A1");
        const Snapshot before = snapshot(doc);
        ASSERT_EQ(before.sheets.size(), 2u);
        ASSERT_EQ(before.verdict_conditions.size(), 6u);
        const int charts = office::chart_count(doc, 1);
        ASSERT_EQ(charts, 2);
        const auto result = office::segment(doc);
        EXPECT_TRUE(faulty->alive());
        expect_failure_message(result, point);
        EXPECT_EQ(office::chart_count(doc, 1), charts) << point;
        EXPECT_EQ(doc.text("D5"), "D") << point; // the previous run's result
        expect_as_before(doc, before, point);
    }
    EXPECT_TRUE(faulty->alive());
}

#ifdef TRIAGE_FAULT_INJECTION
#define SKIP_WITHOUT_FAULT_INJECTION()
#else
#define SKIP_WITHOUT_FAULT_INJECTION()                                                             \
    GTEST_SKIP() << "fault injection is not compiled in: configure with "                          \
                    "-DTRIAGE_FAULT_INJECTION=ON (run-tests.sh does, in build-faults)"
#endif

TEST(HostileSegmentFault, AfterTheOutputColumns) {
    SKIP_WITHOUT_FAULT_INJECTION();
    fail_at("output");
}

TEST(HostileSegmentFault, AfterTheColours) {
    SKIP_WITHOUT_FAULT_INJECTION();
    fail_at("colours");
}

TEST(HostileSegmentFault, AfterTheSummarySheet) {
    SKIP_WITHOUT_FAULT_INJECTION();
    fail_at("summary");
}

} // namespace
