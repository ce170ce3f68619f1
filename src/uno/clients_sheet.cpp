#include "uno/clients_sheet.hpp"

#include "uno/args.hpp"
#include "uno/number_format.hpp"
#include "uno/product_sheets.hpp"
#include "uno/result_columns.hpp"
#include "uno/result_styles.hpp"
#include "uno/sheet_io.hpp"
#include "uno/uno_names.hpp"

#include "core/rfm.hpp"
#include "core/segmentation.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/i18n/NumberFormatIndex.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XDatabaseRange.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XUnnamedDatabaseRanges.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/util/NumberFormat.hpp>

#include <algorithm>
#include <cmath>

namespace triage::uno {

namespace {

// The header row freezes and gets an AutoFilter; the sheet is shown. Best effort: a document
// without a view (or an office that refuses) keeps the sheet as it is.
void present(const Reference<css::frame::XModel>& model,
             const Reference<css::sheet::XSpreadsheet>& sheet, const CellRangeAddress& area) {
    try {
        const Reference<css::beans::XPropertySet> doc(model, UNO_QUERY_THROW);
        Reference<css::sheet::XUnnamedDatabaseRanges> ranges;
        doc->getPropertyValue("UnnamedDatabaseRanges") >>= ranges;
        if (ranges.is()) {
            ranges->setByTable(area);
            const Reference<css::beans::XPropertySet> range(ranges->getByTable(area.Sheet),
                                                            UNO_QUERY_THROW);
            range->setPropertyValue("AutoFilter", Any(true));
        }
    } catch (const css::uno::Exception&) {
    }
    try {
        const Reference<css::frame::XController> controller = model->getCurrentController();
        const Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY);
        const Reference<css::sheet::XViewFreezable> freeze(controller, UNO_QUERY);
        if (view.is() && freeze.is()) {
            view->setActiveSheet(sheet);
            freeze->freezeAtPosition(0, 1);
        }
    } catch (const css::uno::Exception&) {
    }
}

} // namespace

