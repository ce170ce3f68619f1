// What the one-click segmentation of a sheet table needs besides the batch itself
// (SPEC section 7): the output columns and their headers, turning recognised columns into a
// client table, the refusals and their messages, the colours and the summary's texts.
#pragma once

#include "core/batch.hpp"
#include "core/headers.hpp"
#include "core/lang.hpp"
#include "core/tier.hpp"
#include "core/verdict.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace triage {

// ---------------------------------------------------------------- output columns

enum class OutputColumn { Tier, Risk, Verdict, Why, NextStep };
constexpr std::size_t kOutputColumnCount = 5;

// "Tier", "Risk", "Verdict", "Why", "Next step" and their ru / fi headers.
const Localized& output_header(OutputColumn column);

// True when `headers` are the five output headers in order, in any one of the languages or
// mixed (case, spaces and punctuation ignored): the columns a previous run wrote.
bool is_output_header_row(const std::vector<std::string>& headers);

// The buying models' columns that follow the output columns when the table gives each
// client's repeat buying (buying_forecast.hpp): "P(alive)", "Expected orders, 12 months",
// "CLV, 12 months" and their ru / fi headers. The Clients sheet of a transaction table has
// them too.
enum class ModelColumn { PAlive, ExpectedOrders, Clv };
constexpr std::size_t kModelColumnCount = 3;
const Localized& model_header(ModelColumn column);

// The number of columns at the end of a header row that a previous run wrote: 0, 5 (the
// output columns) or 8 (the output and the models' columns).
std::size_t trailing_output_columns(const std::vector<std::string>& headers);

// ---------------------------------------------------------------- input

// The cells of every recognised field, one Column per field (indexed by field_index(); an
// unmapped field has an empty Column), as read from the sheet: numbers, nullopt for empty
// cells, NaN for text.
using FieldColumns = std::array<Column, kFieldCount>;

// The client table the batch segments:
// - the value is the profit column, or the revenue column where there is no profit column;
// - days since the last order: that column, else today - the last order date (0 when the
//   last order is after today: `today` is the analysis date);
// - the usual days between orders: that column, else (last order - first order) /
//   (orders - 1) for clients with at least two orders (otherwise unknown);
// - the signals and the service cost as they are.
// `today` is a day number on the same scale as the dates (a Calc serial).
// Throws InvalidInput when neither a profit nor a revenue column is mapped.
ClientTable client_table_from_fields(FieldColumns fields, double today);

// ---------------------------------------------------------------- refusals

enum class Refusal {
    NoDocument,        // not a spreadsheet
    MultipleSelection, // several ranges are selected
    NoTable,           // the selection is empty: no data around it
    NoDataRows,        // a header row only
    MissingColumns,    // no client or no profit/revenue column (details: the problems)
    SheetProtected,    // the sheet is protected
    ReadOnly,          // the document is read-only
    NoRoomForOutput,   // the table ends too close to the last column
    TargetOccupied,    // the cells to the right hold other data (details: the address)
    TooManyRows,       // more rows than the batch can take
    InvalidRules,      // the document's rule set is invalid (details: the problems)
    ProductSheet,      // the cursor is on the product's summary or cohorts sheet
};

// The message a user reads, with `details` (an address, a list of problems) filled in.
std::string refusal_message(Refusal refusal, Lang lang, const std::string& details = {});

// "Segmented 804 clients: 12 Keep, 40 Grow, ...; 3 rows have errors (see Why)."
std::string result_line(const BatchSummary& summary, Lang lang);

// ---------------------------------------------------------------- colours and styles

// The background colour (0xRRGGBB) of a verdict: Keep green, Grow light green, Low-touch
// grey, Renegotiate amber, Win back blue, Let go red.
std::uint32_t verdict_colour(Verdict verdict);
// A green, B light green, C grey, D red.
std::uint32_t tier_colour(Tier tier);
// The names of the cell styles the colours are applied through: "ClientTriage Keep",
// "ClientTriage Tier A", ... (the same in every language, so a user's restyling survives a
// change of language).
std::string verdict_style_name(Verdict verdict);
std::string tier_style_name(Tier tier);

// ---------------------------------------------------------------- the summary sheet

enum class SummaryText {
    SheetName,       // "Client Triage summary"
    Title,           // "Client Triage: clients by tier and verdict"
    TierHeader,      // "Tier"
    VerdictHeader,   // "Verdict"
    Clients,         // "Clients"
    Revenue,         // "Revenue"
    Profit,          // "Profit"
    Total,           // "Total"
    Client,          // "Client"
    CumulativeShare, // "Cumulative share of profit"
    ParetoTitle,     // "Pareto: profit by client"
    VerdictTitle,    // "Clients by verdict"
    ParetoNote,      // "The {} most profitable clients of {}."
};

const Localized& summary_text(SummaryText text);

// ---------------------------------------------------------------- the sidebar panel

enum class PanelText {
    DeckTitle,      // "Client Triage"
    Table,          // "Table"
    Rows,           // "{} clients in {}"
    NoColumn,       // "(none)"
    Columns,        // "Columns"
    SignalsFound,   // "Risk signals found: {}"
    NoSignals,      // "No risk signal columns: risk is left empty."
    PreviousOutput, // "The result columns of the last run will be replaced."
    Segment,        // "Segment"
    Preset,         // "Preset"
    UsePreset,      // "Use preset"
    RulesText,      // "Rules of this document (JSON)"
    Apply,          // "Apply"
    Import,         // "Import..."
    Export,         // "Export..."
    Reset,          // "Reset to defaults"
    RulesSaved,     // "Saved in this document; its formulas recalculated."
    RulesRefused,   // "Not applied, nothing changed:"
    RulesReset,     // "Back to the defaults of the specification."
    PresetApplied,  // "Preset {} applied."
    Exported,       // "Exported to {}."
    KindCaption,    // "Kind of table"
    KindClients,    // "One row per client"
    KindLines,      // "Order lines or invoices"
    MoreFields,     // "Show every field"
    ReturnsCaption, // "Returned orders listed on sheet"
    ReturnsByName,  // "(a sheet named Returns)"
    Lines,          // "{} order lines in {}"
    AnalysisDate,   // "Analysis date (YYYY-MM-DD; empty: the latest order date)"
    AnalysisToday,  // "Analysis date (YYYY-MM-DD; empty: today)"
    PeriodCaption,  // "Cohorts by"
    PeriodMonth,    // "Month of the first order"
    PeriodQuarter,  // "Quarter of the first order"
};

const Localized& panel_text(PanelText text);

// The rows of the Pareto chart: the clients with a positive value, most profitable first, at
// most `limit` of them, with the cumulative share of the total positive value they reach.
struct ParetoPoint {
    std::size_t row; // the client's row in the table
    double value;
    double cumulative_share; // 0..1
};
std::vector<ParetoPoint> pareto_points(const ClientTable& table, const BatchResult& result,
                                       std::size_t limit);

} // namespace triage
