// Transaction tables through the installed extension (docs/orders.md): the real exports of
// ../shared/data opened in Calc as a user opens them (File > Open of the CSV, a copy the user
// may edit), segmented with the command, and the Clients sheet read back; a 1С-style and a
// Finnish sheet with made-up values. Skips with a message when ../shared/data is absent.
#include "office.hpp"
#include "shared_data.hpp"
#include "sheet_ops.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUnnamedDatabaseRanges.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

using office::CalcDoc;
using office::CellValue;
using Rows = std::vector<std::vector<CellValue>>;

const std::string& kData = office::kSharedData;
using office::csv;
using office::writable_copy;

std::vector<std::vector<std::string>> sheet_rows(const CalcDoc& doc, int sheet, int rows,
                                                 const std::string& last_column) {
    return office::get_rows(doc, "A1:" + last_column + std::to_string(rows), sheet);
}

std::size_t column_index(const std::vector<std::string>& header, const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) {
            return i;
        }
    }
    ADD_FAILURE() << "no column " << name;
    return 0;
}

int sheet_of(const CalcDoc& doc, const std::string& name) {
    const auto names = office::sheet_names(doc);
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) {
            return static_cast<int>(i);
        }
    }
    ADD_FAILURE() << "no sheet " << name << " in " << ::testing::PrintToString(names);
    return 0;
}

css::uno::Reference<css::sheet::XSpreadsheets> sheets_of(const CalcDoc& doc) {
    const css::uno::Reference<css::sheet::XSpreadsheetDocument> d(doc.component(),
                                                                  css::uno::UNO_QUERY_THROW);
    return d->getSheets();
}

} // namespace

TEST(OrdersInCalc, RfmOrdersGiveTheVignettesSegmentTable) {
    const std::string path = kData + "/rfm-orders/orders.csv";
    REQUIRE_FILE(path);
    CalcDoc doc(office::file_url(writable_copy(path)), csv("44", 1033));
    office::select(doc, "A2");
    const auto result = office::run_command(doc, "org.clienttriage.command:Segment",
                                            {{"Silent", "true"}, {"AnalysisDate", "2006-12-31"}});
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_NE(result.message.find("Segmented 995 clients"), std::string::npos) << result.message;
    EXPECT_NE(result.message.find("4906 order lines of 995 clients"), std::string::npos)
        << result.message;
    const auto rows = sheet_rows(doc, sheet_of(doc, "Clients"), 996, "Z");
    const std::size_t segment = column_index(rows[0], "RFM segment");
    std::map<std::string, int> counts;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        ++counts[rows[r][segment]];
    }
    EXPECT_EQ(counts["Potential Loyalist"], 342);
    EXPECT_EQ(counts["Loyal Customers"], 170);
    EXPECT_EQ(counts["Lost"], 148);
    EXPECT_EQ(counts["New Customers"], 104);
    EXPECT_EQ(counts["About To Sleep"], 102);
    EXPECT_EQ(counts["Can't Lose Them"], 47);
    EXPECT_EQ(counts["Champions"], 35);
    EXPECT_EQ(counts["At Risk"], 28);
    EXPECT_EQ(counts["Need Attention"], 10);
    EXPECT_EQ(counts["Promising"], 9);
    // The orders sheet is unchanged: its six columns, nothing right of them.
    EXPECT_EQ(doc.text("A1"), "customer_id");
    EXPECT_EQ(doc.text("G1"), "");
}

