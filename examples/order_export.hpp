// A deterministic generator of an order export (one row per order line) behind the example
// clients of client_table.hpp: the same clients, their orders over the last two years, every
// column kind Client Triage reads from a list of transactions (docs/orders.md), and some lines
// written as exports write them (a time and a zone, dd.mm.yyyy, "$1,149.00", "(33.62)" for a
// refund, TRUE/да for yes), plus the report row a shop's export ends with. Header-only, no
// dependency on the product's core (the unit test checks what the product reads from it).
#pragma once

#include "client_table.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

namespace client_table {

enum OrderColumn {
    kOrderId,
    kOrderDate,
    kCustomerId,
    kCustomerName,
    kSales,
    kLineProfit,
    kQuantity,
    kDiscount,
    kReturned,
    kDueDate,
    kPaidDate,
    kDisputed,
    kShipMode,
    kOrderColumnCount
};

inline std::vector<std::string> order_headers() {
    return {"Order ID",  "Order Date", "Customer ID", "Customer Name", "Sales",
            "Profit",    "Quantity",   "Discount",    "Returned",      "Due Date",
            "Paid Date", "Disputed",   "Ship Mode"};
}

using OrderLine = std::vector<std::string>; // kOrderColumnCount cells, as the CSV shows them

namespace detail {

inline std::string dotted_date(long long days) {
    const std::string iso = iso_date(days); // YYYY-MM-DD
    return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

// "$1,149.50"
inline std::string dollars(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v < 0 ? -v : v);
    std::string digits = buf;
    const std::size_t point = digits.find('.');
    std::string whole = digits.substr(0, point);
    for (long i = static_cast<long>(whole.size()) - 3; i > 0; i -= 3) {
        whole.insert(static_cast<std::size_t>(i), ",");
    }
    return (v < 0 ? "-$" : "$") + whole + digits.substr(point);
}

} // namespace detail

// The order lines of the clients: at most 20 orders a client within the two years before
// `options.today`, 1-3 lines an order; amounts add up to about the client's revenue over
// those orders, profit at the client's margin; discounts, returns, late payment, disputes and
// rush orders as often as the client's signals say. The last line is a "Total" row.
inline std::vector<OrderLine> generate_orders(const std::vector<Client>& clients,
                                              const Options& options) {
    Rng rng(options.seed ^ 0x5DEECE66DULL);
    std::vector<OrderLine> lines;
    const long long window_start = options.today - 730;
    long long order_number = 100000;
    double total = 0;
    const auto or_zero = [](double v) { return Client::empty(v) ? 0.0 : v; };
    for (std::size_t i = 0; i < clients.size(); ++i) {
        const Client& c = clients[i];
        const auto& v = c.values;
        const long long last = static_cast<long long>(v[kLastOrder]) - 25569;
        const long long first =
            std::max(window_start, static_cast<long long>(v[kFirstOrder]) - 25569);
        const int orders = static_cast<int>(std::min(20.0, std::max(1.0, v[kOrders])));
        const double order_value = v[kRevenue] / std::max(1.0, v[kOrders]);
        const double margin = v[kRevenue] > 0 ? v[kProfit] / v[kRevenue] : 0.0;
        const double late = or_zero(v[kDaysLate]);
        int disputes = static_cast<int>(std::min<double>(or_zero(v[kComplaints]), orders));
        char id[32];
        std::snprintf(id, sizeof id, "C%04zu", i + 1);
        for (int k = 0; k < orders; ++k) {
            // The last order on the client's last order date, the others before it.
            const long long day =
                k == orders - 1 || last <= first ? last : rng.integer(first, last - 1);
            const bool returned = rng.chance(or_zero(v[kReturnRate]));
            const bool rush = rng.chance(or_zero(v[kRushShare]));
            const bool disputed = disputes > 0 && rng.chance(0.5 + 0.5 * (k == orders - 1));
            disputes -= disputed ? 1 : 0;
            const long long due = day + 30;
            const bool unpaid = day > options.today - 30 && rng.chance(0.5);
            const long long paid =
                due + static_cast<long long>(std::max(
                          0.0, std::round(late * rng.uniform(0.5, 1.5)) - rng.integer(0, 3)));
            const int line_count = static_cast<int>(rng.integer(1, 3));
            const std::string order_id = "SO-" + std::to_string(++order_number);
            for (int l = 0; l < line_count; ++l) {
                const double amount =
                    detail::round_to(order_value / line_count * rng.uniform(0.7, 1.3), 0.01);
                const bool discounted = rng.chance(or_zero(v[kDiscountShare]));
                OrderLine line(kOrderColumnCount);
                line[kOrderId] = order_id;
                // Dates: mostly ISO; some with a time and a zone, some dd.mm.yyyy.
                const double form = rng.uniform();
                line[kOrderDate] = form < 0.8   ? iso_date(day)
                                   : form < 0.9 ? iso_date(day) + " 14:05:31 +0300"
                                                : detail::dotted_date(day);
                line[kCustomerId] = id;
                line[kCustomerName] = l == 0 || rng.chance(0.5) ? c.name : "";
                line[kSales] = rng.chance(0.1) ? detail::dollars(amount) : number_text(amount);
                line[kLineProfit] = number_text(detail::round_to(amount * margin, 0.01));
                line[kQuantity] = std::to_string(rng.integer(1, 12));
                line[kDiscount] = discounted ? (rng.chance(0.5) ? "0.1" : "20%") : "0";
                line[kReturned] = returned ? (rng.chance(0.7) ? "Yes" : "TRUE") : "No";
                line[kDueDate] = iso_date(due);
                line[kPaidDate] = unpaid ? "" : iso_date(paid);
                line[kDisputed] = disputed ? "Yes" : "No";
                line[kShipMode] =
                    rush ? "Same Day" : (rng.chance(0.3) ? "Second Class" : "Standard Class");
                total += amount;
                lines.push_back(std::move(line));
            }
            if (returned && rng.chance(0.3)) { // a refund line of the returned order
                OrderLine refund = lines.back();
                refund[kSales] = "(" + number_text(detail::round_to(order_value * 0.2, 0.01)) + ")";
                refund[kLineProfit] = "0";
                refund[kQuantity] = "1";
                total -= detail::round_to(order_value * 0.2, 0.01);
                lines.push_back(std::move(refund));
            }
        }
    }
    // Lines of one day together, as an export lists them (stable: the same bytes every run).
    std::stable_sort(lines.begin(), lines.end(), [](const OrderLine& a, const OrderLine& b) {
        return a[kDueDate] < b[kDueDate];
    });
    OrderLine total_row(kOrderColumnCount);
    total_row[kOrderId] = "Total";
    total_row[kCustomerId] = "Total";
    total_row[kSales] = number_text(total);
    lines.push_back(std::move(total_row));
    return lines;
}

// The order lines as CSV: UTF-8, comma-separated, CRLF line ends, a header row.
inline void write_orders_csv(std::ostream& out, const std::vector<OrderLine>& lines) {
    const std::vector<std::string> head = order_headers();
    for (std::size_t i = 0; i < head.size(); ++i) {
        out << (i ? "," : "") << csv_field(head[i]);
    }
    out << "\r\n";
    for (const OrderLine& line : lines) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            out << (i ? "," : "") << csv_field(line[i]);
        }
        out << "\r\n";
    }
}

} // namespace client_table
