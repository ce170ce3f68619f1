#include "sheet_ops.hpp"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/ConditionEntryType.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XColorScaleEntry.hpp>
#include <com/sun/star/sheet/XConditionEntry.hpp>
#include <com/sun/star/sheet/XConditionalFormat.hpp>
#include <com/sun/star/sheet/XConditionalFormats.hpp>
#include <com/sun/star/sheet/XSheetCellRangeContainer.hpp>
#include <com/sun/star/sheet/XSheetCondition.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntry.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/util/XProtectable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include <cstdio>
#include <iomanip>
#include <sstream>

namespace office {

namespace {

using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

Reference<css::frame::XModel> model_of(const CalcDoc& doc) {
    return Reference<css::frame::XModel>(doc.component(), UNO_QUERY_THROW);
}

Reference<css::table::XCellRange> range_of(const CalcDoc& doc, const std::string& range,
                                           int sheet) {
    return Reference<css::table::XCellRange>(doc.sheet(sheet)->getCellRangeByName(ou(range)),
                                             UNO_QUERY_THROW);
}

} // namespace

void select(const CalcDoc& doc, const std::string& ranges, int sheet) {
    const Reference<css::view::XSelectionSupplier> selection(model_of(doc)->getCurrentController(),
                                                             UNO_QUERY_THROW);
    if (ranges.find(',') == std::string::npos) {
        selection->select(Any(range_of(doc, ranges, sheet)));
        return;
    }
    const Reference<css::lang::XMultiServiceFactory> factory(doc.component(), UNO_QUERY_THROW);
    const Reference<css::sheet::XSheetCellRangeContainer> container(
        factory->createInstance("com.sun.star.sheet.SheetCellRanges"), UNO_QUERY_THROW);
    std::stringstream parts(ranges);
    std::string part;
    while (std::getline(parts, part, ',')) {
        const Reference<css::sheet::XCellRangeAddressable> a(range_of(doc, part, 0),
                                                             UNO_QUERY_THROW);
        container->addRangeAddress(a->getRangeAddress(), false);
    }
    selection->select(Any(container));
}

CommandResult run_command(const CalcDoc& doc, const std::string& url,
                          const std::vector<std::pair<std::string, std::string>>& arguments) {
    const auto& context = doc.office().context();
    const Reference<css::frame::XDispatchHelper> helper =
        css::frame::DispatchHelper::create(context);
    const Reference<css::frame::XDispatchProvider> provider(
        model_of(doc)->getCurrentController()->getFrame(), UNO_QUERY_THROW);
    Sequence<css::beans::PropertyValue> args(static_cast<sal_Int32>(arguments.size()) + 1);
    auto* a = args.getArray();
    a[0].Name = "Silent";
    a[0].Value <<= true;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        a[i + 1].Name = ou(arguments[i].first);
        a[i + 1].Value <<= ou(arguments[i].second);
    }
    const Any result = helper->executeDispatch(provider, ou(url), "", 0, args);
    CommandResult out;
    css::frame::DispatchResultEvent event;
    if (result >>= event) {
        out.success = event.State == css::frame::DispatchResultState::SUCCESS;
        OUString message;
        event.Result >>= message;
        out.message = utf8(message);
        out.result = event.Result;
    }
    return out;
}

CommandResult segment(const CalcDoc& doc, const std::string& columns) {
    std::vector<std::pair<std::string, std::string>> args;
    if (!columns.empty()) {
        args.emplace_back("Columns", columns);
    }
    return run_command(doc, "org.clienttriage.command:Segment", args);
}

void undo(const CalcDoc& doc) {
    const Reference<css::document::XUndoManagerSupplier> supplier(doc.component(), UNO_QUERY_THROW);
    supplier->getUndoManager()->undo();
}

void redo(const CalcDoc& doc) {
    const Reference<css::document::XUndoManagerSupplier> supplier(doc.component(), UNO_QUERY_THROW);
    supplier->getUndoManager()->redo();
}

void protect_sheet(const CalcDoc& doc, bool on) {
    const Reference<css::util::XProtectable> p(doc.sheet(0), UNO_QUERY_THROW);
    if (on) {
        p->protect("");
    } else {
        p->unprotect("");
    }
}