TEST(OrdersInCalc, SuperstoreWithItsReturnsSheet) {
    const std::string path = kData + "/superstore/superstore_orders.csv";
    const std::string returns_path = kData + "/superstore/superstore_returns.csv";
    REQUIRE_FILE(path);
    // Opened as a UK user opens it: its dates are day/month/year.
    CalcDoc doc(office::file_url(writable_copy(path)), csv("44", 2057));
    // The returns file pasted into a sheet of its own, as a user would.
    sheets_of(doc)->insertNewByName(office::ou("Returns"), 1);
    std::ifstream in(returns_path, std::ios::binary);
    Rows returns;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (returns.empty() && line.rfind("\xEF\xBB\xBF", 0) == 0) {
            line = line.substr(3);
        }
        const auto comma = line.find(',');
        if (comma != std::string::npos) {
            returns.push_back({line.substr(0, comma), line.substr(comma + 1)});
        }
    }
    ASSERT_EQ(returns.size(), 297u);
    office::set_rows(doc, "A1", returns, 1);

    office::select(doc, "B2");
    const auto result = office::segment(doc);
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_NE(result.message.find("Segmented 804 clients"), std::string::npos) << result.message;
    EXPECT_NE(result.message.find("10194 order lines of 804 clients (key: Customer ID, shown as "
                                  "Customer Name; order dates 2023-01-03 to 2026-12-30"),
              std::string::npos)
        << result.message;
    const auto rows = sheet_rows(doc, sheet_of(doc, "Clients"), 805, "AF");
    ASSERT_EQ(rows.size(), 805u);
    EXPECT_EQ(rows[0][0], "Client ID");
    EXPECT_EQ(rows[0][1], "Client");
    const std::size_t profit = column_index(rows[0], "Profit");
    const std::size_t revenue = column_index(rows[0], "Revenue");
    const std::size_t orders = column_index(rows[0], "Orders");
    const std::size_t returned_share = column_index(rows[0], "Return rate");
    const std::size_t verdict = column_index(rows[0], "Verdict");
    double sum_profit = 0, sum_revenue = 0, sum_orders = 0, returned = 0;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const double o = std::stod(rows[r][orders]);
        sum_profit += std::stod(rows[r][profit]);
        sum_revenue += std::stod(rows[r][revenue]);
        sum_orders += o;
        returned += std::stod(rows[r][returned_share]) * o;
        EXPECT_FALSE(rows[r][verdict].empty()) << r;
        if (r > 1) {
            EXPECT_GE(std::stod(rows[r - 1][profit]), std::stod(rows[r][profit]));
        }
    }
    EXPECT_NEAR(sum_profit, 292296.81, 0.01);
    EXPECT_NEAR(sum_revenue, 2326534.35, 0.01);
    EXPECT_EQ(sum_orders, 5117);     // 5,111 order ids; six stand under two customers each
    EXPECT_NEAR(returned, 296, 1.5); // the 296 returned ids (one id of two customers counts twice)
    EXPECT_EQ(doc.text("V1"), "");   // the orders sheet is unchanged

    // The Cohorts sheet: one row per month of first order (48 months), every M0 100%, the
    // cohorts' sizes adding up to the 804 clients; three colours on each table; the curve.
    const int cohorts = sheet_of(doc, "Cohorts");
    const auto table = sheet_rows(doc, cohorts, 200, "AX");
    EXPECT_EQ(table[1][0], "First order");
    EXPECT_EQ(table[1][2], "M0");
    EXPECT_EQ(table[1][49], "M47");
    EXPECT_EQ(table[2][0], "2023-01");
    double clients = 0;
    std::size_t row = 2;
    for (; row < table.size() && table[row][0] != "All cohorts"; ++row) {
        clients += std::stod(table[row][1]);
        EXPECT_EQ(std::stod(table[row][2]), 1.0) << table[row][0];
    }
    EXPECT_EQ(clients, 804);
    ASSERT_LT(row, table.size());
    EXPECT_EQ(std::stod(table[row][2]), 1.0); // the average curve starts at 100%
    EXPECT_EQ(office::chart_count(doc, cohorts), 1);
    // The first cohort, counted by hand from the file (a script over superstore_orders.csv):
    // 33 clients first ordered in January 2023; 3 of them ordered in February, none in March,
    // 2 in April and 2 in May; their sales in those months.
    EXPECT_EQ(std::stod(table[2][1]), 33);
    const double shares[] = {1, 3.0 / 33, 0, 2.0 / 33, 2.0 / 33, 0};
    for (std::size_t k = 0; k < 6; ++k) {
        EXPECT_NEAR(std::stod(table[2][2 + k]), shares[k], 1e-12) << "M" << k;
    }
    const double sales[] = {14518.055, 225.232, 0, 1472.382, 47.75, 0};
    for (std::size_t k = 0; k < 6; ++k) {
        EXPECT_NEAR(std::stod(table[49][2 + k]), sales[k], 0.0005) << "M" << k;
    }
    // Red to green: retention from M1 (rows 3 to 45, the 43 cohorts), revenue from M0.
    ASSERT_EQ(table[45][0], "All cohorts");
    ASSERT_EQ(table[49][0], "2023-01");
    ASSERT_EQ(table[92][0], "");
    EXPECT_EQ(office::colour_scales(doc, cohorts),
              (std::vector<std::string>{"Cohorts.D3:AX45 #f8696b #ffeb84 #63be7b",
                                        "Cohorts.C50:AX92 #f8696b #ffeb84 #63be7b"}));
    // Tier movement: the last 12 months against the 12 before. The matrix's rows add up to
    // the clients with orders before, its columns to those with orders now, as the Clients
    // sheet's columns say client by client.
    std::size_t matrix = 0;
    while (matrix < table.size() && table[matrix][0].rfind("Clients: ", 0) != 0) {
        ++matrix;
    }
    ASSERT_LT(matrix + 5, table.size());
    EXPECT_EQ(table[matrix][1], "A");
    EXPECT_EQ(table[matrix][5], "lost");
    EXPECT_EQ(table[matrix + 5][0], "new");
    double before_clients = 0, now_clients = 0;
    for (std::size_t r = 1; r <= 5; ++r) {
        for (std::size_t c = 1; c <= 5; ++c) {
            const std::string& cell = table[matrix + r][c];
            const double n = cell.empty() ? 0 : std::stod(cell);
            before_clients += r <= 4 ? n : 0;
            now_clients += c <= 4 ? n : 0;
        }
    }
    const std::size_t previous = column_index(rows[0], "Previous tier");
    const std::size_t movement = column_index(rows[0], "Movement");
    double had_before = 0, has_now = 0;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        had_before += rows[r][previous].empty() ? 0 : 1;
        has_now += rows[r][movement].empty() || rows[r][movement].find("lost") != std::string::npos
                       ? 0
                       : 1;
        if (!rows[r][movement].empty()) {
            EXPECT_NE(rows[r][movement].find(" -> "), std::string::npos) << rows[r][movement];
        }
    }
    EXPECT_EQ(before_clients, had_before);
    EXPECT_EQ(now_clients, has_now);
    EXPECT_GT(had_before, 300);
    EXPECT_GT(has_now, 300);
    // The summary lists those A and B clients that moved down first, A before B, with their
    // next step (at most 50, then a line says how many more).
    std::size_t slipping = 0;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const std::string& m = rows[r][movement];
        slipping += m == "A -> B" || m == "A -> C" || m == "A -> D" || m == "A -> lost" ||
                    m == "B -> C" || m == "B -> D" || m == "B -> lost";
    }
    ASSERT_GT(slipping, 0u);
    const auto summary = sheet_rows(doc, sheet_of(doc, "Client Triage summary"), 60, "D");
    EXPECT_EQ(summary[2][0].rfind("Good clients slipping", 0), 0u) << summary[2][0];
    EXPECT_EQ(summary[3], (std::vector<std::string>{"Client", "Movement", "Verdict", "Next step"}));
    const std::size_t listed = std::min<std::size_t>(slipping, 50);
    bool seen_b = false;
    for (std::size_t r = 4; r < 4 + listed; ++r) {
        const std::string& m = summary[r][1];
        EXPECT_TRUE(m.rfind("A -> ", 0) == 0 || m.rfind("B -> ", 0) == 0) << m;
        EXPECT_FALSE(seen_b && m.rfind("A -> ", 0) == 0) << "A after B in row " << r;
        seen_b = seen_b || m.rfind("B -> ", 0) == 0;
        EXPECT_FALSE(summary[r][3].empty()) << "no next step in row " << r;
    }
    if (slipping > 50) {
        EXPECT_NE(summary[54][0].find(std::to_string(slipping - 50) + " more"), std::string::npos)
            << summary[54][0];
    }

    // One undo removes the Clients, the Cohorts and the summary sheet; redo brings them back
    // with the colour scales, and undo again takes them away.
    const std::vector<std::string> made = office::sheet_names(doc);
    office::undo(doc);
    EXPECT_EQ(office::sheet_names(doc), (std::vector<std::string>{"superstore_orders", "Returns"}));
    office::redo(doc);
    EXPECT_EQ(office::sheet_names(doc), made);
    EXPECT_EQ(office::colour_scales(doc, sheet_of(doc, "Cohorts")).size(), 2u);
    office::undo(doc);
    EXPECT_EQ(office::sheet_names(doc), (std::vector<std::string>{"superstore_orders", "Returns"}));
}

