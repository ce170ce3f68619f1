// The sheets the product writes (the summary, the Clients sheet) are recognised by a mark the
// product sets on them, not by their name: a sheet-local named range "ClientTriage_<role>". The
// mark travels with the sheet when the user renames it and is saved in the document. A sheet
// without the mark is the user's: it is never deleted or overwritten; a new product sheet
// whose name it holds takes another name ("Clients (2)").
#pragma once

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>

#include <string>

namespace triage::uno {

enum class ProductSheet { Summary, Clients, Cohorts };

// The sheet of the document that carries the mark of `role`, or null.
css::uno::Reference<css::sheet::XSpreadsheet>
find_product_sheet(const css::uno::Reference<css::frame::XModel>& model, ProductSheet role);

// Whether `sheet` carries the mark of `role`.
bool is_product_sheet(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                      ProductSheet role);

// Replaces the product's sheet of `role`: removes the marked one (whatever its name now),
// inserts a new sheet at the end named `name` (or "name (2)", "name (3)", ... when a sheet of
// the user holds the name; Calc compares sheet names without case), and marks it.
css::uno::Reference<css::sheet::XSpreadsheet>
replace_product_sheet(const css::uno::Reference<css::frame::XModel>& model, ProductSheet role,
                      const std::string& name);

// The sheet's index in the document.
sal_Int16 sheet_index(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);

} // namespace triage::uno
