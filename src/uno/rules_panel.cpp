// The sidebar's Rules panel: the document's rule set (a preset, or edited JSON; import,
// export, reset). Invalid rules are refused whole, never half-applied.
#include "uno/args.hpp"
#include "uno/document_rules.hpp"
#include "uno/panel_host.hpp"

#include "core/rules.hpp"
#include "core/text.hpp"

#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePicker3.hpp>
#include <osl/file.hxx>

#include <fstream>
#include <string>

namespace triage::uno {

namespace {

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
            PanelHost::set_items(box, names);
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

    std::vector<LayoutItem> layout_items(const PanelHost&) const override {
        using K = LayoutItem::Kind;
        return {{"PresetCaption", K::Text},
                {"PresetList", K::List},
                {"UsePresetButton", K::Button, true, 0, 6},
                {"RulesCaption", K::Text},
                {"RulesText", K::Edit, true, 150},
                {"ApplyButton", K::Button},
                {"ResetButton", K::Button},
                {"ImportButton", K::Button},
                {"ExportButton", K::Button},
                {"RulesMessage", K::Text}};
    }

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
            message(host, std::string(panel_text(PanelText::RulesRefused).in(host.lang())) + "\n" +
                              rule_problems_text(load.problems, host.lang(), "\n"));
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

} // namespace

std::unique_ptr<PanelContent> make_rules_content() {
    return std::make_unique<RulesContent>();
}

} // namespace triage::uno