std::vector<std::string> sheet_names(const CalcDoc& doc) {
    const Reference<css::sheet::XSpreadsheetDocument> d(doc.component(), UNO_QUERY_THROW);
    std::vector<std::string> names;
    for (const OUString& n : d->getSheets()->getElementNames()) {
        names.push_back(utf8(n));
    }
    return names;
}

std::vector<std::pair<std::string, std::string>> conditions(const CalcDoc& doc,
                                                            const std::string& range, int sheet) {
    const Reference<css::beans::XPropertySet> props(range_of(doc, range, sheet), UNO_QUERY_THROW);
    const Reference<css::container::XIndexAccess> entries(
        props->getPropertyValue("ConditionalFormat"), UNO_QUERY_THROW);
    std::vector<std::pair<std::string, std::string>> out;
    for (sal_Int32 i = 0; i < entries->getCount(); ++i) {
        const Reference<css::sheet::XSheetCondition> condition(entries->getByIndex(i),
                                                               UNO_QUERY_THROW);
        const Reference<css::sheet::XSheetConditionalEntry> entry(condition, UNO_QUERY_THROW);
        out.emplace_back(utf8(condition->getFormula1()), utf8(entry->getStyleName()));
    }
    return out;
}

std::vector<std::string> colour_scales(const CalcDoc& doc, int sheet) {
    const Reference<css::beans::XPropertySet> props(doc.sheet(sheet), UNO_QUERY_THROW);
    Reference<css::sheet::XConditionalFormats> formats;
    props->getPropertyValue("ConditionalFormats") >>= formats;
    std::vector<std::string> out;
    if (!formats.is()) {
        return out;
    }
    for (const auto& format : formats->getConditionalFormats()) {
        const Reference<css::beans::XPropertySet> format_props(format, UNO_QUERY_THROW);
        const Reference<css::sheet::XSheetCellRanges> ranges(
            format_props->getPropertyValue("Range"), UNO_QUERY_THROW);
        const std::string where = utf8(ranges->getRangeAddressesAsString());
        for (sal_Int32 i = 0; i < format->getCount(); ++i) {
            const Reference<css::sheet::XConditionEntry> entry(format->getByIndex(i),
                                                               UNO_QUERY_THROW);
            if (entry->getType() != css::sheet::ConditionEntryType::COLORSCALE) {
                continue;
            }
            css::uno::Sequence<Reference<css::sheet::XColorScaleEntry>> points;
            Reference<css::beans::XPropertySet>(entry, UNO_QUERY_THROW)
                ->getPropertyValue("ColorScaleEntries") >>= points;
            std::string scale = where;
            for (const auto& point : points) {
                char hex[16];
                std::snprintf(hex, sizeof hex, " #%06x",
                              static_cast<unsigned>(point->getColor()) & 0xFFFFFFu);
                scale += hex;
            }
            out.push_back(scale);
        }
    }
    return out;
}

std::optional<int> style_colour(const CalcDoc& doc, const std::string& style) {
    const Reference<css::style::XStyleFamiliesSupplier> families(doc.component(), UNO_QUERY_THROW);
    const Reference<css::container::XNameAccess> styles(
        families->getStyleFamilies()->getByName("CellStyles"), UNO_QUERY_THROW);
    if (!styles->hasByName(ou(style))) {
        return std::nullopt;
    }
    const Reference<css::beans::XPropertySet> props(styles->getByName(ou(style)), UNO_QUERY_THROW);
    sal_Int32 colour = 0;
    props->getPropertyValue("CellBackColor") >>= colour;
    return colour;
}

void set_style_colour(const CalcDoc& doc, const std::string& style, int colour) {
    const Reference<css::style::XStyleFamiliesSupplier> families(doc.component(), UNO_QUERY_THROW);
    const Reference<css::container::XNameAccess> styles(
        families->getStyleFamilies()->getByName("CellStyles"), UNO_QUERY_THROW);
    const Reference<css::beans::XPropertySet> props(styles->getByName(ou(style)), UNO_QUERY_THROW);
    props->setPropertyValue("CellBackColor", Any(static_cast<sal_Int32>(colour)));
}

