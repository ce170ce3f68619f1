// Order and invoice lines -> clients (core/transactions.hpp, docs/orders.md), on small tables
// whose every value is worked out by hand.
#include "core/transactions.hpp"

#include "core/batch.hpp"
#include "core/error.hpp"
#include "order_lines.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>

using triage::ClientsFromOrders;
using triage::Field;
using triage::Lang;
using triage::LineProblem;
using triage::test::order_lines;
using triage::test::TextTable;

namespace {

double day(int y, int m, int d) {
    return triage::serial_from_civil(y, m, d);
}

std::size_t client_row(const ClientsFromOrders& c, const std::string& key) {
    for (std::size_t r = 0; r < c.clients(); ++r) {
        if (c.key[r] == key) {
            return r;
        }
    }
    ADD_FAILURE() << "no client " << key;
    return 0;
}

} // namespace

TEST(AggregateOrders, OrdersAreDistinctIdsAndClientsAreSortedByProfit) {
    const TextTable table{
        {"Order ID", "Order Date", "Customer ID", "Customer Name", "Sales", "Profit"},
        {
            {"A-1", "2026-01-05", "C1", "Ann", "100", "10"},
            {"A-1", "2026-01-05", "C1", "Ann", "50", "5"},
            {"A-2", "2026-01-15", "C1", "Ann", "30", "-3"},
            {"A-3", "2026-01-15", "C1", "", "20", "2"}, // same day as A-2
            {"A-4", "2026-02-04", "C1", "Ann", "10", "1"},
            {"B-1", "2026-01-10", "C2", "Bob", "500", "90"},
            {"B-2", "2026-03-01", "C2", "Bob", "n/a", "1"}, // unreadable amount: skipped
        }};
    const ClientsFromOrders c = triage::aggregate_orders(order_lines(table));
    ASSERT_EQ(c.clients(), 2u);
    EXPECT_EQ(c.lines, 7u);
    EXPECT_EQ(c.lines_used, 6u);
    EXPECT_EQ(c.key[0], "C2"); // profit 90 before 15
    EXPECT_EQ(c.name[0], "Bob");
    EXPECT_EQ(c.key[1], "C1");
    EXPECT_EQ(c.name[1], "Ann");
    EXPECT_DOUBLE_EQ(c.revenue[1], 210);
    EXPECT_DOUBLE_EQ(c.profit[1], 15);
    EXPECT_EQ(c.orders[1], 4); // A-1..A-4
    EXPECT_EQ(c.first_order[1], day(2026, 1, 5));
    EXPECT_EQ(c.last_order[1], day(2026, 2, 4));
    EXPECT_EQ(c.analysis_date, day(2026, 2, 4)); // the latest date in the data
    EXPECT_EQ(c.days_since_last_order[1], 0);
    EXPECT_EQ(c.days_since_last_order[0], day(2026, 2, 4) - day(2026, 1, 10));
    // Three distinct order days (Jan 5, Jan 15, Feb 4): (30 days) / 2.
    EXPECT_DOUBLE_EQ(c.usual_days_between_orders[1], 15);
    EXPECT_TRUE(std::isnan(c.usual_days_between_orders[0])); // one order day
    // The dated orders by row, then date: Bob's B-1, then Ann's A-1 (150), A-2, A-3, A-4.
    ASSERT_EQ(c.dated_orders.size(), 5u);
    const std::vector<std::pair<std::size_t, double>> dated = {{0, day(2026, 1, 10)},
                                                               {1, day(2026, 1, 5)},
                                                               {1, day(2026, 1, 15)},
                                                               {1, day(2026, 1, 15)},
                                                               {1, day(2026, 2, 4)}};
    for (std::size_t k = 0; k < dated.size(); ++k) {
        EXPECT_EQ(c.dated_orders[k].client, dated[k].first) << k;
        EXPECT_EQ(c.dated_orders[k].day, dated[k].second) << k;
    }
    EXPECT_DOUBLE_EQ(c.dated_orders[1].value, 150);
    EXPECT_DOUBLE_EQ(c.dated_orders[1].profit, 15);
    ASSERT_EQ(c.skipped.size(), 1u);
    EXPECT_EQ(c.skipped[0].problem, LineProblem::BadNumber);
    EXPECT_EQ(c.skipped[0].rows, (std::vector<std::size_t>{8}));
    EXPECT_TRUE(c.has_order_ids);
}

