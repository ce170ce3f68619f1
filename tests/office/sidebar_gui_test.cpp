// The sidebar deck in a real Calc window (under xvfb-run): the deck opens, its panel shows the
// table and the recognised columns, and a click on its button, made through the
// accessibility API as assistive technology would, segments the table. In English, Russian
// and Finnish offices, every label, check box and button of both panels shows its whole text
// at the deck's default width, with every field of an order list shown; a screenshot each.
#include "office.hpp"
#include "sheet_ops.hpp"

#include "../unit/csv.hpp"

#include <com/sun/star/accessibility/AccessibleRole.hpp>
#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/accessibility/XAccessibleAction.hpp>
#include <com/sun/star/accessibility/XAccessibleComponent.hpp>
#include <com/sun/star/accessibility/XAccessibleContext.hpp>
#include <com/sun/star/accessibility/XAccessibleEditableText.hpp>
#include <com/sun/star/accessibility/XAccessibleSelection.hpp>
#include <com/sun/star/accessibility/XAccessibleText.hpp>
#include <com/sun/star/frame/XController2.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/ui/XDeck.hpp>
#include <com/sun/star/ui/XDecks.hpp>
#include <com/sun/star/ui/XSidebarProvider.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <thread>

namespace {

using css::accessibility::XAccessible;
using css::accessibility::XAccessibleContext;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
namespace Role = css::accessibility::AccessibleRole;
using office::utf8;

// Depth-first search of the accessibility tree for a context matching `match`.
Reference<XAccessibleContext>
find(const Reference<XAccessible>& root,
     const std::function<bool(const Reference<XAccessibleContext>&)>& match, int depth = 0) {
    if (!root.is() || depth > 40) {
        return nullptr;
    }
    const Reference<XAccessibleContext> context = root->getAccessibleContext();
    if (!context.is()) {
        return nullptr;
    }
    if (match(context)) {
        return context;
    }
    const sal_Int64 children = context->getAccessibleChildCount();
    if (children > 300) {
        return nullptr; // a sheet's cells: nothing of the panel's in there
    }
    for (sal_Int64 i = 0; i < children; ++i) {
        try {
            const auto found = find(context->getAccessibleChild(i), match, depth + 1);
            if (found.is()) {
                return found;
            }
        } catch (const css::uno::Exception&) {
        }
    }
    return nullptr;
}

Reference<XAccessibleContext> find_named(const Reference<XAccessible>& root, sal_Int16 role,
                                         const std::string& name) {
    return find(root, [&](const Reference<XAccessibleContext>& c) {
        return c->getAccessibleRole() == role && utf8(c->getAccessibleName()) == name;
    });
}

Reference<XAccessibleContext> find_containing(const Reference<XAccessible>& root, sal_Int16 role,
                                              const std::string& part) {
    return find(root, [&](const Reference<XAccessibleContext>& c) {
        return c->getAccessibleRole() == role &&
               utf8(c->getAccessibleName()).find(part) != std::string::npos;
    });
}

// The item a drop-down named `name` shows.
std::string selected_item(const Reference<XAccessible>& root, const std::string& name) {
    const auto combo = find_named(root, Role::COMBO_BOX, name);
    if (!combo.is()) {
        return "<no drop-down " + name + ">";
    }
    for (sal_Int64 i = 0; i < combo->getAccessibleChildCount(); ++i) {
        const Reference<XAccessibleContext> child =
            combo->getAccessibleChild(i)->getAccessibleContext();
        const Reference<css::accessibility::XAccessibleSelection> selection(child, UNO_QUERY);
        if (child->getAccessibleRole() == Role::LIST && selection.is() &&
            selection->getSelectedAccessibleChildCount() > 0) {
            return utf8(selection->getSelectedAccessibleChild(0)
                            ->getAccessibleContext()
                            ->getAccessibleName());
        }
    }
    return "<nothing selected>";
}

// Chooses `item` in the drop-down named `name`, as a screen reader would; false when either is
// not there.
bool choose(const Reference<XAccessible>& root, const std::string& name, const std::string& item) {
    const auto combo = find_named(root, Role::COMBO_BOX, name);
    if (!combo.is()) {
        return false;
    }
    for (sal_Int64 i = 0; i < combo->getAccessibleChildCount(); ++i) {
        const Reference<XAccessibleContext> list =
            combo->getAccessibleChild(i)->getAccessibleContext();
        const Reference<css::accessibility::XAccessibleSelection> selection(list, UNO_QUERY);
        if (list->getAccessibleRole() != Role::LIST || !selection.is()) {
            continue;
        }
        for (sal_Int64 j = 0; j < list->getAccessibleChildCount(); ++j) {
            if (utf8(list->getAccessibleChild(j)->getAccessibleContext()->getAccessibleName()) ==
                item) {
                selection->selectAccessibleChild(j);
                return true;
            }
        }
    }
    return false;
}

// The names of every context of a role, "[a][b]" (for failure messages).
std::string names_of(const Reference<XAccessible>& root, sal_Int16 role) {
    std::string names;
    find(root, [&](const Reference<XAccessibleContext>& c) {
        if (c->getAccessibleRole() == role) {
            names += "[" + utf8(c->getAccessibleName()) + "]";
        }
        return false;
    });
    return names;
}

template <class Check> bool wait_for(Check check, int seconds = 30) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (std::chrono::steady_clock::now() < deadline) {
        if (check()) {
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    return check();
}

// An office with windows of its own for each test: the sidebar of a second document window
// does not come up reliably in one office under xvfb.
class SidebarGui : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::getenv("DISPLAY")) {
            GTEST_SKIP() << "needs a display: run under xvfb-run";
        }
        office::OfficeOptions options;
        options.visible = true;
        office_ = std::make_unique<office::Office>(options);
    }
    void TearDown() override { office_.reset(); }
    std::unique_ptr<office::Office> office_;
};

