// The records the aggregation of order lines keeps while it reads them (transactions.cpp):
// the orders (which become the clients' purchases in place), the clients' sums and tallies,
// the lines set aside, the skipped ones, and the helpers of its line loop (a held text, the
// marker columns, the clients looked up ahead). Internal to the aggregation.
#pragma once

#include "core/flat_index.hpp"
#include "core/line_cells.hpp"
#include "core/repeat_buying.hpp"
#include "core/transactions.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace triage::aggregation {

// A copy of a short text held in place (a line's cell text is valid only until the next line
// is read): the previous line's order id, compared with each line's.
class HeldText {
public:
    HeldText() = default;
    HeldText(const HeldText&) = delete;
    HeldText& operator=(const HeldText&) = delete;
    void hold(std::string_view text) {
        if (text.size() <= sizeof small_) {
            if (!text.empty()) { // (an empty view may have no characters at all)
                std::memcpy(small_, text.data(), text.size());
            }
            view_ = {small_, text.size()};
        } else {
            big_.assign(text);
            view_ = big_;
        }
    }
    std::string_view view() const { return view_; }

private:
    char small_[32] = {};
    std::string big_;
    std::string_view view_;
};

// A marker column (returned, disputed, rush, discount) read line by line by marker_in()'s
// rules: exports repeat a flag's word line after line ("No", "No", "Yes", "No"), so the last
// text and what it said are kept, and a text equal to it is not read again.
class MarkerColumn {
public:
    MarkerColumn(Field field, StatusWord word, bool any_text)
        : field_(field), word_(word), any_text_(any_text) {}
    bool read(const CellView& cell, LazyReading& reading) {
        if (cell.kind != RawCell::Kind::Text) {
            return marker_in(cell, word_, any_text_, reading, field_);
        }
        if (!held_ || !same_text(cell.text, last_.view())) {
            value_ = marker_in(cell, word_, any_text_, reading, field_);
            last_.hold(cell.text);
            held_ = true;
        }
        return value_;
    }

private:
    Field field_;
    StatusWord word_;
    bool any_text_;
    HeldText last_;
    bool held_ = false;
    bool value_ = false;
};

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

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

// Puts `count` items in order of key(item) (0 .. buckets - 1), in place: an item goes to the
// next free place of its bucket, and the item there moves on in its turn. The next place of
// a bucket is fetched ahead, so that a run of moves seldom waits for memory. `next` and `end`
// are the buckets' cursors, kept by the caller for the next call.
template <typename Item, typename Key>
void place_by(Item* items, std::size_t count, std::size_t buckets, Key key,
              std::vector<std::size_t>& next, std::vector<std::size_t>& end) {
    next.assign(buckets, 0);
    end.assign(buckets, 0);
    for (std::size_t i = 0; i < count; ++i) {
        ++end[key(items[i])];
    }
    std::size_t at = 0;
    for (std::size_t b = 0; b < buckets; ++b) {
        next[b] = at;
        at += end[b];
        end[b] = at;
    }
    for (std::size_t b = 0; b < buckets; ++b) {
        while (next[b] < end[b]) {
            Item item = items[next[b]];
            for (std::size_t k = key(item); k != b; k = key(item)) {
                Item* place = items + next[k]++;
                if (next[k] + 1 < count) {
                    __builtin_prefetch(items + next[k] + 1);
                }
                std::swap(item, *place);
            }
            items[next[b]++] = item;
        }
    }
}

// The orders, side by side: what each adds to its client's purchases (the client, the
// earliest date of its lines, the sums of their amounts and profits), its marks, and its days
// late when the data give them. Kept small: a run may have a million orders, and the dated
// ones become the clients' purchases in place (dated_orders).
class Orders {
public:
    enum Mark : std::uint8_t { Used = 1, Returned = 2, Disputed = 4, Rush = 8 };

