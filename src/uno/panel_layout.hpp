// Lays a sidebar panel's controls out for the width the deck gives it, in every UI language:
// one control a row and the full width, each label, check box and button as many lines high
// as its text needs at that width, so that no text is ever cut off. The dialogs (dialogs/*.xdl)
// only hold the controls; their positions come from here.
#pragma once

#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <rtl/ustring.hxx>

#include <vector>

namespace triage::uno {

struct LayoutItem {
    enum class Kind {
        Text,   // a label: wraps
        Check,  // a check box: wraps
        Button, // a push button: wraps
        List,   // a drop-down: one line
        Edit,   // a text field: `height` in dialog units
    };
    rtl::OUString name;
    Kind kind = Kind::Text;
    bool visible = true;
    sal_Int32 height = 0; // Edit only
    sal_Int32 space = 2;  // dialog units below it
};

// Places the visible items one under the other at `width` pixels, hides the others; returns
// the height the panel needs in pixels.
sal_Int32 lay_out(const css::uno::Reference<css::awt::XWindow>& window,
                  const css::uno::Reference<css::awt::XControlContainer>& controls, sal_Int32 width,
                  const std::vector<LayoutItem>& items);

} // namespace triage::uno