// Opens the Client Triage deck the way the sidebar's tab bar does; returns the window's
// accessibility root.
Reference<XAccessible> open_deck(const office::CalcDoc& doc) {
    const Reference<css::frame::XModel> model(doc.component(), UNO_QUERY_THROW);
    const Reference<css::frame::XController2> controller(model->getCurrentController(),
                                                         UNO_QUERY_THROW);
    const Reference<css::ui::XSidebarProvider> sidebar = controller->getSidebar();
    sidebar->setVisible(true);
    const Reference<css::ui::XDeck> deck(sidebar->getDecks()->getByName("ClientTriageDeck"),
                                         UNO_QUERY_THROW);
    deck->activate(true);
    return Reference<XAccessible>(controller->getFrame()->getContainerWindow(), UNO_QUERY_THROW);
}

void click(const Reference<XAccessibleContext>& button) {
    Reference<css::accessibility::XAccessibleAction>(button, UNO_QUERY_THROW)
        ->doAccessibleAction(0);
}

// A picture of the whole screen in the build directory as `name` (when ImageMagick's `import`
// is there), for the README.
void screenshot(const std::string& name) {
    const std::string shot = std::string(TRIAGE_BINARY_DIR) + "/" + name;
    std::filesystem::remove(shot);
    if (std::system("command -v import >/dev/null 2>&1") == 0) {
        std::this_thread::sleep_for(std::chrono::seconds(1));
        ASSERT_EQ(std::system(("import -window root " + shot).c_str()), 0);
        EXPECT_GT(std::filesystem::file_size(shot), 20000u) << "an empty screen?";
    }
}

