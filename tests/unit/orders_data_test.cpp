// The real exports of ../shared/data read as transaction tables, every cell as text (as a CSV
// arrives): the R `rfm` vignette's segment table, Superstore's totals and returns, the
// accounts-receivable invoices' days late and disputes, and the CDNOW cohort.
#include "core/buying_forecast.hpp"
#include "core/transactions.hpp"

#include "csv.hpp"
#include "order_lines.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

using triage::ClientsFromOrders;
using triage::Field;
using triage::RfmSegment;
using triage::test::TextTable;

namespace {

const std::string kData = TRIAGE_SHARED_DATA;

// A CSV file as a text table, or nullopt when the shared data is absent.
std::optional<TextTable> csv_table(const std::string& path) {
    const auto text = triage::test::read_file(path);
    if (!text) {
        return std::nullopt;
    }
    auto rows = triage::test::parse_csv(*text);
    TextTable table;
    table.headers = rows.front();
    rows.erase(rows.begin());
    table.rows = std::move(rows);
    return table;
}

#define SKIP_WITHOUT(table, path)                                                                  \
    if (!(table)) {                                                                                \
        GTEST_SKIP() << "../shared/data not found: " << (path);                                    \
    }

} // namespace

TEST(OrdersData, RfmOrdersGiveTheVignettesSegmentTable) {
    const std::string path = kData + "/rfm-orders/orders.csv";
    const auto table = csv_table(path);
    SKIP_WITHOUT(table, path);
    triage::OrderSettings settings;
    settings.analysis_date = triage::serial_from_civil(2006, 12, 31);
    const ClientsFromOrders c =
        triage::aggregate_orders(triage::test::order_lines(*table), settings);
    EXPECT_EQ(c.lines, 4906u);
    EXPECT_EQ(c.skipped_lines(), 0u);
    ASSERT_EQ(c.clients(), 995u);
    ASSERT_TRUE(c.has_rfm);
    std::map<RfmSegment, int> counts;
    for (RfmSegment s : c.rfm_segment) {
        ++counts[s];
    }
    EXPECT_EQ(counts[RfmSegment::PotentialLoyalist], 342);
    EXPECT_EQ(counts[RfmSegment::LoyalCustomers], 170);
    EXPECT_EQ(counts[RfmSegment::Lost], 148);
    EXPECT_EQ(counts[RfmSegment::NewCustomers], 104);
    EXPECT_EQ(counts[RfmSegment::AboutToSleep], 102);
    EXPECT_EQ(counts[RfmSegment::CantLoseThem], 47);
    EXPECT_EQ(counts[RfmSegment::Champions], 35);
    EXPECT_EQ(counts[RfmSegment::AtRisk], 28);
    EXPECT_EQ(counts[RfmSegment::NeedAttention], 10);
    EXPECT_EQ(counts[RfmSegment::Promising], 9);
    EXPECT_EQ(counts[RfmSegment::Others], 0);
}

TEST(OrdersData, SuperstoreOrderLinesWithTheirReturns) {
    const std::string path = kData + "/superstore/superstore_orders.csv";
    const auto table = csv_table(path);
    const auto returns = csv_table(kData + "/superstore/superstore_returns.csv");
    SKIP_WITHOUT(table && returns, path);
    triage::OrderLines lines = triage::test::order_lines(*table);
    for (const auto& row : returns->rows) {
        if (row.size() == 2 && row[1] == "Yes") {
            lines.returned_orders.insert(row[0]);
        }
    }
    ASSERT_EQ(lines.returned_orders.size(), 296u);
    const ClientsFromOrders c = triage::aggregate_orders(lines);
    EXPECT_EQ(c.lines, 10194u);
    EXPECT_EQ(c.skipped_lines(), 0u);
    ASSERT_EQ(c.clients(), 804u);
    EXPECT_EQ(c.dates.order, triage::DateOrder::DayFirst);
    EXPECT_TRUE(c.dates.decided_by_data);
    EXPECT_EQ(triage::iso_date(c.dates.first), "2023-01-03");
    EXPECT_EQ(triage::iso_date(c.dates.last), "2026-12-30");
    double profit = 0, sales = 0, orders = 0, returned = 0;
    for (std::size_t r = 0; r < c.clients(); ++r) {
        profit += c.profit[r];
        sales += c.revenue[r];
        orders += c.orders[r];
        returned += c.return_rate[r] * c.orders[r];
        if (r > 0) {
            EXPECT_GE(c.profit[r - 1], c.profit[r]);
        }
    }
    EXPECT_NEAR(profit, 292296.81, 0.005);
    EXPECT_NEAR(sales, 2326534.35, 0.005);
    // 5,111 order ids; six of them stand under two customers each, and count as an order of
    // each (docs/orders.md): independently, the distinct (customer, order) pairs.
    const std::size_t id = triage::test::column_of(table->headers, "Order ID");
    const std::size_t customer = triage::test::column_of(table->headers, "Customer ID");
    std::set<std::string> ids;
    std::set<std::pair<std::string, std::string>> pairs;
    double returned_pairs = 0;
    for (const auto& row : table->rows) {
        ids.insert(row[id]);
        if (pairs.insert({row[customer], row[id]}).second) {
            returned_pairs += lines.returned_orders.count(row[id]) > 0 ? 1 : 0;
        }
    }
    EXPECT_EQ(ids.size(), 5111u);
    EXPECT_EQ(orders, static_cast<double>(pairs.size()));
    EXPECT_NEAR(returned, returned_pairs, 1e-9);
    EXPECT_GE(returned, 296);
    // "Harry Olson" is five customers with five ids.
    int harry = 0;
    for (const std::string_view name : c.name) {
        harry += name == "Harry Olson" ? 1 : 0;
    }
    EXPECT_EQ(harry, 5);
}

