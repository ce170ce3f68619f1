// The sidebar's Segment panel: the table the run will work on and what was found in it (for a
// list of transactions: "10194 order lines of 804 clients (key: ...; order dates ..., read as
// day/month/year)"), the kind of table (detected, or chosen), a drop-down per field of that
// kind with the recognised column (the main fields and the recognised ones shown, the rest
// behind "Show every field"), the sheet listing returned orders, the cohorts' period (month or
// quarter, the rules' shown), the analysis date (empty: the rules' or the default), a Segment
// button and, after a run, the result line. The button runs the
// same dispatch command as the Data menu entry.
#include "uno/args.hpp"
#include "uno/command.hpp"
#include "uno/panel_host.hpp"
#include "uno/segment_run.hpp"

#include "core/headers.hpp"
#include "core/text.hpp"

#include <com/sun/star/awt/XCheckBox.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ref.hxx>

#include <optional>
#include <string>
#include <vector>

namespace triage::uno {

namespace {

// Collects a dispatch's result line.
class ResultCollector : public cppu::WeakImplHelper1<css::frame::XDispatchResultListener> {
public:
    void SAL_CALL dispatchFinished(const css::frame::DispatchResultEvent& event) override {
        event.Result >>= message;
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}
    OUString message;
};

// The fields shown without "Show every field": what a table of the kind cannot do without.
bool main_field(Field f, TableKind kind) {
    if (kind == TableKind::Clients) {
        return f == Field::Client || f == Field::Revenue || f == Field::Profit;
    }
    return f == Field::ClientId || f == Field::Client || f == Field::OrderId ||
           f == Field::OrderDate || f == Field::Revenue || f == Field::Profit;
}

class SegmentContent : public PanelContent {
public:
    const char* dialog() const override { return "SegmentPanel.xdl"; }
    std::vector<const char*> methods() const override {
        return {"segment", "kindChanged", "toggleMore"};
    }
    const char* message_control() const override { return "ResultValue"; }

    void start(const PanelHost& host) override {
        const Lang lang = host.lang();
        host.set_label("TableCaption", PanelText::Table);
        host.set_label("KindCaption", PanelText::KindCaption);
        host.set_label("ColumnsCaption", PanelText::Columns);
        host.set_label("MoreCheck", PanelText::MoreFields);
        host.set_label("ReturnsCaption", PanelText::ReturnsCaption);
        host.set_label("PeriodCaption", PanelText::PeriodCaption);
        host.set_label("SegmentButton", PanelText::Segment);
        for (Field f : kAllFields) {
            host.set_label(control_name("FieldLabel", field_index(f)),
                           OUString::fromUtf8(field_name(f).in(lang)));
        }
        const Reference<css::awt::XListBox> kinds = host.list("KindList");
        if (kinds.is()) {
            Sequence<OUString> items(2);
            items.getArray()[0] = host.text(PanelText::KindClients);
            items.getArray()[1] = host.text(PanelText::KindLines);
            PanelHost::set_items(kinds, items);
        }
        if (const Reference<css::awt::XListBox> periods = host.list("PeriodList"); periods.is()) {
            Sequence<OUString> items(2); // in CohortPeriod order
            items.getArray()[0] = host.text(PanelText::PeriodMonth);
            items.getArray()[1] = host.text(PanelText::PeriodQuarter);
            PanelHost::set_items(periods, items);
        }
        refresh(host);
    }

    void handle(const PanelHost& host, const OUString& method) override {
        if (method == "kindChanged") {
            const Reference<css::awt::XListBox> kinds = host.list("KindList");
            const sal_Int16 pos = kinds.is() ? kinds->getSelectedItemPos() : -1;
            const TableKind chosen = pos == 1 ? TableKind::Transactions : TableKind::Clients;
            if (chosen != preview_.kind) {
                chosen_kind_ = chosen;
                refresh(host);
            }
        } else if (method == "toggleMore") {
            const Reference<css::awt::XCheckBox> more(host.control("MoreCheck"), UNO_QUERY);
            more_ = more.is() && more->getState() == 1;
            host.request_layout();
        } else {
            run(host);
        }
    }

    void selection_changed(const PanelHost& host) override {
        // A cursor moving inside the same table changes nothing: the table is not read again.
        const Reference<css::frame::XModel> model = host.model();
        const std::string address = model.is() ? table_address(model) : std::string();
        if (!address.empty() && address == preview_.address) {
            return;
        }
        chosen_kind_.reset(); // another table: its own kind
        refresh(host);
    }

