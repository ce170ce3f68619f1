#include "core/transactions.hpp"

#include "core/error.hpp"
#include "core/flat_index.hpp"
#include "core/line_cells.hpp"
#include "core/order_records.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>

namespace triage {

std::size_t OrderLines::lines() const {
    for (const RawColumn& c : columns) {
        if (!c.empty()) {
            return c.size();
        }
    }
    return 0;
}

std::size_t ClientsFromOrders::skipped_lines() const {
    std::size_t n = 0;
    for (const SkippedLines& s : skipped) {
        n += s.count;
    }
    return n;
}

ClientsFromOrders aggregate_orders(const OrderLines& lines, const OrderSettings& settings) {
    const std::size_t n = lines.lines();
    for (const RawColumn& c : lines.columns) {
        if (!c.empty() && c.size() != n) {
            throw InvalidInput("the columns of the order lines differ in length");
        }
    }
    return aggregate_orders(static_cast<const LineSource&>(lines), lines.returned_orders, settings);
}

ClientsFromOrders aggregate_orders(const LineSource& lines,
                                   const std::unordered_set<std::string>& returned_orders,
                                   const OrderSettings& settings) {
    using namespace aggregation; // the aggregation's own records (order_records.hpp)
    const std::size_t n = lines.lines();
    if (n >= kNoEntry) {
        throw InvalidInput("the order lines are too many (lines, orders and clients are counted "
                           "in 32 bits)");
    }
    const bool by_id = lines.has(Field::ClientId);
    const Field key_field = by_id ? Field::ClientId : Field::Client;
    if (!lines.has(key_field) && n > 0) {
        throw InvalidInput("the order lines have no client column");
    }
    const bool has_revenue = lines.has(Field::Revenue);
    const bool has_profit_col = lines.has(Field::Profit);
    const bool has_cost = lines.has(Field::Cost);
    if (!has_revenue && !has_profit_col && n > 0) {
        throw InvalidInput("the order lines have neither an amount nor a profit column");
    }
    const Field amount_field = has_revenue ? Field::Revenue : Field::Profit;
    const bool has_dates = lines.has(Field::OrderDate);
    const bool has_ids = lines.has(Field::OrderId);
    const bool due_paid = lines.has(Field::DueDate) && lines.has(Field::PaidDate);
    const bool late_col = !due_paid && lines.has(Field::DaysLate);

    ClientsFromOrders out;
    out.has_revenue = has_revenue;
    out.has_profit = has_profit_col || (has_cost && has_revenue);
    out.has_order_ids = has_ids;
    LazyReading reading(lines, settings);

    Skips skips(settings.first_row);
    std::vector<ClientSums> clients;
    std::vector<std::string_view> names;       // the clients' names, where the table gives them
    std::vector<std::string_view> client_keys; // views of the clients' keys, side by side
    Orders orders(n, due_paid || late_col);
    std::vector<KeyedOrder> keyed; // the orders with an id
    // The keyed orders: reserved for the most there can be (only the pages written are ever
    // touched, and nothing is copied while they grow), and dropped with the run, not after
    // the join: unmapping a large buffer in the middle costs the rest of the run dearly on
    // some virtual machines (BENCHMARKS.md).
    if (has_ids) {
        keyed.reserve(n);
    }
    // The clients: room for one in eight lines (at least 65,536) at first, not for every line:
    // a reservation of over 32 MB is a mapping of its own, and unmapping it at the end costs
    // the next run dearly on some virtual machines (BENCHMARKS.md).
    const std::size_t most_clients = std::min(n, std::max<std::size_t>(n / 8, 1 << 16));
    clients.reserve(most_clients);
    client_keys.reserve(most_clients);
    FlatIndex client_of(most_clients);
    KeyStore kept;                             // the clients' keys and names
    std::string key_scratch;                   // a number key's text
    std::string order_scratch;                 // a number order id's text
    std::string_view last_key;                 // the previous line's client ...
    std::uint32_t last_client = kNoEntry;      // ... and its index
    HeldText last_order_id;                    // the previous line's order ...
    std::uint32_t last_order_index = kNoEntry; // ... and its index
    std::vector<UndatedLine> undated;
    Lookahead ahead;
    MarkerColumn discount_marks(Field::Discount, StatusWord::None, true);
    MarkerColumn returned_marks(Field::Returned, StatusWord::Returned, false);
    MarkerColumn disputed_marks(Field::Disputed, StatusWord::Disputed, false);
    MarkerColumn rush_marks(Field::Rush, StatusWord::Rush, false);
    std::string ahead_scratch; // a number key's text, lines ahead
    // Which fields the table has, asked once (a virtual call per field, not per line).
    std::array<bool, kFieldCount> has{};
    for (Field f : kAllFields) {
        has[field_index(f)] = lines.has(f);
    }
    const auto add_line = [&](const Line& line) {
        ClientSums& c = clients[line.client];
        c.used = true;
        c.revenue += line.amount;
        c.profit += line.profit;
        c.quantity += line.quantity;
        if (line.amount > 0) {
            c.positive += line.amount;
            if (line.discounted) {
                c.discounted += line.amount;
            }
        }
        orders.add_line(line.order, line.amount, line.profit);
        ++out.lines_used;
    };

    for (std::size_t i = 0; i < n; ++i) {
        const CellView key_cell = lines.cell(i, key_field);
        if (!has_value(key_cell)) {
            if (line_has_value(lines, i, false)) {
                ++out.lines;
                skips.add(LineProblem::NoClient, key_field, i);
            }
            continue; // an empty line is no line
        }
        ++out.lines;
        if (key_cell.kind == RawCell::Kind::Error) {
            skips.add(LineProblem::ErrorValue, key_field, i);
            continue;
        }
        const std::string_view key = key_view(key_cell, key_scratch);
        ahead.step(
            i, n,
            [&](std::size_t line) { return key_view(lines.peek(line, key_field), ahead_scratch); },
            client_of, client_keys, clients);
        // A report row: a total, or a heading with nothing but the client (a line with an
        // amount is none).
        if ((key_cell.kind == RawCell::Kind::Text && may_be_total(key) && is_total_label(key)) ||
            (!has_value(lines.cell(i, amount_field)) && !line_has_value(lines, i, true))) {
            skips.add(LineProblem::ReportRow, key_field, i);
            continue;
        }

        // The numbers and dates of the line; the first unreadable one skips it.
        Line line;
        bool skip = false;
        const auto number = [&](Field f, double& into, bool required) {
            if (skip || !has[field_index(f)]) {
                return false;
            }
            const Reading r = number_in(lines.cell(i, f), reading, f);
            if (r.read == Read::Value) {
                into = r.value;
                return true;
            }
            if (r.read == Read::Empty) {
                if (required) {
                    skips.add(LineProblem::NoAmount, f, i);
                    skip = true;
                }
                return false;
            }
            skips.add(r.read == Read::Error ? LineProblem::ErrorValue : LineProblem::BadNumber, f,
                      i);
            skip = true;
            return false;
        };
        const auto date = [&](Field f, double& into) {
            if (skip || !has[field_index(f)]) {
                return false;
            }
            const Reading r = date_in(lines.cell(i, f), reading);
            if (r.read == Read::Value) {
                into = r.value;
                return true;
            }
            if (r.read != Read::Empty) {
                skips.add(r.read == Read::Error ? LineProblem::ErrorValue : LineProblem::BadDate, f,
                          i);
                skip = true;
            }
            return false;
        };
        const std::string_view order_id =
            has_ids ? key_view(lines.cell(i, Field::OrderId), order_scratch) : std::string_view();
        // With an order id, a later line of an order may leave the order's amount empty (0).
        number(amount_field, line.amount, order_id.empty());
        double profit = 0;
        if (has_revenue && has_profit_col) {
            number(Field::Profit, profit, false);
        }
        double cost = 0;
        const bool got_cost = has_cost && number(Field::Cost, cost, false);
        number(Field::Quantity, line.quantity, false);
        double late_value = kNaN;
        const bool got_late = late_col && number(Field::DaysLate, late_value, false);
        double order_date = kNaN;
        const bool got_date = date(Field::OrderDate, order_date);
        double due = kNaN;
        double paid = kNaN;
        const bool got_due = due_paid && date(Field::DueDate, due);
        const bool got_paid = due_paid && date(Field::PaidDate, paid);
        if (skip) {
            continue;
        }
        if (has_profit_col) {
            line.profit = has_revenue ? profit : line.amount;
        } else if (got_cost) {
            line.profit = line.amount - cost;
        } else {
            line.profit = line.amount;
        }
        if (has[field_index(Field::Discount)]) {
            line.discounted = discount_marks.read(lines.cell(i, Field::Discount), reading);
        }

        // The client (most exports list a client's lines together: the previous one first).
        if (last_client != kNoEntry && same_text(key, last_key)) {
            line.client = last_client;
        } else {
            const auto [found, new_client] = client_of.find_or_add(
                ahead.hashed(i) ? ahead.hash(i) : key_hash(key),
                static_cast<std::uint32_t>(clients.size()),
                [&](std::uint32_t c) { return same_text(client_keys[c], key); },
                [&](std::uint32_t c) { return key_hash(client_keys[c]); });
            if (new_client) {
                clients.push_back({});
                client_keys.push_back(kept.keep(key));
            }
            line.client = found;
            last_key = client_keys[found];
            last_client = found;
        }
        ClientSums& client = clients[line.client];
        if (client.name == kNoEntry && by_id && has[field_index(Field::Client)]) {
            std::string scratch;
            const std::string_view name = key_view(lines.cell(i, Field::Client), scratch);
            if (!name.empty()) {
                client.name = static_cast<std::uint32_t>(names.size());
                names.push_back(kept.keep(name));
            }
        }

        // The order: the previous line's when it has the same id, else a new one (an order
        // whose lines stand apart is made whole after the loop).
        if (!order_id.empty() && last_order_index != kNoEntry &&
            orders.client(last_order_index) == line.client &&
            same_text(order_id, last_order_id.view())) {
            line.order = last_order_index;
        } else {
            line.order = orders.add(line.client);
            if (!order_id.empty()) {
                if (!returned_orders.empty() && returned_orders.count(std::string(order_id)) > 0) {
                    orders.mark(line.order, Orders::Returned);
                }
                keyed.push_back({static_cast<std::uint32_t>(key_hash(order_id, line.client)),
                                 line.order, static_cast<std::uint32_t>(i)});
                last_order_id.hold(order_id);
                last_order_index = line.order;
            }
        }
        const std::uint32_t o = line.order;
        if (got_date) {
            orders.take_date(o, order_date);
        }
        if (line.amount < 0 || (has[field_index(Field::Returned)] &&
                                returned_marks.read(lines.cell(i, Field::Returned), reading))) {
            orders.mark(o, Orders::Returned);
        }
        if (has[field_index(Field::Disputed)] &&
            disputed_marks.read(lines.cell(i, Field::Disputed), reading)) {
            orders.mark(o, Orders::Disputed);
        }
        if (has[field_index(Field::Rush)] && rush_marks.read(lines.cell(i, Field::Rush), reading)) {
            orders.mark(o, Orders::Rush);
        }
        if (got_due && got_paid) {
            orders.take_days_late(o, std::max(0.0, paid - due), true);
        } else if (got_late) {
            orders.take_days_late(o, std::max(0.0, late_value), false);
        }
        if (has_dates && !got_date) {
            undated.push_back({i, line});
            continue;
        }
        add_line(line);
    }

    // An order whose lines stand apart is one order: the later parts fold into the first.
    const std::vector<std::uint32_t> whole = join_orders(lines, keyed, orders, due_paid);
    // The undated lines count when their order has a date; the others are skipped.
    for (UndatedLine& u : undated) {
        if (!whole.empty()) {
            u.line.order = whole[u.line.order];
        }
        if (std::isnan(orders.date(u.line.order))) {
            skips.add(LineProblem::NoDate, Field::OrderDate, u.input);
        } else {
            add_line(u.line);
        }
    }
    undated = {};

    // Orders -> clients.
    std::vector<ClientOrders> tallies(clients.size());
    for (std::uint32_t k = 0; k < orders.size(); ++k) {
        if (!orders.has(k, Orders::Used)) {
            continue;
        }
        ClientOrders& c = tallies[orders.client(k)];
        ++c.orders;
        c.returned += orders.has(k, Orders::Returned) ? 1 : 0;
        c.disputed += orders.has(k, Orders::Disputed) ? 1 : 0;
        c.rush += orders.has(k, Orders::Rush) ? 1 : 0;
        const double late = orders.days_late(k);
        if (!std::isnan(late)) {
            ++c.late_count;
            c.late_sum += late;
        }
        const double date = orders.date(k);
        if (!std::isnan(date)) {
            ++c.dated;
            c.first = std::isnan(c.first) ? date : std::min(c.first, date);
            c.last = std::isnan(c.last) ? date : std::max(c.last, date);
        }
    }

    // The dates of the data and the analysis date.
    out.dates = reading.dates();
    bool any_date = false;
    for (const ClientOrders& c : tallies) {
        if (!std::isnan(c.first)) { // (only the orders that count are tallied)
            out.dates.first = any_date ? std::min(out.dates.first, c.first) : c.first;
            out.dates.last = any_date ? std::max(out.dates.last, c.last) : c.last;
            any_date = true;
        }
    }
    out.dates.any = any_date;
    if (settings.analysis_date) {
        out.analysis_date = *settings.analysis_date;
    } else {
        out.analysis_date = any_date ? out.dates.last : kNaN;
    }

    // The clients, most valuable first.
    // (Sorted as value and client pairs side by side, not as clients compared by their sums
    // far apart in memory; ties keep the order of the clients' first lines.)
    const bool by_profit = out.has_profit || !has_revenue;
    std::vector<std::pair<double, std::uint32_t>> by_value;
    by_value.reserve(clients.size());
    for (std::uint32_t c = 0; c < clients.size(); ++c) {
        if (clients[c].used) {
            const double value = by_profit ? clients[c].profit : clients[c].revenue;
            // (A sum run to infinity both ways is no number: last, not a broken order.)
            by_value.emplace_back(std::isnan(value) ? -kInfinity : value, c);
        }
    }
    std::sort(by_value.begin(), by_value.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<std::uint32_t> rank(by_value.size());
    for (std::size_t r = 0; r < by_value.size(); ++r) {
        rank[r] = by_value[r].second;
    }
    by_value = {};

    const std::size_t m = rank.size();

    // The dated orders as purchases, by row (most valuable client first), then by date: the
    // clients' distinct order days, the repeat buying and the cohorts are read from them.
    std::vector<Purchase> purchases;
    if (has_dates && any_date) {
        std::vector<std::uint32_t> row_of(clients.size(), kNoEntry);
        std::vector<std::size_t> row_start(m + 1, 0);
        for (std::size_t r = 0; r < m; ++r) {
            row_start[r + 1] = row_start[r] + tallies[rank[r]].dated;
            row_of[rank[r]] = static_cast<std::uint32_t>(r);
        }
        purchases = orders.take_purchases(row_of, row_start);
        for (std::size_t r = 0; r < m; ++r) {
            const Purchase* from = purchases.data() + row_start[r];
            const Purchase* to = purchases.data() + row_start[r + 1];
            std::uint32_t days = 0;
            for (const Purchase* p = from; p != to; ++p) {
                days += (p == from || p->day != (p - 1)->day) ? 1 : 0;
            }
            tallies[rank[r]].days = days;
        }
    }
    const auto sized = [m](bool present) {
        return present ? std::vector<double>(m, kNaN) : std::vector<double>{};
    };
    out.revenue = sized(has_revenue);
    out.profit = sized(out.has_profit);
    out.orders = sized(true);
    out.quantity = sized(lines.has(Field::Quantity));
    out.first_order = sized(has_dates);
    out.last_order = sized(has_dates);
    out.days_since_last_order = sized(has_dates);
    out.usual_days_between_orders = sized(has_dates);
    out.discount_share = sized(lines.has(Field::Discount));
    out.return_rate = sized(lines.has(Field::Returned) || !returned_orders.empty() || has_revenue);
    out.days_late = sized(due_paid || late_col);
    out.complaints = sized(lines.has(Field::Disputed));
    out.rush_share = sized(lines.has(Field::Rush));
    out.key.resize(m);
    out.name.resize(m);
    for (std::size_t r = 0; r < m; ++r) {
        const ClientSums& sums = clients[rank[r]];
        const ClientOrders& c = tallies[rank[r]];
        const std::string_view key = client_keys[rank[r]];
        out.key[r] = key;
        out.name[r] = sums.name == kNoEntry ? key : names[sums.name];
        const double orders_n = static_cast<double>(c.orders);
        if (has_revenue) {
            out.revenue[r] = sums.revenue;
        }
        if (out.has_profit) {
            out.profit[r] = sums.profit;
        }
        out.orders[r] = orders_n;
        if (!out.quantity.empty()) {
            out.quantity[r] = sums.quantity;
        }
        if (has_dates && !std::isnan(c.last)) {
            out.first_order[r] = c.first;
            out.last_order[r] = c.last;
            out.days_since_last_order[r] = std::max(0.0, out.analysis_date - c.last);
            if (c.days >= 2) {
                out.usual_days_between_orders[r] =
                    (c.last - c.first) / static_cast<double>(c.days - 1);
            }
        }
        if (!out.discount_share.empty() && sums.positive > 0) {
            out.discount_share[r] = sums.discounted / sums.positive;
        }
        if (!out.return_rate.empty() && c.orders > 0) {
            out.return_rate[r] = static_cast<double>(c.returned) / orders_n;
        }
        if (!out.days_late.empty() && c.late_count > 0) {
            out.days_late[r] = c.late_sum / static_cast<double>(c.late_count);
        }
        if (!out.complaints.empty()) {
            out.complaints[r] = static_cast<double>(c.disputed);
        }
        if (!out.rush_share.empty() && c.orders > 0) {
            out.rush_share[r] = static_cast<double>(c.rush) / orders_n;
        }
    }

    // The repeat buying the models take: each dated order a purchase of its amount (revenue,
    // else profit), up to the analysis date, in weeks.
    if (!purchases.empty()) {
        out.repeat_buying = summarise_repeat_buying(purchases, m, out.analysis_date, kDaysPerWeek);
        out.dated_orders = std::move(purchases);
    }

    // RFM of the clients with a last order and revenue >= 0.
    out.rfm_score.assign(m, 0);
    out.rfm_segment.assign(m, RfmSegment::Others);
    if (has_dates && has_revenue) {
        std::vector<double> rec, freq, mon;
        rec.reserve(m);
        freq.reserve(m);
        mon.reserve(m);
        for (std::size_t r = 0; r < m; ++r) {
            if (!std::isnan(out.last_order[r]) && out.revenue[r] >= 0) {
                rec.push_back(out.days_since_last_order[r]);
                freq.push_back(out.orders[r]);
                mon.push_back(out.revenue[r]);
            }
        }
        if (!rec.empty()) {
            const RfmBreaks breaks =
                rfm_breaks(std::move(rec), std::move(freq), std::move(mon), settings.rfm_bins);
            for (std::size_t r = 0; r < m; ++r) {
                if (!std::isnan(out.last_order[r]) && out.revenue[r] >= 0) {
                    const RfmScores s = rfm_scores(out.days_since_last_order[r], out.orders[r],
                                                   out.revenue[r], breaks);
                    out.rfm_score[r] = s.score();
                    out.rfm_segment[r] = rfm_segment(s);
                }
            }
            out.has_rfm = true;
        }
    }
    out.skipped = skips.take();
    out.texts = std::make_shared<const KeyStore>(std::move(kept));
    return out;
}

} // namespace triage