TEST(OrdersData, InvoicesGiveDaysLateDisputesAndRevenue) {
    const std::string path = kData + "/accounts-receivable/invoices.csv";
    const auto table = csv_table(path);
    SKIP_WITHOUT(table, path);
    triage::HeaderMapping mapping;
    const triage::OrderLines lines = triage::test::order_lines(*table, &mapping);
    ASSERT_TRUE(mapping.column(Field::DueDate) && mapping.column(Field::PaidDate));
    const ClientsFromOrders c = triage::aggregate_orders(lines);
    ASSERT_EQ(c.clients(), 100u);
    EXPECT_EQ(c.skipped_lines(), 0u);
    EXPECT_EQ(c.dates.order, triage::DateOrder::MonthFirst); // 1/26/2013 decides
    // BG/NBD's fit does not converge on these invoices, and the result line says that (not
    // that repeat orders are missing).
    const triage::BuyingForecast forecast = triage::forecast_buying(c.repeat_buying);
    EXPECT_TRUE(forecast.attempted);
    EXPECT_FALSE(forecast.fitted);
    EXPECT_EQ(forecast.why_not, triage::NotFitted::NoFit);
    EXPECT_NE(triage::forecast_note(forecast, triage::Lang::En).find("did not converge"),
              std::string::npos);

    // The same file with only the DaysLate column for the days late.
    TextTable late_only = *table;
    for (auto* headers : {&late_only.headers}) {
        (*headers)[*mapping.column(Field::DueDate)] = "x1";
        (*headers)[*mapping.column(Field::PaidDate)] = "x2";
    }
    const ClientsFromOrders by_column =
        triage::aggregate_orders(triage::test::order_lines(late_only));
    ASSERT_EQ(by_column.clients(), 100u);

    // Independently: per customer the mean DaysLate, the disputes, the invoice amounts.
    const std::size_t cid = triage::test::column_of(table->headers, "customerID");
    const std::size_t amount = triage::test::column_of(table->headers, "InvoiceAmount");
    const std::size_t disputed = triage::test::column_of(table->headers, "Disputed");
    const std::size_t late = triage::test::column_of(table->headers, "DaysLate");
    std::map<std::string, std::array<double, 4>> expect; // sum late, invoices, disputes, revenue
    for (const auto& row : table->rows) {
        auto& e = expect[row[cid]];
        e[0] += std::stod(row[late]);
        e[1] += 1;
        e[2] += row[disputed] == "Yes" ? 1 : 0;
        e[3] += std::stod(row[amount]);
    }
    for (std::size_t r = 0; r < c.clients(); ++r) {
        const auto& e = expect.at(std::string(c.key[r]));
        EXPECT_NEAR(c.days_late[r], e[0] / e[1], 1e-9) << c.key[r];
        EXPECT_EQ(c.complaints[r], e[2]) << c.key[r];
        EXPECT_NEAR(c.revenue[r], e[3], 1e-6) << c.key[r];
        EXPECT_EQ(c.orders[r], e[1]);
    }
    for (std::size_t r = 0; r < by_column.clients(); ++r) {
        const auto& e = expect.at(std::string(by_column.key[r]));
        EXPECT_NEAR(by_column.days_late[r], e[0] / e[1], 1e-9) << by_column.key[r];
    }
}

TEST(OrdersData, CdnowMasterIsTheWholeCohort) {
    const std::string path = kData + "/cdnow/CDNOW_master.txt";
    const auto text = triage::test::read_file(path);
    if (!text) {
        GTEST_SKIP() << "../shared/data not found: " << path;
    }
    // Whitespace-separated, as Calc's text import with "merge delimiters" splits it.
    std::istringstream in(*text);
    std::string line;
    std::getline(in, line);
    TextTable table;
    std::istringstream header(line);
    for (std::string h; header >> h;) {
        table.headers.push_back(h);
    }
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::vector<std::string> row;
        for (std::string f; fields >> f;) {
            row.push_back(f);
        }
        if (!row.empty()) {
            table.rows.push_back(std::move(row));
        }
    }
    triage::HeaderMapping mapping;
    const triage::OrderLines lines = triage::test::order_lines(table, &mapping);
    EXPECT_EQ(mapping.column(Field::ClientId), 0u);
    EXPECT_EQ(mapping.column(Field::OrderDate), 1u);
    EXPECT_EQ(mapping.column(Field::Revenue), 3u);
    const ClientsFromOrders c = triage::aggregate_orders(lines);
    EXPECT_EQ(c.lines, 69659u);
    EXPECT_EQ(c.skipped_lines(), 0u);
    EXPECT_EQ(c.clients(), 23570u);
    EXPECT_EQ(triage::iso_date(c.dates.first), "1997-01-01");
    EXPECT_EQ(triage::iso_date(c.dates.last), "1998-06-30");
}
