// The "Client Triage" deck's panel in Calc's sidebar: it shows the table the run will work
// on, the recognised column of every field with a drop-down to change it, the risk signals
// found, a Segment button and, after a run, the result line. The window comes from
// dialogs/SegmentPanel.xdl; its texts are set here in the office's UI language. The button
// runs the same dispatch command as the Data menu entry.

#include "uno/args.hpp"
#include "uno/command.hpp"
#include "uno/components.hpp"
#include "uno/segment_run.hpp"
#include "uno/ui_language.hpp"

#include "core/headers.hpp"
#include "core/segmentation.hpp"
#include "core/text.hpp"

#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XListBox.hpp>
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
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <com/sun/star/view/XSelectionChangeListener.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implbase6.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <rtl/ref.hxx>

#include <string>

namespace triage::uno {

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

constexpr const char* kFactoryName = "org.clienttriage.PanelFactory";
constexpr const char* kPanelDialog =
    "vnd.sun.star.extension://org.clienttriage.extension/dialogs/SegmentPanel.xdl";
constexpr const char* kSegmentMethod = "segment";

Sequence<OUString> factory_services() {
    Sequence<OUString> names(1);
    names.getArray()[0] = "com.sun.star.ui.UIElementFactory";
    return names;
}

OUString control_name(const char* prefix, std::size_t index) {
    return OUString::createFromAscii(prefix) + OUString::number(static_cast<sal_Int32>(index));
}

// A1-style column letters: 0 -> A, 26 -> AA.
std::string column_letters(sal_Int32 column) {
    std::string letters;
    for (sal_Int32 c = column + 1; c > 0; c = (c - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    }
    return letters;
}

// Collects a dispatch's result line.
class ResultCollector : public cppu::WeakImplHelper1<css::frame::XDispatchResultListener> {
public:
    void SAL_CALL dispatchFinished(const css::frame::DispatchResultEvent& event) override {
        event.Result >>= message;
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}
    OUString message;
};

class Panel
    : public cppu::WeakImplHelper6<css::ui::XUIElement, css::ui::XToolPanel, css::ui::XSidebarPanel,
                                   css::lang::XComponent, css::awt::XContainerWindowEventHandler,
                                   css::view::XSelectionChangeListener> {
public:
    Panel(const Reference<css::uno::XComponentContext>& context,
          const Reference<css::frame::XFrame>& frame, const OUString& url,
          const Reference<css::awt::XWindow>& parent)
        : context_(context), frame_(frame), url_(url),
          lang_(lang_from_tag(office_ui_locale(context))) {
        const Reference<css::awt::XContainerWindowProvider> provider =
            css::awt::ContainerWindowProvider::create(context);
        window_ = provider->createContainerWindow(
            OUString::createFromAscii(kPanelDialog), "",
            Reference<css::awt::XWindowPeer>(parent, UNO_QUERY),
            static_cast<css::awt::XContainerWindowEventHandler*>(this));
        controls_.set(window_, UNO_QUERY_THROW);
        set_static_texts();
        const Reference<css::view::XSelectionSupplier> selection(controller(), UNO_QUERY);
        if (selection.is()) {
            selection->addSelectionChangeListener(this);
        }
        refresh();
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
    css::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32) override {
        const sal_Int32 height = window_.is() ? window_->getPosSize().Height : 400;
        return css::ui::LayoutSize(height, height, height);
    }
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

    // XContainerWindowEventHandler: the Segment button.
    sal_Bool SAL_CALL callHandlerMethod(const Reference<css::awt::XWindow>&, const Any&,
                                        const OUString& method) override {
        if (method != OUString::createFromAscii(kSegmentMethod)) {
            return false;
        }
        try {
            run();
        } catch (const css::uno::Exception& e) {
            set_text("ResultValue", e.Message);
        } catch (const std::exception& e) {
            set_text("ResultValue", to_ou(e.what()));
        }
        return true;
    }
    Sequence<OUString> SAL_CALL getSupportedMethodNames() override {
        Sequence<OUString> names(1);
        names.getArray()[0] = OUString::createFromAscii(kSegmentMethod);
        return names;
    }

    // XSelectionChangeListener: the table follows the cursor.
    void SAL_CALL selectionChanged(const css::lang::EventObject&) override {
        try {
            refresh();
        } catch (const css::uno::Exception&) {
        } catch (const std::exception&) {
        }
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    Reference<css::frame::XController> controller() const {
        return frame_.is() ? frame_->getController() : nullptr;
    }

    Reference<css::beans::XPropertySet> model_of(const char* name) const {
        const Reference<css::awt::XControl> control =
            controls_->getControl(OUString::createFromAscii(name));
        return control.is() ? Reference<css::beans::XPropertySet>(control->getModel(), UNO_QUERY)
                            : nullptr;
    }

    void set_text(const char* name, const OUString& text) {
        const Reference<css::beans::XPropertySet> model = model_of(name);
        if (model.is()) {
            model->setPropertyValue("Label", Any(text));
        }
    }

    Reference<css::awt::XListBox> list(std::size_t field) const {
        return Reference<css::awt::XListBox>(
            controls_->getControl(control_name("FieldList", field)), UNO_QUERY);
    }

    void set_static_texts() {
        set_text("TableCaption", OUString::fromUtf8(panel_text(PanelText::Table).in(lang_)));
        set_text("ColumnsCaption", OUString::fromUtf8(panel_text(PanelText::Columns).in(lang_)));
        for (Field f : kAllFields) {
            set_text(to_utf8(control_name("FieldLabel", field_index(f))).c_str(),
                     OUString::fromUtf8(field_name(f).in(lang_)));
        }
        const Reference<css::beans::XPropertySet> button = model_of("SegmentButton");
        if (button.is()) {
            button->setPropertyValue(
                "Label", Any(OUString::fromUtf8(panel_text(PanelText::Segment).in(lang_))));
        }
    }

    // Shows the table around the cursor and the recognised column of every field.
    void refresh() {
        const Reference<css::frame::XController> c = controller();
        if (!controls_.is() || !c.is()) {
            return;
        }
        const TablePreview preview = preview_table(c->getModel(), lang_);
        preview_ = preview;
        if (!preview.found) {
            set_text("TableValue", to_ou(preview.problem));
        } else {
            set_text("TableValue", to_ou(fill_placeholders(
                                       panel_text(PanelText::Rows).in(lang_),
                                       {std::to_string(preview.client_rows), preview.address})));
        }
        // Drop-downs: "(none)" and every column of the table.
        Sequence<OUString> items(static_cast<sal_Int32>(preview.headers.size()) + 1);
        items.getArray()[0] = OUString::fromUtf8(panel_text(PanelText::NoColumn).in(lang_));
        for (std::size_t i = 0; i < preview.headers.size(); ++i) {
            items.getArray()[i + 1] =
                to_ou(column_letters(static_cast<sal_Int32>(i)) + ": " + preview.headers[i]);
        }
        std::string signals;
        for (Field f : kAllFields) {
            const Reference<css::awt::XListBox> box = list(field_index(f));
            if (!box.is()) {
                continue;
            }
            box->removeItems(0, box->getItemCount());
            box->addItems(items, 0);
            const auto column = preview.mapping.column(f);
            box->selectItemPos(column ? static_cast<sal_Int16>(*column + 1) : 0, true);
            if (column && signal_of(f)) {
                signals += (signals.empty() ? "" : ", ") + std::string(field_name(f).in(lang_));
            }
        }
        std::string status =
            signals.empty()
                ? std::string(panel_text(PanelText::NoSignals).in(lang_))
                : fill_placeholders(panel_text(PanelText::SignalsFound).in(lang_), {signals});
        if (preview.has_previous_output) {
            status += "\n" + std::string(panel_text(PanelText::PreviousOutput).in(lang_));
        }
        for (const HeaderProblem& p : preview.mapping.problems) {
            status += "\n" + p.message(lang_);
        }
        set_text("ResultValue", to_ou(status));
    }

    // The user's choice of every field, as the command takes it.
    std::string column_choices() const {
        ColumnOverrides overrides;
        for (Field f : kAllFields) {
            const Reference<css::awt::XListBox> box = list(field_index(f));
            if (box.is()) {
                overrides[field_index(f)] = box->getSelectedItemPos() - 1; // 0: "(none)"
            }
        }
        return format_column_overrides(overrides);
    }

    void run() {
        const Reference<css::frame::XDispatchProvider> provider(frame_, UNO_QUERY_THROW);
        css::util::URL url;
        url.Complete = OUString::createFromAscii(kSegmentCommand);
        css::util::URLTransformer::create(context_)->parseStrict(url);
        const Reference<css::frame::XNotifyingDispatch> dispatch(
            provider->queryDispatch(url, "", 0), UNO_QUERY_THROW);
        Sequence<css::beans::PropertyValue> args(2);
        args.getArray()[0].Name = "Columns";
        args.getArray()[0].Value <<= to_ou(column_choices());
        args.getArray()[1].Name = "Silent";
        args.getArray()[1].Value <<= true;
        const rtl::Reference<ResultCollector> result = new ResultCollector;
        dispatch->dispatchWithNotification(url, args, result.get());
        refresh();
        set_text("ResultValue", result->message);
    }

    Reference<css::uno::XComponentContext> context_;
    Reference<css::frame::XFrame> frame_;
    OUString url_;
    Lang lang_;
    Reference<css::awt::XWindow> window_;
    Reference<css::awt::XControlContainer> controls_;
    TablePreview preview_;
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
        for (const auto& a : arguments) {
            if (a.Name == "Frame") {
                a.Value >>= frame;
            } else if (a.Name == "ParentWindow") {
                a.Value >>= parent;
            }
        }
        if (!frame.is() || !parent.is()) {
            throw css::lang::IllegalArgumentException("Client Triage panel: no frame or window",
                                                      static_cast<cppu::OWeakObject*>(this), 1);
        }
        return new Panel(context_, frame, url, parent);
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

const Implementation kPanelFactory = {
    kFactoryName, factory_services,
    [](const Reference<css::uno::XComponentContext>& context) -> Reference<css::uno::XInterface> {
        return static_cast<cppu::OWeakObject*>(new PanelFactory(context));
    }};

} // namespace triage::uno
