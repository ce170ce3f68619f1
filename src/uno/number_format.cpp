#include "uno/number_format.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

namespace triage::uno {

sal_Int32 standard_format(const css::uno::Reference<css::frame::XModel>& model, sal_Int16 type) {
    const css::uno::Reference<css::util::XNumberFormatsSupplier> supplier(
        model, css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::util::XNumberFormatTypes> types(supplier->getNumberFormats(),
                                                                   css::uno::UNO_QUERY_THROW);
    return types->getStandardFormat(type, css::lang::Locale());
}

void set_standard_format(const css::uno::Reference<css::frame::XModel>& model,
                         const css::uno::Reference<css::table::XCellRange>& range, sal_Int16 type) {
    css::uno::Reference<css::beans::XPropertySet>(range, css::uno::UNO_QUERY_THROW)
        ->setPropertyValue("NumberFormat", css::uno::Any(standard_format(model, type)));
}

void set_builtin_format(const css::uno::Reference<css::frame::XModel>& model,
                        const css::uno::Reference<css::table::XCellRange>& range, sal_Int16 index) {
    const css::uno::Reference<css::util::XNumberFormatsSupplier> supplier(
        model, css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::util::XNumberFormatTypes> types(supplier->getNumberFormats(),
                                                                   css::uno::UNO_QUERY_THROW);
    css::uno::Reference<css::beans::XPropertySet>(range, css::uno::UNO_QUERY_THROW)
        ->setPropertyValue("NumberFormat",
                           css::uno::Any(types->getFormatIndex(index, css::lang::Locale())));
}

} // namespace triage::uno