    std::vector<LayoutItem> layout_items(const PanelHost&) const override {
        using K = LayoutItem::Kind;
        const bool lines = preview_.found && preview_.kind == TableKind::Transactions;
        // Without a table (the text says why) only the button stays, to try again.
        const bool found = preview_.found;
        std::vector<LayoutItem> items = {{"TableCaption", K::Text},
                                         {"TableValue", K::Text, true, 0, 4},
                                         {"KindCaption", K::Text, found},
                                         {"KindList", K::List, found, 0, 4},
                                         {"ColumnsCaption", K::Text, found}};
        for (Field f : kAllFields) {
            const bool shown =
                preview_.found && field_applies(f, preview_.kind) &&
                (more_ || main_field(f, preview_.kind) || preview_.mapping.column(f).has_value());
            items.push_back({control_name("FieldLabel", field_index(f)), K::Text, shown, 0, 0});
            items.push_back({control_name("FieldList", field_index(f)), K::List, shown, 0, 3});
        }
        items.push_back({"MoreCheck", K::Check, found, 0, 4});
        items.push_back({"ReturnsCaption", K::Text, lines, 0, 0});
        items.push_back({"ReturnsList", K::List, lines, 0, 4});
        items.push_back({"PeriodCaption", K::Text, lines, 0, 0});
        items.push_back({"PeriodList", K::List, lines, 0, 4});
        items.push_back({"AnalysisCaption", K::Text, found, 0, 0});
        items.push_back({"AnalysisDate", K::Edit, found, 12, 4});
        items.push_back({"SegmentButton", K::Button, true, 0, 4});
        items.push_back({"ResultValue", K::Text});
        return items;
    }

private:
    // Shows the table around the cursor, what was found in it and the recognised column of
    // every field of its kind.
    void refresh(const PanelHost& host) {
        const Reference<css::frame::XModel> model = host.model();
        if (!model.is()) {
            return;
        }
        const Lang lang = host.lang();
        preview_ = preview_table(model, lang, chosen_kind_);
        const bool lines = preview_.kind == TableKind::Transactions;
        std::string table = preview_.problem;
        if (preview_.found) {
            table =
                fill_placeholders(panel_text(lines ? PanelText::Lines : PanelText::Rows).in(lang),
                                  {std::to_string(preview_.client_rows), preview_.address});
            if (!preview_.description.empty()) {
                table += "\n" + preview_.description;
            }
        }
        host.set_label(OUString("TableValue"), to_ou(table));
        host.set_label("AnalysisCaption",
                       lines ? PanelText::AnalysisDate : PanelText::AnalysisToday);
        if (const Reference<css::awt::XListBox> kinds = host.list("KindList"); kinds.is()) {
            kinds->selectItemPos(lines ? 1 : 0, true);
        }
        // Drop-downs: "(none)" and every column of the table.
        Sequence<OUString> items(static_cast<sal_Int32>(preview_.headers.size()) + 1);
        items.getArray()[0] = host.text(PanelText::NoColumn);
        for (std::size_t i = 0; i < preview_.headers.size(); ++i) {
            items.getArray()[i + 1] = to_ou(column_letters(i) + ": " + preview_.headers[i]);
        }
        std::string signals;
        for (Field f : kAllFields) {
            const Reference<css::awt::XListBox> box =
                host.list(control_name("FieldList", field_index(f)));
            if (!box.is()) {
                continue;
            }
            PanelHost::set_items(box, items);
            const auto column = preview_.mapping.column(f);
            box->selectItemPos(column ? static_cast<sal_Int16>(*column + 1) : 0, true);
            if (column && signal_of(f)) {
                signals += (signals.empty() ? "" : ", ") + std::string(field_name(f).in(lang));
            }
        }
        refresh_returns(host);
        if (const Reference<css::awt::XListBox> periods = host.list("PeriodList"); periods.is()) {
            periods->selectItemPos(static_cast<sal_Int16>(preview_.cohort_period), true);
        }
        // A list of transactions has its signals from the lines (days late, returns, ...).
        std::string status =
            lines || !preview_.found ? std::string()
            : signals.empty()
                ? std::string(panel_text(PanelText::NoSignals).in(lang))
                : fill_placeholders(panel_text(PanelText::SignalsFound).in(lang), {signals});
        if (preview_.has_previous_output) {
            status += (status.empty() ? "" : "\n") +
                      std::string(panel_text(PanelText::PreviousOutput).in(lang));
        }
        for (const HeaderProblem& p : preview_.mapping.problems) {
            status += (status.empty() ? "" : "\n") + p.message(lang);
        }
        host.set_label(OUString("ResultValue"), to_ou(status));
        host.request_layout();
    }