TEST(AggregateOrders, KeysAndNamesStayWithCopiesOfTheResult) {
    // The keys and names are views of texts the result keeps: a copy keeps them too, after
    // the result it was copied from and the lines are gone.
    ClientsFromOrders copy;
    {
        const TextTable table{{"Customer ID", "Customer Name", "Sales"},
                              {{"C-0001", "Harry Olson", "10"}, {"C-0002", "Ann", "30"}}};
        const triage::OrderLines lines = order_lines(table);
        const ClientsFromOrders c = triage::aggregate_orders(lines);
        copy = c;
    }
    ASSERT_EQ(copy.clients(), 2u);
    EXPECT_EQ(copy.key[0], "C-0002");
    EXPECT_EQ(copy.name[0], "Ann");
    EXPECT_EQ(copy.key[1], "C-0001");
    EXPECT_EQ(copy.name[1], "Harry Olson");
}

TEST(AggregateOrders, WithoutOrderIdsEveryLineIsAnOrderAsRfmCounts) {
    const TextTable table{
        {"customer_id", "order_date", "revenue"},
        {{"x", "2006-01-01", "10"}, {"x", "2006-01-01", "5"}, {"y", "2006-06-01", "7"}}};
    const ClientsFromOrders c = triage::aggregate_orders(order_lines(table));
    ASSERT_EQ(c.clients(), 2u);
    EXPECT_FALSE(c.has_profit);
    const std::size_t x = client_row(c, "x");
    EXPECT_EQ(c.orders[x], 2);
    EXPECT_DOUBLE_EQ(c.revenue[x], 15);
    EXPECT_TRUE(c.profit.empty());
    EXPECT_EQ(c.key[0], "x"); // by revenue without profit
}

TEST(AggregateOrders, ReturnsFromFlagsListsAndNegativeLines) {
    const TextTable table{{"Order", "Date", "Client", "Amount", "Returned"},
                          {
                              {"1", "2026-01-01", "Ann", "100", "No"},
                              {"2", "2026-01-02", "Ann", "100", "Yes"},
                              {"3", "2026-01-03", "Ann", "100", ""},
                              {"4", "2026-01-04", "Ann", "100", "refunded"},
                              {"5", "2026-01-05", "Bob", "100", "0"},
                              {"5", "2026-01-06", "Bob", "-40", ""}, // a refund line of order 5
                              {"6", "2026-01-07", "Bob", "100", "12.50"}, // a refunded amount
                              {"7", "2026-01-08", "Bob", "100", "paid"},
                          }};
    triage::OrderLines lines = order_lines(table);
    lines.returned_orders = {"3"};
    const ClientsFromOrders c = triage::aggregate_orders(lines);
    EXPECT_DOUBLE_EQ(c.return_rate[client_row(c, "Ann")], 3.0 / 4); // 2 flag, 3 list, 4 word
    EXPECT_DOUBLE_EQ(c.return_rate[client_row(c, "Bob")], 2.0 / 3); // 5 negative line, 6 amount
    EXPECT_EQ(c.first_order[client_row(c, "Bob")],
              day(2026, 1, 5)); // order 5 dated by its first line
}

TEST(AggregateOrders, DaysLateFromDueAndPaidDatesOverPaidInvoices) {
    const TextTable table{
        {"Invoice", "Invoice date", "Customer", "Amount", "Due date", "Paid date", "Disputed"},
        {
            {"I1", "01.01.2026", "Ann", "10", "31.01.2026", "10.02.2026", "нет"},
            {"I2", "01.02.2026", "Ann", "10", "03.03.2026", "01.03.2026", "да"},
            {"I3", "01.03.2026", "Ann", "10", "31.03.2026", "", "нет"}, // unpaid
        }};
    const ClientsFromOrders c = triage::aggregate_orders(order_lines(table));
    ASSERT_EQ(c.clients(), 1u);
    EXPECT_DOUBLE_EQ(c.days_late[0], 5); // (10 + 0) / 2
    EXPECT_EQ(c.complaints[0], 1);
}

