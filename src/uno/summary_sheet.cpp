#include "uno/summary_sheet.hpp"

#include "uno/number_format.hpp"
#include "uno/product_sheets.hpp"
#include "uno/sheet_parts.hpp"
#include "uno/uno_names.hpp"

#include "core/segmentation.hpp"
#include "core/text.hpp"

#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart/ChartAxisAssign.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/chart/XDiagram.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/util/NumberFormat.hpp>

#include <atomic>
#include <ctime>
#include <string>
#include <vector>

namespace triage::uno {

namespace {

OUString text(SummaryText t, Lang lang) {
    return OUString::fromUtf8(summary_text(t).in(lang));
}

Sequence<Any> row(std::initializer_list<Any> cells) {
    Sequence<Any> r(static_cast<sal_Int32>(cells.size()));
    sal_Int32 i = 0;
    for (const Any& c : cells) {
        r.getArray()[i++] = c;
    }
    return r;
}

Any number_or_empty(bool meaningful, double value) {
    return meaningful ? Any(value) : Any(OUString());
}

Sequence<Any> totals_row(const Any& label, const GroupTotals& totals, const BatchSummary& summary) {
    return row({label, Any(static_cast<double>(totals.clients)),
                number_or_empty(summary.has_revenue, totals.revenue),
                number_or_empty(summary.has_profit, totals.profit)});
}

std::string client_name(const std::vector<Any>& names, std::size_t row) {
    if (row >= names.size()) {
        return {};
    }
    const Any& cell = names[row];
    OUString name;
    if (cell >>= name) {
        return to_utf8(name);
    }
    double number = 0;
    if (cell >>= number) {
        return std::to_string(static_cast<long long>(number));
    }
    return {};
}

// Profit as bars, the cumulative share as a line on its own axis.
void make_pareto(const Reference<css::chart::XChartDocument>& chart) {
    const Reference<css::lang::XMultiServiceFactory> factory(chart, UNO_QUERY_THROW);
    const Reference<css::chart::XDiagram> diagram(
        factory->createInstance("com.sun.star.chart.BarDiagram"), UNO_QUERY_THROW);
    chart->setDiagram(diagram);
    const Reference<css::beans::XPropertySet> props(diagram, UNO_QUERY_THROW);
    props->setPropertyValue("NumberOfLines", Any(sal_Int32(1)));
    props->setPropertyValue("HasSecondaryYAxis", Any(true));
    diagram->getDataRowProperties(1)->setPropertyValue(
        "Axis", Any(sal_Int32(css::chart::ChartAxisAssign::SECONDARY_Y)));
}

} // namespace

void write_summary_sheet(const Reference<css::frame::XModel>& model,
                         const Reference<css::sheet::XSpreadsheet>& data_sheet,
                         const std::vector<Any>& client_names, const ClientTable& table,
                         const BatchResult& result, Lang lang, const std::string& note,
                         const TierMovements* movement, int months) {
    const Reference<css::sheet::XSpreadsheet> previous =
        find_product_sheet(model, ProductSheet::Summary);
    if (previous.is() && sheet_index(previous) == sheet_index(data_sheet)) {
        return; // the table is on the summary sheet itself: never replace it
    }
    const Reference<css::sheet::XSpreadsheet> sheet = replace_product_sheet(
        model, ProductSheet::Summary, summary_text(SummaryText::SheetName).in(lang));
    const BatchSummary& summary = result.summary;

    write_block(sheet, 0, {row({Any(text(SummaryText::Title, lang))})});
    if (!note.empty()) {
        write_block(sheet, 1, {row({Any(to_ou(note))})});
    }

    // First, with a transaction table: the good clients slipping, and what to do with them.
    sal_Int32 first = 2;
    if (movement) {
        const std::vector<std::size_t> slipping = slipping_clients(*movement);
        std::vector<Sequence<Any>> list;
        const auto label = [&](MovementText t) { return to_ou(movement_label(t, months, lang)); };
        list.push_back(
            row({Any(label(slipping.empty() ? MovementText::NoneSlipping : MovementText::Slipping)),
                 Any(OUString()), Any(OUString()), Any(OUString())}));
        if (!slipping.empty()) {
            list.push_back(
                row({Any(text(SummaryText::Client, lang)), Any(label(MovementText::Movement)),
                     Any(text(SummaryText::VerdictHeader, lang)),
                     Any(to_ou(output_header(OutputColumn::NextStep).in(lang)))}));
        }
        for (std::size_t k = 0; k < slipping.size() && k < kParetoClients; ++k) {
            const std::size_t i = slipping[k];
            const RowResult& r = result.rows[i];
            list.push_back(row(
                {Any(to_ou(client_name(client_names, i))),
                 Any(to_ou(movement_text(movement->before[i], movement->now[i], lang))),
                 Any(r.ok() ? OUString::fromUtf8(verdict_label(r.verdict(), lang)) : OUString()),
                 Any(r.ok() ? to_ou(result.next_step_text(r)) : OUString())}));
        }
        if (slipping.size() > kParetoClients) {
            list.push_back(row(
                {Any(to_ou(fill_placeholders(movement_label(MovementText::More, months, lang),
                                             {std::to_string(slipping.size() - kParetoClients)}))),
                 Any(OUString()), Any(OUString()), Any(OUString())}));
        }
        write_block(sheet, first, list);
        first += static_cast<sal_Int32>(list.size()) + 1;
    }

    // Per tier.
    const sal_Int32 kTierRow = first;
    std::vector<Sequence<Any>> tiers = {
        row({Any(text(SummaryText::TierHeader, lang)), Any(text(SummaryText::Clients, lang)),
             Any(text(SummaryText::Revenue, lang)), Any(text(SummaryText::Profit, lang))})};
    GroupTotals total;
    for (Tier t : {Tier::A, Tier::B, Tier::C, Tier::D}) {
        const GroupTotals& g = summary.of(t);
        tiers.push_back(
            totals_row(Any(OUString(static_cast<sal_Unicode>(tier_letter(t)))), g, summary));
        total.clients += g.clients;
        total.revenue += g.revenue;
        total.profit += g.profit;
    }
    tiers.push_back(totals_row(Any(text(SummaryText::Total, lang)), total, summary));
    write_block(sheet, kTierRow, tiers);

    // Per verdict.
    const sal_Int32 kVerdictRow = kTierRow + 7;
    std::vector<Sequence<Any>> verdicts = {
        row({Any(text(SummaryText::VerdictHeader, lang)), Any(text(SummaryText::Clients, lang)),
             Any(text(SummaryText::Revenue, lang)), Any(text(SummaryText::Profit, lang))})};
    for (Verdict v : kAllVerdicts) {
        verdicts.push_back(
            totals_row(Any(OUString::fromUtf8(verdict_label(v, lang))), summary.of(v), summary));
    }
    verdicts.push_back(totals_row(Any(text(SummaryText::Total, lang)), total, summary));
    write_block(sheet, kVerdictRow, verdicts);

    // The Pareto table: the most profitable clients and the cumulative share they reach.
    const sal_Int32 kParetoRow = kVerdictRow + 9;
    const std::vector<ParetoPoint> points = pareto_points(table, result, kParetoClients);
    const std::string pareto_note =
        fill_placeholders(summary_text(SummaryText::ParetoNote).in(lang),
                          {std::to_string(points.size()), std::to_string(summary.segmented)});
    std::vector<Sequence<Any>> pareto = {
        row({Any(text(SummaryText::Client, lang)),
             Any(text(table.value_kind == ValueKind::Profit ? SummaryText::Profit
                                                            : SummaryText::Revenue,
                      lang)),
             Any(text(SummaryText::CumulativeShare, lang))})};
    for (const ParetoPoint& p : points) {
        pareto.push_back(row(
            {Any(to_ou(client_name(client_names, p.row))), Any(p.value), Any(p.cumulative_share)}));
    }
    write_block(sheet, kParetoRow - 1, {row({Any(to_ou(pareto_note))})});
    write_block(sheet, kParetoRow, pareto);
    if (!points.empty()) {
        set_standard_format(
            model,
            sheet->getCellRangeByPosition(2, kParetoRow + 1, 2,
                                          kParetoRow + static_cast<sal_Int32>(points.size())),
            css::util::NumberFormat::PERCENT);
    }

    // Charts to the right of the tables.
    const sal_Int16 index = sheet_index(sheet);
    css::table::CellRangeAddress verdict_range;
    verdict_range.Sheet = index;
    verdict_range.StartColumn = 0;
    verdict_range.EndColumn = 1;
    verdict_range.StartRow = kVerdictRow;
    verdict_range.EndRow = kVerdictRow + static_cast<sal_Int32>(kVerdictCount);
    const OUString suffix = unique_chart_suffix();
    add_chart(sheet, "ClientTriageVerdicts_" + suffix, css::awt::Rectangle(11000, 500, 14000, 8000),
              verdict_range, text(SummaryText::VerdictTitle, lang));
    if (!points.empty()) {
        css::table::CellRangeAddress pareto_range = verdict_range;
        pareto_range.EndColumn = 2;
        pareto_range.StartRow = kParetoRow;
        pareto_range.EndRow = kParetoRow + static_cast<sal_Int32>(points.size());
        make_pareto(add_chart(sheet, "ClientTriagePareto_" + suffix,
                              css::awt::Rectangle(11000, 9000, 18000, 9000), pareto_range,
                              text(SummaryText::ParetoTitle, lang)));
    }
}

} // namespace triage::uno
