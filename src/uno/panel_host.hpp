// What the sidebar's panels share: the host a panel's content works through (its window's
// controls, the document, the UI language) and the content itself (its dialog, its buttons'
// methods, its layout). src/uno/sidebar.cpp hosts the contents of segment_panel.cpp and
// rules_panel.cpp.
#pragma once

#include "uno/panel_layout.hpp"
#include "uno/uno_names.hpp"

#include "core/lang.hpp"
#include "core/segmentation.hpp"

#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <memory>
#include <vector>

namespace triage::uno {

// What a panel's content may do with its window.
class PanelHost {
public:
    virtual ~PanelHost() = default;
    virtual const Reference<css::uno::XComponentContext>& context() const = 0;
    virtual const Reference<css::frame::XFrame>& frame() const = 0;
    virtual Lang lang() const = 0;
    virtual Reference<css::awt::XControl> control(const OUString& name) const = 0;
    // Asks the deck to lay the panels out again (after controls were shown or hidden).
    virtual void request_layout() const = 0;

    Reference<css::frame::XModel> model() const {
        const Reference<css::frame::XController> c =
            frame().is() ? frame()->getController() : nullptr;
        return c.is() ? c->getModel() : nullptr;
    }
    Reference<css::beans::XPropertySet> control_model(const OUString& name) const {
        const Reference<css::awt::XControl> c = control(name);
        return c.is() ? Reference<css::beans::XPropertySet>(c->getModel(), UNO_QUERY) : nullptr;
    }
    void set_label(const OUString& name, const OUString& text) const {
        const Reference<css::beans::XPropertySet> m = control_model(name);
        if (m.is()) {
            m->setPropertyValue("Label", Any(text));
        }
    }
    // A panel text in the panel's language.
    OUString text(PanelText text) const { return OUString::fromUtf8(panel_text(text).in(lang())); }
    void set_label(const char* name, PanelText text) const {
        set_label(OUString::createFromAscii(name), this->text(text));
    }
    Reference<css::awt::XListBox> list(const OUString& name) const {
        return Reference<css::awt::XListBox>(control(name), UNO_QUERY);
    }
    // Replaces the items of a list box (no selection is made).
    static void set_items(const Reference<css::awt::XListBox>& box,
                          const Sequence<OUString>& items) {
        box->removeItems(0, box->getItemCount());
        box->addItems(items, 0);
    }
    Reference<css::awt::XTextComponent> edit(const char* name) const {
        return Reference<css::awt::XTextComponent>(control(OUString::createFromAscii(name)),
                                                   UNO_QUERY);
    }
};

// The content of one panel: its dialog, its buttons' methods and what they do.
class PanelContent {
public:
    virtual ~PanelContent() = default;
    virtual const char* dialog() const = 0; // file name in dialogs/
    virtual std::vector<const char*> methods() const = 0;
    virtual void start(const PanelHost& host) = 0;
    virtual void handle(const PanelHost& host, const OUString& method) = 0;
    virtual void selection_changed(const PanelHost&) {}
    // Where a failure of a handler is shown.
    virtual const char* message_control() const = 0;
    // The controls in the order they stand, and which are shown (panel_layout.hpp).
    virtual std::vector<LayoutItem> layout_items(const PanelHost& host) const = 0;
};

// "FieldLabel" + 3 -> "FieldLabel3".
inline OUString control_name(const char* prefix, std::size_t index) {
    return OUString::createFromAscii(prefix) + OUString::number(static_cast<sal_Int32>(index));
}

// The contents of the deck's two panels.
std::unique_ptr<PanelContent> make_segment_content();
std::unique_ptr<PanelContent> make_rules_content();

} // namespace triage::uno