TEST(AggregateOrders, DaysLateColumnIsAveragedPerOrderWithNegativesAsZero) {
    const TextTable table{
        {"Invoice", "Customer", "Amount", "Days late"},
        {{"I1", "Ann", "10", "6"}, {"I2", "Ann", "10", "-3"}, {"I3", "Ann", "10", ""}}};
    const ClientsFromOrders c = triage::aggregate_orders(order_lines(table));
    EXPECT_DOUBLE_EQ(c.days_late[0], 3);
    EXPECT_TRUE(c.days_since_last_order.empty()); // no dates at all
    EXPECT_TRUE(std::isnan(c.analysis_date));
}

TEST(AggregateOrders, DiscountShareIsTheShareOfRevenueSoldAtADiscount) {
    const TextTable table{{"Client", "Order ID", "Sales", "Discount"},
                          {{"Ann", "1", "300", "0.2"},
                           {"Ann", "2", "100", "0"},
                           {"Ann", "3", "100", "SPRING10"}, // a code
                           {"Ann", "4", "500", ""},
                           {"Ann", "5", "-50", "0.5"}}}; // a refund: not in the share
    const ClientsFromOrders c = triage::aggregate_orders(order_lines(table));
    EXPECT_DOUBLE_EQ(c.discount_share[0], 400.0 / 1000);
}

TEST(AggregateOrders, RushOrdersFromFlagsWordsAndShipModes) {
    const TextTable table{{"Client", "Order ID", "Sales", "Ship Mode"},
                          {{"Ann", "1", "1", "Same Day"},
                           {"Ann", "2", "1", "Standard Class"},
                           {"Ann", "3", "1", "Express"},
                           {"Ann", "4", "1", "First Class"}}};
    const ClientsFromOrders c = triage::aggregate_orders(order_lines(table));
    EXPECT_DOUBLE_EQ(c.rush_share[0], 0.5);
}

TEST(AggregateOrders, ProfitIsAmountMinusCost) {
    const TextTable table{{"Контрагент", "Дата", "Сумма", "Себестоимость"},
                          {{"ООО Ромашка", "05.04.2026", "55 448,00", "40 000,50"},
                           {"ООО Ромашка", "06.04.2026", "1 000,00", "1 200,00"}}};
    const ClientsFromOrders c = triage::aggregate_orders(order_lines(table));
    ASSERT_EQ(c.clients(), 1u);
    EXPECT_TRUE(c.has_profit);
    EXPECT_DOUBLE_EQ(c.revenue[0], 56448);
    EXPECT_DOUBLE_EQ(c.profit[0], 56448 - 41200.5);
}

TEST(AggregateOrders, DayOrMonthFirstIsDecidedByTheDataElseByTheLocale) {
    TextTable table{{"Client", "Date", "Amount"},
                    {{"Ann", "03/01/23", "1"}, {"Bob", "04/01/23", "1"}}};
    triage::OrderSettings us;
    us.locale_date_order = triage::DateOrder::MonthFirst;
    ClientsFromOrders c = triage::aggregate_orders(order_lines(table), us);
    EXPECT_EQ(c.last_order[client_row(c, "Ann")], day(2023, 3, 1));
    EXPECT_FALSE(c.dates.decided_by_data);
    EXPECT_TRUE(c.dates.ambiguous_seen);

    table.rows.push_back({"Cid", "13/01/23", "1"}); // only day first reads this
    c = triage::aggregate_orders(order_lines(table), us);
    EXPECT_EQ(c.last_order[client_row(c, "Ann")], day(2023, 1, 3));
    EXPECT_TRUE(c.dates.decided_by_data);
    EXPECT_EQ(c.dates.order, triage::DateOrder::DayFirst);
}

TEST(AggregateOrders, AnAnalysisDateBeforeALastOrderCountsZeroDays) {
    const TextTable table{{"Client", "Date", "Amount"},
                          {{"Ann", "2026-03-01", "1"}, {"Bob", "2026-01-01", "1"}}};
    triage::OrderSettings settings;
    settings.analysis_date = day(2026, 2, 1);
    const ClientsFromOrders c = triage::aggregate_orders(order_lines(table), settings);
    EXPECT_EQ(c.days_since_last_order[client_row(c, "Ann")], 0);
    EXPECT_EQ(c.days_since_last_order[client_row(c, "Bob")], 31);
}

