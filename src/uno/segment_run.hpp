// The one-click segmentation of a sheet table (SPEC section 7), shared by the dispatch
// command, the menu entry and the sidebar's button: find the table, recognise its columns,
// read it in one call, segment it with the core's batch, write the five result columns in
// one call, colour them through conditional formats and named styles, and replace the
// summary sheet. The whole run is one undo step; a run that fails half way is undone.
#pragma once

#include "core/headers.hpp"
#include "core/lang.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace triage::uno {

// Column choices the user made in the sidebar: for a field, a 0-based column of the table
// (or -1: no column), overriding what header recognition found.
using ColumnOverrides = std::array<std::optional<int>, kFieldCount>;

// "profit=2;days_late=-1" <-> overrides (unknown keys and malformed parts are ignored).
ColumnOverrides parse_column_overrides(const std::string& text);
std::string format_column_overrides(const ColumnOverrides& overrides);

// What the run will work on, as the sidebar shows it before a click.
struct TablePreview {
    bool found = false;
    std::string problem;              // why there is no usable table (a refusal message)
    std::string address;              // "$Sheet1.$A$1:$F$201"
    std::size_t client_rows = 0;      // data rows below the header row
    std::vector<std::string> headers; // of the input columns
    HeaderMapping mapping;            // recognised (before overrides)
    bool has_previous_output = false; // a previous run's columns are there (re-used)
};

TablePreview preview_table(const css::uno::Reference<css::frame::XModel>& model, Lang lang);

struct SegmentOutcome {
    bool done = false;
    std::string message; // the result line, or why nothing was changed
};

SegmentOutcome segment_table(const css::uno::Reference<css::uno::XComponentContext>& context,
                             const css::uno::Reference<css::frame::XModel>& model,
                             const ColumnOverrides& overrides, Lang lang,
                             const css::uno::Reference<css::task::XStatusIndicator>& progress);

} // namespace triage::uno