TEST_F(SidebarGui, TheDeckShowsTheMappingAndItsButtonSegments) {
    office::CalcDoc doc(*office_);
    office::set_rows(doc, "A1",
                     {{std::string("Client"), std::string("Profit"), std::string("Days late")},
                      {std::string("Acme"), 1000.0, 0.0},
                      {std::string("Beta"), 900.0, 50.0},
                      {std::string("Gamma"), 300.0, 0.0},
                      {std::string("Delta"), 200.0, 5.0},
                      {std::string("Eps"), -100.0, 30.0}});
    office::select(doc, "B3");

    const Reference<XAccessible> window = open_deck(doc);
    Reference<XAccessibleContext> button;
    ASSERT_TRUE(wait_for([&] {
        button = find_named(window, Role::PUSH_BUTTON, "Segment");
        return button.is();
    })) << "the panel's Segment button never appeared";

    // The panel shows the table and the recognised columns.
    EXPECT_TRUE(find_containing(window, Role::LABEL, "5 clients in $Sheet1.$A$1:$C$6").is());
    EXPECT_EQ(selected_item(window, "Client"), "A: Client");
    EXPECT_EQ(selected_item(window, "Profit"), "B: Profit");
    EXPECT_EQ(selected_item(window, "Days late"), "C: Days late");
    EXPECT_EQ(selected_item(window, "Revenue"), "(none)");
    EXPECT_TRUE(find_containing(window, Role::LABEL, "Risk signals found: Days late").is());

    click(button);
    ASSERT_TRUE(wait_for([&] { return doc.text("D1") == "Tier"; }, 30));
    EXPECT_EQ(doc.text("D2"), "A");
    EXPECT_EQ(doc.text("F3"), "Renegotiate");
    EXPECT_EQ(doc.text("F6"), "Let go");
    EXPECT_TRUE(
        wait_for([&] { return find_containing(window, Role::LABEL, "Segmented 5 clients").is(); }));

    // A picture of the window with the deck and the coloured results.
    screenshot("sidebar.png");
}

TEST_F(SidebarGui, TheRulesPanelAppliesAPresetAndResets) {
    office::CalcDoc doc(*office_);
    doc.set_column("A1", {50, 30, 10, 5, 3, 2});
    doc.set_formula("B3", "=CLIENT_TIER(A3;A1:A6)");
    ASSERT_EQ(doc.text("B3"), "B"); // the standard a_share 0.8
    const Reference<XAccessible> window = open_deck(doc);
    Reference<XAccessibleContext> use_preset;
    ASSERT_TRUE(wait_for([&] {
        use_preset = find_named(window, Role::PUSH_BUTTON, "Use preset");
        return use_preset.is();
    })) << "the Rules panel never appeared; buttons: "
        << names_of(window, Role::PUSH_BUTTON);

    // Choose "Wholesale" (tier A makes 70% of the profit) and use it.
    ASSERT_TRUE(choose(window, "Preset", "Wholesale"));
    click(use_preset);
    ASSERT_TRUE(wait_for([&] {
        return office::document_rules(doc).find("0.7") != std::string::npos;
    })) << office::document_rules(doc);
    // T = 100, line 70: 50 (0) and 30 (50) are A, 10 has 80 before it: the rest 20, line 16.
    EXPECT_EQ(doc.text("B3"), "B");
    EXPECT_TRUE(find_containing(window, Role::LABEL, "Preset Wholesale applied").is());

    // Reset to the defaults.
    click(find_named(window, Role::PUSH_BUTTON, "Reset to defaults"));
    EXPECT_TRUE(wait_for([&] { return office::document_rules(doc).empty(); }));
}

// ---------------------------------------------------------------- every text whole

// The text of a control runs past its edge: its last character's box is not inside the
// control (a label, a check box or a button; the boxes are the ones VCL drew).
std::string cut_text(const Reference<XAccessibleContext>& c) {
    const Reference<css::accessibility::XAccessibleText> text(c, UNO_QUERY);
    const Reference<css::accessibility::XAccessibleComponent> box(c, UNO_QUERY);
    if (!text.is() || !box.is() || text->getCharacterCount() == 0) {
        return {};
    }
    const css::awt::Size size = box->getSize();
    const sal_Int32 last = text->getCharacterCount() - 1;
    const css::awt::Rectangle r = text->getCharacterBounds(last);
    if (r.X < 0 || r.X + r.Width > size.Width + 1 || r.Y < 0 || r.Y + r.Height > size.Height + 1) {
        return "\"" + utf8(c->getAccessibleName()) + "\" (last character at " +
               std::to_string(r.X) + "," + std::to_string(r.Y) + " " + std::to_string(r.Width) +
               "x" + std::to_string(r.Height) + ", control " + std::to_string(size.Width) + "x" +
               std::to_string(size.Height) + ")";
    }
    return {};
}