Reference<css::sheet::XSpreadsheet> write_clients_sheet(const Reference<css::frame::XModel>& model,
                                                        const ClientsFromOrders& clients,
                                                        const BuyingForecast& forecast,
                                                        const TierMovements* movement,
                                                        const BatchResult& result, Lang lang,
                                                        double date_shift, NewStyles& new_styles) {
    const std::vector<ClientsSheetColumn> columns = clients_sheet_columns(clients);
    const sal_Int32 first_result = static_cast<sal_Int32>(columns.size());
    const sal_Int32 first_model =
        first_result + static_cast<sal_Int32>(kOutputColumnCount) + (clients.has_rfm ? 2 : 0);
    // The models' columns: P(alive), expected orders and CLV (empty without a spend model).
    std::vector<ModelColumn> model_columns;
    if (forecast.fitted) {
        model_columns = {ModelColumn::PAlive, ModelColumn::ExpectedOrders, ModelColumn::Clv};
    }
    const sal_Int32 first_movement = first_model + static_cast<sal_Int32>(model_columns.size());
    const sal_Int32 width = first_movement + (movement ? 2 : 0);
    const sal_Int32 rows = static_cast<sal_Int32>(clients.clients()) + 1;

    Sequence<Sequence<Any>> data(rows);
    Sequence<Any>* out = data.getArray();
    out[0].realloc(width);
    Any* header = out[0].getArray();
    for (sal_Int32 c = 0; c < first_result; ++c) {
        header[c] <<= to_ou(field_name(columns[static_cast<std::size_t>(c)].field).in(lang));
    }
    for (std::size_t k = 0; k < kOutputColumnCount; ++k) {
        header[first_result + static_cast<sal_Int32>(k)] <<=
            to_ou(output_header(static_cast<OutputColumn>(k)).in(lang));
    }
    if (clients.has_rfm) {
        header[first_model - 2] <<= to_ou(rfm_score_header().in(lang));
        header[first_model - 1] <<= to_ou(rfm_segment_header().in(lang));
    }
    if (movement) {
        header[first_movement] <<= to_ou(movement_label(MovementText::PreviousTier, 0, lang));
        header[first_movement + 1] <<= to_ou(movement_label(MovementText::Movement, 0, lang));
    }
    for (std::size_t k = 0; k < model_columns.size(); ++k) {
        header[first_model + static_cast<sal_Int32>(k)] <<=
            to_ou(model_header(model_columns[k]).in(lang));
    }
    for (sal_Int32 r = 1; r < rows; ++r) {
        const std::size_t row = static_cast<std::size_t>(r - 1);
        out[r].realloc(width);
        Any* cells = out[r].getArray();
        for (sal_Int32 c = 0; c < first_result; ++c) {
            const ClientsSheetColumn& column = columns[static_cast<std::size_t>(c)];
            if (column.field == Field::ClientId) {
                cells[c] <<= to_ou(clients.key[row]);
            } else if (column.field == Field::Client) {
                cells[c] <<= to_ou(clients.name[row]);
            } else {
                double value = clients_sheet_value(clients, column.field, row);
                if (std::isnan(value)) {
                    cells[c] <<= OUString();
                } else {
                    if (column.format == ClientsSheetFormat::Date) {
                        value -= date_shift;
                    }
                    cells[c] <<= value;
                }
            }
        }
        const Sequence<Any> results = output_row(result, row);
        for (sal_Int32 k = 0; k < results.getLength(); ++k) {
            cells[first_result + k] = results[k];
        }
        if (clients.has_rfm) {
            if (clients.rfm_score[row] > 0) {
                cells[first_model - 2] <<= static_cast<double>(clients.rfm_score[row]);
                cells[first_model - 1] <<=
                    to_ou(rfm_segment_name(clients.rfm_segment[row]).in(lang));
            } else {
                cells[first_model - 2] <<= OUString();
                cells[first_model - 1] <<= OUString();
            }
        }
        if (movement) {
            const auto& before = movement->before[row];
            cells[first_movement] <<=
                before ? OUString(static_cast<sal_Unicode>(tier_letter(*before))) : OUString();
            cells[first_movement + 1] <<= to_ou(movement_text(before, movement->now[row], lang));
        }
        for (std::size_t k = 0; k < model_columns.size(); ++k) {
            const double value = model_value(forecast, model_columns[k], row);
            Any& cell = cells[first_model + static_cast<sal_Int32>(k)];
            if (std::isnan(value)) {
                cell <<= OUString();
            } else {
                cell <<= value;
            }
        }
    }

    const Reference<css::sheet::XSpreadsheet> sheet =
        replace_product_sheet(model, ProductSheet::Clients, clients_sheet_name().in(lang));
    const sal_Int16 index = sheet_index(sheet);
    for (sal_Int32 c = 0; c < first_result && rows > 1; ++c) {
        const auto range = sheet->getCellRangeByPosition(c, 1, c, rows - 1);
        switch (columns[static_cast<std::size_t>(c)].format) {
        case ClientsSheetFormat::Date:
            set_standard_format(model, range, css::util::NumberFormat::DATE);
            break;
        case ClientsSheetFormat::Percent:
            set_standard_format(model, range, css::util::NumberFormat::PERCENT);
            break;
        case ClientsSheetFormat::Money:
            set_builtin_format(model, range, css::i18n::NumberFormatIndex::NUMBER_1000DEC2);
            break;
        case ClientsSheetFormat::Decimal:
            set_builtin_format(model, range, css::i18n::NumberFormatIndex::NUMBER_DEC2);
            break;
        case ClientsSheetFormat::Text:
        case ClientsSheetFormat::Number:
            break;
        }
    }
    set_result_text_formats(model, sheet, first_result, 1, rows - 1);
    if (!model_columns.empty() && rows > 1) {
        set_model_formats(model, sheet, first_model, 1, rows - 1);
    }
    Reference<css::sheet::XCellRangeData>(sheet->getCellRangeByPosition(0, 0, width - 1, rows - 1),
                                          UNO_QUERY_THROW)
        ->setDataArray(data);

    CellRangeAddress results;
    results.Sheet = index;
    results.StartColumn = first_result;
    results.EndColumn = first_result + static_cast<sal_Int32>(kOutputColumnCount) - 1;
    results.StartRow = 0;
    results.EndRow = rows - 1;
    apply_colours(model, sheet, results, lang, new_styles);
    set_readable_widths(sheet, 0, width, data, 0, 3); // the AutoFilter buttons

    CellRangeAddress all = results;
    all.StartColumn = 0;
    all.EndColumn = width - 1;
    present(model, sheet, all);
    return sheet;
}

} // namespace triage::uno
