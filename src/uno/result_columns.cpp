#include "uno/result_columns.hpp"

#include "uno/uno_names.hpp"

#include "uno/args.hpp"
#include "uno/number_format.hpp"
#include "uno/sheet_io.hpp"
#include "uno/undo_step.hpp"

#include "core/segmentation.hpp"

#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/i18n/NumberFormatIndex.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/util/NumberFormat.hpp>

#include <cmath>
#include <optional>
#include <utility>

namespace triage::uno {

Sequence<Any> output_row(const BatchResult& result, std::size_t row) {
    Sequence<Any> cells(kOutputColumnCount);
    Any* out = cells.getArray();
    const RowResult& r = result.rows[row];
    if (!r.ok()) {
        out[0] <<= OUString();
        out[1] <<= OUString();
        out[2] <<= OUString();
        out[3] <<= to_ou(result.error_text(row));
        out[4] <<= OUString();
        return cells;
    }
    out[0] <<= OUString(static_cast<sal_Unicode>(tier_letter(r.tier())));
    if (const auto risk = r.risk()) {
        out[1] <<= std::round(*risk * 10.0) / 10.0;
    } else {
        out[1] <<= OUString();
    }
    out[2] <<= OUString::fromUtf8(verdict_label(r.verdict(), result.lang));
    out[3] <<= to_ou(result.reasons_text(r));
    out[4] <<= to_ou(result.next_step_text(r));
    return cells;
}

void set_result_text_formats(const Reference<css::frame::XModel>& model,
                             const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 first,
                             sal_Int32 first_row, sal_Int32 last_row) {
    const sal_Int32 text_format = standard_format(model, css::util::NumberFormat::TEXT);
    for (const auto& [from, to] : {std::pair(OutputColumn::Tier, OutputColumn::Tier),
                                   std::pair(OutputColumn::Verdict, OutputColumn::NextStep)}) {
        set_text_format(model,
                        sheet->getCellRangeByPosition(first + static_cast<sal_Int32>(from),
                                                      first_row, first + static_cast<sal_Int32>(to),
                                                      last_row),
                        text_format);
    }
}

void set_model_formats(const Reference<css::frame::XModel>& model,
                       const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 first,
                       sal_Int32 first_row, sal_Int32 last_row) {
    set_standard_format(model, sheet->getCellRangeByPosition(first, first_row, first, last_row),
                        css::util::NumberFormat::PERCENT);
    set_builtin_format(
        model,
        sheet->getCellRangeByPosition(
            first + 1, first_row, first + static_cast<sal_Int32>(kModelColumnCount) - 1, last_row),
        css::i18n::NumberFormatIndex::NUMBER_1000DEC2);
}

void write_output(const Reference<css::frame::XModel>& model,
                  const Reference<css::sheet::XSpreadsheet>& sheet, const CellRangeAddress& out,
                  bool replaces_previous, const BatchResult& result, const BuyingForecast& forecast,
                  Lang lang, PhaseLog& phases) {
    const Reference<css::table::XCellRange> range = range_of(sheet, out);
    std::optional<Range> before;
    if (replaces_previous) {
        before = read_block(sheet, out); // a previous run's output
    }
    const sal_Int32 rows = out.EndRow - out.StartRow + 1;
    const sal_Int32 width = out.EndColumn - out.StartColumn + 1;
    const sal_Int32 first_model = static_cast<sal_Int32>(kOutputColumnCount);
    Range data(rows);
    Sequence<Any>* data_rows = data.getArray();
    data_rows[0].realloc(width);
    for (std::size_t c = 0; c < kOutputColumnCount; ++c) {
        data_rows[0].getArray()[c] <<=
            OUString::fromUtf8(output_header(static_cast<OutputColumn>(c)).in(lang));
    }
    for (sal_Int32 c = first_model; c < width; ++c) {
        data_rows[0].getArray()[c] <<=
            OUString::fromUtf8(model_header(static_cast<ModelColumn>(c - first_model)).in(lang));
    }
    for (sal_Int32 r = 1; r < rows; ++r) {
        data_rows[r] = output_row(result, static_cast<std::size_t>(r - 1));
        if (width > first_model) {
            data_rows[r].realloc(width);
            Any* cells = data_rows[r].getArray();
            for (sal_Int32 c = first_model; c < width; ++c) {
                const double value =
                    model_value(forecast, static_cast<ModelColumn>(c - first_model),
                                static_cast<std::size_t>(r - 1));
                if (std::isnan(value)) {
                    cells[c] <<= OUString();
                } else {
                    cells[c] <<= value;
                }
            }
        }
    }
    phases.mark("build");
    // The text columns get the Text number format first.
    set_result_text_formats(model, sheet, out.StartColumn, out.StartRow, out.EndRow);
    if (width > first_model && rows > 1) {
        set_model_formats(model, sheet, out.StartColumn + first_model, out.StartRow + 1,
                          out.EndRow);
    }
    phases.mark("format");
    Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->setDataArray(data);
    phases.mark("write");
    const Reference<css::document::XUndoManagerSupplier> undo(model, UNO_QUERY);
    if (undo.is()) {
        const Reference<css::document::XUndoManager> manager = undo->getUndoManager();
        manager->addUndoAction(new WriteUndo(
            manager,
            [range](const Any& contents) {
                if (contents.hasValue()) {
                    Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)
                        ->setDataArray(contents.get<Range>());
                } else { // the block was empty before the run
                    Reference<css::sheet::XSheetOperation>(range, UNO_QUERY_THROW)
                        ->clearContents(
                            css::sheet::CellFlags::VALUE | css::sheet::CellFlags::DATETIME |
                            css::sheet::CellFlags::STRING | css::sheet::CellFlags::FORMULA);
                }
            },
            before ? Any(std::move(*before)) : Any(), Any(data)));
    }
    phases.mark("undo");
    set_readable_widths(sheet, out.StartColumn, width, data, 0);
}

} // namespace triage::uno