namespace {

Reference<css::beans::XPropertySet> user_properties(const CalcDoc& doc) {
    const Reference<css::document::XDocumentPropertiesSupplier> supplier(doc.component(),
                                                                         UNO_QUERY_THROW);
    return Reference<css::beans::XPropertySet>(
        supplier->getDocumentProperties()->getUserDefinedProperties(), UNO_QUERY_THROW);
}

} // namespace

void set_document_rules(const CalcDoc& doc, const std::string& json) {
    const Reference<css::beans::XPropertySet> user = user_properties(doc);
    const Reference<css::beans::XPropertyContainer> container(user, UNO_QUERY_THROW);
    const bool present = user->getPropertySetInfo()->hasPropertyByName("ClientTriageRules");
    if (present) {
        container->removeProperty("ClientTriageRules");
    }
    if (!json.empty()) {
        container->addProperty("ClientTriageRules", css::beans::PropertyAttribute::REMOVABLE,
                               Any(ou(json)));
    }
    Reference<css::sheet::XCalculatable>(doc.component(), UNO_QUERY_THROW)->calculateAll();
}

std::string document_rules(const CalcDoc& doc) {
    const Reference<css::beans::XPropertySet> user = user_properties(doc);
    if (!user->getPropertySetInfo()->hasPropertyByName("ClientTriageRules")) {
        return {};
    }
    OUString text;
    user->getPropertyValue("ClientTriageRules") >>= text;
    return utf8(text);
}

int chart_count(const CalcDoc& doc, int sheet) {
    const Reference<css::table::XTableChartsSupplier> supplier(doc.sheet(sheet), UNO_QUERY_THROW);
    return supplier->getCharts()->getElementNames().getLength();
}

void set_rows(const CalcDoc& doc, const std::string& top_left,
              const std::vector<std::vector<CellValue>>& rows, int sheet) {
    if (rows.empty()) {
        return;
    }
    const Reference<css::sheet::XCellRangeAddressable> start(range_of(doc, top_left, sheet),
                                                             UNO_QUERY_THROW);
    const auto a = start->getRangeAddress();
    const sal_Int32 columns = static_cast<sal_Int32>(rows.front().size());
    Sequence<Sequence<Any>> data(static_cast<sal_Int32>(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        Sequence<Any> row(columns);
        for (sal_Int32 c = 0; c < columns && static_cast<std::size_t>(c) < rows[r].size(); ++c) {
            const CellValue& v = rows[r][static_cast<std::size_t>(c)];
            if (const double* d = std::get_if<double>(&v)) {
                row.getArray()[c] <<= *d;
            } else if (const std::string* s = std::get_if<std::string>(&v)) {
                row.getArray()[c] <<= ou(*s);
            } else {
                row.getArray()[c] <<= OUString();
            }
        }
        data.getArray()[r] = row;
    }
    const Reference<css::sheet::XCellRangeData> target(
        doc.sheet(sheet)->getCellRangeByPosition(
            a.StartColumn, a.StartRow, a.StartColumn + columns - 1,
            a.StartRow + static_cast<sal_Int32>(rows.size()) - 1),
        UNO_QUERY_THROW);
    target->setDataArray(data);
}

std::vector<std::vector<std::string>> get_rows(const CalcDoc& doc, const std::string& range,
                                               int sheet) {
    const Reference<css::sheet::XCellRangeData> data(range_of(doc, range, sheet), UNO_QUERY_THROW);
    std::vector<std::vector<std::string>> out;
    for (const auto& row : data->getDataArray()) {
        std::vector<std::string> cells;
        for (const Any& cell : row) {
            OUString text;
            double number = 0;
            if (cell >>= text) {
                cells.push_back(utf8(text));
            } else if (cell >>= number) {
                std::ostringstream s;
                s << std::setprecision(15) << number; // as exact as Calc shows it
                cells.push_back(s.str());
            } else {
                cells.emplace_back();
            }
        }
        out.push_back(cells);
    }
    return out;
}

} // namespace office