TEST(OrdersInCalc, InvoicesGiveDaysLateAndDisputes) {
    const std::string path = kData + "/accounts-receivable/invoices.csv";
    REQUIRE_FILE(path);
    CalcDoc doc(office::file_url(writable_copy(path)), csv("44", 1033));
    office::select(doc, "A1");
    const auto result = office::segment(doc);
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_NE(result.message.find("Segmented 100 clients"), std::string::npos) << result.message;
    const auto rows = sheet_rows(doc, sheet_of(doc, "Clients"), 101, "Z");
    ASSERT_EQ(rows.size(), 101u);
    const std::size_t late = column_index(rows[0], "Days late");
    const std::size_t complaints = column_index(rows[0], "Complaints");
    const std::size_t revenue = column_index(rows[0], "Revenue");
    // Independently from the file: mean DaysLate, disputes, amounts per customer.
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    std::map<std::string, std::array<double, 4>> expect;
    while (std::getline(in, line)) {
        std::vector<std::string> f;
        std::stringstream s(line);
        for (std::string x; std::getline(s, x, ',');) {
            f.push_back(x);
        }
        auto& e = expect[f[1]];
        e[0] += std::stod(f[11]);
        e[1] += 1;
        e[2] += f[7] == "Yes" ? 1 : 0;
        e[3] += std::stod(f[6]);
    }
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& e = expect.at(rows[r][0]);
        EXPECT_NEAR(std::stod(rows[r][late]), e[0] / e[1], 1e-9) << rows[r][0];
        EXPECT_EQ(std::stod(rows[r][complaints]), e[2]) << rows[r][0];
        EXPECT_NEAR(std::stod(rows[r][revenue]), e[3], 1e-6) << rows[r][0];
    }
}

TEST(OrdersInCalc, CdnowMasterAsATable) {
    const std::string path = kData + "/cdnow/CDNOW_master.txt";
    REQUIRE_FILE(path);
    CalcDoc doc(office::file_url(writable_copy(path)), csv("32/MRG", 1033));
    office::select(doc, "C2");
    const auto result = office::segment(doc);
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_NE(result.message.find("Segmented 23570 clients"), std::string::npos) << result.message;
    EXPECT_NE(result.message.find("69659 order lines"), std::string::npos) << result.message;
}

