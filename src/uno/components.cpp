// Registration of the library's UNO implementations: constructor functions for a fresh
// start (named in clienttriage.components) and component_getFactory for registration into a
// running office.
#include "uno/components.hpp"

#include <com/sun/star/lang/XSingleComponentFactory.hpp>
#include <cppuhelper/factory.hxx>
#include <cppuhelper/weak.hxx>

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;

const triage::uno::Implementation* const kImplementations[] = {
    &triage::uno::kAddIn, &triage::uno::kCommandHandler, &triage::uno::kPanelFactory};

css::uno::XInterface* construct(const triage::uno::Implementation& implementation,
                                css::uno::XComponentContext* context) {
    Reference<css::uno::XInterface> instance = implementation.create(context);
    instance->acquire();
    return instance.get();
}

} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_clienttriage_ClientTriageAddIn_get_implementation(css::uno::XComponentContext* context,
                                                      const Sequence<Any>&) {
    return construct(triage::uno::kAddIn, context);
}

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_clienttriage_CommandHandler_get_implementation(css::uno::XComponentContext* context,
                                                   const Sequence<Any>&) {
    return construct(triage::uno::kCommandHandler, context);
}

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_clienttriage_PanelFactory_get_implementation(css::uno::XComponentContext* context,
                                                 const Sequence<Any>&) {
    return construct(triage::uno::kPanelFactory, context);
}

extern "C" SAL_DLLPUBLIC_EXPORT void* component_getFactory(const char* implementation_name, void*,
                                                           void*) {
    for (const triage::uno::Implementation* implementation : kImplementations) {
        if (rtl_str_compare(implementation_name, implementation->name) == 0) {
            const Reference<css::lang::XSingleComponentFactory> factory =
                cppu::createSingleComponentFactory(
                    implementation->create, rtl::OUString::createFromAscii(implementation->name),
                    implementation->services());
            factory->acquire();
            return factory.get();
        }
    }
    return nullptr;
}
