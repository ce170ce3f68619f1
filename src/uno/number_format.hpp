// Number formats of cell ranges.
#pragma once

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/table/XCellRange.hpp>

namespace triage::uno {

// The key of the document's standard format of a css::util::NumberFormat type in the default
// locale.
sal_Int32 standard_format(const css::uno::Reference<css::frame::XModel>& model, sal_Int16 type);

// Gives `range` the document's standard format of a css::util::NumberFormat type (PERCENT,
// TEXT, ...) in the default locale.
void set_standard_format(const css::uno::Reference<css::frame::XModel>& model,
                         const css::uno::Reference<css::table::XCellRange>& range, sal_Int16 type);

// Gives `range` one of the office's built-in formats (css::i18n::NumberFormatIndex, e.g.
// NUMBER_1000DEC2 "#,##0.00") in the default locale.
void set_builtin_format(const css::uno::Reference<css::frame::XModel>& model,
                        const css::uno::Reference<css::table::XCellRange>& range, sal_Int16 index);

} // namespace triage::uno