    // The sheets that may list returned orders: found by name, none, or one of the others.
    void refresh_returns(const PanelHost& host) {
        const Reference<css::awt::XListBox> box = host.list("ReturnsList");
        if (!box.is()) {
            return;
        }
        const OUString chosen = box->getSelectedItem();
        Sequence<OUString> items(static_cast<sal_Int32>(preview_.other_sheets.size()) + 2);
        items.getArray()[0] = host.text(PanelText::ReturnsByName);
        items.getArray()[1] = host.text(PanelText::NoColumn);
        sal_Int16 keep = 0;
        for (std::size_t i = 0; i < preview_.other_sheets.size(); ++i) {
            items.getArray()[i + 2] = to_ou(preview_.other_sheets[i]);
            if (items[static_cast<sal_Int32>(i) + 2] == chosen) {
                keep = static_cast<sal_Int16>(i + 2);
            }
        }
        PanelHost::set_items(box, items);
        box->selectItemPos(keep, true);
    }

    // The user's choice of every field shown, as the command takes it (a hidden field keeps
    // what recognition found).
    std::string column_choices(const PanelHost& host) const {
        ColumnOverrides overrides;
        for (const LayoutItem& item : layout_items(host)) {
            if (!item.visible || !item.name.startsWith("FieldList")) {
                continue;
            }
            const std::size_t index =
                static_cast<std::size_t>(item.name.copy(9).toInt32()); // "FieldList" + N
            const Reference<css::awt::XListBox> box = host.list(item.name);
            if (box.is() && index < kFieldCount) {
                overrides[index] = box->getSelectedItemPos() - 1; // 0: "(none)"
            }
        }
        return format_column_overrides(overrides);
    }

    // "" finds the returns sheet by its name, "-" uses none, else a sheet's name.
    std::string returns_choice(const PanelHost& host) const {
        const Reference<css::awt::XListBox> box = host.list("ReturnsList");
        const sal_Int16 pos = box.is() ? box->getSelectedItemPos() : 0;
        if (pos <= 0) {
            return {};
        }
        return pos == 1 ? "-" : to_utf8(box->getSelectedItem());
    }

    // The period chosen in the panel when it is not the rules' (a choice the rules changed
    // since the panel showed them leaves to the rules).
    std::optional<CohortPeriod> period_choice(const PanelHost& host) const {
        const Reference<css::awt::XListBox> box = host.list("PeriodList");
        const sal_Int16 pos = box.is() ? box->getSelectedItemPos() : -1;
        if (pos < 0 || pos == static_cast<sal_Int16>(preview_.cohort_period)) {
            return std::nullopt;
        }
        return pos == 0 ? CohortPeriod::Month : CohortPeriod::Quarter;
    }

    void run(const PanelHost& host) {
        const Reference<css::frame::XDispatchProvider> provider(host.frame(), UNO_QUERY_THROW);
        css::util::URL url;
        url.Complete = OUString::createFromAscii(kSegmentCommand);
        css::util::URLTransformer::create(host.context())->parseStrict(url);
        const Reference<css::frame::XNotifyingDispatch> dispatch(
            provider->queryDispatch(url, "", 0), UNO_QUERY_THROW);
        const Reference<css::awt::XTextComponent> analysis = host.edit("AnalysisDate");
        const OUString date = analysis.is() ? analysis->getText().trim() : OUString();
        std::vector<css::beans::PropertyValue> args(4);
        auto* a = args.data();
        a[0].Name = "Columns";
        a[0].Value <<= to_ou(column_choices(host));
        a[1].Name = "Silent";
        a[1].Value <<= true;
        a[2].Name = "Kind";
        a[2].Value <<= to_ou(std::string(table_kind_key(preview_.kind)));
        a[3].Name = "ReturnsSheet";
        a[3].Value <<= to_ou(returns_choice(host));
        if (!date.isEmpty()) { // the document's rules or the data's latest date otherwise
            args.emplace_back("AnalysisDate", 0, Any(date), css::beans::PropertyState_DIRECT_VALUE);
        }
        if (const auto period = period_choice(host)) {
            args.emplace_back("CohortPeriod", 0,
                              Any(to_ou(std::string(cohort_period_key(*period)))),
                              css::beans::PropertyState_DIRECT_VALUE);
        }
        const rtl::Reference<ResultCollector> result = new ResultCollector;
        dispatch->dispatchWithNotification(
            url,
            Sequence<css::beans::PropertyValue>(args.data(), static_cast<sal_Int32>(args.size())),
            result.get());
        refresh(host);
        host.set_label(OUString("ResultValue"), result->message);
        host.request_layout();
    }

    TablePreview preview_;
    std::optional<TableKind> chosen_kind_;
    bool more_ = false;
};

} // namespace

std::unique_ptr<PanelContent> make_segment_content() {
    return std::make_unique<SegmentContent>();
}

} // namespace triage::uno
