#include "uno/table_finder.hpp"

#include "uno/uno_names.hpp"

#include "uno/product_sheets.hpp"
#include "uno/refused.hpp"
#include "uno/sheet_io.hpp"

#include "core/segmentation.hpp"

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

namespace triage::uno {

namespace {

// The selected range, or the data area around a single selected cell, clipped to the used
// area of the sheet.
CellRangeAddress selected_area(const Reference<css::frame::XModel>& model,
                               const Reference<css::sheet::XSpreadsheetDocument>& doc,
                               Reference<css::sheet::XSpreadsheet>& sheet) {
    const Reference<css::frame::XController> controller = model->getCurrentController();
    const Reference<css::view::XSelectionSupplier> supplier(controller, UNO_QUERY);
    if (!supplier.is()) {
        throw Refused{Refusal::NoTable, {}};
    }
    const Any selection = supplier->getSelection();
    CellRangeAddress area;
    const Reference<css::sheet::XSheetCellRanges> ranges(selection, UNO_QUERY);
    const Reference<css::sheet::XCellRangeAddressable> single(selection, UNO_QUERY);
    if (ranges.is() && !single.is()) {
        const Sequence<CellRangeAddress> all = ranges->getRangeAddresses();
        if (all.getLength() != 1) {
            throw Refused{all.getLength() == 0 ? Refusal::NoTable : Refusal::MultipleSelection, {}};
        }
        area = all[0];
    } else if (single.is()) {
        area = single->getRangeAddress();
    } else {
        throw Refused{Refusal::NoTable, {}};
    }
    const Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    sheet.set(sheets->getByIndex(area.Sheet), UNO_QUERY_THROW);

    const Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursorByRange(
        Reference<css::sheet::XSheetCellRange>(range_of(sheet, area), UNO_QUERY_THROW));
    if (area.StartColumn == area.EndColumn && area.StartRow == area.EndRow) {
        cursor->collapseToCurrentRegion();
        return Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)
            ->getRangeAddress();
    }
    const CellRangeAddress end = end_of_used_area(sheet);
    area.EndRow = std::min(area.EndRow, end.EndRow);
    area.EndColumn = std::min(area.EndColumn, end.EndColumn);
    if (area.EndRow < area.StartRow || area.EndColumn < area.StartColumn) {
        throw Refused{Refusal::NoTable, {}};
    }
    return area;
}

} // namespace

FoundTable find_table(const Reference<css::frame::XModel>& model) {
    const Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY);
    if (!doc.is()) {
        throw Refused{Refusal::NoDocument, {}};
    }
    FoundTable table;
    CellRangeAddress area = selected_area(model, doc, table.sheet);
    // The summary and the cohorts are the product's reports, not a table to segment (the
    // Clients sheet is: segmenting it again gives the same verdicts).
    if (is_product_sheet(table.sheet, ProductSheet::Summary) ||
        is_product_sheet(table.sheet, ProductSheet::Cohorts)) {
        throw Refused{Refusal::ProductSheet, {}};
    }

    const Range header_row =
        read_block(table.sheet, block(area, area.StartColumn, area.EndColumn - area.StartColumn + 1,
                                      area.StartRow, area.StartRow));
    std::vector<std::string> headers = row_texts(header_row, 0);
    if (all_empty(headers)) {
        throw Refused{area.StartRow == area.EndRow && area.StartColumn == area.EndColumn
                          ? Refusal::NoTable
                          : Refusal::MissingColumns,
                      {}};
    }
    // A previous run's columns inside the area (the data area around a cell includes them).
    const std::size_t previous = trailing_output_columns(headers);
    if (previous > 0) {
        area.EndColumn -= static_cast<sal_Int32>(previous);
        headers.resize(headers.size() - previous);
        table.previous_output = true;
        table.previous_columns = previous;
    }
    table.input = area;
    table.headers = std::move(headers);
    return table;
}

} // namespace triage::uno
