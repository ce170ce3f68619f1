#include "uno/cohort_sheet.hpp"

#include "uno/args.hpp"
#include "uno/colour_scale.hpp"
#include "uno/number_format.hpp"
#include "uno/product_sheets.hpp"
#include "uno/sheet_io.hpp"
#include "uno/sheet_parts.hpp"
#include "uno/uno_names.hpp"

#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart/XDiagram.hpp>
#include <com/sun/star/i18n/NumberFormatIndex.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/util/NumberFormat.hpp>

#include <vector>

namespace triage::uno {

namespace {

// A row of `width` empty cells.
Sequence<Any> cells(std::size_t width) {
    Sequence<Any> row(static_cast<sal_Int32>(width));
    for (sal_Int32 i = 0; i < row.getLength(); ++i) {
        row.getArray()[i] <<= OUString();
    }
    return row;
}

} // namespace

Reference<css::sheet::XSpreadsheet>
write_cohort_sheet(const Reference<css::uno::XComponentContext>& context,
                   const Reference<css::frame::XModel>& model, const CohortTable& table,
                   const TierMovements& movement, int months, Lang lang, PhaseLog& phases) {
    const CohortPeriod period = table.period;
    const auto text = [&](CohortText t) { return Any(to_ou(cohort_text(t, period, lang))); };
    const std::size_t periods = table.periods();
    const std::size_t width = std::max<std::size_t>(2 + periods, 1 + kMovementSize);
    const std::size_t n = table.cohorts.size();

    // Retention (rows 3 .. 3 + n, then the average), revenue below it, the curve below that.
    std::vector<Sequence<Any>> rows;
    const auto title_row = [&](CohortText t, const std::string& after) {
        Sequence<Any> row = cells(width);
        const std::string title = cohort_text(t, period, lang);
        row.getArray()[0] <<= to_ou(after.empty() ? title : title + ". " + after);
        rows.push_back(row);
    };
    const auto header_row = [&] {
        Sequence<Any> row = cells(width);
        row.getArray()[0] = text(CohortText::Cohort);
        row.getArray()[1] = text(CohortText::Clients);
        for (std::size_t k = 0; k < periods; ++k) {
            row.getArray()[2 + k] <<= to_ou(offset_label(k, period));
        }
        rows.push_back(row);
    };
    const auto cohort_rows = [&](bool revenue) {
        for (std::size_t c = 0; c < n; ++c) {
            Sequence<Any> row = cells(width);
            row.getArray()[0] <<= to_ou(period_label(table.cohorts[c], period));
            row.getArray()[1] <<= static_cast<double>(table.sizes[c]);
            for (std::size_t k = 0; k < table.active[c].size(); ++k) {
                row.getArray()[2 + k] <<= revenue ? table.revenue[c][k] : table.retention(c, k);
            }
            rows.push_back(row);
        }
    };
    // The retention title also says whom the table leaves out, if anybody.
    const std::string note = cohort_note(table, lang);
    title_row(CohortText::RetentionTitle, note);
    header_row();
    const sal_Int32 retention_first = static_cast<sal_Int32>(rows.size());
    cohort_rows(false);
    const std::vector<double> average = table.average_retention();
    {
        Sequence<Any> row = cells(width);
        row.getArray()[0] = text(CohortText::Average);
        double clients = 0;
        for (std::size_t s : table.sizes) {
            clients += static_cast<double>(s);
        }
        row.getArray()[1] <<= clients;
        for (std::size_t k = 0; k < periods; ++k) {
            row.getArray()[2 + k] <<= average[k];
        }
        rows.push_back(row);
    }
    const sal_Int32 retention_last = static_cast<sal_Int32>(rows.size()) - 1;
    rows.push_back(cells(width));
    title_row(CohortText::RevenueTitle, {});
    header_row();
    const sal_Int32 revenue_first = static_cast<sal_Int32>(rows.size());
    cohort_rows(true);
    const sal_Int32 revenue_last = static_cast<sal_Int32>(rows.size()) - 1;
    rows.push_back(cells(width));
    // The curve as two columns for the chart.
    {
        Sequence<Any> row = cells(width);
        row.getArray()[0] = text(CohortText::Since);
        row.getArray()[1] = text(CohortText::AverageRetention);
        rows.push_back(row);
    }
    const sal_Int32 curve_first = static_cast<sal_Int32>(rows.size());
    for (std::size_t k = 0; k < periods; ++k) {
        Sequence<Any> row = cells(width);
        row.getArray()[0] <<= to_ou(offset_label(k, period));
        row.getArray()[1] <<= average[k];
        rows.push_back(row);
    }
    const sal_Int32 curve_last = static_cast<sal_Int32>(rows.size()) - 1;

    // The movement matrix: clients, then their profit (before for the lost, now otherwise).
    const auto label = [&](MovementText t) { return Any(to_ou(movement_label(t, months, lang))); };
    rows.push_back(cells(width));
    {
        Sequence<Any> row = cells(width);
        row.getArray()[0] = label(MovementText::Title);
        rows.push_back(row);
    }
    const sal_Int32 matrix_first = static_cast<sal_Int32>(rows.size());
    for (const MovementText what : {MovementText::Clients, MovementText::Profit}) {
        Sequence<Any> head = cells(width);
        head.getArray()[0] <<= to_ou(movement_label(what, months, lang) + ": " +
                                     movement_label(MovementText::Corner, months, lang));
        for (std::size_t c = 0; c < kMovementSize; ++c) {
            head.getArray()[1 + c] = c < 4 ? Any(OUString(static_cast<sal_Unicode>('A' + c)))
                                           : label(MovementText::Lost);
        }
        rows.push_back(head);
        for (std::size_t r = 0; r < kMovementSize; ++r) {
            Sequence<Any> row = cells(width);
            row.getArray()[0] =
                r < 4 ? Any(OUString(static_cast<sal_Unicode>('A' + r))) : label(MovementText::New);
            for (std::size_t c = 0; c < kMovementSize; ++c) {
                if (r == 4 && c == 4) {
                    continue; // new and lost at once: nobody
                }
                if (what == MovementText::Clients) {
                    row.getArray()[1 + c] <<= static_cast<double>(movement.matrix.clients[r][c]);
                } else {
                    row.getArray()[1 + c] <<= movement.matrix.value[r][c];
                }
            }
            rows.push_back(row);
        }
    }
    const sal_Int32 matrix_last = static_cast<sal_Int32>(rows.size()) - 1;

    phases.mark("cohort_table");
    const Reference<css::sheet::XSpreadsheet> sheet = replace_product_sheet(
        model, ProductSheet::Cohorts, cohort_text(CohortText::SheetName, period, lang));
    const sal_Int32 last_column = static_cast<sal_Int32>(width) - 1;
    if (periods > 0 && n > 0) {
        // Red to green: retention from M1 (M0 is always 100%), revenue from M0.
        const sal_Int32 retention_last_cohort = retention_first + static_cast<sal_Int32>(n) - 1;
        std::vector<CellRangeAddress> scales;
        if (periods > 1) {
            scales.push_back({0, 3, retention_first, last_column, retention_last_cohort});
        }
        scales.push_back({0, 2, revenue_first, last_column, revenue_last});
        add_colour_scales(context, model, ProductSheet::Cohorts, scales);
    }
    phases.mark("scales");
    if (periods > 0) {
        set_standard_format(
            model, sheet->getCellRangeByPosition(2, retention_first, last_column, retention_last),
            css::util::NumberFormat::PERCENT);
        set_builtin_format(
            model, sheet->getCellRangeByPosition(2, revenue_first, last_column, revenue_last),
            css::i18n::NumberFormatIndex::NUMBER_1000INT);
        set_standard_format(model, sheet->getCellRangeByPosition(1, curve_first, 1, curve_last),
                            css::util::NumberFormat::PERCENT);
    }
    set_builtin_format(
        model, sheet->getCellRangeByPosition(1, matrix_first, 1 + kMovementSize, matrix_last),
        css::i18n::NumberFormatIndex::NUMBER_1000INT);
    write_block(sheet, 0, rows);
    // Columns as wide as the cohort labels, the headers and the matrix's corners ("Clients:
    // Before / now"; not the titles, which may run over).
    Sequence<Sequence<Any>> labels(static_cast<sal_Int32>(n + 3));
    labels.getArray()[0] = rows[1];
    for (std::size_t c = 0; c < n; ++c) {
        labels.getArray()[c + 1] = rows[static_cast<std::size_t>(retention_first) + c];
    }
    labels.getArray()[n + 1] = rows[static_cast<std::size_t>(matrix_first)];
    labels.getArray()[n + 2] = rows[static_cast<std::size_t>(matrix_first) + 1 + kMovementSize];
    set_readable_widths(sheet, 0, 2, labels, 0);
    if (periods > 0 && n > 0) {
        const sal_Int16 index = sheet_index(sheet);
        // Right of the curve's two columns (and a gap), from the top of its header row.
        const Reference<css::beans::XPropertySet> corner(
            sheet->getCellByPosition(3, curve_first - 1), UNO_QUERY_THROW);
        css::awt::Point at;
        corner->getPropertyValue("Position") >>= at;
        const css::awt::Rectangle place{at.X, at.Y, 16000, 9000};
        const auto chart = add_chart(sheet, "ClientTriageRetention_" + unique_chart_suffix(), place,
                                     {index, 0, curve_first - 1, 1, curve_last},
                                     to_ou(cohort_text(CohortText::ChartTitle, period, lang)));
        const Reference<css::lang::XMultiServiceFactory> factory(chart, UNO_QUERY_THROW);
        chart->setDiagram(Reference<css::chart::XDiagram>(
            factory->createInstance("com.sun.star.chart.LineDiagram"), UNO_QUERY_THROW));
    }
    phases.mark("cohorts");
    return sheet;
}

} // namespace triage::uno