TEST(OrdersInCalc, OneCStyleAndFinnishSheets) {
    {
        CalcDoc doc;
        office::set_rows(
            doc, "A1",
            {{std::string("Контрагент"), std::string("Дата"), std::string("Сумма")},
             {std::string("ООО Ромашка"), std::string("05.04.2026"),
              std::string("55\xC2\xA0"
                          "448,00")},
             {std::string("ООО Ромашка"), std::string("01.01.2025 0:00:00"),
              std::string("1 000,50")},
             {std::string("ИП Иванов"), std::string("15.03.2026"), std::string("12 000,00")},
             {std::string("Итого"), std::string(""), std::string("68 448,50")}});
        office::select(doc, "A1");
        const auto result = office::segment(doc);
        ASSERT_TRUE(result.success) << result.message;
        EXPECT_NE(result.message.find("Segmented 2 clients"), std::string::npos) << result.message;
        EXPECT_NE(result.message.find("1 line skipped: 1 report row such as a total"),
                  std::string::npos)
            << result.message;
        const auto rows = sheet_rows(doc, sheet_of(doc, "Clients"), 3, "F");
        EXPECT_EQ(rows[1][0], "ООО Ромашка");
        EXPECT_EQ(rows[1][1], "56448.5");
        EXPECT_EQ(rows[2][0], "ИП Иванов");
    }
    {
        CalcDoc doc;
        office::set_rows(
            doc, "A1",
            {{std::string("Asiakas"), std::string("Laskun päivämäärä"), std::string("Eräpäivä"),
              std::string("Maksupäivä"), std::string("Summa")},
             {std::string("Oy Alfa"), std::string("1.2.2026"), std::string("15.2.2026"),
              std::string("25.2.2026"), std::string("1 149,00 €")},
             {std::string("Oy Alfa"), std::string("1.3.2026"), std::string("15.3.2026"),
              std::string("15.3.2026"), std::string("500,00 €")},
             {std::string("Beta Ky"), std::string("5.3.2026"), std::string("20.3.2026"),
              std::string(""), std::string("200,00 €")}});
        office::select(doc, "A1");
        const auto result = office::segment(doc);
        ASSERT_TRUE(result.success) << result.message;
        const auto rows = sheet_rows(doc, sheet_of(doc, "Clients"), 3, "Z");
        const std::size_t late = column_index(rows[0], "Days late");
        EXPECT_EQ(rows[1][0], "Oy Alfa");
        EXPECT_EQ(rows[1][1], "1649");
        EXPECT_EQ(rows[1][late], "5"); // (10 + 0) / 2
        EXPECT_EQ(rows[2][late], "");  // unpaid
    }
}

// Day/month dates typed into an English office, as a paste from a day/month export arrives:
// Calc makes March 1 of 03/01/23 and keeps 13/01/23 as text. The run reads the texts as
// day/month, turns the cells back and says so.
TEST(OrdersInCalc, DatesTypedIntoAnEnglishOfficeAreReadAsTheTextsShow) {
    CalcDoc doc;
    doc.set_text("A1", "Client");
    doc.set_text("B1", "Order date");
    doc.set_text("C1", "Amount");
    const char* dates[] = {"03/01/23", "13/01/23", "05/02/23", "28/02/23"};
    const char* clients[] = {"Ann", "Ann", "Bob", "Bob"};
    for (int i = 0; i < 4; ++i) {
        const std::string row = std::to_string(i + 2);
        doc.set_text("A" + row, clients[i]);
        doc.set_formula("B" + row, dates[i]); // as typed
        doc.set_formula("C" + row, "100");
    }
    ASSERT_EQ(office::get_rows(doc, "B2:B3")[0][0], "44986"); // 2023-03-01: Calc's reading
    ASSERT_EQ(office::get_rows(doc, "B2:B3")[1][0], "13/01/23");
    office::select(doc, "A1");
    const auto result = office::segment(doc);
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_NE(result.message.find("order dates 2023-01-03 to 2023-02-28, read as day/month/year; "
                                  "2 date cells that Calc had read the other way round were "
                                  "turned"),
              std::string::npos)
        << result.message;
    const auto rows = sheet_rows(doc, sheet_of(doc, "Clients"), 3, "Z");
    const std::size_t first = column_index(rows[0], "First order date");
    const std::size_t last = column_index(rows[0], "Last order date");
    const auto row_of = [&](const std::string& client) {
        return rows[1][0] == client ? rows[1] : rows[2];
    };
    // Day numbers (1899-12-30 is 0): 2023-01-03 is 44929.
    EXPECT_EQ(row_of("Ann")[first], "44929");
    EXPECT_EQ(row_of("Ann")[last], "44939");  // 2023-01-13
    EXPECT_EQ(row_of("Bob")[first], "44962"); // 2023-02-05
    EXPECT_EQ(row_of("Bob")[last], "44985");  // 2023-02-28
}

