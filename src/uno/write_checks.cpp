#include "uno/write_checks.hpp"

#include "uno/uno_names.hpp"

#include "uno/refused.hpp"
#include "uno/sheet_io.hpp"

#include "core/segmentation.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/util/XProtectable.hpp>

namespace triage::uno {

namespace {

// The API adds and removes sheets even in a document whose structure is protected, so the
// run checks it itself: the summary sheet must not be forced into such a document.
constexpr Localized kStructureProtected = {
    "The document's sheet structure is protected, so the summary sheet cannot be added: remove "
    "the protection (Tools > Protect Spreadsheet Structure) and run again. Nothing was changed.",
    "Структура документа защищена, поэтому нельзя добавить лист сводки: снимите защиту "
    "структуры (меню «Сервис») и запустите снова. Ничего не изменено.",
    "Asiakirjan taulukkorakenne on suojattu, joten yhteenvetotaulukkoa ei voi lisätä: poista "
    "rakenteen suojaus (Työkalut-valikko) ja suorita uudelleen. Mitään ei muutettu."};

} // namespace

void check_writable(const Reference<css::frame::XModel>& model, const FoundTable& table) {
    const Reference<css::frame::XStorable> storable(model, UNO_QUERY);
    if (storable.is() && storable->isReadonly()) {
        throw Refused{Refusal::ReadOnly, {}};
    }
    const Reference<css::util::XProtectable> protectable(table.sheet, UNO_QUERY);
    if (protectable.is() && protectable->isProtected()) {
        throw Refused{Refusal::SheetProtected, {}};
    }
    const Reference<css::util::XProtectable> structure(model, UNO_QUERY);
    if (structure.is() && structure->isProtected()) {
        throw RefusedWith{kStructureProtected};
    }
}

CellRangeAddress output_area(const FoundTable& table, sal_Int32 width) {
    const Reference<css::table::XColumnRowRange> columns(table.sheet, UNO_QUERY_THROW);
    const sal_Int32 column_count = columns->getColumns()->getCount();
    const sal_Int32 first = table.input.EndColumn + 1;
    if (first + width > column_count) {
        throw Refused{Refusal::NoRoomForOutput, {}};
    }
    return block(table.input, first, width, table.input.StartRow, table.input.EndRow);
}

namespace {

// Throws Refused (TargetOccupied) naming the cells of `area` that hold anything (a constant, a
// formula, also one showing nothing): they are the user's.
void refuse_if_occupied(const Reference<css::sheet::XSpreadsheet>& sheet,
                        const CellRangeAddress& area) {
    // Nothing right of (or below) the used area: the common case, without reading the block.
    const CellRangeAddress used_end = end_of_used_area(sheet);
    if (used_end.EndColumn < area.StartColumn || used_end.EndRow < area.StartRow) {
        return;
    }
    const Reference<css::sheet::XCellRangeFormula> formulas(range_of(sheet, area), UNO_QUERY_THROW);
    const Sequence<Sequence<OUString>> content = formulas->getFormulaArray();
    sal_Int32 top = -1;
    sal_Int32 bottom = -1;
    sal_Int32 left = -1;
    sal_Int32 right = -1;
    for (sal_Int32 r = 0; r < content.getLength(); ++r) {
        for (sal_Int32 c = 0; c < content[r].getLength(); ++c) {
            if (!content[r][c].isEmpty()) {
                top = top < 0 ? r : top;
                bottom = r;
                left = left < 0 ? c : std::min(left, c);
                right = std::max(right, c);
            }
        }
    }
    if (top >= 0) {
        const CellRangeAddress taken = block(area, area.StartColumn + left, right - left + 1,
                                             area.StartRow + top, area.StartRow + bottom);
        const Reference<css::beans::XPropertySet> props(range_of(sheet, taken), UNO_QUERY_THROW);
        OUString address;
        props->getPropertyValue("AbsoluteName") >>= address; // "$Sheet1.$F$5"
        address = address.copy(address.lastIndexOf('.') + 1).replaceAll("$", "");
        throw Refused{Refusal::TargetOccupied, to_utf8(address)};
    }
}

} // namespace

// The output block must be empty, or a previous run's (its header row is ours).
bool check_output_area(const FoundTable& table, const CellRangeAddress& out) {
    const sal_Int32 width = out.EndColumn - out.StartColumn + 1;
    sal_Int32 previous = static_cast<sal_Int32>(table.previous_columns);
    if (!table.previous_output) {
        const Range header = read_block(
            table.sheet, block(out, out.StartColumn, static_cast<sal_Int32>(kOutputColumnCount),
                               out.StartRow, out.StartRow));
        previous = is_output_header_row(row_texts(header, 0))
                       ? static_cast<sal_Int32>(kOutputColumnCount)
                       : 0;
    }
    if (previous < width) { // the columns beyond a previous run's (or all) must be empty
        refuse_if_occupied(table.sheet, block(out, out.StartColumn + previous, width - previous,
                                              out.StartRow, out.EndRow));
    }
    return previous > 0;
}

} // namespace triage::uno
