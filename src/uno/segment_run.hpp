// The one-click segmentation of a sheet table (SPEC section 7, docs/orders.md), shared by the
// dispatch command, the menu entry and the sidebar's button. A client table gets the five
// result columns right of it; a transaction table (order lines, invoices) gets a Clients
// sheet. Both get the summary sheet; the whole run is one undo step, and a run that fails
// half way is undone.
#pragma once

#include "core/cohorts.hpp"
#include "core/column_choice.hpp"
#include "core/headers.hpp"
#include "core/lang.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <optional>
#include <string>
#include <vector>

namespace triage::uno {

// What the user chose besides the table itself (the command's arguments, the sidebar).
struct SegmentOptions {
    ColumnOverrides columns;             // "Columns"
    std::optional<TableKind> kind;       // "Kind": clients or transactions (default: detected)
    std::optional<double> analysis_date; // "AnalysisDate" (a core day number); default: the
                                         // rules' analysis_date, else the latest order date
                                         // of a transaction table, today for a client table
    std::string returns_sheet;           // "ReturnsSheet": a sheet listing returned order ids;
                                         // "" finds one by its name, "-" uses none
    std::optional<CohortPeriod> cohort_period; // "CohortPeriod": "month" or "quarter"; default:
                                               // the rules' cohorts.period
};

// What the run will work on, as the sidebar shows it before a click.
struct TablePreview {
    bool found = false;
    std::string problem;              // why there is no usable table (a refusal message)
    std::string address;              // "$Sheet1.$A$1:$F$201"
    std::size_t client_rows = 0;      // data rows below the header row
    std::vector<std::string> headers; // of the input columns
    TableKind kind = TableKind::Clients;
    bool kind_detected = true;        // the kind was detected (not chosen)
    HeaderMapping mapping;            // recognised for that kind (before overrides)
    bool has_previous_output = false; // a previous run's columns are there (re-used)
    // A list of transactions of at most kPreviewLines lines: what was found, as the run's
    // result line says it ("10194 order lines of 804 clients (key: ...)"); else empty.
    std::string description;
    std::vector<std::string> other_sheets;            // the document's sheets besides the table's
    CohortPeriod cohort_period = CohortPeriod::Month; // the rules' cohorts.period
};

constexpr std::size_t kPreviewLines = 100000;
// A larger table's kind is told from its first rows.
constexpr std::size_t kPreviewRepeatLines = 10000;

// The address of the table the run would work on ("$Sheet1.$A$1:$F$201"), "" when there is
// none: cheap (the header row only), for the sidebar to know whether the table changed.
std::string table_address(const css::uno::Reference<css::frame::XModel>& model);

// `kind`: the kind the user chose (default: detected).
TablePreview preview_table(const css::uno::Reference<css::frame::XModel>& model, Lang lang,
                           std::optional<TableKind> kind = std::nullopt);

struct SegmentOutcome {
    bool done = false;
    std::string message; // the result line, or why nothing was changed
};

SegmentOutcome segment_table(const css::uno::Reference<css::uno::XComponentContext>& context,
                             const css::uno::Reference<css::frame::XModel>& model,
                             const SegmentOptions& options, Lang lang,
                             const css::uno::Reference<css::task::XStatusIndicator>& progress);

} // namespace triage::uno
