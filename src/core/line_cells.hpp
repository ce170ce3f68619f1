// Reading the cells of order lines (transactions.cpp): a number, a date, a marker (returned,
// disputed, rush, discount) or a key from a cell as the export has it, with the column-wide
// decisions (decimal mark, order of day and month) made once and only when a text needs them.
// Internal to the core's aggregation; the rules are in docs/orders.md.
#pragma once

#include "core/transactions.hpp"
#include "core/values.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace triage {

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
    // A date cell's day number, its day and month swapped when the texts of the date columns
    // show the order opposite to the locale's (DateReading::swapped_cells).
    double date_cell(double day);
    const DateReading& dates() const { return dates_; }

private:
    const LineSource& lines_;
    const OrderSettings& settings_;
    std::array<std::optional<DecimalMark>, kFieldCount> marks_{};
    DateReading dates_;
    bool dates_decided_ = false;
};

Reading number_in(const CellView& cell, LazyReading& reading, Field field);
Reading date_in(const CellView& cell, LazyReading& reading);

// A marker cell (returned, disputed, rush, discount): a number is true when not 0; a text is
// true for a yes-word, for a status word of `word`, or (`any_text`) for any text that is not a
// no-word or a zero.
bool marker_in(const CellView& cell, StatusWord word, bool any_text, LazyReading& reading,
               Field field);

// A key as text: a text cell trimmed (a view of it), a number in its shortest form (kept in
// `scratch`).
std::string_view key_view(const CellView& cell, std::string& scratch);

// A report row's label starts with T, S, G, Y, K, И or В (Total, Subtotal, Grand total,
// Yhteensä, Kaikki yhteensä, Итого, Всего): only those are looked at closely.
bool may_be_total(std::string_view key);

// A cell that holds something (not empty, not blank text).
bool has_value(const CellView& cell);

// Whether line i holds anything, or (`besides_client`) anything besides its client id and
// name (a heading row of a report has only the client).
bool line_has_value(const LineSource& lines, std::size_t i, bool besides_client);

} // namespace triage
