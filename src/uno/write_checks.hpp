// What a run checks before it writes: the document and the sheet may be changed, the result
// columns have room, and the cells they go to are empty or a previous run's.
#pragma once

#include "uno/table_finder.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>

namespace triage::uno {

// Throws Refused (read-only, sheet protected) or RefusedWith (structure protected: a run adds
// sheets).
void check_writable(const css::uno::Reference<css::frame::XModel>& model, const FoundTable& table);

// The `width` result columns right of the table (throws Refused when the sheet has no room).
css::table::CellRangeAddress output_area(const FoundTable& table, sal_Int32 width);

// True when the output block holds a previous run's columns (the columns beyond them, when the
// block is wider, must be empty); false when it is empty; throws Refused (TargetOccupied) when
// a cell there holds the user's data.
bool check_output_area(const FoundTable& table, const css::table::CellRangeAddress& out);

} // namespace triage::uno