TEST(OrdersInCalc, AUsersSheetNamedLikeTheProductsIsKept) {
    CalcDoc doc;
    office::set_rows(doc, "A1",
                     {{std::string("Client"), std::string("Order"), std::string("Amount")},
                      {std::string("Ann"), std::string("1"), 10.0},
                      {std::string("Ann"), std::string("2"), 20.0},
                      {std::string("Bob"), std::string("3"), 5.0}});
    sheets_of(doc)->insertNewByName(office::ou("CLIENTS"), 1);
    office::set_rows(doc, "A1", {{std::string("my notes")}}, 1);
    office::select(doc, "A1");
    ASSERT_TRUE(office::segment(doc).success);
    EXPECT_EQ(office::get_rows(doc, "A1", 1)[0][0], "my notes");
    EXPECT_EQ(sheet_of(doc, "Clients (2)"), 2);
    // A re-run replaces its own sheet, also after the user renamed it.
    const css::uno::Reference<css::container::XNamed> named(
        sheets_of(doc)->getByName(office::ou("Clients (2)")), css::uno::UNO_QUERY_THROW);
    named->setName(office::ou("Renamed clients"));
    office::select(doc, "A1");
    ASSERT_TRUE(office::segment(doc).success);
    const auto names = office::sheet_names(doc);
    EXPECT_EQ(std::count(names.begin(), names.end(), "Renamed clients"), 0)
        << ::testing::PrintToString(names);
    EXPECT_EQ(std::count(names.begin(), names.end(), "Clients (2)"), 1)
        << ::testing::PrintToString(names);
    EXPECT_EQ(names.size(), 4u) << ::testing::PrintToString(names);
    EXPECT_EQ(office::get_rows(doc, "A1", 1)[0][0], "my notes");
}

namespace {

// A small order list with every kind of column the Clients sheet can show.
Rows every_column_orders() {
    const auto t = [](const char* s) { return CellValue(std::string(s)); };
    Rows rows = {{t("Order ID"), t("Order Date"), t("Customer ID"), t("Customer Name"), t("Sales"),
                  t("Profit"), t("Discount"), t("Returned"), t("Days late"), t("Disputed"),
                  t("Ship Mode")}};
    const char* names[] = {"Acme", "Bolt", "Cobalt", "Delta", "Echo", "Fox"};
    int order = 0;
    for (int c = 0; c < 6; ++c) {
        for (int k = 0; k <= c; ++k) {
            ++order;
            const double day = 45658 + 30 * k + 7 * c; // from 2025-01-01
            rows.push_back({t(("O-" + std::to_string(order)).c_str()), day,
                            t(("C" + std::to_string(c)).c_str()), t(names[c]),
                            100.0 * (6 - c) + 10 * k, c == 5 ? -40.0 : 30.0 * (6 - c),
                            k % 2 == 0 ? 0.2 : 0.0, t(k == 1 ? "Yes" : "No"),
                            static_cast<double>(5 * c), t(c == 4 ? "Yes" : "No"),
                            t(k == 0 ? "Same Day" : "Standard Class")});
        }
    }
    return rows;
}

} // namespace

TEST(OrdersInCalc, TheClientsSheetSegmentsAgainToTheSameVerdicts) {
    CalcDoc doc;
    const Rows orders = every_column_orders();
    office::set_rows(doc, "A1", orders);
    office::select(doc, "B2");
    const auto result = office::segment(doc);
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_NE(result.message.find("Segmented 6 clients"), std::string::npos) << result.message;
    const int clients = sheet_of(doc, "Clients");
    const auto first = sheet_rows(doc, clients, 7, "Z");
    const std::vector<std::string> expected_header = {"Client ID",
                                                      "Client",
                                                      "Revenue",
                                                      "Profit",
                                                      "Orders",
                                                      "First order date",
                                                      "Last order date",
                                                      "Days since last order",
                                                      "Usual days between orders",
                                                      "Discount share",
                                                      "Return rate",
                                                      "Days late",
                                                      "Complaints",
                                                      "Rush orders share",
                                                      "Tier",
                                                      "Risk",
                                                      "Verdict",
                                                      "Why",
                                                      "Next step",
                                                      "RFM score",
                                                      "RFM segment"};
    ASSERT_GE(first[0].size(), expected_header.size());
    EXPECT_EQ(std::vector<std::string>(
                  first[0].begin(), first[0].begin() + static_cast<long>(expected_header.size())),
              expected_header);
    const std::size_t verdict = column_index(first[0], "Verdict");

    // The Clients sheet is a client table the product reads back: the same verdicts.
    office::select(doc, "A1", clients);
    const auto again = office::segment(doc);
    ASSERT_TRUE(again.success) << again.message;
    EXPECT_NE(again.message.find("Segmented 6 clients"), std::string::npos) << again.message;
    const auto second = sheet_rows(doc, clients, 7, "AH");
    // The new Verdict column, right of the sheet's own (and of its models' columns).
    const std::size_t last = static_cast<std::size_t>(
        std::find(second[0].rbegin(), second[0].rend(), "Verdict").base() - second[0].begin() - 1);
    ASSERT_GT(last, verdict);
    EXPECT_EQ(second[0][last - 2], "Tier");
    for (std::size_t r = 1; r <= 6; ++r) {
        EXPECT_EQ(second[r][last], first[r][verdict]) << first[r][1];
    }
}

