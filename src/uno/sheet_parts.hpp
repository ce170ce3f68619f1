// Pieces the product's own sheets are made of (the summary, the cohorts): a block of rows
// written at once, and a chart over a range.
#pragma once

#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/uno/Sequence.hxx>

#include <vector>

namespace triage::uno {

// Writes `rows` (all of the first row's length) from column A of `first_row` in one call.
void write_block(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 first_row,
                 const std::vector<css::uno::Sequence<css::uno::Any>>& rows);

// A suffix that makes a chart's name unique per run: Calc keeps a listener for a chart of a
// replaced sheet (for undo) and crashes the office when a new chart of the same name starts
// listening (7.4).
rtl::OUString unique_chart_suffix();

// A chart named `name` at `place` over `data` (first row and column: headers), titled.
css::uno::Reference<css::chart::XChartDocument>
add_chart(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, const rtl::OUString& name,
          const css::awt::Rectangle& place, const css::table::CellRangeAddress& data,
          const rtl::OUString& title);

} // namespace triage::uno
