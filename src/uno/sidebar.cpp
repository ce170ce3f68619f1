// The "Client Triage" deck's panels in Calc's sidebar: the panel window that hosts a content
// (segment_panel.cpp: Segment clients; rules_panel.cpp: Rules) and the factory the deck's
// configuration names. The windows come from dialogs/*.xdl; the contents set their texts in
// the office's UI language (the texts themselves live in the core) and the panel lays them out
// for the deck's width (panel_layout.hpp).

#include "uno/args.hpp"
#include "uno/components.hpp"
#include "uno/panel_host.hpp"
#include "uno/ui_language.hpp"

#include "core/headers.hpp"
#include "core/rules.hpp"
#include "core/segmentation.hpp"
#include "core/text.hpp"

#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XTextComponent.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/LayoutSize.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/ui/XSidebar.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePicker3.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <com/sun/star/view/XSelectionChangeListener.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implbase6.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <osl/file.hxx>
#include <rtl/ref.hxx>

#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

namespace triage::uno {

namespace {

constexpr const char* kFactoryName = "org.clienttriage.PanelFactory";
constexpr const char* kDialogs = "vnd.sun.star.extension://org.clienttriage.extension/dialogs/";
// Pixels the panel's controls keep clear of the width the deck offers (getHeightForWidth).
constexpr sal_Int32 kWidthSlack = 4;

Sequence<OUString> factory_services() {
    Sequence<OUString> names(1);
    names.getArray()[0] = "com.sun.star.ui.UIElementFactory";
    return names;
}

// ---------------------------------------------------------------- the panel

class Panel
    : public cppu::WeakImplHelper6<css::ui::XUIElement, css::ui::XToolPanel, css::ui::XSidebarPanel,
                                   css::lang::XComponent, css::awt::XContainerWindowEventHandler,
                                   css::view::XSelectionChangeListener>,
      private PanelHost {
public:
    Panel(const Reference<css::uno::XComponentContext>& context,
          const Reference<css::frame::XFrame>& frame, const OUString& url,
          const Reference<css::awt::XWindow>& parent, const Reference<css::ui::XSidebar>& sidebar,
          std::unique_ptr<PanelContent> content)
        : context_(context), frame_(frame), url_(url), sidebar_(sidebar),
          lang_(lang_from_tag(office_ui_locale(context))), content_(std::move(content)) {
        const Reference<css::awt::XContainerWindowProvider> provider =
            css::awt::ContainerWindowProvider::create(context);
        window_ = provider->createContainerWindow(
            OUString::createFromAscii(kDialogs) + OUString::createFromAscii(content_->dialog()), "",
            Reference<css::awt::XWindowPeer>(parent, UNO_QUERY),
            static_cast<css::awt::XContainerWindowEventHandler*>(this));
        controls_.set(window_, UNO_QUERY_THROW);
        content_->start(*this);
        const Reference<css::view::XSelectionSupplier> selection(controller(), UNO_QUERY);
        if (selection.is()) {
            selection->addSelectionChangeListener(this);
        }
        window_->setVisible(true);
    }

    // XUIElement
    Reference<css::frame::XFrame> SAL_CALL getFrame() override { return frame_; }
    OUString SAL_CALL getResourceURL() override { return url_; }
    sal_Int16 SAL_CALL getType() override { return css::ui::UIElementType::TOOLPANEL; }
    Reference<css::uno::XInterface> SAL_CALL getRealInterface() override {
        return static_cast<css::ui::XToolPanel*>(this);
    }

    // XToolPanel
    Reference<css::awt::XWindow> SAL_CALL getWindow() override { return window_; }
    Reference<css::accessibility::XAccessible>
        SAL_CALL createAccessible(const Reference<css::accessibility::XAccessible>&) override {
        return Reference<css::accessibility::XAccessible>(window_, UNO_QUERY);
    }

    // XSidebarPanel
    css::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32 width) override {
        sal_Int32 height = window_.is() ? window_->getPosSize().Height : 400;
        try {
            if (window_.is() && width > 0) {
                // Laid out at the full width the deck offers, the panel's window asked for a
                // pixel or two more (its controls' extent in appfont units, rounded to
                // pixels), and the deck showed a horizontal scroll bar: a few pixels kept
                // clear (rounding is at most a pixel a conversion, at any scale).
                height =
                    lay_out(window_, controls_, width - kWidthSlack, content_->layout_items(*this));
            }
        } catch (const css::uno::Exception&) {
        }
        return css::ui::LayoutSize(height, height, height);
    }
    // The controls follow the deck's width (panel_layout.hpp); this is the least at which the
    // drop-downs still show a column's name.
    sal_Int32 SAL_CALL getMinimalWidth() override { return 250; }

