// Finding the table a run works on (SPEC section 7 item 1): the selected range, or the data
// area around a single selected cell; its header row; a previous run's result columns.
#pragma once

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>

#include <string>
#include <vector>

namespace triage::uno {

struct FoundTable {
    css::uno::Reference<css::sheet::XSpreadsheet> sheet;
    css::table::CellRangeAddress input; // header row + client rows, without a previous run's output
    bool previous_output = false;       // the columns right of `input` are a previous run's ...
    std::size_t previous_columns = 0;   // ... 5, or 8 with the models' columns
    std::vector<std::string> headers;
};

// Throws Refused when there is no usable table.
FoundTable find_table(const css::uno::Reference<css::frame::XModel>& model);

} // namespace triage::uno