// Every label, check box and button beside `member` (in the same panel window) that is cut,
// or that reaches past the panel's right edge; and how many were looked at.
std::vector<std::string> cut_controls(const Reference<XAccessibleContext>& member, int& checked) {
    std::vector<std::string> cut;
    const Reference<XAccessible> parent = member->getAccessibleParent();
    const Reference<XAccessibleContext> panel = parent->getAccessibleContext();
    const Reference<css::accessibility::XAccessibleComponent> panel_box(panel, UNO_QUERY);
    const sal_Int32 panel_width = panel_box.is() ? panel_box->getSize().Width : 0;
    for (sal_Int64 i = 0; i < panel->getAccessibleChildCount(); ++i) {
        const Reference<XAccessibleContext> c =
            panel->getAccessibleChild(i)->getAccessibleContext();
        const sal_Int16 role = c->getAccessibleRole();
        if (role != Role::LABEL && role != Role::PUSH_BUTTON && role != Role::CHECK_BOX &&
            role != Role::COMBO_BOX) {
            continue;
        }
        const Reference<css::accessibility::XAccessibleComponent> box(c, UNO_QUERY);
        if (!box.is() || box->getSize().Width <= 0) {
            continue;
        }
        ++checked;
        if (box->getLocation().X + box->getSize().Width > panel_width + 1) {
            cut.push_back("\"" + utf8(c->getAccessibleName()) + "\" reaches past the panel");
        }
        if (role != Role::COMBO_BOX) {
            if (const std::string why = cut_text(c); !why.empty()) {
                cut.push_back(why);
            }
        }
    }
    return cut;
}

// The horizontal scroll bars as wide as the panel (the deck's; a text field's own is narrower,
// the sheet's is left of the sidebar), as "x,y widthxheight". A hidden one is not in the tree.
std::vector<std::string> deck_horizontal_scroll_bars(const Reference<XAccessible>& window,
                                                     const Reference<XAccessibleContext>& panel) {
    const Reference<css::accessibility::XAccessibleComponent> panel_box(panel, UNO_QUERY_THROW);
    const sal_Int32 left = panel_box->getLocationOnScreen().X;
    const sal_Int32 width = panel_box->getSize().Width;
    std::vector<std::string> bars;
    find(window, [&](const Reference<XAccessibleContext>& c) {
        if (c->getAccessibleRole() == Role::SCROLL_BAR) {
            const Reference<css::accessibility::XAccessibleComponent> box(c, UNO_QUERY);
            if (box.is()) {
                const css::awt::Size size = box->getSize();
                const css::awt::Point at = box->getLocationOnScreen();
                if (size.Width > size.Height && at.X >= left - 20 && size.Width >= width - 30) {
                    bars.push_back(std::to_string(at.X) + "," + std::to_string(at.Y) + " " +
                                   std::to_string(size.Width) + "x" + std::to_string(size.Height));
                }
            }
        }
        return false; // look at every one
    });
    return bars;
}

struct PanelLanguage {
    const char* locale;
    const char* tag;
    const char* segment;    // the Segment button
    const char* more;       // the "Show every field" check box
    const char* use_preset; // the Rules panel's button
    const char* hidden;     // a field label shown only with every field (Cost)
    const char* found;      // what the panel says it found in the order list
    const char* period;     // the cohorts' period drop-down
    const char* month;      // its items
    const char* quarter;
    bool by_quarter; // the run chooses quarters (else it leaves the rules' months)
};