TEST(AggregateOrders, ReportRowsAndUnreadableLinesAreSkippedAndNamed) {
    const TextTable table{{"Customer", "Date", "Amount"},
                          {
                              {"Acme", "", ""},                 // row 2: a heading
                              {"Acme", "2026-01-01", "$10.00"}, // row 3
                              {"Acme", "yesterday", "5"},       // row 4: bad date
                              {"Total for Acme", "", "10"},     // row 5
                              {"", "2026-01-02", "7"},          // row 6: no client
                              {"", "", ""},                     // row 7: empty, not a line
                              {"Bolt", "2026-01-03", "seven"},  // row 8: bad number
                              {"Итого", "", "17"},              // row 9
                          }};
    triage::HeaderMapping mapping;
    const triage::OrderLines lines = order_lines(table, &mapping);
    const ClientsFromOrders c = triage::aggregate_orders(lines);
    ASSERT_EQ(c.clients(), 1u);
    EXPECT_EQ(c.lines, 7u);
    EXPECT_EQ(c.lines_used, 1u);
    EXPECT_EQ(c.skipped_lines(), 6u);
    const std::string en = triage::skipped_lines_text(c, mapping, table.headers, Lang::En);
    EXPECT_EQ(en, "6 lines skipped: 1 without a client (row 6); 3 report rows such as totals or "
                  "headings (rows 2, 5, 9); 1 with a number that cannot be read in \"Amount\" "
                  "(row 8); 1 with a date that cannot be read in \"Date\" (row 4).");
    EXPECT_NE(
        triage::skipped_lines_text(c, mapping, table.headers, Lang::Ru).find("строки 2, 5, 9"),
        std::string::npos);
    EXPECT_NE(triage::skipped_lines_text(c, mapping, table.headers, Lang::Fi).find("rivit 2, 5, 9"),
              std::string::npos);
}

// Dates typed or pasted into an English office: Calc made date cells of those it could read as
// month/day (03/01/23 became March 1) and left the others as text (13/01/23). The texts show
// day/month: the cells that came from such texts are turned back; a day above 12 cannot have.
TEST(AggregateOrders, DateCellsCalcReadTheOtherWayRoundAreTurned) {
    triage::OrderLines lines;
    const auto text = [](const char* t) { return triage::RawCell::of_text(t); };
    const auto number = [](double n) { return triage::RawCell::of_number(n); };
    lines.of(Field::Client) = {text("Ann"), text("Bob"), text("Cid"), text("Dan")};
    lines.of(Field::OrderDate) = {number(day(2023, 3, 1)), text("13/01/23"),
                                  number(day(2023, 2, 28)), number(day(2023, 4, 5) + 0.5)};
    lines.of(Field::Revenue) = {number(1), number(1), number(1), number(1)};
    triage::OrderSettings us;
    us.locale_date_order = triage::DateOrder::MonthFirst;
    ClientsFromOrders c = triage::aggregate_orders(lines, us);
    EXPECT_EQ(c.last_order[client_row(c, "Ann")], day(2023, 1, 3));
    EXPECT_EQ(c.last_order[client_row(c, "Bob")], day(2023, 1, 13));
    EXPECT_EQ(c.last_order[client_row(c, "Cid")], day(2023, 2, 28)); // no 28th month
    EXPECT_EQ(std::floor(c.first_order[client_row(c, "Dan")]), day(2023, 5, 4));
    EXPECT_EQ(c.dates.swapped_cells, 2u);
    triage::HeaderMapping mapping;
    mapping.columns[triage::field_index(Field::Client)] = 0;
    mapping.columns[triage::field_index(Field::OrderDate)] = 1;
    mapping.columns[triage::field_index(Field::Revenue)] = 2;
    EXPECT_NE(triage::orders_description(c, mapping, {"Client", "Date", "Amount"}, Lang::En)
                  .find("read as day/month/year; 2 date cells that Calc had read the other way "
                        "round were turned"),
              std::string::npos);

    // In a day/month office the cells were read as the texts are: nothing is turned.
    c = triage::aggregate_orders(lines, triage::OrderSettings{});
    EXPECT_EQ(c.last_order[client_row(c, "Ann")], day(2023, 3, 1));
    EXPECT_EQ(c.dates.swapped_cells, 0u);
    // Without a text that decides, the cells are as Calc read them.
    lines.of(Field::OrderDate)[1] = number(day(2023, 1, 13));
    c = triage::aggregate_orders(lines, us);
    EXPECT_EQ(c.last_order[client_row(c, "Ann")], day(2023, 3, 1));
    EXPECT_EQ(c.dates.swapped_cells, 0u);
}

