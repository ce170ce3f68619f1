// The Calc add-in: one UNO object whose methods are the worksheet functions. It converts
// arguments, calls the core and converts results back; the texts the Function Wizard shows
// come from the function table.

#include "uno/args.hpp"
#include "uno/function_table.hpp"

#include "core/lang.hpp"
#include "core/tier.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/lang/XSingleComponentFactory.hpp>
#include <com/sun/star/sheet/LocalizedName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/sheet/XCompatibilityNames.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/implbase5.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/clienttriage/XClientTriage.hpp>

#include <atomic>
#include <string>

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using rtl::OUString;

namespace triage::uno {

namespace {

constexpr const char* kImplementationName = "org.clienttriage.ClientTriageAddIn";
constexpr const char* kServiceName = "org.clienttriage.ClientTriage";
constexpr const char* kAddInService = "com.sun.star.sheet.AddIn";

Sequence<OUString> supported_services() {
    Sequence<OUString> names(2);
    names.getArray()[0] = OUString::createFromAscii(kServiceName);
    names.getArray()[1] = OUString::createFromAscii(kAddInService);
    return names;
}

TierShares shares_from(const Any& a_share, const Any& b_share) {
    TierShares shares;
    if (const auto a = optional_number(a_share, "a_share")) {
        shares.a = *a;
    }
    if (const auto b = optional_number(b_share, "b_share")) {
        shares.b = *b;
    }
    validate_shares(shares);
    return shares;
}

class ClientTriageAddIn
    : public cppu::WeakImplHelper5<org::clienttriage::XClientTriage, css::sheet::XAddIn,
                                   css::sheet::XCompatibilityNames, css::lang::XServiceName,
                                   css::lang::XServiceInfo> {
public:
    // XClientTriage
    Any SAL_CALL clientTier(const Reference<css::beans::XPropertySet>&, const Any& value,
                            const Range& values, const Any& a_share, const Any& b_share) override {
        return guarded([&] {
            const TierCutoffs cutoffs =
                tier_cutoffs(population(values), shares_from(a_share, b_share));
            return map_value(value, "value", [&](double v) {
                return Any(OUString(static_cast<sal_Unicode>(tier_letter(tier_of(v, cutoffs)))));
            });
        });
    }

    Any SAL_CALL clientTierCutoffs(const Reference<css::beans::XPropertySet>&, const Range& values,
                                   const Any& a_share, const Any& b_share) override {
        return guarded([&] {
            const TierCutoffs cutoffs =
                tier_cutoffs(population(values), shares_from(a_share, b_share));
            if (!cutoffs.has_positive()) {
                return Any(); // no positive value, no lines: Calc shows #N/A
            }
            Range result(1);
            result.getArray()[0].realloc(2);
            result.getArray()[0].getArray()[0] <<= cutoffs.a_min;
            result.getArray()[0].getArray()[1] <<= cutoffs.b_min;
            return Any(result);
        });
    }

    // XAddIn
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& display) override {
        const FunctionInfo* f = find_function_by_display(to_utf8(display), lang());
        return f ? OUString::createFromAscii(f->programmatic) : OUString();
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString& programmatic) override {
        const FunctionInfo* f = find(programmatic);
        return f ? text(f->display) : OUString();
    }
    OUString SAL_CALL getFunctionDescription(const OUString& programmatic) override {
        const FunctionInfo* f = find(programmatic);
        return f ? text(f->description) : OUString();
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString& programmatic,
                                             sal_Int32 argument) override {
        const ArgumentInfo* a = find_argument(programmatic, argument);
        return a ? text(a->name) : OUString();
    }
    OUString SAL_CALL getArgumentDescription(const OUString& programmatic,
                                             sal_Int32 argument) override {
        const ArgumentInfo* a = find_argument(programmatic, argument);
        return a ? text(a->description) : OUString();
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override {
        return OUString::createFromAscii(kCategory);
    }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override {
        return text(kCategoryDisplay);
    }

    // XLocalizable
    void SAL_CALL setLocale(const css::lang::Locale& locale) override {
        locale_language_ = to_utf8(locale.Language);
        lang_.store(lang_from_tag(locale_language_));
    }
    css::lang::Locale SAL_CALL getLocale() override {
        css::lang::Locale locale;
        locale.Language = to_ou(locale_language_);
        return locale;
    }

    // XCompatibilityNames
    Sequence<css::sheet::LocalizedName> SAL_CALL getCompatibilityNames(const OUString&) override {
        return {};
    }

    // XServiceName
    OUString SAL_CALL getServiceName() override { return OUString::createFromAscii(kServiceName); }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override {
        return OUString::createFromAscii(kImplementationName);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return supported_services(); }

private:
    Lang lang() const { return lang_.load(); }
    OUString text(const Localized& localized) const { return to_ou(localized.in(lang())); }

    static const FunctionInfo* find(const OUString& programmatic) {
        return find_function(to_utf8(programmatic));
    }
    // Argument 0 is the document Calc passes itself; argument i is the (i-1)-th of the table.
    static const ArgumentInfo* find_argument(const OUString& programmatic, sal_Int32 argument) {
        const FunctionInfo* f = find(programmatic);
        if (!f || argument < 1 || static_cast<std::size_t>(argument) > f->arguments.size()) {
            return nullptr;
        }
        return &f->arguments[static_cast<std::size_t>(argument - 1)];
    }

    std::atomic<Lang> lang_{Lang::En};
    std::string locale_language_ = "en";
};

Reference<css::uno::XInterface>
    SAL_CALL create_instance(const Reference<css::uno::XComponentContext>&) {
    return static_cast<cppu::OWeakObject*>(new ClientTriageAddIn);
}

} // namespace

} // namespace triage::uno

// Constructor-based registration (a fresh start reads it from the .components file).
extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_clienttriage_ClientTriageAddIn_get_implementation(css::uno::XComponentContext*,
                                                      const Sequence<Any>&) {
    auto* instance = static_cast<cppu::OWeakObject*>(new triage::uno::ClientTriageAddIn);
    instance->acquire();
    return instance;
}

// Factory-based registration (used when the extension is added to a running office).
extern "C" SAL_DLLPUBLIC_EXPORT void* component_getFactory(const char* implementation_name, void*,
                                                           void*) {
    if (rtl_str_compare(implementation_name, triage::uno::kImplementationName) != 0) {
        return nullptr;
    }
    const Reference<css::lang::XSingleComponentFactory> factory =
        cppu::createSingleComponentFactory(
            triage::uno::create_instance,
            OUString::createFromAscii(triage::uno::kImplementationName),
            triage::uno::supported_services());
    factory->acquire();
    return factory.get();
}