    Orders(std::size_t most, bool with_days_late) : with_days_late_(with_days_late) {
        // Reserved for the most there can be: only the pages written are ever touched, and
        // nothing is copied while the orders grow.
        sums_.reserve(most);
        marks_.reserve(most);
        if (with_days_late) {
            days_late_.reserve(most);
        }
    }
    std::size_t size() const { return sums_.size(); }

    // A new order of a client (no date yet); its index.
    std::uint32_t add(std::uint32_t client) {
        sums_.push_back({client, kNaN, 0, 0});
        marks_.push_back(0);
        if (with_days_late_) {
            days_late_.push_back(kNaN);
        }
        return static_cast<std::uint32_t>(sums_.size() - 1);
    }
    std::size_t client(std::uint32_t k) const { return sums_[k].client; }
    double date(std::uint32_t k) const { return sums_[k].day; }
    bool has(std::uint32_t k, Mark m) const { return (marks_[k] & m) != 0; }
    void mark(std::uint32_t k, Mark m) { marks_[k] = static_cast<std::uint8_t>(marks_[k] | m); }
    double days_late(std::uint32_t k) const { return with_days_late_ ? days_late_[k] : kNaN; }

    // A line that counts: its amount and profit.
    void add_line(std::uint32_t k, double amount, double profit) {
        sums_[k].value += amount;
        sums_[k].profit += profit;
        mark(k, Used);
    }
    // A line's date (not NaN): the order keeps the earliest.
    void take_date(std::uint32_t k, double day) {
        if (!(day >= sums_[k].day)) {
            sums_[k].day = day;
        }
    }
    // A line's days late: with due and paid dates the first line's that has both
    // (`first_wins`), from a days-late column the most.
    void take_days_late(std::uint32_t k, double days, bool first_wins) {
        double& late = days_late_[k];
        if (std::isnan(late)) {
            late = days;
        } else if (!first_wins) {
            late = std::max(late, days);
        }
    }
    // Another part of the same order (its lines stood apart in the table), as if its lines
    // had come after this part's; the part is no order any more.
    void join(std::uint32_t into, std::uint32_t part, bool due_paid) {
        marks_[into] = static_cast<std::uint8_t>(marks_[into] | marks_[part]);
        marks_[part] = 0;
        if (!std::isnan(sums_[part].day)) {
            take_date(into, sums_[part].day);
        }
        if (!std::isnan(days_late(part))) {
            take_days_late(into, days_late_[part], due_paid);
        }
        sums_[into].value += sums_[part].value;
        sums_[into].profit += sums_[part].profit;
    }

    // The dated orders that count as purchases, in place: by row of their client (`row_of`: a
    // client's row; `row_start`: where each row's purchases begin, then their end), then by
    // day. The orders are gone after it.
    std::vector<Purchase> take_purchases(const std::vector<std::uint32_t>& row_of,
                                         const std::vector<std::size_t>& row_start) {
        std::size_t kept = 0;
        for (std::size_t k = 0; k < sums_.size(); ++k) {
            if ((marks_[k] & Used) != 0 && !std::isnan(sums_[k].day)) {
                sums_[kept] = sums_[k];
                sums_[kept].client = row_of[sums_[k].client];
                ++kept;
            }
        }
        sums_.resize(kept);
        marks_ = {};
        days_late_ = {};
        // In order of row, in place (no second copy of a million purchases): first by the
        // rows' high bits into at most 1024 groups, then each group by row; then each row by day.
        const std::size_t rows = row_start.size() - 1;
        unsigned shift = 0;
        while ((rows - 1) >> shift >= 1024) {
            ++shift;
        }
        std::vector<std::size_t> next;
        std::vector<std::size_t> end;
        place_by(
            sums_.data(), sums_.size(), ((rows - 1) >> shift) + 1,
            [shift](const Purchase& p) { return p.client >> shift; }, next, end);
        for (std::size_t group = 0; group << shift < rows; ++group) {
            const std::size_t first_row = group << shift;
            const std::size_t last_row = std::min(rows, (group + 1) << shift);
            place_by(
                sums_.data() + row_start[first_row], row_start[last_row] - row_start[first_row],
                last_row - first_row,
                [first_row](const Purchase& p) { return p.client - first_row; }, next, end);
        }
        for (std::size_t r = 0; r < rows; ++r) {
            const auto from = sums_.begin() + static_cast<std::ptrdiff_t>(row_start[r]);
            const auto to = sums_.begin() + static_cast<std::ptrdiff_t>(row_start[r + 1]);
            std::sort(from, to, [](const Purchase& a, const Purchase& b) { return a.day < b.day; });
        }
        return std::move(sums_);
    }

private:
    bool with_days_late_;
    std::vector<Purchase> sums_; // client: the client's index until take_purchases()
    std::vector<std::uint8_t> marks_;
    std::vector<double> days_late_; // only with_days_late
};