TEST(AggregateOrders, DescriptionSaysWhatWasFound) {
    const TextTable table{
        {"Order ID", "Order Date", "Customer ID", "Customer Name", "Sales"},
        {{"1", "03/01/23", "C1", "Ann", "1"}, {"2", "30/12/26", "C2", "Bob", "1"}}};
    triage::HeaderMapping mapping;
    const ClientsFromOrders c = triage::aggregate_orders(order_lines(table, &mapping));
    EXPECT_EQ(triage::orders_description(c, mapping, table.headers, Lang::En),
              "2 order lines of 2 clients (key: Customer ID, shown as Customer Name; order dates "
              "2023-01-03 to 2026-12-30, read as day/month/year)");
}

TEST(AggregateOrders, FeedsTheSameSegmentationAsAClientTable) {
    const TextTable table{{"Client", "Order ID", "Date", "Sales", "Profit"},
                          {{"Ann", "1", "2026-01-01", "100", "80"},
                           {"Bob", "2", "2026-01-01", "100", "15"},
                           {"Cid", "3", "2026-01-01", "100", "5"},
                           {"Dan", "4", "2026-01-01", "100", "-5"}}};
    const ClientsFromOrders c = triage::aggregate_orders(order_lines(table));
    const triage::ClientTable t =
        triage::client_table_from_fields(triage::client_fields(c), c.analysis_date);
    const triage::BatchResult r = triage::segment_clients(t);
    ASSERT_EQ(r.rows.size(), 4u);
    EXPECT_EQ(r.rows[0].tier(), triage::Tier::A); // Ann, 80 of 100
    EXPECT_EQ(r.rows[3].tier(), triage::Tier::D); // Dan, a loss
    EXPECT_EQ(r.summary.errors, 0u);
}

TEST(AggregateOrders, TheClientTableTakesTheUsualIntervalOfDistinctOrderDays) {
    // Ann's two orders are of one day: no usual interval (one order day), not 0 days as
    // (last - first) / (orders - 1) would make it. Bob's two days 10 days apart: 10.
    const TextTable table{{"Client", "Order ID", "Date", "Sales"},
                          {{"Ann", "1", "2026-01-01", "100"},
                           {"Ann", "2", "2026-01-01", "50"},
                           {"Bob", "3", "2026-01-01", "10"},
                           {"Bob", "4", "2026-01-11", "10"}}};
    const ClientsFromOrders c = triage::aggregate_orders(order_lines(table));
    const triage::FieldColumns fields = triage::client_fields(c);
    EXPECT_TRUE(fields[triage::field_index(Field::Orders)].empty());
    EXPECT_TRUE(fields[triage::field_index(Field::FirstOrderDate)].empty());
    EXPECT_TRUE(fields[triage::field_index(Field::LastOrderDate)].empty());
    const triage::ClientTable t = triage::client_table_from_fields(fields, c.analysis_date);
    const std::size_t ann = client_row(c, "Ann");
    const std::size_t bob = client_row(c, "Bob");
    ASSERT_EQ(t.usual_days_between_orders.size(), 2u);
    EXPECT_FALSE(t.usual_days_between_orders[ann].has_value());
    ASSERT_TRUE(t.usual_days_between_orders[bob].has_value());
    EXPECT_DOUBLE_EQ(*t.usual_days_between_orders[bob], 10);
    ASSERT_TRUE(t.days_since_last_order[ann].has_value());
    EXPECT_DOUBLE_EQ(*t.days_since_last_order[ann], 10);
}

