#include "uno/result_styles.hpp"

#include "uno/uno_names.hpp"

#include "uno/args.hpp"

#include "core/segmentation.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>

#include <string>
#include <utility>
#include <vector>

namespace triage::uno {

namespace {

void ensure_style(const Reference<css::frame::XModel>& model,
                  const Reference<css::container::XNameContainer>& styles, const std::string& name,
                  std::uint32_t colour, NewStyles& new_styles) {
    const OUString ou_name = to_ou(name);
    if (styles->hasByName(ou_name)) {
        return; // the user may have restyled it: never overwritten
    }
    const Reference<css::lang::XMultiServiceFactory> factory(model, UNO_QUERY_THROW);
    const Reference<css::beans::XPropertySet> style(
        factory->createInstance("com.sun.star.style.CellStyle"), UNO_QUERY_THROW);
    styles->insertByName(ou_name, Any(style));
    new_styles.added(styles, ou_name);
    style->setPropertyValue("CellBackColor", Any(static_cast<sal_Int32>(colour)));
    style->setPropertyValue("IsCellBackgroundTransparent", Any(false));
}

void colour_by_value(const Reference<css::frame::XModel>& model,
                     const Reference<css::table::XCellRange>& range,
                     const std::vector<std::pair<std::string, std::string>>& value_to_style) {
    const Reference<css::beans::XPropertySet> props(range, UNO_QUERY_THROW);
    const Any before = props->getPropertyValue("ConditionalFormat"); // a copy of the format
    const Reference<css::sheet::XSheetConditionalEntries> entries(
        props->getPropertyValue("ConditionalFormat"), UNO_QUERY_THROW);
    entries->clear();
    for (const auto& [value, style] : value_to_style) {
        Sequence<css::beans::PropertyValue> condition(3);
        auto* c = condition.getArray();
        c[0].Name = "Operator";
        c[0].Value <<= css::sheet::ConditionOperator_EQUAL;
        c[1].Name = "Formula1";
        c[1].Value <<= to_ou("\"" + value + "\"");
        c[2].Name = "StyleName";
        c[2].Value <<= to_ou(style);
        entries->addNew(condition);
    }
    const Reference<css::document::XUndoManagerSupplier> undo(model, UNO_QUERY);
    if (undo.is()) {
        const Reference<css::document::XUndoManager> manager = undo->getUndoManager();
        manager->addUndoAction(new WriteUndo(
            manager,
            [props](const Any& format) { props->setPropertyValue("ConditionalFormat", format); },
            before, Any(entries)));
    }
    props->setPropertyValue("ConditionalFormat", Any(entries));
}

} // namespace

void apply_colours(const Reference<css::frame::XModel>& model,
                   const Reference<css::sheet::XSpreadsheet>& sheet, const CellRangeAddress& out,
                   Lang lang, NewStyles& new_styles) {
    const Reference<css::style::XStyleFamiliesSupplier> families(model, UNO_QUERY_THROW);
    const Reference<css::container::XNameContainer> styles(
        families->getStyleFamilies()->getByName("CellStyles"), UNO_QUERY_THROW);
    std::vector<std::pair<std::string, std::string>> tiers;
    for (Tier t : {Tier::A, Tier::B, Tier::C, Tier::D}) {
        ensure_style(model, styles, tier_style_name(t), tier_colour(t), new_styles);
        tiers.emplace_back(std::string(1, tier_letter(t)), tier_style_name(t));
    }
    std::vector<std::pair<std::string, std::string>> verdicts;
    for (Verdict v : kAllVerdicts) {
        ensure_style(model, styles, verdict_style_name(v), verdict_colour(v), new_styles);
        verdicts.emplace_back(verdict_label(v, lang), verdict_style_name(v));
    }
    if (out.EndRow <= out.StartRow) {
        return;
    }
    const auto column = [&](OutputColumn c) {
        const sal_Int32 col = out.StartColumn + static_cast<sal_Int32>(c);
        return sheet->getCellRangeByPosition(col, out.StartRow + 1, col, out.EndRow);
    };
    colour_by_value(model, column(OutputColumn::Tier), tiers);
    colour_by_value(model, column(OutputColumn::Verdict), verdicts);
}

} // namespace triage::uno
