#include "core/transactions.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <numeric>

namespace triage {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// ---------------------------------------------------------------- reading one cell

enum class Read { Value, Empty, Bad, Error };

struct Reading {
    Read read = Read::Empty;
    double value = 0;
};

// The decimal mark of each column and the order of day and month, decided from the data only
// when a text needs them (a column of number cells is never scanned).
class LazyReading {
public:
    LazyReading(const LineSource& lines, const OrderSettings& settings)
        : lines_(lines), settings_(settings) {
        dates_.order = settings.locale_date_order;
    }
    DecimalMark mark(Field f);
    DateOrder date_order();
    const DateReading& dates() const { return dates_; }

private:
    const LineSource& lines_;
    const OrderSettings& settings_;
    std::array<std::optional<DecimalMark>, kFieldCount> marks_{};
    DateReading dates_;
    bool dates_decided_ = false;
};

Reading number_in(const CellView& cell, LazyReading& reading, Field field) {
    switch (cell.kind) {
    case RawCell::Kind::Empty:
        return {Read::Empty, 0};
    case RawCell::Kind::Error:
        return {Read::Error, 0};
    case RawCell::Kind::Number:
        return std::isfinite(cell.number) ? Reading{Read::Value, cell.number}
                                          : Reading{Read::Bad, 0};
    case RawCell::Kind::Text:
        break;
    }
    if (trim_text(cell.text).empty()) {
        return {Read::Empty, 0};
    }
    if (const auto v = parse_number_text(cell.text, reading.mark(field))) {
        return {Read::Value, *v};
    }
    return {Read::Bad, 0};
}

Reading date_in(const CellView& cell, LazyReading& reading) {
    switch (cell.kind) {
    case RawCell::Kind::Empty:
        return {Read::Empty, 0};
    case RawCell::Kind::Error:
        return {Read::Error, 0};
    case RawCell::Kind::Number:
        if (const auto d = date_from_number(cell.number)) {
            return {Read::Value, *d};
        }
        return {Read::Bad, 0};
    case RawCell::Kind::Text:
        break;
    }
    if (trim_text(cell.text).empty()) {
        return {Read::Empty, 0};
    }
    if (const auto d = parse_date_text(cell.text, reading.date_order())) {
        return {Read::Value, *d};
    }
    return {Read::Bad, 0};
}

// A marker cell (returned, disputed, rush, discount): a number is true when not 0; a text is
// true for a yes-word, for a status word of `word`, or (`any_text`) for any text that is not a
// no-word or a zero.
bool marker_in(const CellView& cell, StatusWord word, bool any_text, LazyReading& reading,
               Field field) {
    switch (cell.kind) {
    case RawCell::Kind::Empty:
    case RawCell::Kind::Error:
        return false;
    case RawCell::Kind::Number:
        return std::isfinite(cell.number) && cell.number != 0;
    case RawCell::Kind::Text:
        break;
    }
    const std::string_view text = trim_text(cell.text);
    if (text.empty()) {
        return false;
    }
    if (const auto flag = parse_flag_text(text)) {
        return *flag;
    }
    if (text.find_first_of("0123456789") != std::string_view::npos) {
        if (const auto v = parse_number_text(text, reading.mark(field))) {
            return *v != 0;
        }
    }
    const StatusWord w = status_word(text);
    if (w == word) {
        return true;
    }
    if (word == StatusWord::Rush) {
        // Shipping modes that are rush orders.
        const std::string n = normalize_header(text);
        if (n == "sameday" || n == "nextday" || n == "overnight") {
            return true;
        }
    }
    return any_text && w == StatusWord::None;
}

// A key as text: a text cell trimmed (a view of it), a number in its shortest form (kept in
// `scratch`).
std::string_view key_view(const CellView& cell, std::string& scratch) {
    if (cell.kind == RawCell::Kind::Number) {
        scratch = number_text(cell.number);
        return scratch;
    }
    if (cell.kind == RawCell::Kind::Text) {
        return trim_text(cell.text);
    }
    return {};
}

// Copies of the keys the aggregation keeps (clients', orders'): their views stay valid.
class KeyStore {
public:
    std::string_view keep(std::string_view key) {
        keys_.emplace_back(key);
        return keys_.back();
    }

private:
    std::deque<std::string> keys_;
};

// A report row's label starts with T, S, G, Y, K, И or В (Total, Subtotal, Grand total,
// Yhteensä, Kaikki yhteensä, Итого, Всего): only those are looked at closely.
bool may_be_total(std::string_view key) {
    if (key.empty()) {
        return false;
    }
    const unsigned char c = static_cast<unsigned char>(key[0]);
    if (c == 0xD0 && key.size() > 1) {
        const unsigned char d = static_cast<unsigned char>(key[1]);
        return d == 0x98 || d == 0xB8 || d == 0x92 || d == 0xB2; // И и В в
    }
    switch (c | 0x20) {
    case 't':
    case 's':
    case 'g':
    case 'y':
    case 'k':
        return true;
    default:
        return false;
    }
}

// ---------------------------------------------------------------- column-wide decisions

DecimalMark decimal_mark_of(const LineSource& lines, Field field, DecimalMark locale) {
    if (!lines.has(field)) {
        return locale;
    }
    for (std::size_t i = 0; i < lines.lines(); ++i) {
        const CellView cell = lines.peek(i, field);
        if (cell.kind == RawCell::Kind::Text &&
            cell.text.find_first_of(",.") != std::string_view::npos) {
            if (const auto m = decimal_mark_evidence(cell.text)) {
                return *m;
            }
        }
    }
    return locale;
}

DateReading date_order_of(const LineSource& lines, DateOrder locale) {
    DateReading reading;
    reading.order = locale;
    for (Field f : {Field::OrderDate, Field::DueDate, Field::PaidDate}) {
        if (!lines.has(f)) {
            continue;
        }
        for (std::size_t i = 0; i < lines.lines(); ++i) {
            const CellView cell = lines.peek(i, f);
            if (cell.kind != RawCell::Kind::Text) {
                continue;
            }
            if (const auto o = date_order_evidence(cell.text)) {
                reading.order = *o;
                reading.decided_by_data = true;
                reading.ambiguous_seen = true;
                return reading;
            }
            if (!reading.ambiguous_seen) {
                // Day and month as numbers, neither above 12: read by the locale unless
                // another date decides.
                const std::string_view t = trim_text(cell.text);
                const std::size_t sep = t.find_first_of("/-");
                reading.ambiguous_seen = sep != std::string_view::npos && sep <= 2;
            }
        }
    }
    return reading;
}

DateOrder LazyReading::date_order() {
    if (!dates_decided_) {
        dates_ = date_order_of(lines_, settings_.locale_date_order);
        dates_decided_ = true;
    }
    return dates_.order;
}

DecimalMark LazyReading::mark(Field f) {
    std::optional<DecimalMark>& m = marks_[field_index(f)];
    if (!m) {
        m = decimal_mark_of(lines_, f, settings_.locale_decimal);
    }
    return *m;
}

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
    std::uint32_t client = kNone;
    std::uint32_t order = kNone;
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
};