class SidebarLanguages : public ::testing::TestWithParam<PanelLanguage> {
protected:
    void SetUp() override {
        if (!std::getenv("DISPLAY")) {
            GTEST_SKIP() << "needs a display: run under xvfb-run";
        }
        office::OfficeOptions options;
        options.visible = true;
        options.ui_locale = GetParam().locale;
        office_ = std::make_unique<office::Office>(options);
    }
    void TearDown() override { office_.reset(); }
    std::unique_ptr<office::Office> office_;
};

TEST_P(SidebarLanguages, EveryLabelAndButtonIsWholeAtTheDefaultWidth) {
    const PanelLanguage& lang = GetParam();
    // The example order export (examples/orders.csv) in a sheet: the panel shows the roles of
    // a list of transactions.
    office::CalcDoc doc(*office_);
    const auto text =
        triage::test::read_file(std::string(TRIAGE_SOURCE_DIR) + "/examples/orders.csv");
    ASSERT_TRUE(text);
    std::vector<std::vector<office::CellValue>> rows;
    for (const auto& line : triage::test::parse_csv(*text)) {
        std::vector<office::CellValue> cells;
        for (const auto& cell : line) {
            cells.emplace_back(cell.empty() ? office::CellValue() : office::CellValue(cell));
        }
        rows.push_back(std::move(cells));
    }
    office::set_rows(doc, "A1", rows);
    office::select(doc, "B3");
    const Reference<XAccessible> window = open_deck(doc);
    Reference<XAccessibleContext> segment;
    ASSERT_TRUE(wait_for([&] {
        segment = find_named(window, Role::PUSH_BUTTON, lang.segment);
        return segment.is();
    })) << "the panel's Segment button never appeared";
    // The panel says what it found.
    EXPECT_TRUE(wait_for([&] { return find_containing(window, Role::LABEL, lang.found).is(); }))
        << lang.found << "; the labels: " << names_of(window, Role::LABEL);
    // Every field of an order list shown.
    const auto more = find_named(window, Role::CHECK_BOX, lang.more);
    ASSERT_TRUE(more.is()) << lang.more;
    click(more);
    ASSERT_TRUE(wait_for([&] { return find_named(window, Role::LABEL, lang.hidden).is(); }))
        << lang.hidden;
    std::this_thread::sleep_for(std::chrono::seconds(1)); // the deck lays out again

    int checked = 0;
    const std::vector<std::string> segment_cut = cut_controls(segment, checked);
    EXPECT_TRUE(segment_cut.empty()) << ::testing::PrintToString(segment_cut);
    EXPECT_GE(checked, 25); // captions, 11 roles' labels and drop-downs, check box, button
    const auto use_preset = find_named(window, Role::PUSH_BUTTON, lang.use_preset);
    ASSERT_TRUE(use_preset.is()) << lang.use_preset;
    int rules_checked = 0;
    const std::vector<std::string> rules_cut = cut_controls(use_preset, rules_checked);
    EXPECT_TRUE(rules_cut.empty()) << ::testing::PrintToString(rules_cut);
    EXPECT_GE(rules_checked, 8);
    // The panels fit the deck's width: no horizontal scroll bar under them (there is a
    // vertical one: every field is shown).
    const Reference<XAccessibleContext> segment_panel =
        segment->getAccessibleParent()->getAccessibleContext();
    EXPECT_TRUE(deck_horizontal_scroll_bars(window, segment_panel).empty())
        << ::testing::PrintToString(deck_horizontal_scroll_bars(window, segment_panel));

    // An analysis date typed into the panel: the last client's last order (2026-11-15) is
    // 46 days before 2026-12-31.
    bool typed = false;
    const Reference<XAccessibleContext> panel =
        segment->getAccessibleParent()->getAccessibleContext();
    for (sal_Int64 i = 0; i < panel->getAccessibleChildCount() && !typed; ++i) {
        const Reference<XAccessibleContext> c =
            panel->getAccessibleChild(i)->getAccessibleContext();
        const Reference<css::accessibility::XAccessibleEditableText> edit(c, UNO_QUERY);
        if (c->getAccessibleRole() == Role::TEXT && edit.is()) {
            typed = edit->setText(office::ou("2026-12-31"));
        }
    }
    ASSERT_TRUE(typed) << "no analysis date field";
    // The cohorts' period: the rules' month shown; quarters chosen in Russian and Finnish.
    EXPECT_EQ(selected_item(window, lang.period), lang.month);
    if (lang.by_quarter) {
        ASSERT_TRUE(choose(window, lang.period, lang.quarter)) << names_of(window, Role::COMBO_BOX);
    }

    // Segmented through the panel: the Clients sheet, shown with the deck. The click returns
    // at once; the run is over when the Cohorts sheet (the third) has its first cohort.
    click(segment);
    ASSERT_TRUE(wait_for(
        [&] {
            return office::sheet_names(doc).size() >= 3 &&
                   !office::get_rows(doc, "C2", 2)[0][0].empty();
        },
        30));
    // Column H of the Clients sheet is the days since the last order (after Client ID, Client,
    // Revenue, Profit, Orders, First and Last order date).
    const auto since = office::get_rows(doc, "H2:H201", 1);
    double fewest = 1e9;
    for (const auto& row : since) {
        fewest = std::min(fewest, std::stod(row[0]));
    }
    EXPECT_EQ(fewest, 46); // the latest order, 2026-11-15, to 2026-12-31
    EXPECT_EQ(office::get_rows(doc, "C2", 2)[0][0], lang.by_quarter ? "Q0" : "M0");

    // The Clients sheet with its coloured Tier and Verdict columns in view.
    office::select(doc, "X2", 1);
    office::select(doc, "O2", 1);
    screenshot("sidebar-" + std::string(lang.tag) + ".png");

    // The Cohorts sheet in English (docs/cohorts-sheet.png: the retention table with its
    // colour scale, the curve's chart further down).
    if (std::string(lang.tag) == "en") {
        ASSERT_GE(office::sheet_names(doc).size(), 4u);
        ASSERT_EQ(office::sheet_names(doc)[2], "Cohorts");
        office::select(doc, "A1", 2);
        screenshot("cohorts-en.png");
        // The tier movement matrix further down (docs/movement-matrix.png).
        const auto column_a = office::get_rows(doc, "A1:A400", 2);
        std::size_t matrix = 0;
        while (matrix < column_a.size() && column_a[matrix][0].rfind("Clients: ", 0) != 0) {
            ++matrix;
        }
        ASSERT_LT(matrix, column_a.size());
        office::select(doc, "A" + std::to_string(matrix + 30), 2);
        office::select(doc, "A" + std::to_string(matrix), 2);
        screenshot("movement-en.png");
    }
}

INSTANTIATE_TEST_SUITE_P(
    EnRuFi, SidebarLanguages,
    ::testing::Values(PanelLanguage{"en-US", "en", "Segment", "Show every field", "Use preset",
                                    "Cost",
                                    "2765 order lines of 200 clients (key: Customer ID, shown "
                                    "as Customer Name; order dates 2024-11-15 to 2026-11-15)",
                                    "Cohorts by", "Month of the first order",
                                    "Quarter of the first order", false},
                      PanelLanguage{"ru-RU", "ru", "Сегментировать", "Показать все поля",
                                    "Применить набор", "Себестоимость",
                                    "2765 строк заказов, клиентов: 200", "Когорты по",
                                    "Месяцу первого заказа", "Кварталу первого заказа", true},
                      PanelLanguage{"fi-FI", "fi", "Luokittele", "Näytä kaikki kentät",
                                    "Käytä pohjaa", "Kustannus", "2765 tilausriviä, 200 asiakasta",
                                    "Kohortit", "Ensitilauksen kuukauden mukaan",
                                    "Ensitilauksen vuosineljänneksen mukaan", true}),
    [](const ::testing::TestParamInfo<PanelLanguage>& info) {
        return std::string(info.param.tag);
    });

} // namespace