TEST(AggregateOrders, RejectsTablesWithoutKeyOrAmount) {
    triage::OrderLines lines;
    lines.of(Field::Client) = {triage::RawCell::of_text("a")};
    EXPECT_THROW(triage::aggregate_orders(lines), triage::InvalidInput);
    lines.of(Field::Revenue) = {triage::RawCell::of_number(1), triage::RawCell::of_number(2)};
    EXPECT_THROW(triage::aggregate_orders(lines), triage::InvalidInput); // lengths differ
    EXPECT_EQ(triage::aggregate_orders(triage::OrderLines{}).clients(), 0u);
}

TEST(AggregateOrders, ALaterLineOfAnOrderTakesTheOrdersDate) {
    // Shopify-style: order-level fields only on the first line of an order.
    const TextTable table{{"Order", "Email", "Created at", "Total"},
                          {{"#1001", "ann@example.com", "2026-04-05 21:06:21 +0400", "15"},
                           {"#1001", "ann@example.com", "", ""},
                           {"#1002", "ann@example.com", "", "7"}}}; // no date at all
    triage::HeaderMapping mapping;
    const ClientsFromOrders c = triage::aggregate_orders(order_lines(table, &mapping));
    ASSERT_EQ(mapping.column(Field::ClientId), 1u);
    ASSERT_EQ(c.clients(), 1u);
    EXPECT_DOUBLE_EQ(c.revenue[0], 15);
    EXPECT_EQ(c.orders[0], 1);
    ASSERT_EQ(c.skipped.size(), 1u);
    EXPECT_EQ(c.skipped[0].problem, LineProblem::NoDate);
    EXPECT_EQ(c.skipped[0].rows, (std::vector<std::size_t>{4}));
}

