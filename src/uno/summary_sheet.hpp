// The summary sheet of a segmentation run: clients, revenue and profit per tier and per
// verdict, a Pareto chart and a verdict chart. Replaced on each run.
#pragma once

#include "core/batch.hpp"
#include "core/headers.hpp"
#include "core/lang.hpp"
#include "uno/args.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>

namespace triage::uno {

// At most this many clients are drawn in the Pareto chart (the most profitable ones).
constexpr std::size_t kParetoClients = 50;

// `rows` are the table's client rows as read (for the client names).
void write_summary_sheet(const css::uno::Reference<css::frame::XModel>& model,
                         const css::uno::Reference<css::sheet::XSpreadsheet>& data_sheet,
                         const Range& rows, const HeaderMapping& mapping, const ClientTable& table,
                         const BatchResult& result, Lang lang);

} // namespace triage::uno
