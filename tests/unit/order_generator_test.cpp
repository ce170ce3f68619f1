// The example order export (examples/order_export.hpp): the product reads it as a list of
// transactions with every column kind mapped, it gives back the 200 example clients with
// their bad behaviours, it is deterministic, and the committed examples/orders.csv is what it
// generates.
#include "order_export.hpp"

#include "core/headers.hpp"
#include "core/transactions.hpp"
#include "csv.hpp"
#include "order_lines.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace {

using triage::Field;

std::string orders_csv(const client_table::Options& options) {
    std::ostringstream out;
    client_table::write_orders_csv(
        out, client_table::generate_orders(client_table::generate(options), options));
    return out.str();
}

triage::ClientsFromOrders aggregate(const std::string& csv, triage::HeaderMapping& mapping) {
    auto rows = triage::test::parse_csv(csv);
    triage::test::TextTable table;
    table.headers = rows.front();
    rows.erase(rows.begin());
    table.rows = std::move(rows);
    return triage::aggregate_orders(triage::test::order_lines(table, &mapping));
}

} // namespace

TEST(OrderGenerator, EveryColumnKindIsRecognised) {
    const auto headers = client_table::order_headers();
    EXPECT_EQ(triage::detect_table_kind(headers, {}, true), triage::TableKind::Transactions);
    const triage::HeaderMapping m =
        triage::recognize_headers(headers, {}, triage::TableKind::Transactions);
    EXPECT_TRUE(m.problems.empty());
    const std::pair<Field, int> expected[] = {
        {Field::OrderId, client_table::kOrderId},     {Field::OrderDate, client_table::kOrderDate},
        {Field::ClientId, client_table::kCustomerId}, {Field::Client, client_table::kCustomerName},
        {Field::Revenue, client_table::kSales},       {Field::Profit, client_table::kLineProfit},
        {Field::Quantity, client_table::kQuantity},   {Field::Discount, client_table::kDiscount},
        {Field::Returned, client_table::kReturned},   {Field::DueDate, client_table::kDueDate},
        {Field::PaidDate, client_table::kPaidDate},   {Field::Disputed, client_table::kDisputed},
        {Field::Rush, client_table::kShipMode},
    };
    for (const auto& [field, column] : expected) {
        EXPECT_EQ(m.column(field), static_cast<std::size_t>(column)) << triage::field_key(field);
    }
}

TEST(OrderGenerator, GivesBackTheExampleClientsWithTheirBehaviours) {
    client_table::Options options;
    triage::HeaderMapping mapping;
    const triage::ClientsFromOrders c = aggregate(orders_csv(options), mapping);
    EXPECT_EQ(c.clients(), options.rows);
    ASSERT_EQ(c.skipped.size(), 1u); // the Total row
    EXPECT_EQ(c.skipped[0].problem, triage::LineProblem::ReportRow);
    EXPECT_EQ(c.skipped[0].count, 1u);
    // Every text form was read: some dates with a time or as dd.mm.yyyy, some "$1,149.00".
    EXPECT_EQ(c.lines_used + 1, c.lines);
    const auto has = [](const std::vector<double>& v, auto predicate) {
        return std::any_of(v.begin(), v.end(), predicate);
    };
    EXPECT_TRUE(has(c.days_late, [](double d) { return d > 30; }));
    EXPECT_TRUE(has(c.return_rate, [](double r) { return r > 0.15; }));
    EXPECT_TRUE(has(c.discount_share, [](double r) { return r > 0.5; }));
    EXPECT_TRUE(has(c.rush_share, [](double r) { return r > 0.4; }));
    EXPECT_TRUE(has(c.complaints, [](double n) { return n >= 4; }));
    EXPECT_TRUE(has(c.profit, [](double p) { return p < 0; }));
}

TEST(OrderGenerator, IsDeterministicAndTheCommittedFileIsItsOutput) {
    client_table::Options options;
    const std::string csv = orders_csv(options);
    EXPECT_EQ(csv, orders_csv(options));
    const auto committed =
        triage::test::read_file(std::string(TRIAGE_SOURCE_DIR) + "/examples/orders.csv");
    ASSERT_TRUE(committed);
    EXPECT_EQ(*committed, csv) << "run examples/regenerate.sh";
}