// A line without a date of its own in a table with dates: it counts when its order has a
// date from another line (a later line of an order may leave it empty), else it is skipped.
struct UndatedLine {
    std::size_t input;
    Line line;
};

// An open-addressing index from a key's hash to an entry number; the caller compares the keys
// (`same(entry)`). Cache-friendlier than a node-based map for a million lookups.
class FlatIndex {
public:
    explicit FlatIndex(std::size_t expected) {
        std::size_t capacity = 16;
        while (capacity < expected * 2) {
            capacity *= 2;
        }
        slots_.assign(capacity, Slot{0, kNone});
        hashes_.reserve(expected);
    }
    // The entry of the key, or `fresh` (inserted) when there is none.
    template <typename Same>
    std::pair<std::uint32_t, bool> find_or_add(std::uint64_t hash, std::uint32_t fresh, Same same) {
        if ((size_ + 1) * 2 > slots_.size()) {
            grow();
        }
        const std::uint32_t tag = static_cast<std::uint32_t>(hash >> 32);
        std::size_t at = hash & (slots_.size() - 1);
        while (slots_[at].entry != kNone) {
            if (slots_[at].tag == tag && same(slots_[at].entry)) {
                return {slots_[at].entry, false};
            }
            at = (at + 1) & (slots_.size() - 1);
        }
        slots_[at] = Slot{tag, fresh};
        if (hashes_.size() <= fresh) {
            hashes_.resize(fresh + 1);
        }
        hashes_[fresh] = hash;
        ++size_;
        return {fresh, true};
    }

private:
    struct Slot {
        std::uint32_t tag; // the hash's high bits
        std::uint32_t entry;
    };
    void grow() {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.size() * 2, Slot{0, kNone});
        for (const Slot& s : old) {
            if (s.entry != kNone) {
                std::size_t at = hashes_[s.entry] & (slots_.size() - 1);
                while (slots_[at].entry != kNone) {
                    at = (at + 1) & (slots_.size() - 1);
                }
                slots_[at] = s;
            }
        }
    }
    std::vector<Slot> slots_;
    std::vector<std::uint64_t> hashes_; // of the entries, for growing
    std::size_t size_ = 0;
};

