#include "uno/ui_language.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>

namespace triage::uno {

namespace {

rtl::OUString read_setting(const css::uno::Reference<css::lang::XMultiServiceFactory>& provider,
                           const char* node, const char* name) {
    css::uno::Sequence<css::uno::Any> args(1);
    css::beans::PropertyValue path;
    path.Name = "nodepath";
    path.Value <<= rtl::OUString::createFromAscii(node);
    args.getArray()[0] <<= path;
    const css::uno::Reference<css::container::XNameAccess> access(
        provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess",
                                              args),
        css::uno::UNO_QUERY_THROW);
    rtl::OUString value;
    access->getByName(rtl::OUString::createFromAscii(name)) >>= value;
    return value;
}

} // namespace

std::string office_ui_locale(const css::uno::Reference<css::uno::XComponentContext>& context) {
    if (!context.is()) {
        return {};
    }
    try {
        const css::uno::Reference<css::lang::XMultiServiceFactory> provider =
            css::configuration::theDefaultProvider::get(context);
        rtl::OUString locale =
            read_setting(provider, "/org.openoffice.Office.Linguistic/General", "UILocale");
        if (locale.isEmpty()) {
            locale = read_setting(provider, "/org.openoffice.Setup/L10N", "ooLocale");
        }
        return rtl::OUStringToOString(locale, RTL_TEXTENCODING_UTF8).getStr();
    } catch (const css::uno::Exception&) {
        return {};
    }
}

} // namespace triage::uno
