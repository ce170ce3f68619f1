#include "core/transactions.hpp"

#include "core/error.hpp"
#include "core/flat_index.hpp"
#include "core/line_cells.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <numeric>

namespace triage {

namespace {

// Two keys are equal (the short ids of exports compared in place, without a call to memcmp).
bool same_text(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i]) {
            return false;
        }
    }
    return true;
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---------------------------------------------------------------- skipped lines

class Skips {
public:
    explicit Skips(std::size_t first_row) : first_row_(first_row) {}
    void add(LineProblem problem, Field field, std::size_t line) {
        for (SkippedLines& s : skipped_) {
            if (s.problem == problem && s.field == field) {
                note(s, line);
                return;
            }
        }
        skipped_.push_back({problem, field, 0, {}});
        note(skipped_.back(), line);
    }
    std::vector<SkippedLines> take() {
        std::stable_sort(
            skipped_.begin(), skipped_.end(), [](const SkippedLines& a, const SkippedLines& b) {
                return a.problem != b.problem ? a.problem < b.problem
                                              : field_index(a.field) < field_index(b.field);
            });
        return std::move(skipped_);
    }

private:
    void note(SkippedLines& s, std::size_t line) {
        ++s.count;
        if (s.rows.size() < kSkippedRowsShown) {
            s.rows.push_back(first_row_ + line);
        }
    }
    std::size_t first_row_;
    std::vector<SkippedLines> skipped_;
};

// ---------------------------------------------------------------- lines, orders, clients

struct Line {
    std::uint32_t client = kNoEntry;
    std::uint32_t order = kNoEntry;
    double amount = 0;
    double profit = 0;
    double quantity = 0;
    bool discounted = false;
};

// An order: what its lines say about it. Kept small: a run may have a million of them.
struct Order {
    std::uint32_t client = 0;
    bool returned = false;
    bool disputed = false;
    bool rush = false;
    double date = kNaN; // the earliest date of its lines
    double days_late = kNaN;
    double amount = 0; // the sum of its lines' amounts
    double profit = 0; // and of their profits

    // A line's date (not NaN): the order keeps the earliest.
    void take_date(double day) {
        if (!(day >= date)) {
            date = day;
        }
    }
    // A line's days late: with due and paid dates the first line's that has both
    // (`first_wins`), from a days-late column the most.
    void take_days_late(double days, bool first_wins) {
        if (std::isnan(days_late)) {
            days_late = days;
        } else if (!first_wins) {
            days_late = std::max(days_late, days);
        }
    }
    // Another part of the same order (its lines stood apart in the table), as if its lines
    // had come after this part's.
    void join(const Order& part, bool due_paid) {
        returned = returned || part.returned;
        disputed = disputed || part.disputed;
        rush = rush || part.rush;
        if (!std::isnan(part.date)) {
            take_date(part.date);
        }
        if (!std::isnan(part.days_late)) {
            take_days_late(part.days_late, due_paid);
        }
        amount += part.amount;
        profit += part.profit;
    }
};

// A line without a date of its own in a table with dates: it counts when its order has a
// date from another line (a later line of an order may leave it empty), else it is skipped.
struct UndatedLine {
    std::size_t input;
    Line line;
};

// A client's sums (its key is in client_keys, beside the others, for the lookups).
struct ClientAcc {
    std::string_view name; // kept in the run's KeyStore; empty: the key
    double revenue = 0;
    double profit = 0;
    double quantity = 0;
    double positive = 0;   // sum of the positive amounts
    double discounted = 0; // of them, sold at a discount
    double late_sum = 0;
    double first = kNaN;
    double last = kNaN;
    std::uint32_t orders = 0;
    std::uint32_t returned = 0;
    std::uint32_t disputed = 0;
    std::uint32_t rush = 0;
    std::uint32_t late_count = 0;
    std::uint32_t dated = 0; // orders with a date
    std::uint32_t days = 0;  // distinct order days
    bool used = false;
};

