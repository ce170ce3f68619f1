// The Clients sheet of a transaction table's run (docs/orders.md): one row per client, most
// valuable first, with the key, the name and the per-client columns under headers the product
// recognises, then Tier, Risk, Verdict, Why, Next step, RFM score and RFM segment. Coloured as
// the result columns of a client table; the header row frozen, an AutoFilter on it, columns
// wide enough to read. A product sheet (product_sheets.hpp), replaced on each run.
#pragma once

#include "uno/undo_step.hpp"

#include "core/batch.hpp"
#include "core/buying_forecast.hpp"
#include "core/lang.hpp"
#include "core/tier_movement.hpp"
#include "core/transactions.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>

namespace triage::uno {

// `date_shift`: the document's null date as a core day number (sheet_io.hpp). The buying
// models' columns (P(alive), expected orders, CLV) follow the results when `forecast` is fitted,
// then the previous tier and the movement when there is a `movement`.
css::uno::Reference<css::sheet::XSpreadsheet>
write_clients_sheet(const css::uno::Reference<css::frame::XModel>& model,
                    const ClientsFromOrders& clients, const BuyingForecast& forecast,
                    const TierMovements* movement, const BatchResult& result, Lang lang,
                    double date_shift, NewStyles& new_styles);

} // namespace triage::uno
