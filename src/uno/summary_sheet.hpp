// The summary sheet of a segmentation run: clients, revenue and profit per tier and per
// verdict, a Pareto chart and a verdict chart. Replaced on each run.
#pragma once

#include "core/batch.hpp"
#include "core/lang.hpp"
#include "core/tier_movement.hpp"
#include "uno/args.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>

#include <string>
#include <vector>

namespace triage::uno {

// At most this many clients are drawn in the Pareto chart (the most profitable ones).
constexpr std::size_t kParetoClients = 50;

// `client_names` are the cells of the table's client column as read, one per client row
// (empty when the table has no client column). `note` (e.g. the lines a transaction table
// skipped) goes under the title. The sheet is the product's (product_sheets.hpp): a sheet of
// the user's with its name is never replaced. With a `movement` (a transaction table), the A and
// B clients that moved down in the last `months` months come first, with their next step.
void write_summary_sheet(const css::uno::Reference<css::frame::XModel>& model,
                         const css::uno::Reference<css::sheet::XSpreadsheet>& data_sheet,
                         const std::vector<css::uno::Any>& client_names, const ClientTable& table,
                         const BatchResult& result, Lang lang, const std::string& note = {},
                         const TierMovements* movement = nullptr, int months = 12);

} // namespace triage::uno
