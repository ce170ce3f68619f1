// The colours of the results (SPEC section 7 item 4): tier and verdict cells are coloured
// through conditional formats that use named cell styles, so colours follow the values, the
// user may restyle them, and they survive saving as ODS and XLSX.
#pragma once

#include "uno/undo_step.hpp"

#include "core/lang.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>

namespace triage::uno {

// Colours the Tier and Verdict columns of `out` (the five result columns in OutputColumn order,
// their header in its first row), adding the named styles the document does not have yet.
void apply_colours(const css::uno::Reference<css::frame::XModel>& model,
                   const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                   const css::table::CellRangeAddress& out, Lang lang, NewStyles& new_styles);

} // namespace triage::uno
