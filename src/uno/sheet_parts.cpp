#include "uno/sheet_parts.hpp"

#include "uno/uno_names.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>

#include <atomic>
#include <ctime>

namespace triage::uno {

OUString unique_chart_suffix() {
    static std::atomic<unsigned> runs{0};
    return OUString::number(static_cast<sal_Int64>(std::time(nullptr))) + "_" +
           OUString::number(static_cast<sal_Int32>(++runs));
}

void write_block(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 first_row,
                 const std::vector<Sequence<Any>>& rows) {
    if (rows.empty()) {
        return;
    }
    const sal_Int32 columns = rows.front().getLength();
    Sequence<Sequence<Any>> data(static_cast<sal_Int32>(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        data.getArray()[i] = rows[i];
    }
    const Reference<css::sheet::XCellRangeData> range(
        sheet->getCellRangeByPosition(0, first_row, columns - 1,
                                      first_row + static_cast<sal_Int32>(rows.size()) - 1),
        UNO_QUERY_THROW);
    range->setDataArray(data);
}

Reference<css::chart::XChartDocument> add_chart(const Reference<css::sheet::XSpreadsheet>& sheet,
                                                const OUString& name,
                                                const css::awt::Rectangle& place,
                                                const css::table::CellRangeAddress& data,
                                                const OUString& title) {
    const Reference<css::table::XTableChartsSupplier> supplier(sheet, UNO_QUERY_THROW);
    const Reference<css::table::XTableCharts> charts = supplier->getCharts();
    Sequence<css::table::CellRangeAddress> ranges(1);
    ranges.getArray()[0] = data;
    charts->addNewByName(name, place, ranges, true, true);
    const Reference<css::document::XEmbeddedObjectSupplier> object(charts->getByName(name),
                                                                   UNO_QUERY_THROW);
    const Reference<css::chart::XChartDocument> chart(object->getEmbeddedObject(), UNO_QUERY_THROW);
    const Reference<css::beans::XPropertySet> props(chart, UNO_QUERY_THROW);
    props->setPropertyValue("HasMainTitle", Any(true));
    Reference<css::beans::XPropertySet>(chart->getTitle(), UNO_QUERY_THROW)
        ->setPropertyValue("String", Any(title));
    return chart;
}

} // namespace triage::uno
