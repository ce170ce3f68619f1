// The "Client Triage" deck's panels in Calc's sidebar.
// - Segment clients: the table the run will work on, the recognised column of every field
//   with a drop-down to change it, the risk signals found, a Segment button and, after a
//   run, the result line. The button runs the same dispatch command as the Data menu entry.
// - Rules: the document's rule set (a preset, or edited JSON; import, export, reset).
// The windows come from dialogs/*.xdl; their texts are set here in the office's UI language
// (the texts themselves live in the core).

#include "uno/args.hpp"
#include "uno/command.hpp"
#include "uno/components.hpp"
#include "uno/document_rules.hpp"
#include "uno/segment_run.hpp"
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

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

constexpr const char* kFactoryName = "org.clienttriage.PanelFactory";
constexpr const char* kDialogs = "vnd.sun.star.extension://org.clienttriage.extension/dialogs/";

Sequence<OUString> factory_services() {
    Sequence<OUString> names(1);
    names.getArray()[0] = "com.sun.star.ui.UIElementFactory";
    return names;
}

OUString control_name(const char* prefix, std::size_t index) {
    return OUString::createFromAscii(prefix) + OUString::number(static_cast<sal_Int32>(index));
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

// What a panel's content may do with its window.
class PanelHost {
public:
    virtual ~PanelHost() = default;
    virtual const Reference<css::uno::XComponentContext>& context() const = 0;
    virtual const Reference<css::frame::XFrame>& frame() const = 0;
    virtual Lang lang() const = 0;
    virtual Reference<css::awt::XControl> control(const OUString& name) const = 0;

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
    void set_label(const char* name, PanelText text) const {
        set_label(OUString::createFromAscii(name), OUString::fromUtf8(panel_text(text).in(lang())));
    }
    Reference<css::awt::XListBox> list(const OUString& name) const {
        return Reference<css::awt::XListBox>(control(name), UNO_QUERY);
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
};

// ---------------------------------------------------------------- Segment clients

// The panel's row of a field (FieldLabelN / FieldListN in SegmentPanel.xdl): the fields of a
// client table in their order, the risk signals after them. The transaction roles have no
// row yet: they keep what header recognition found.
std::optional<std::size_t> panel_row(Field f) {
    if (const auto signal = signal_of(f)) {
        return field_index(Field::ClientId) + signal_index(*signal);
    }
    if (field_index(f) < field_index(Field::ClientId)) {
        return field_index(f);
    }
    return std::nullopt;
}

class SegmentContent : public PanelContent {
public:
    const char* dialog() const override { return "SegmentPanel.xdl"; }
    std::vector<const char*> methods() const override { return {"segment"}; }
    const char* message_control() const override { return "ResultValue"; }

    void start(const PanelHost& host) override {
        host.set_label("TableCaption", PanelText::Table);
        host.set_label("ColumnsCaption", PanelText::Columns);
        host.set_label("SegmentButton", PanelText::Segment);
        for (Field f : kAllFields) {
            if (const auto row = panel_row(f)) {
                host.set_label(control_name("FieldLabel", *row),
                               OUString::fromUtf8(field_name(f).in(host.lang())));
            }
        }
        refresh(host);
    }

    void handle(const PanelHost& host, const OUString&) override { run(host); }
    void selection_changed(const PanelHost& host) override { refresh(host); }

private:
    // Shows the table around the cursor and the recognised column of every field.
    static void refresh(const PanelHost& host) {
        const Reference<css::frame::XModel> model = host.model();
        if (!model.is()) {
            return;
        }
        const Lang lang = host.lang();
        const TablePreview preview = preview_table(model, lang);
        host.set_label(OUString("TableValue"),
                       to_ou(preview.found ? fill_placeholders(panel_text(PanelText::Rows).in(lang),
                                                               {std::to_string(preview.client_rows),
                                                                preview.address})
                                           : preview.problem));
        // Drop-downs: "(none)" and every column of the table.
        Sequence<OUString> items(static_cast<sal_Int32>(preview.headers.size()) + 1);
        items.getArray()[0] = OUString::fromUtf8(panel_text(PanelText::NoColumn).in(lang));
        for (std::size_t i = 0; i < preview.headers.size(); ++i) {
            items.getArray()[i + 1] = to_ou(column_letters(i) + ": " + preview.headers[i]);
        }
        std::string signals;
        for (Field f : kAllFields) {
            const auto row = panel_row(f);
            const Reference<css::awt::XListBox> box =
                row ? host.list(control_name("FieldList", *row)) : Reference<css::awt::XListBox>();
            if (!box.is()) {
                continue;
            }
            box->removeItems(0, box->getItemCount());
            box->addItems(items, 0);
            const auto column = preview.mapping.column(f);
            box->selectItemPos(column ? static_cast<sal_Int16>(*column + 1) : 0, true);
            if (column && signal_of(f)) {
                signals += (signals.empty() ? "" : ", ") + std::string(field_name(f).in(lang));
            }
        }
        std::string status =
            signals.empty()
                ? std::string(panel_text(PanelText::NoSignals).in(lang))
                : fill_placeholders(panel_text(PanelText::SignalsFound).in(lang), {signals});
        if (preview.has_previous_output) {
            status += "\n" + std::string(panel_text(PanelText::PreviousOutput).in(lang));
        }
        for (const HeaderProblem& p : preview.mapping.problems) {
            status += "\n" + p.message(lang);
        }
        host.set_label(OUString("ResultValue"), to_ou(status));
    }

    // The user's choice of every field, as the command takes it.
    static std::string column_choices(const PanelHost& host) {
        ColumnOverrides overrides;
        for (Field f : kAllFields) {
            const auto row = panel_row(f);
            const Reference<css::awt::XListBox> box =
                row ? host.list(control_name("FieldList", *row)) : Reference<css::awt::XListBox>();
            if (box.is()) {
                overrides[field_index(f)] = box->getSelectedItemPos() - 1; // 0: "(none)"
            }
        }
        return format_column_overrides(overrides);
    }

    static void run(const PanelHost& host) {
        const Reference<css::frame::XDispatchProvider> provider(host.frame(), UNO_QUERY_THROW);
        css::util::URL url;
        url.Complete = OUString::createFromAscii(kSegmentCommand);
        css::util::URLTransformer::create(host.context())->parseStrict(url);
        const Reference<css::frame::XNotifyingDispatch> dispatch(
            provider->queryDispatch(url, "", 0), UNO_QUERY_THROW);
        Sequence<css::beans::PropertyValue> args(2);
        args.getArray()[0].Name = "Columns";
        args.getArray()[0].Value <<= to_ou(column_choices(host));
        args.getArray()[1].Name = "Silent";
        args.getArray()[1].Value <<= true;
        const rtl::Reference<ResultCollector> result = new ResultCollector;
        dispatch->dispatchWithNotification(url, args, result.get());
        refresh(host);
        host.set_label(OUString("ResultValue"), result->message);
    }
};

// ---------------------------------------------------------------- Rules

class RulesContent : public PanelContent {
public:
    const char* dialog() const override { return "RulesPanel.xdl"; }
    std::vector<const char*> methods() const override {
        return {"usePreset", "apply", "importRules", "exportRules", "reset"};
    }
    const char* message_control() const override { return "RulesMessage"; }

    void start(const PanelHost& host) override {
        host.set_label("PresetCaption", PanelText::Preset);
        host.set_label("UsePresetButton", PanelText::UsePreset);
        host.set_label("RulesCaption", PanelText::RulesText);
        host.set_label("ApplyButton", PanelText::Apply);
        host.set_label("ImportButton", PanelText::Import);
        host.set_label("ExportButton", PanelText::Export);
        host.set_label("ResetButton", PanelText::Reset);
        const Reference<css::awt::XListBox> box = host.list("PresetList");
        if (box.is()) {
            Sequence<OUString> names(static_cast<sal_Int32>(presets().size()));
            for (std::size_t i = 0; i < presets().size(); ++i) {
                names.getArray()[i] = OUString::fromUtf8(presets()[i].name.in(host.lang()));
            }
            box->removeItems(0, box->getItemCount());
            box->addItems(names, 0);
            box->selectItemPos(0, true);
        }
        show_document_rules(host);
    }

    void handle(const PanelHost& host, const OUString& method) override {
        if (method == "usePreset") {
            use_preset(host);
        } else if (method == "apply") {
            apply(host, text_of(host));
        } else if (method == "importRules") {
            import_rules(host);
        } else if (method == "exportRules") {
            export_rules(host);
        } else if (method == "reset") {
            write_rules_text(host.model(), {});
            show_document_rules(host);
            message(host, panel_text(PanelText::RulesReset).in(host.lang()));
        }
    }

    void selection_changed(const PanelHost&) override {}

private:
    static std::string text_of(const PanelHost& host) {
        const Reference<css::awt::XTextComponent> editor = host.edit("RulesText");
        return editor.is() ? to_utf8(editor->getText()) : std::string();
    }
    static void message(const PanelHost& host, const std::string& text) {
        host.set_label(OUString("RulesMessage"), to_ou(text));
    }

    // The editor shows every value the document's formulas use.
    static void show_document_rules(const PanelHost& host) {
        const Reference<css::awt::XTextComponent> editor = host.edit("RulesText");
        if (!editor.is()) {
            return;
        }
        const std::string stored = read_rules_text(host.model());
        if (stored.empty()) {
            editor->setText(to_ou(rules_to_json(default_rules())));
            return;
        }
        const RulesLoad load = load_rules(stored);
        editor->setText(to_ou(load.ok() ? rules_to_json(*load.rules) : stored));
        if (!load.ok()) {
            message(host, invalid_rules_message(RulesError(load.problems), host.lang()));
        }
    }

    // Validates, then stores: invalid rules are refused whole, never half-applied.
    static bool apply(const PanelHost& host, const std::string& json) {
        const RulesLoad load = load_rules(json);
        if (!load.ok()) {
            std::string text = panel_text(PanelText::RulesRefused).in(host.lang());
            for (const RuleProblem& p : load.problems) {
                text += "\n" + (p.path.empty() ? std::string() : p.path + ": ") +
                        p.message(host.lang());
            }
            message(host, text);
            return false;
        }
        write_rules_text(host.model(), rules_to_json(*load.rules));
        show_document_rules(host);
        message(host, panel_text(PanelText::RulesSaved).in(host.lang()));
        return true;
    }

    static void use_preset(const PanelHost& host) {
        const Reference<css::awt::XListBox> box = host.list("PresetList");
        const sal_Int16 index = box.is() ? box->getSelectedItemPos() : -1;
        if (index < 0 || static_cast<std::size_t>(index) >= presets().size()) {
            return;
        }
        const Preset& chosen = presets()[static_cast<std::size_t>(index)];
        if (apply(host, rules_to_json(chosen.rules))) {
            message(host, fill_placeholders(panel_text(PanelText::PresetApplied).in(host.lang()),
                                            {chosen.name.in(host.lang())}));
        }
    }

    static std::string pick_file(const PanelHost& host, bool save) {
        Sequence<Any> mode(1);
        mode.getArray()[0] <<= save ? css::ui::dialogs::TemplateDescription::FILESAVE_SIMPLE
                                    : css::ui::dialogs::TemplateDescription::FILEOPEN_SIMPLE;
        const Reference<css::ui::dialogs::XFilePicker3> picker =
            css::ui::dialogs::FilePicker::createWithMode(host.context(),
                                                         mode.getArray()[0].get<sal_Int16>());
        picker->appendFilter("JSON", "*.json");
        if (save) {
            picker->setDefaultName("client-triage-rules.json");
        }
        if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK) {
            return {};
        }
        const Sequence<OUString> files = picker->getSelectedFiles();
        if (files.getLength() == 0) {
            return {};
        }
        OUString path;
        osl::FileBase::getSystemPathFromFileURL(files[0], path);
        return to_utf8(path);
    }

    static void import_rules(const PanelHost& host) {
        const std::string path = pick_file(host, false);
        if (path.empty()) {
            return;
        }
        std::ifstream in(path, std::ios::binary);
        std::string json;
        // One byte past the limit is enough for the size check to refuse a huge file.
        json.resize(kMaxRulesBytes + 1);
        in.read(json.data(), static_cast<std::streamsize>(json.size()));
        json.resize(static_cast<std::size_t>(in.gcount()));
        const Reference<css::awt::XTextComponent> editor = host.edit("RulesText");
        if (editor.is() && json.size() <= kMaxRulesBytes) {
            editor->setText(to_ou(json));
        }
        apply(host, json);
    }

    static void export_rules(const PanelHost& host) {
        const std::string path = pick_file(host, true);
        if (path.empty()) {
            return;
        }
        std::ofstream(path, std::ios::binary | std::ios::trunc) << text_of(host);
        message(host, fill_placeholders(panel_text(PanelText::Exported).in(host.lang()), {path}));
    }
};

// ---------------------------------------------------------------- the panel

class Panel
    : public cppu::WeakImplHelper6<css::ui::XUIElement, css::ui::XToolPanel, css::ui::XSidebarPanel,
                                   css::lang::XComponent, css::awt::XContainerWindowEventHandler,
                                   css::view::XSelectionChangeListener>,
      private PanelHost {
public:
    Panel(const Reference<css::uno::XComponentContext>& context,
          const Reference<css::frame::XFrame>& frame, const OUString& url,
          const Reference<css::awt::XWindow>& parent, std::unique_ptr<PanelContent> content)
        : context_(context), frame_(frame), url_(url),
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

    Reference<css::frame::XController> controller() const {
        return frame_.is() ? frame_->getController() : nullptr;
    }

    Reference<css::uno::XComponentContext> context_;
    Reference<css::frame::XFrame> frame_;
    OUString url_;
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
        std::unique_ptr<PanelContent> content;
        if (url.endsWith("/RulesPanel")) {
            content = std::make_unique<RulesContent>();
        } else {
            content = std::make_unique<SegmentContent>();
        }
        return new Panel(context_, frame, url, parent, std::move(content));
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