TEST(OrdersInCalc, TheClientsSheetReadsWell) {
    CalcDoc doc;
    office::set_rows(doc, "A1", every_column_orders());
    office::select(doc, "B2");
    ASSERT_TRUE(office::segment(doc).success);
    const int clients = sheet_of(doc, "Clients");
    const css::uno::Reference<css::frame::XModel> model(doc.component(), css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::sheet::XViewFreezable> freeze(model->getCurrentController(),
                                                                 css::uno::UNO_QUERY_THROW);
    EXPECT_TRUE(freeze->hasFrozenPanes());
    const css::uno::Reference<css::beans::XPropertySet> props(doc.component(),
                                                              css::uno::UNO_QUERY_THROW);
    css::uno::Reference<css::sheet::XUnnamedDatabaseRanges> ranges;
    props->getPropertyValue("UnnamedDatabaseRanges") >>= ranges;
    ASSERT_TRUE(ranges.is());
    ASSERT_TRUE(ranges->hasByTable(static_cast<sal_Int16>(clients)));
    const css::uno::Reference<css::beans::XPropertySet> filter(
        ranges->getByTable(static_cast<sal_Int16>(clients)), css::uno::UNO_QUERY_THROW);
    EXPECT_TRUE(filter->getPropertyValue("AutoFilter").get<bool>());
    // Columns as wide as their texts: the Next step column is wider than the Tier column.
    const css::uno::Reference<css::table::XColumnRowRange> columns(doc.sheet(clients),
                                                                   css::uno::UNO_QUERY_THROW);
    const auto width = [&](int c) {
        return css::uno::Reference<css::beans::XPropertySet>(columns->getColumns()->getByIndex(c),
                                                             css::uno::UNO_QUERY_THROW)
            ->getPropertyValue("Width")
            .get<sal_Int32>();
    };
    EXPECT_GT(width(18), 3 * width(14)); // Next step vs Tier
    // The conditional formats colour the Tier and Verdict columns.
    EXPECT_FALSE(office::conditions(doc, "O2:O7", clients).empty());
    EXPECT_FALSE(office::conditions(doc, "Q2:Q7", clients).empty());
    // The summary sheet says what was read.
    const auto note = office::get_rows(doc, "A2", sheet_of(doc, "Client Triage summary"));
    EXPECT_NE(note[0][0].find("21 order lines of 6 clients"), std::string::npos) << note[0][0];
}

TEST(OrdersInCalc, TheAnalysisDateComesFromTheRulesOrTheCommand) {
    CalcDoc doc;
    office::set_rows(doc, "A1",
                     {{std::string("Client"), std::string("Date"), std::string("Amount")},
                      {std::string("Ann"), std::string("2026-01-01"), 10.0},
                      {std::string("Ann"), std::string("2026-01-11"), 10.0},
                      {std::string("Bob"), std::string("2026-01-21"), 5.0}});
    const auto days_since = [&]() {
        const auto rows = sheet_rows(doc, sheet_of(doc, "Clients"), 3, "Z");
        return rows[1][column_index(rows[0], "Days since last order")];
    };
    office::select(doc, "A1");
    ASSERT_TRUE(office::segment(doc).success);
    EXPECT_EQ(days_since(), "10"); // the latest date of the data: 2026-01-21
    office::set_document_rules(doc, R"({"analysis_date": "2026-01-31"})");
    office::select(doc, "A1");
    ASSERT_TRUE(office::segment(doc).success);
    EXPECT_EQ(days_since(), "20");
    office::select(doc, "A1");
    const auto result = office::run_command(doc, "org.clienttriage.command:Segment",
                                            {{"Silent", "true"}, {"AnalysisDate", "2026-01-05"}});
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_EQ(days_since(), "0"); // a last order after the analysis date: 0 days, no error
    const auto bad = office::run_command(doc, "org.clienttriage.command:Segment",
                                         {{"Silent", "true"}, {"AnalysisDate", "someday"}});
    EXPECT_FALSE(bad.success);
    EXPECT_NE(bad.message.find("AnalysisDate=someday"), std::string::npos) << bad.message;
}

// The buying models in the segmentation: the CDNOW sample as a shop's export (one line per
// purchase, the date as YYYYMMDD text) segmented at the end of the 39-week calibration period.
// The Clients sheet shows P(alive), expected orders and CLV for 12 months; with the rules'
// lapse option p_alive_below, exactly the A and B clients below it are Win back.
TEST(OrdersInCalc, CdnowSampleGetsPAliveAndClv) {
    const std::string path = kData + "/cdnow/CDNOW_sample.txt";
    REQUIRE_FILE(path);
    Rows rows = {{std::string("Customer ID"), std::string("Order Date"), std::string("Amount")}};
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string master_id, id, date, cds, dollars;
        fields >> master_id >> id >> date >> cds >> dollars;
        rows.push_back({id, date, std::stod(dollars)});
    }
    ASSERT_EQ(rows.size(), 6920u);
    CalcDoc doc;
    office::set_rows(doc, "A1", rows);
    office::select(doc, "A2");
    auto result = office::run_command(doc, "org.clienttriage.command:Segment",
                                      {{"Silent", "true"}, {"AnalysisDate", "1997-09-30"}});
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_NE(result.message.find("of 2357 clients"), std::string::npos) << result.message;
    const int clients = sheet_of(doc, "Clients");
    auto table = sheet_rows(doc, clients, 2358, "Z");
    const std::size_t id = column_index(table[0], "Client"); // the id is the name here
    const std::size_t tier = column_index(table[0], "Tier");
    const std::size_t verdict = column_index(table[0], "Verdict");
    const std::size_t p_alive = column_index(table[0], "P(alive)");
    const std::size_t expected = column_index(table[0], "Expected orders, 12 months");
    const std::size_t clv = column_index(table[0], "CLV, 12 months");
    bool found = false;
    for (std::size_t r = 1; r < table.size(); ++r) {
        if (table[r][id] == "1516") {
            found = true;
            // P(alive) as in the BTYD vignette; 52.14 weeks ahead a little above its 52.
            EXPECT_NEAR(std::stod(table[r][p_alive]), 0.96885, 0.00001);
            EXPECT_NEAR(std::stod(table[r][expected]), 25.757, 0.5);
            EXPECT_GT(std::stod(table[r][clv]), 0);
        }
    }
    EXPECT_TRUE(found);
    // Every first purchase fell in January to March 1997: three monthly cohorts.
    const auto cohorts = sheet_rows(doc, sheet_of(doc, "Cohorts"), 7, "L");
    EXPECT_EQ(cohorts[2][0], "1997-01");
    EXPECT_EQ(cohorts[3][0], "1997-02");
    EXPECT_EQ(cohorts[4][0], "1997-03");
    EXPECT_EQ(cohorts[5][0], "All cohorts");
    EXPECT_EQ(std::stod(cohorts[2][1]) + std::stod(cohorts[3][1]) + std::stod(cohorts[4][1]), 2357);
    EXPECT_EQ(cohorts[1][10], "M8"); // January to September: M0 .. M8
    EXPECT_EQ(cohorts[4][10], "");   // March's cohort has only M0 .. M6

    office::set_document_rules(doc, R"({"analysis_date": "1997-09-30",
                                        "lapse": {"p_alive_below": 0.5}})");
    office::select(doc, "A2");
    result = office::segment(doc);
    ASSERT_TRUE(result.success) << result.message;
    table = sheet_rows(doc, sheet_of(doc, "Clients"), 2358, "Z");
    int win_back = 0;
    for (std::size_t r = 1; r < table.size(); ++r) {
        const bool top = table[r][tier] == "A" || table[r][tier] == "B";
        const bool gone = std::stod(table[r][p_alive]) < 0.5;
        EXPECT_EQ(table[r][verdict] == "Win back", top && gone) << "row " << r;
        win_back += table[r][verdict] == "Win back";
    }
    EXPECT_GT(win_back, 0);

    // By quarter (the panel's choice, the command's CohortPeriod): one cohort, 1997 Q1, seen in
    // Q0 to Q2; a period it does not know changes nothing.
    office::select(doc, "A2");
    result = office::run_command(doc, "org.clienttriage.command:Segment",
                                 {{"Silent", "true"}, {"CohortPeriod", "week"}});
    EXPECT_FALSE(result.success);
    EXPECT_NE(result.message.find("CohortPeriod=week"), std::string::npos) << result.message;
    EXPECT_EQ(sheet_rows(doc, sheet_of(doc, "Cohorts"), 7, "L")[2][0], "1997-01");
    office::select(doc, "A2");
    result = office::run_command(doc, "org.clienttriage.command:Segment",
                                 {{"Silent", "true"}, {"CohortPeriod", "quarter"}});
    ASSERT_TRUE(result.success) << result.message;
    const auto quarters = sheet_rows(doc, sheet_of(doc, "Cohorts"), 4, "F");
    EXPECT_EQ(quarters[1],
              (std::vector<std::string>{"First order", "Clients", "Q0", "Q1", "Q2", ""}));
    EXPECT_EQ(quarters[2][0], "1997 Q1");
    EXPECT_EQ(std::stod(quarters[2][1]), 2357);
    EXPECT_EQ(std::stod(quarters[2][2]), 1.0);
    EXPECT_EQ(quarters[3][0], "All cohorts");
}