std::uint64_t key_hash(std::string_view key, std::uint32_t salt = 0) {
    // FNV-1a, then a final mix (the index takes the low bits).
    std::uint64_t h = 1469598103934665603ULL ^ salt;
    for (const char c : key) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
}

struct ClientAcc {
    std::string key;
    std::string name;
    double revenue = 0;
    double profit = 0;
    double quantity = 0;
    double positive = 0;   // sum of the positive amounts
    double discounted = 0; // of them, sold at a discount
    std::size_t orders = 0;
    std::size_t returned = 0;
    std::size_t disputed = 0;
    std::size_t rush = 0;
    std::size_t late_count = 0;
    double late_sum = 0;
    double first = kNaN;
    double last = kNaN;
    std::size_t days = 0; // distinct order days
    bool used = false;
};

bool has_value(const CellView& cell) {
    return cell.kind != RawCell::Kind::Empty &&
           !(cell.kind == RawCell::Kind::Text && trim_text(cell.text).empty());
}

// Whether line i holds anything, or (`besides_client`) anything besides its client id and
// name (a heading row of a report has only the client).
bool line_has_value(const LineSource& lines, std::size_t i, bool besides_client) {
    for (Field f : kAllFields) {
        if (besides_client && (f == Field::Client || f == Field::ClientId)) {
            continue;
        }
        if (lines.has(f) && has_value(lines.cell(i, f))) {
            return true;
        }
    }
    return false;
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
    return aggregate_orders(static_cast<const LineSource&>(lines), lines.returned_orders,
                            settings);
}