    // XComponent
    void SAL_CALL dispose() override {
        const Reference<css::view::XSelectionSupplier> selection(controller(), UNO_QUERY);
        if (selection.is()) {
            try {
                selection->removeSelectionChangeListener(this);
            } catch (const css::uno::Exception&) {
            }
        }
        const Reference<css::lang::XComponent> window(window_, UNO_QUERY);
        if (window.is()) {
            window->dispose();
        }
        window_.clear();
        controls_.clear();
    }
    void SAL_CALL addEventListener(const Reference<css::lang::XEventListener>&) override {}
    void SAL_CALL removeEventListener(const Reference<css::lang::XEventListener>&) override {}

    // XContainerWindowEventHandler: the buttons.
    sal_Bool SAL_CALL callHandlerMethod(const Reference<css::awt::XWindow>&, const Any&,
                                        const OUString& method) override {
        try {
            content_->handle(*this, method);
        } catch (const css::uno::Exception& e) {
            set_label(OUString::createFromAscii(content_->message_control()), e.Message);
        } catch (const std::exception& e) {
            set_label(OUString::createFromAscii(content_->message_control()), to_ou(e.what()));
        }
        return true;
    }
    Sequence<OUString> SAL_CALL getSupportedMethodNames() override {
        const std::vector<const char*> methods = content_->methods();
        Sequence<OUString> names(static_cast<sal_Int32>(methods.size()));
        for (std::size_t i = 0; i < methods.size(); ++i) {
            names.getArray()[i] = OUString::createFromAscii(methods[i]);
        }
        return names;
    }

    // XSelectionChangeListener: the segment panel follows the cursor.
    void SAL_CALL selectionChanged(const css::lang::EventObject&) override {
        try {
            if (controls_.is()) {
                content_->selection_changed(*this);
            }
        } catch (const css::uno::Exception&) {
        } catch (const std::exception&) {
        }
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    // PanelHost
    const Reference<css::uno::XComponentContext>& context() const override { return context_; }
    const Reference<css::frame::XFrame>& frame() const override { return frame_; }
    Lang lang() const override { return lang_; }
    Reference<css::awt::XControl> control(const OUString& name) const override {
        return controls_.is() ? controls_->getControl(name) : nullptr;
    }
    void request_layout() const override {
        try {
            if (sidebar_.is()) {
                sidebar_->requestLayout();
            } else if (window_.is()) {
                const css::awt::Rectangle r = window_->getPosSize();
                lay_out(window_, controls_, r.Width, content_->layout_items(*this));
            }
        } catch (const css::uno::Exception&) {
        }
    }

    Reference<css::frame::XController> controller() const {
        return frame_.is() ? frame_->getController() : nullptr;
    }

    Reference<css::uno::XComponentContext> context_;
    Reference<css::frame::XFrame> frame_;
    OUString url_;
    Reference<css::ui::XSidebar> sidebar_;
    Lang lang_;
    std::unique_ptr<PanelContent> content_;
    Reference<css::awt::XWindow> window_;
    Reference<css::awt::XControlContainer> controls_;
};

class PanelFactory
    : public cppu::WeakImplHelper2<css::ui::XUIElementFactory, css::lang::XServiceInfo> {
public:
    explicit PanelFactory(const Reference<css::uno::XComponentContext>& context)
        : context_(context) {}

    Reference<css::ui::XUIElement>
        SAL_CALL createUIElement(const OUString& url,
                                 const Sequence<css::beans::PropertyValue>& arguments) override {
        Reference<css::frame::XFrame> frame;
        Reference<css::awt::XWindow> parent;
        Reference<css::ui::XSidebar> sidebar;
        for (const auto& a : arguments) {
            if (a.Name == "Frame") {
                a.Value >>= frame;
            } else if (a.Name == "ParentWindow") {
                a.Value >>= parent;
            } else if (a.Name == "Sidebar") {
                a.Value >>= sidebar;
            }
        }
        if (!frame.is() || !parent.is()) {
            throw css::lang::IllegalArgumentException("Client Triage panel: no frame or window",
                                                      static_cast<cppu::OWeakObject*>(this), 1);
        }
        return new Panel(context_, frame, url, parent, sidebar,
                         url.endsWith("/RulesPanel") ? make_rules_content()
                                                     : make_segment_content());
    }

    OUString SAL_CALL getImplementationName() override {
        return OUString::createFromAscii(kFactoryName);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return factory_services(); }

private:
    Reference<css::uno::XComponentContext> context_;
};

} // namespace

const Implementation kPanelFactory = {kFactoryName, factory_services,
                                      create_with_context<PanelFactory>};

} // namespace triage::uno
