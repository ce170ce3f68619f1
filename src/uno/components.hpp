// The UNO implementations this library provides, for registration (components.cpp).
#pragma once

#include <com/sun/star/uno/Sequence.hxx>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/uno/XInterface.hpp>
#include <cppuhelper/weak.hxx>
#include <rtl/ustring.hxx>

namespace triage::uno {

struct Implementation {
    const char* name;
    css::uno::Sequence<rtl::OUString> (*services)();
    css::uno::Reference<css::uno::XInterface> (*create)(
        const css::uno::Reference<css::uno::XComponentContext>&);
};

// An Implementation's `create` for a class constructed from the component context.
template <class T>
css::uno::Reference<css::uno::XInterface>
create_with_context(const css::uno::Reference<css::uno::XComponentContext>& context) {
    return static_cast<cppu::OWeakObject*>(new T(context));
}

// The worksheet functions (com.sun.star.sheet.AddIn).
extern const Implementation kAddIn;
// The dispatch command org.clienttriage.command:Segment (com.sun.star.frame.ProtocolHandler).
extern const Implementation kCommandHandler;
// The sidebar's panels (com.sun.star.ui.UIElementFactory).
extern const Implementation kPanelFactory;

} // namespace triage::uno
