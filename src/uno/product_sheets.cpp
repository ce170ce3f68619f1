#include "uno/product_sheets.hpp"

#include "uno/args.hpp"
#include "uno/uno_names.hpp"

#include "core/headers.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XNamedRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/CellAddress.hpp>

#include <vector>

namespace triage::uno {

namespace {

OUString mark_name(ProductSheet role) {
    switch (role) {
    case ProductSheet::Summary:
        return "ClientTriage_Summary";
    case ProductSheet::Clients:
        return "ClientTriage_Clients";
    case ProductSheet::Cohorts:
        return "ClientTriage_Cohorts";
    }
    return {};
}

// The sheet-local names of a sheet (null when the office has none).
Reference<css::sheet::XNamedRanges> local_names(const Reference<css::sheet::XSpreadsheet>& sheet) {
    const Reference<css::beans::XPropertySet> props(sheet, UNO_QUERY);
    Reference<css::sheet::XNamedRanges> names;
    if (props.is()) {
        props->getPropertyValue("NamedRanges") >>= names;
    }
    return names;
}

std::vector<Reference<css::sheet::XSpreadsheet>>
all_sheets(const Reference<css::frame::XModel>& model) {
    const Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY_THROW);
    const Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    std::vector<Reference<css::sheet::XSpreadsheet>> out;
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        out.emplace_back(sheets->getByIndex(i), UNO_QUERY_THROW);
    }
    return out;
}

// Whether a sheet name is taken, compared as Calc does without case (and, to be safe, without
// spaces and punctuation: a name that only differs in those is never used).
bool name_taken(const Reference<css::sheet::XSpreadsheets>& sheets, const OUString& name) {
    const std::string wanted = normalize_header(to_utf8(name));
    for (const OUString& existing : sheets->getElementNames()) {
        if (existing == name || normalize_header(to_utf8(existing)) == wanted) {
            return true;
        }
    }
    return false;
}

} // namespace

bool is_product_sheet(const Reference<css::sheet::XSpreadsheet>& sheet, ProductSheet role) {
    const Reference<css::sheet::XNamedRanges> names = local_names(sheet);
    return names.is() && names->hasByName(mark_name(role));
}

Reference<css::sheet::XSpreadsheet> find_product_sheet(const Reference<css::frame::XModel>& model,
                                                       ProductSheet role) {
    for (const auto& sheet : all_sheets(model)) {
        if (is_product_sheet(sheet, role)) {
            return sheet;
        }
    }
    return {};
}

Reference<css::sheet::XSpreadsheet>
replace_product_sheet(const Reference<css::frame::XModel>& model, ProductSheet role,
                      const std::string& name) {
    const Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY_THROW);
    const Reference<css::sheet::XSpreadsheets> sheets = doc->getSheets();
    if (const auto old = find_product_sheet(model, role); old.is()) {
        sheets->removeByName(Reference<css::container::XNamed>(old, UNO_QUERY_THROW)->getName());
    }
    const OUString base = to_ou(name);
    OUString chosen = base;
    for (int n = 2; name_taken(sheets, chosen); ++n) {
        chosen = base + " (" + OUString::number(n) + ")";
    }
    const sal_Int16 at = static_cast<sal_Int16>(sheets->getElementNames().getLength());
    sheets->insertNewByName(chosen, at);
    const Reference<css::sheet::XSpreadsheet> sheet(sheets->getByName(chosen), UNO_QUERY_THROW);
    const Reference<css::sheet::XNamedRanges> names = local_names(sheet);
    if (names.is()) {
        css::table::CellAddress origin;
        origin.Sheet = at;
        names->addNewByName(mark_name(role), "1", origin, 0);
    }
    return sheet;
}

sal_Int16 sheet_index(const Reference<css::sheet::XSpreadsheet>& sheet) {
    return Reference<css::sheet::XCellRangeAddressable>(sheet, UNO_QUERY_THROW)
        ->getRangeAddress()
        .Sheet;
}

} // namespace triage::uno