TEST(AggregateOrders, ThousandsOfClientsDatedOrdersAreByRowThenDay) {
    // 3,000 clients (more rows than the first grouping of the dated orders takes at once),
    // each with 1 to 6 orders of one line on random days, the lines in random order.
    using triage::RawCell;
    std::mt19937 rng(7);
    struct Line {
        std::string client;
        std::string order;
        double day;
        double amount;
    };
    std::vector<Line> all;
    std::map<std::string, std::vector<std::pair<double, double>>> expect; // (day, amount)
    for (int c = 0; c < 3000; ++c) {
        const std::string client = "K" + std::to_string(c);
        const int orders = 1 + static_cast<int>(rng() % 6);
        for (int o = 0; o < orders; ++o) {
            const double d = day(2025, 1, 1) + static_cast<double>(rng() % 400);
            const double amount = 1 + static_cast<double>(rng() % 1000);
            all.push_back({client, client + "-" + std::to_string(o), d, amount});
            expect[client].emplace_back(d, amount);
        }
    }
    std::shuffle(all.begin(), all.end(), rng);
    triage::OrderLines lines;
    for (const Line& l : all) {
        lines.of(Field::ClientId).push_back(RawCell::of_text(l.client));
        lines.of(Field::OrderId).push_back(RawCell::of_text(l.order));
        lines.of(Field::OrderDate).push_back(RawCell::of_number(l.day));
        lines.of(Field::Revenue).push_back(RawCell::of_number(l.amount));
    }
    const ClientsFromOrders c = triage::aggregate_orders(lines);
    ASSERT_EQ(c.clients(), 3000u);
    ASSERT_EQ(c.dated_orders.size(), all.size());
    std::size_t at = 0;
    for (std::size_t r = 0; r < c.clients(); ++r) {
        std::vector<std::pair<double, double>> want = expect.at(std::string(c.key[r]));
        std::sort(want.begin(), want.end(),
                  [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<std::pair<double, double>> got;
        for (; at < c.dated_orders.size() && c.dated_orders[at].client == r; ++at) {
            got.emplace_back(c.dated_orders[at].day, c.dated_orders[at].value);
        }
        ASSERT_EQ(got.size(), want.size()) << c.key[r];
        for (std::size_t k = 0; k < got.size(); ++k) {
            // By day; orders of one day in any order.
            EXPECT_EQ(got[k].first, want[k].first) << c.key[r];
            if (k > 0) {
                EXPECT_LE(got[k - 1].first, got[k].first) << c.key[r];
            }
        }
        std::sort(got.begin(), got.end());
        std::sort(want.begin(), want.end());
        EXPECT_EQ(got, want) << c.key[r];
    }
    EXPECT_EQ(at, c.dated_orders.size());
}

TEST(AggregateOrders, SeventyThousandClientsWithLongAndShortKeys) {
    // More clients than the index of keys has room for at first (it grows), half with keys
    // longer than it holds in place that differ only after their first 40 bytes, half short;
    // each client's two lines stand apart.
    using triage::RawCell;
    const std::string common = "Customer with a rather long common name, number ";
    const auto key_of = [&](int c) {
        return c % 2 == 0 ? common + std::to_string(c) : "S" + std::to_string(c);
    };
    triage::OrderLines lines;
    constexpr int kClients = 70000;
    for (int pass = 0; pass < 2; ++pass) {
        for (int c = 0; c < kClients; ++c) {
            lines.of(Field::Client).push_back(RawCell::of_text(key_of(c)));
            lines.of(Field::Revenue).push_back(RawCell::of_number(c + (pass == 0 ? 0.25 : 0.5)));
        }
    }
    const ClientsFromOrders c = triage::aggregate_orders(lines);
    ASSERT_EQ(c.clients(), static_cast<std::size_t>(kClients));
    // By revenue, most first: client k has 2k + 0.75.
    for (std::size_t r = 0; r < c.clients(); ++r) {
        const int k = kClients - 1 - static_cast<int>(r);
        ASSERT_EQ(c.key[r], key_of(k)) << r;
        ASSERT_DOUBLE_EQ(c.revenue[r], 2.0 * k + 0.75) << r;
        ASSERT_EQ(c.orders[r], 2) << r;
    }
}

TEST(AggregateOrders, AnOrderWhoseLinesStandApartIsOneOrder) {
    // Lines sorted by product, not by order: order A-1 in three parts, A-2 in two; Bob has an
    // order A-1 of his own. The later parts bring a return, an earlier date, an undated line
    // (dated by its order) and more days late.
    const TextTable table{{"Order", "Date", "Client", "Amount", "Returned", "Days late"},
                          {
                              {"A-1", "2026-03-10", "Ann", "100", "No", "2"},
                              {"A-2", "2026-03-20", "Ann", "10", "No", ""},
                              {"A-1", "2026-03-01", "Ann", "50", "Yes", "9"},
                              {"A-1", "2026-03-01", "Bob", "7", "No", "1"},
                              {"A-2", "", "Ann", "5", "No", ""},
                              {"A-1", "", "Ann", "1", "No", "4"},
                          }};
    const ClientsFromOrders c = triage::aggregate_orders(order_lines(table));
    ASSERT_EQ(c.clients(), 2u);
    const std::size_t ann = client_row(c, "Ann");
    const std::size_t bob = client_row(c, "Bob");
    EXPECT_EQ(c.lines_used, 6u);
    EXPECT_TRUE(c.skipped.empty());
    EXPECT_EQ(c.orders[ann], 2);
    EXPECT_EQ(c.orders[bob], 1);
    EXPECT_DOUBLE_EQ(c.revenue[ann], 166);
    EXPECT_DOUBLE_EQ(c.return_rate[ann], 0.5);      // A-1 returned in its second part
    EXPECT_DOUBLE_EQ(c.days_late[ann], 9);          // the most of 2, 9, 4; A-2: none
    EXPECT_EQ(c.first_order[ann], day(2026, 3, 1)); // A-1's earliest line
    EXPECT_EQ(c.return_rate[bob], 0);
    // Two dated orders of Ann: A-1 (151, 2026-03-01) and A-2 (15, 2026-03-20).
    std::vector<std::pair<double, double>> ann_orders;
    for (const triage::Purchase& p : c.dated_orders) {
        if (p.client == ann) {
            ann_orders.emplace_back(p.day, p.value);
        }
    }
    EXPECT_EQ(ann_orders, (std::vector<std::pair<double, double>>{{day(2026, 3, 1), 151},
                                                                  {day(2026, 3, 20), 15}}));
}
