// The five result columns right of a client table (SPEC section 7 item 3): Tier, Risk,
// Verdict, Why and Next step, written in one call, their text columns in the Text format,
// recorded for undo by the run's own action.
#pragma once

#include "uno/run_instruments.hpp"

#include "core/batch.hpp"
#include "core/buying_forecast.hpp"
#include "core/lang.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>

namespace triage::uno {

// The five cells of one client's result (an error row: its message in Why).
css::uno::Sequence<css::uno::Any> output_row(const BatchResult& result, std::size_t row);

// P(alive) as a percentage, expected orders and CLV with two decimals, in the models' columns
// from column `first`.
void set_model_formats(const css::uno::Reference<css::frame::XModel>& model,
                       const css::uno::Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 first,
                       sal_Int32 first_row, sal_Int32 last_row);

// Writes the header row and one row per client into `out`; `replaces_previous`: the block
// holds a previous run's columns (restored on undo). A block wider than the output columns
// gets the models' columns from `forecast` too (empty cells where it has no value).
void write_output(const css::uno::Reference<css::frame::XModel>& model,
                  const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                  const css::table::CellRangeAddress& out, bool replaces_previous,
                  const BatchResult& result, const BuyingForecast& forecast, Lang lang,
                  PhaseLog& phases);

// Gives the text columns of a block laid out as the five result columns (from `first`) the
// Text format: Calc then stores each string as it is instead of testing whether it reads as
// a number (a fifth of a large write's time).
void set_result_text_formats(const css::uno::Reference<css::frame::XModel>& model,
                             const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                             sal_Int32 first, sal_Int32 first_row, sal_Int32 last_row);

} // namespace triage::uno