// A line without a date of its own in a table with dates: it counts when its order has a
// date from another line (a later line of an order may leave it empty), else it is skipped.
struct UndatedLine {
    std::size_t input;
    Line line;
};

// A client's sums of its lines (its key is in client_keys, beside the others, for the
// lookups). Kept to 48 bytes: the line loop reads and writes one per line, at random.
struct ClientSums {
    double revenue = 0;
    double profit = 0;
    double quantity = 0;
    double positive = 0;           // sum of the positive amounts
    double discounted = 0;         // of them, sold at a discount
    std::uint32_t name = kNoEntry; // in the run's names; none: the key
    bool used = false;             // a line of the client counts
};

// A client's orders, counted after the lines.
struct ClientOrders {
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
};

// The clients of the coming lines looked up ahead, a step a line: the index slot of a key three
// lines ahead (from its hash), then the entry that slot names (its key's view and its sums),
// then the key's text; when a line's client is looked up, what it reads is in the cache (the
// index, the keys and the sums of a hundred thousand clients are far bigger than the cache,
// and a lookup waited for memory three times in a row). Only hints: the lookup does its own
// work, with the hash taken ahead.
class Lookahead {
public:
    // At line i of n: the steps for lines i + 1 to i + 3 (`key_at(line)`: a line's key, read
    // without spoiling the current line's cells).
    template <typename KeyAt>
    void step(std::size_t i, std::size_t n, KeyAt key_at, const FlatIndex& index,
              const std::vector<std::string_view>& keys, const std::vector<ClientSums>& sums) {
        if (i + kDepth < n) {
            const std::string_view key = key_at(i + kDepth);
            // A line of the same client as the line before is no lookup.
            if (!key.empty() && !same_text(key, last_.view())) {
                Ahead& a = ring_[(i + kDepth) % ring_.size()];
                a = {i + kDepth, key_hash(key), kNoEntry};
                index.prefetch(a.hash);
            }
            last_.hold(key);
        }
        Ahead& b = ring_[(i + 2) % ring_.size()];
        if (b.line == i + 2) {
            b.entry = index.first_candidate(b.hash);
            if (b.entry != kNoEntry) {
                __builtin_prefetch(&keys[b.entry]);
                __builtin_prefetch(&sums[b.entry]);
            }
        }
        const Ahead& c = ring_[(i + 1) % ring_.size()];
        if (c.line == i + 1 && c.entry != kNoEntry) {
            __builtin_prefetch(keys[c.entry].data());
        }
    }
    // Whether line i's key was hashed ahead, and its hash.
    bool hashed(std::size_t i) const { return ring_[i % ring_.size()].line == i; }
    std::uint64_t hash(std::size_t i) const { return ring_[i % ring_.size()].hash; }

private:
    static constexpr std::size_t kDepth = 3;
    struct Ahead {
        std::size_t line = kNoEntry;
        std::uint64_t hash = 0;
        std::uint32_t entry = kNoEntry;
    };
    std::array<Ahead, 4> ring_{};
    HeldText last_; // the key last read ahead
};

// An order with an id, as first seen: 32 bits of the hash of its client and id, and its first
// line.
struct KeyedOrder {
    std::uint32_t hash;
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
                                       Orders& orders, bool due_paid);

} // namespace triage::aggregation