// Dates centuries apart (a year typed wrong, 1583 or 9999): the run completes, the Cohorts
// sheet shows the last 120 months only and says whom it leaves out, instead of asking Calc for
// a table of 100,000 months.
TEST(OrdersInCalc, DatesCenturiesApartGiveTenYearsOfCohorts) {
    Rows rows = {{std::string("Customer ID"), std::string("Order Date"), std::string("Amount")},
                 {std::string("C1"), std::string("1583-01-01"), 5.0},
                 {std::string("C1"), std::string("9999-11-20"), 5.0},
                 {std::string("C2"), std::string("9999-10-02"), 10.0},
                 {std::string("C3"), std::string("9999-12-01"), 7.0},
                 {std::string("C3"), std::string("9999-12-02"), 8.0}};
    CalcDoc doc;
    office::set_rows(doc, "A1", rows);
    office::select(doc, "A2");
    const auto result =
        office::run_command(doc, "org.clienttriage.command:Segment", {{"Silent", "true"}});
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_NE(result.message.find("of 3 clients"), std::string::npos) << result.message;
    const auto cohorts = sheet_rows(doc, sheet_of(doc, "Cohorts"), 6, "F");
    EXPECT_NE(cohorts[0][0].find("first order. Clients whose first order came before 9990-01 "
                                 "are not shown (1 of them): the sheet covers the last 120 "
                                 "months."),
              std::string::npos)
        << cohorts[0][0];
    EXPECT_EQ(cohorts[2][0], "9999-10");
    EXPECT_EQ(cohorts[3][0], "9999-12");
    EXPECT_EQ(cohorts[4][0], "All cohorts");
    EXPECT_EQ(std::stod(cohorts[4][1]), 2); // C2 and C3; C1 (1583) is left out
    EXPECT_EQ(cohorts[1][4], "M2");         // 9999-10 .. 9999-12
}