ClientsFromOrders aggregate_orders(const LineSource& lines,
                                   const std::unordered_set<std::string>& returned_orders,
                                   const OrderSettings& settings) {
    const std::size_t n = lines.lines();
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
    std::vector<std::string_view> order_ids; // of the orders (empty: a line of its own)
    std::vector<bool> used_orders;           // an order with a line that counts
    FlatIndex order_of(has_ids ? n / 4 : 16);
    // Reserved for the most there can be: only the pages written are ever touched, and no
    // vector is copied while it grows.
    orders.reserve(n);
    order_ids.reserve(n);
    used_orders.reserve(n);
    clients.reserve(n);
    client_keys.reserve(n);
    KeyStore kept;              // the clients' and the orders' keys
    std::string key_scratch;    // a number key's text
    std::string order_scratch;  // a number order id's text
    std::string_view last_key;              // the previous line's client ...
    std::uint32_t last_client = kNone;      // ... and its index
    std::string_view last_order_id;         // the previous line's order ...
    std::uint32_t last_order_index = kNone; // ... and its index
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
        ++out.lines_used;
    };

    for (std::size_t i = 0; i < n; ++i) {
        const CellView key_cell = lines.cell(i, key_field);
        if (key_cell.kind == RawCell::Kind::Empty ||
            (key_cell.kind == RawCell::Kind::Text && trim_text(key_cell.text).empty())) {
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
        if ((key_cell.kind == RawCell::Kind::Text && may_be_total(key) && is_total_label(key)) ||
            !line_has_value(lines, i, true)) {
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
        if (last_client != kNone && key == last_key) {
            line.client = last_client;
        } else {
            const auto [found, new_client] =
                client_of.find_or_add(key_hash(key), static_cast<std::uint32_t>(clients.size()),
                                      [&](std::uint32_t c) { return client_keys[c] == key; });
            if (new_client) {
                clients.push_back({});
                clients.back().key = std::string(key);
                client_keys.push_back(kept.keep(key));
            }
            line.client = found;
            last_key = client_keys[found];
            last_client = found;
        }
        ClientAcc& client = clients[line.client];
        if (client.name.empty() && by_id && lines.has(Field::Client)) {
            std::string scratch;
            client.name = std::string(key_view(lines.cell(i, Field::Client), scratch));
        }

        // The order (an order's lines are usually together: the previous one first).
        if (!order_id.empty()) {
            if (last_order_index != kNone && orders[last_order_index].client == line.client &&
                order_id == last_order_id) {
                line.order = last_order_index;
            } else {
                const auto [found, new_order] = order_of.find_or_add(
                    key_hash(order_id, line.client), static_cast<std::uint32_t>(orders.size()),
                    [&](std::uint32_t o) {
                        return orders[o].client == line.client && order_ids[o] == order_id;
                    });
                if (new_order) {
                    orders.push_back({});
                    orders.back().client = line.client;
                    orders.back().returned = !returned_orders.empty() &&
                                             returned_orders.count(std::string(order_id)) > 0;
                    order_ids.push_back(kept.keep(order_id));
                    used_orders.push_back(false);
                }
                line.order = found;
                last_order_id = order_ids[found];
                last_order_index = found;
            }
        } else {
            line.order = static_cast<std::uint32_t>(orders.size());
            orders.push_back({});
            orders.back().client = line.client;
            order_ids.emplace_back();
            used_orders.push_back(false);
        }
        Order& o = orders[line.order];
        if (got_date && !(order_date >= o.date)) {
            o.date = order_date; // the earliest date of the order's lines
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
        if (got_due && got_paid && std::isnan(o.days_late)) {
            o.days_late = std::max(0.0, paid - due);
        } else if (got_late) {
            const double v = std::max(0.0, late_value);
            o.days_late = std::isnan(o.days_late) ? v : std::max(o.days_late, v);
        }
        if (has_dates && !got_date) {
            undated.push_back({i, line});
            continue;
        }
        add_line(line);
    }

    // The undated lines count when their order has a date; the others are skipped.
    for (const UndatedLine& u : undated) {
        if (std::isnan(orders[u.line.order].date)) {
            skips.add(LineProblem::NoDate, Field::OrderDate, u.input);
        } else {
            add_line(u.line);
        }
    }
    undated = {};

    // Orders -> clients.
    std::vector<std::pair<std::uint32_t, double>> order_days; // (client, date)
    order_days.reserve(orders.size());
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
            c.first = std::isnan(c.first) ? o.date : std::min(c.first, o.date);
            c.last = std::isnan(c.last) ? o.date : std::max(c.last, o.date);
            order_days.emplace_back(o.client, o.date);
        }
    }
    std::sort(order_days.begin(), order_days.end());
    order_days.erase(std::unique(order_days.begin(), order_days.end()), order_days.end());
    for (const auto& [client, day] : order_days) {
        ++clients[client].days;
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
    out.return_rate =
        sized(lines.has(Field::Returned) || !returned_orders.empty() || has_revenue);
    out.days_late = sized(due_paid || late_col);
    out.complaints = sized(lines.has(Field::Disputed));
    out.rush_share = sized(lines.has(Field::Rush));
    out.key.reserve(m);
    out.name.reserve(m);
    for (std::size_t r = 0; r < m; ++r) {
        const ClientAcc& c = clients[rank[r]];
        out.key.push_back(c.key);
        out.name.push_back(c.name.empty() ? c.key : c.name);
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

    // RFM of the clients with a last order and revenue >= 0.
    out.rfm_score.assign(m, 0);
    out.rfm_segment.assign(m, RfmSegment::Others);
    if (has_dates && has_revenue) {
        std::vector<double> rec, freq, mon;
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

FieldColumns client_fields(const ClientsFromOrders& clients) {
    FieldColumns fields;
    const auto put = [&](Field f, const std::vector<double>& values) {
        if (values.empty()) {
            return;
        }
        Column& column = fields[field_index(f)];
        column.resize(values.size());
        for (std::size_t r = 0; r < values.size(); ++r) {
            if (!std::isnan(values[r])) {
                column[r] = values[r];
            }
        }
    };
    put(Field::Revenue, clients.revenue);
    put(Field::Profit, clients.profit);
    put(Field::Orders, clients.orders);
    put(Field::FirstOrderDate, clients.first_order);
    put(Field::LastOrderDate, clients.last_order);
    put(Field::DaysSinceLastOrder, clients.days_since_last_order);
    put(Field::UsualDaysBetweenOrders, clients.usual_days_between_orders);
    put(Field::DaysLate, clients.days_late);
    put(Field::ReturnRate, clients.return_rate);
    put(Field::Complaints, clients.complaints);
    put(Field::DiscountShare, clients.discount_share);
    put(Field::RushShare, clients.rush_share);
    return fields;
}

// ---------------------------------------------------------------- the Clients sheet

std::vector<ClientsSheetColumn> clients_sheet_columns(const ClientsFromOrders& clients) {
    using F = ClientsSheetFormat;
    std::vector<ClientsSheetColumn> columns;
    bool by_id = false;
    for (std::size_t r = 0; r < clients.clients() && !by_id; ++r) {
        by_id = clients.key[r] != clients.name[r];
    }
    if (by_id) {
        columns.push_back({Field::ClientId, F::Text});
    }
    columns.push_back({Field::Client, F::Text});
    const auto add = [&](const std::vector<double>& values, Field f, F format) {
        if (!values.empty()) {
            columns.push_back({f, format});
        }
    };
    add(clients.revenue, Field::Revenue, F::Money);
    add(clients.profit, Field::Profit, F::Money);
    add(clients.orders, Field::Orders, F::Number);
    add(clients.first_order, Field::FirstOrderDate, F::Date);
    add(clients.last_order, Field::LastOrderDate, F::Date);
    add(clients.days_since_last_order, Field::DaysSinceLastOrder, F::Number);
    add(clients.usual_days_between_orders, Field::UsualDaysBetweenOrders, F::Decimal);
    add(clients.discount_share, Field::DiscountShare, F::Percent);
    add(clients.return_rate, Field::ReturnRate, F::Percent);
    add(clients.days_late, Field::DaysLate, F::Decimal);
    add(clients.complaints, Field::Complaints, F::Number);
    add(clients.rush_share, Field::RushShare, F::Percent);
    return columns;
}

double clients_sheet_value(const ClientsFromOrders& c, Field field, std::size_t row) {
    const std::vector<double>* values = nullptr;
    switch (field) {
    case Field::Revenue:
        values = &c.revenue;
        break;
    case Field::Profit:
        values = &c.profit;
        break;
    case Field::Orders:
        values = &c.orders;
        break;
    case Field::FirstOrderDate:
        values = &c.first_order;
        break;
    case Field::LastOrderDate:
        values = &c.last_order;
        break;
    case Field::DaysSinceLastOrder:
        values = &c.days_since_last_order;
        break;
    case Field::UsualDaysBetweenOrders:
        values = &c.usual_days_between_orders;
        break;
    case Field::DiscountShare:
        values = &c.discount_share;
        break;
    case Field::ReturnRate:
        values = &c.return_rate;
        break;
    case Field::DaysLate:
        values = &c.days_late;
        break;
    case Field::Complaints:
        values = &c.complaints;
        break;
    case Field::RushShare:
        values = &c.rush_share;
        break;
    default:
        break;
    }
    return values != nullptr && row < values->size() ? (*values)[row] : kNaN;
}

const Localized& clients_sheet_name() {
    static constexpr Localized kName = {"Clients", "Клиенты", "Asiakkaat"};
    return kName;
}

const Localized& rfm_score_header() {
    static constexpr Localized kText = {"RFM score", "Оценка RFM", "RFM-pisteet"};
    return kText;
}

const Localized& rfm_segment_header() {
    static constexpr Localized kText = {"RFM segment", "Сегмент RFM", "RFM-segmentti"};
    return kText;
}

// ---------------------------------------------------------------- texts

namespace {

std::string column_title(Field f, const HeaderMapping& mapping,
                         const std::vector<std::string>& headers, Lang lang) {
    const auto column = mapping.column(f);
    if (column && *column < headers.size() && !trim_text(headers[*column]).empty()) {
        return std::string(trim_text(headers[*column]));
    }
    return field_name(f).in(lang);
}

std::string rows_text(const SkippedLines& s, Lang lang) {
    static constexpr Localized kRow = {"row", "строка", "rivi"};
    static constexpr Localized kRows = {"rows", "строки", "rivit"};
    std::string out = s.rows.size() == 1 && s.count == 1 ? kRow.in(lang) : kRows.in(lang);
    for (std::size_t k = 0; k < s.rows.size(); ++k) {
        out += k == 0 ? " " : ", ";
        out += std::to_string(s.rows[k]);
    }
    if (s.count > s.rows.size()) {
        out += ", \xE2\x80\xA6"; // …
    }
    return out;
}

// The patterns for one line and for several (the Russian ones name the count after a colon,
// so they serve both).
const Localized& problem_pattern(LineProblem p, bool one) {
    static constexpr std::array<Localized, 7> kOne = {{
        {"{} without a client ({})", "без клиента: {} ({})", "{} ilman asiakasta ({})"},
        {"{} report row such as a total or a heading ({})",
         "строки отчёта (итоги, заголовки): {} ({})",
         "{} raportin rivi, kuten summa tai otsikko ({})"},
        {"{} without an amount in \"{}\" ({})", "без суммы в «{}»: {} ({})",
         "{} ilman summaa sarakkeessa \"{}\" ({})"},
        {"{} with a number that cannot be read in \"{}\" ({})",
         "с нечитаемым числом в «{}»: {} ({})", "{} lukukelvoton luku sarakkeessa \"{}\" ({})"},
        {"{} with a date that cannot be read in \"{}\" ({})", "с нечитаемой датой в «{}»: {} ({})",
         "{} lukukelvoton päivämäärä sarakkeessa \"{}\" ({})"},
        {"{} line of an order without any date ({})", "заказов без даты: {} ({})",
         "{} päivämäärättömän tilauksen rivi ({})"},
        {"{} with an error value in \"{}\" ({})", "с ошибкой в «{}»: {} ({})",
         "{} virhearvo sarakkeessa \"{}\" ({})"},
    }};
    static constexpr std::array<Localized, 7> kMany = {{
        {"{} without a client ({})", "без клиента: {} ({})", "{} ilman asiakasta ({})"},
        {"{} report rows such as totals or headings ({})",
         "строки отчёта (итоги, заголовки): {} ({})",
         "{} raportin riviä, kuten summia tai otsikoita ({})"},
        {"{} without an amount in \"{}\" ({})", "без суммы в «{}»: {} ({})",
         "{} ilman summaa sarakkeessa \"{}\" ({})"},
        {"{} with a number that cannot be read in \"{}\" ({})",
         "с нечитаемым числом в «{}»: {} ({})", "{} lukukelvotonta lukua sarakkeessa \"{}\" ({})"},
        {"{} with a date that cannot be read in \"{}\" ({})", "с нечитаемой датой в «{}»: {} ({})",
         "{} lukukelvotonta päivämäärää sarakkeessa \"{}\" ({})"},
        {"{} lines of orders without any date ({})", "заказов без даты: {} ({})",
         "{} päivämäärättömän tilauksen riviä ({})"},
        {"{} with an error value in \"{}\" ({})", "с ошибкой в «{}»: {} ({})",
         "{} virhearvoa sarakkeessa \"{}\" ({})"},
    }};
    return (one ? kOne : kMany)[static_cast<std::size_t>(p)];
}

bool names_column(LineProblem p) {
    return p == LineProblem::NoAmount || p == LineProblem::BadNumber || p == LineProblem::BadDate ||
           p == LineProblem::ErrorValue;
}

std::string part_text(const SkippedLines& s, const HeaderMapping& mapping,
                      const std::vector<std::string>& headers, Lang lang) {
    const std::string count = std::to_string(s.count);
    const std::string rows = rows_text(s, lang);
    const Localized& pattern = problem_pattern(s.problem, s.count == 1);
    if (!names_column(s.problem)) {
        return fill_placeholders(pattern.in(lang), {count, rows});
    }
    const std::string column = column_title(s.field, mapping, headers, lang);
    // The Russian patterns name the column before the count.
    if (lang == Lang::Ru) {
        return fill_placeholders(pattern.in(lang), {column, count, rows});
    }
    return fill_placeholders(pattern.in(lang), {count, column, rows});
}

} // namespace

std::string skipped_lines_text(const ClientsFromOrders& clients, const HeaderMapping& mapping,
                               const std::vector<std::string>& headers, Lang lang) {
    const std::size_t total = clients.skipped_lines();
    if (total == 0) {
        return {};
    }
    static constexpr Localized kOne = {
        "1 line skipped: ", "Пропущена 1 строка: ", "1 rivi ohitettiin: "};
    static constexpr Localized kMany = {"{} lines skipped: ", "Пропущено строк: {}. ",
                                        "{} riviä ohitettiin: "};
    std::string text = total == 1 ? std::string(kOne.in(lang))
                                  : fill_placeholders(kMany.in(lang), {std::to_string(total)});
    for (std::size_t k = 0; k < clients.skipped.size(); ++k) {
        if (k > 0) {
            text += "; ";
        }
        text += part_text(clients.skipped[k], mapping, headers, lang);
    }
    text += ".";
    return text;
}

std::string orders_description(const ClientsFromOrders& clients, const HeaderMapping& mapping,
                               const std::vector<std::string>& headers, Lang lang) {
    static constexpr Localized kLines = {"{} order lines of {} clients",
                                         "{} строк заказов, клиентов: {}",
                                         "{} tilausriviä, {} asiakasta"};
    static constexpr Localized kKey = {"key: {}", "ключ: {}", "avain: {}"};
    static constexpr Localized kShownAs = {", shown as {}", ", имя: {}", ", nimenä {}"};
    static constexpr Localized kDates = {"; order dates {} to {}", "; даты заказов с {} по {}",
                                         "; tilauspäivät {} \xE2\x80\x93 {}"};
    static constexpr Localized kDayFirst = {", read as day/month/year",
                                            ", прочитаны как день/месяц/год",
                                            ", luettu muodossa päivä/kuukausi/vuosi"};
    static constexpr Localized kMonthFirst = {", read as month/day/year",
                                              ", прочитаны как месяц/день/год",
                                              ", luettu muodossa kuukausi/päivä/vuosi"};
    static constexpr Localized kByLocale = {" (by the document's language)",
                                            " (по языку документа)", " (asiakirjan kielen mukaan)"};
    std::string text = fill_placeholders(
        kLines.in(lang), {std::to_string(clients.lines), std::to_string(clients.clients())});
    const bool by_id = mapping.column(Field::ClientId).has_value();
    text += " (";
    text += fill_placeholders(kKey.in(lang), {column_title(by_id ? Field::ClientId : Field::Client,
                                                           mapping, headers, lang)});
    if (by_id && mapping.column(Field::Client)) {
        text += fill_placeholders(kShownAs.in(lang),
                                  {column_title(Field::Client, mapping, headers, lang)});
    }
    if (clients.dates.any) {
        text += fill_placeholders(kDates.in(lang),
                                  {iso_date(clients.dates.first), iso_date(clients.dates.last)});
        if (clients.dates.ambiguous_seen) {
            text += clients.dates.order == DateOrder::DayFirst ? kDayFirst.in(lang)
                                                               : kMonthFirst.in(lang);
            if (!clients.dates.decided_by_data) {
                text += kByLocale.in(lang);
            }
        }
    }
    text += ")";
    return text;
}

} // namespace triage