// An order with an id, as first seen: the hash of its client and id, and its first line.
struct KeyedOrder {
    std::uint64_t hash;
    std::uint32_t order;
    std::uint32_t line;
};

// Orders whose lines stand apart in the table (an id seen again after other orders' lines)
// are one order: parts with the same hash, whose client and id text are the same, fold into
// the first part (sums added, markers joined, the earliest date; days late as the lines
// would have given them). Returns each order's whole order, or nothing when no order was
// split (the common case: two passes over the ids' hashes, and a sort of the few that
// share their low bits).
std::vector<std::uint32_t> join_orders(const LineSource& lines, std::vector<KeyedOrder>& keyed,
                                       std::vector<Order>& orders, std::vector<bool>& used,
                                       bool due_paid) {
    // Only orders whose hash shares its low bits with another's can be parts of one: two
    // bitmaps of 16 bits an order pick them out, and only they are sorted.
    std::size_t bits = 1024;
    while (bits < keyed.size() * 16) {
        bits *= 2;
    }
    std::vector<std::uint64_t> seen(bits / 64, 0);
    std::vector<std::uint64_t> again(bits / 64, 0);
    const auto bit = [bits](const KeyedOrder& k) { return k.hash & (bits - 1); };
    for (const KeyedOrder& k : keyed) {
        const std::uint64_t b = bit(k);
        const std::uint64_t mask = std::uint64_t{1} << (b % 64);
        again[b / 64] |= seen[b / 64] & mask;
        seen[b / 64] |= mask;
    }
    keyed.erase(std::remove_if(keyed.begin(), keyed.end(),
                               [&](const KeyedOrder& k) {
                                   const std::uint64_t b = bit(k);
                                   return (again[b / 64] >> (b % 64) & 1) == 0;
                               }),
                keyed.end());
    std::sort(keyed.begin(), keyed.end(), [](const KeyedOrder& a, const KeyedOrder& b) {
        return a.hash != b.hash ? a.hash < b.hash : a.order < b.order;
    });
    std::vector<std::uint32_t> whole;
    std::string first_scratch;
    std::string first_id;
    std::string other_scratch;
    const auto same_order = [&](const KeyedOrder& a, const KeyedOrder& b) {
        if (orders[a.order].client != orders[b.order].client) {
            return false;
        }
        first_id = key_view(lines.cell(a.line, Field::OrderId), first_scratch);
        return same_text(first_id, key_view(lines.cell(b.line, Field::OrderId), other_scratch));
    };
    for (std::size_t from = 0; from < keyed.size();) {
        std::size_t to = from + 1;
        while (to < keyed.size() && keyed[to].hash == keyed[from].hash) {
            ++to;
        }
        for (std::size_t x = from + 1; x < to; ++x) {
            for (std::size_t y = from; y < x; ++y) {
                if (!same_order(keyed[y], keyed[x])) {
                    continue;
                }
                // The earliest part with the same id: it was folded into none.
                if (whole.empty()) {
                    whole.resize(orders.size());
                    std::iota(whole.begin(), whole.end(), 0U);
                }
                const std::uint32_t k = keyed[x].order;
                const std::uint32_t into = keyed[y].order;
                orders[into].join(orders[k], due_paid);
                used[into] = used[into] || used[k];
                used[k] = false;
                whole[k] = into;
                break;
            }
        }
        from = to;
    }
    return whole;
}

} // namespace

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
    std::vector<ClientAcc> clients;
    FlatIndex client_of(std::min<std::size_t>(n, 1 << 16));
    std::vector<std::string_view> client_keys; // views of the clients' keys, side by side
    std::vector<Order> orders;
    std::vector<bool> used_orders; // an order with a line that counts
    std::vector<KeyedOrder> keyed; // the orders with an id
    // Reserved for the most there can be: only the pages written are ever touched, and no
    // vector is copied while it grows.
    orders.reserve(n);
    used_orders.reserve(n);
    if (has_ids) {
        keyed.reserve(n);
    }
    clients.reserve(n);
    client_keys.reserve(n);
    KeyStore kept;                             // the clients' keys and names
    std::string key_scratch;                   // a number key's text
    std::string order_scratch;                 // a number order id's text
    std::string_view last_key;                 // the previous line's client ...
    std::uint32_t last_client = kNoEntry;      // ... and its index
    std::string last_order_id;                 // the previous line's order ...
    std::uint32_t last_order_index = kNoEntry; // ... and its index
    std::vector<UndatedLine> undated;
    const auto add_line = [&](const Line& line) {
        ClientAcc& c = clients[line.client];
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
        used_orders[line.order] = true;
        orders[line.order].amount += line.amount;
        orders[line.order].profit += line.profit;
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
            if (skip || !lines.has(f)) {
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
            if (skip || !lines.has(f)) {
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
        if (lines.has(Field::Discount)) {
            line.discounted = marker_in(lines.cell(i, Field::Discount), StatusWord::None, true,
                                        reading, Field::Discount);
        }

        // The client (most exports list a client's lines together: the previous one first).
        if (last_client != kNoEntry && same_text(key, last_key)) {
            line.client = last_client;
        } else {
            const auto [found, new_client] = client_of.find_or_add(
                key_hash(key), static_cast<std::uint32_t>(clients.size()),
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
        ClientAcc& client = clients[line.client];
        if (client.name.empty() && by_id && lines.has(Field::Client)) {
            std::string scratch;
            client.name = kept.keep(key_view(lines.cell(i, Field::Client), scratch));
        }

        // The order: the previous line's when it has the same id, else a new one (an order
        // whose lines stand apart is made whole after the loop).
        if (!order_id.empty() && last_order_index != kNoEntry &&
            orders[last_order_index].client == line.client && same_text(order_id, last_order_id)) {
            line.order = last_order_index;
        } else {
            line.order = static_cast<std::uint32_t>(orders.size());
            orders.push_back({});
            orders.back().client = line.client;
            used_orders.push_back(false);
            if (!order_id.empty()) {
                orders.back().returned =
                    !returned_orders.empty() && returned_orders.count(std::string(order_id)) > 0;
                keyed.push_back(
                    {key_hash(order_id, line.client), line.order, static_cast<std::uint32_t>(i)});
                last_order_id.assign(order_id);
                last_order_index = line.order;
            }
        }
        Order& o = orders[line.order];
        if (got_date) {
            o.take_date(order_date);
        }
        if (line.amount < 0 || (lines.has(Field::Returned) &&
                                marker_in(lines.cell(i, Field::Returned), StatusWord::Returned,
                                          false, reading, Field::Returned))) {
            o.returned = true;
        }
        if (lines.has(Field::Disputed) &&
            marker_in(lines.cell(i, Field::Disputed), StatusWord::Disputed, false, reading,
                      Field::Disputed)) {
            o.disputed = true;
        }
        if (lines.has(Field::Rush) &&
            marker_in(lines.cell(i, Field::Rush), StatusWord::Rush, false, reading, Field::Rush)) {
            o.rush = true;
        }
        if (got_due && got_paid) {
            o.take_days_late(std::max(0.0, paid - due), true);
        } else if (got_late) {
            o.take_days_late(std::max(0.0, late_value), false);
        }
        if (has_dates && !got_date) {
            undated.push_back({i, line});
            continue;
        }
        add_line(line);
    }

    // An order whose lines stand apart is one order: the later parts fold into the first.
    const std::vector<std::uint32_t> whole =
        join_orders(lines, keyed, orders, used_orders, due_paid);
    keyed = {};
    // The undated lines count when their order has a date; the others are skipped.
    for (UndatedLine& u : undated) {
        if (!whole.empty()) {
            u.line.order = whole[u.line.order];
        }
        if (std::isnan(orders[u.line.order].date)) {
            skips.add(LineProblem::NoDate, Field::OrderDate, u.input);
        } else {
            add_line(u.line);
        }
    }
    undated = {};

    // Orders -> clients.
    for (std::size_t k = 0; k < orders.size(); ++k) {
        const Order& o = orders[k];
        if (!used_orders[k]) {
            continue;
        }
        ClientAcc& c = clients[o.client];
        ++c.orders;
        c.returned += o.returned ? 1 : 0;
        c.disputed += o.disputed ? 1 : 0;
        c.rush += o.rush ? 1 : 0;
        if (!std::isnan(o.days_late)) {
            ++c.late_count;
            c.late_sum += o.days_late;
        }
        if (!std::isnan(o.date)) {
            ++c.dated;
            c.first = std::isnan(c.first) ? o.date : std::min(c.first, o.date);
            c.last = std::isnan(c.last) ? o.date : std::max(c.last, o.date);
        }
    }

    // The dates of the data and the analysis date.
    out.dates = reading.dates();
    bool any_date = false;
    for (const ClientAcc& c : clients) {
        if (c.used && !std::isnan(c.first)) {
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
    std::vector<std::uint32_t> rank;
    for (std::uint32_t c = 0; c < clients.size(); ++c) {
        if (clients[c].used) {
            rank.push_back(c);
        }
    }
    const bool by_profit = out.has_profit || !has_revenue;
    std::stable_sort(rank.begin(), rank.end(), [&](std::uint32_t a, std::uint32_t b) {
        const double va = by_profit ? clients[a].profit : clients[a].revenue;
        const double vb = by_profit ? clients[b].profit : clients[b].revenue;
        return va > vb;
    });

    const std::size_t m = rank.size();

    // The dated orders as purchases, by row (most valuable client first), then by date: the
    // clients' distinct order days, the repeat buying and the cohorts are read from them.
    std::vector<Purchase> purchases;
    if (has_dates && any_date) {
        std::vector<std::size_t> next(clients.size(), 0); // where a client's next order goes
        std::vector<std::size_t> row_start(m + 1, 0);
        for (std::size_t r = 0; r < m; ++r) {
            row_start[r + 1] = row_start[r] + clients[rank[r]].dated;
            next[rank[r]] = row_start[r];
        }
        purchases.resize(row_start[m]);
        for (std::size_t k = 0; k < orders.size(); ++k) {
            const Order& o = orders[k];
            if (used_orders[k] && !std::isnan(o.date)) {
                purchases[next[o.client]++] = {0, o.date, o.amount, o.profit};
            }
        }
        for (std::size_t r = 0; r < m; ++r) {
            const auto from = purchases.begin() + static_cast<std::ptrdiff_t>(row_start[r]);
            const auto to = purchases.begin() + static_cast<std::ptrdiff_t>(row_start[r + 1]);
            std::sort(from, to, [](const Purchase& a, const Purchase& b) { return a.day < b.day; });
            std::uint32_t days = 0;
            for (auto p = from; p != to; ++p) {
                p->client = r;
                days += (p == from || p->day != (p - 1)->day) ? 1 : 0;
            }
            clients[rank[r]].days = days;
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
    out.key.reserve(m);
    out.name.reserve(m);
    for (std::size_t r = 0; r < m; ++r) {
        const ClientAcc& c = clients[rank[r]];
        const std::string_view key = client_keys[rank[r]];
        out.key.emplace_back(key);
        out.name.emplace_back(c.name.empty() ? key : c.name);
        const double orders_n = static_cast<double>(c.orders);
        if (has_revenue) {
            out.revenue[r] = c.revenue;
        }
        if (out.has_profit) {
            out.profit[r] = c.profit;
        }
        out.orders[r] = orders_n;
        if (!out.quantity.empty()) {
            out.quantity[r] = c.quantity;
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
        if (!out.discount_share.empty() && c.positive > 0) {
            out.discount_share[r] = c.discounted / c.positive;
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
            const RfmBreaks breaks = rfm_breaks(rec, freq, mon, settings.rfm_bins);
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
    return out;
}

} // namespace triage