// A client table with orders, first and last order dates gets the models' columns after Next
// step; a re-run replaces them; a cell of the user's where they would go refuses the run; the
// lapse option p_alive_below decides Win back there too.
TEST(ClientTableModels, ColumnsAfterTheResultsAndTheLapseOption) {
    const std::string path =
        office::writable_copy(std::string(TRIAGE_SOURCE_DIR) + "/examples/clients.csv");
    CalcDoc doc(office::file_url(path), office::csv("44", 1033));
    ASSERT_EQ(doc.text("A1"), "Client");
    ASSERT_EQ(doc.text("P1"), "Rush orders share");
    office::select(doc, "A2");
    auto result = office::segment(doc);
    ASSERT_TRUE(result.success) << result.message;
    auto rows = office::get_rows(doc, "Q1:Y201");
    const std::vector<std::string> header = {"Tier",
                                             "Risk",
                                             "Verdict",
                                             "Why",
                                             "Next step",
                                             "P(alive)",
                                             "Expected orders, 12 months",
                                             "CLV, 12 months",
                                             ""};
    EXPECT_EQ(rows[0], header);
    std::vector<double> p_alive;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        p_alive.push_back(std::stod(rows[r][5]));
        EXPECT_GE(p_alive.back(), 0);
        EXPECT_LE(p_alive.back(), 1);
        EXPECT_GE(std::stod(rows[r][6]), 0);
    }
    // The threshold: the median P(alive) of the example, so that clients fall on both sides.
    std::sort(p_alive.begin(), p_alive.end());
    const double threshold = p_alive[p_alive.size() / 2];
    ASSERT_LT(p_alive.front(), threshold);

    // With the lapse option, exactly the A and B clients below it are Win back (the rest of
    // the spec's rule: unless their risk band is high).
    office::set_document_rules(doc, "{\"lapse\": {\"p_alive_below\": " + std::to_string(threshold) +
                                        "}}");
    office::select(doc, "A2");
    result = office::segment(doc);
    ASSERT_TRUE(result.success) << result.message;
    EXPECT_EQ(doc.text("Z1"), ""); // replaced in place: nothing right of the eight columns
    rows = office::get_rows(doc, "Q1:X201");
    int win_back = 0;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const bool top = rows[r][0] == "A" || rows[r][0] == "B";
        const bool gone = std::stod(rows[r][5]) < std::stod(std::to_string(threshold));
        if (rows[r][2] == "Win back") {
            EXPECT_TRUE(top && gone) << "row " << r + 1;
            ++win_back;
        } else if (top && gone) {
            EXPECT_GE(std::stod(rows[r][1]), 60) << "row " << r + 1; // a high band
        }
    }
    EXPECT_GT(win_back, 0);

    // A cell of the user's where the models' columns go: refused, nothing changed.
    CalcDoc fresh(office::file_url(path), office::csv("44", 1033));
    fresh.set_text("X5", "my note");
    office::select(fresh, "A2");
    result = office::segment(fresh);
    EXPECT_FALSE(result.success);
    EXPECT_NE(result.message.find("X5"), std::string::npos) << result.message;
    EXPECT_EQ(fresh.text("Q1"), "");
    EXPECT_EQ(fresh.text("X5"), "my note");
}

TEST(ProductSheets, AUsersSummarySheetIsNeverReplaced) {
    for (const char* users_name : {"Client Triage summary", "CLIENT TRIAGE SUMMARY"}) {
        CalcDoc doc;
        office::set_rows(doc, "A1",
                         {{std::string("Client"), std::string("Profit")},
                          {std::string("Acme"), 100.0},
                          {std::string("Bolt"), 10.0}});
        sheets_of(doc)->insertNewByName(office::ou(users_name), 1);
        office::set_rows(doc, "A1", {{std::string("my summary")}}, 1);
        office::select(doc, "A1");
        ASSERT_TRUE(office::segment(doc).success);
        EXPECT_EQ(office::get_rows(doc, "A1", 1)[0][0], "my summary") << users_name;
        const int product = sheet_of(doc, "Client Triage summary (2)");
        EXPECT_EQ(product, 2) << users_name;
        // Run again: the product's own summary is replaced, the user's is kept.
        office::select(doc, "A1");
        ASSERT_TRUE(office::segment(doc).success);
        EXPECT_EQ(office::sheet_names(doc).size(), 3u) << users_name;
        EXPECT_EQ(office::get_rows(doc, "A1", 1)[0][0], "my summary") << users_name;
    }
}
