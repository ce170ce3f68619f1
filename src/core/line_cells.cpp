#include "core/line_cells.hpp"

#include "core/headers.hpp"
#include "core/text.hpp"

#include <cmath>

namespace triage {

namespace {

// A cell read by the rules common to numbers and dates: empty, an error, a number cell taken by
// `from_number`, or a text (not blank) read by `from_text`.
template <typename FromNumber, typename FromText>
Reading read_cell(const CellView& cell, FromNumber from_number, FromText from_text) {
    std::optional<double> value;
    switch (cell.kind) {
    case RawCell::Kind::Empty:
        return {Read::Empty, 0};
    case RawCell::Kind::Error:
        return {Read::Error, 0};
    case RawCell::Kind::Number:
        value = from_number(cell.number);
        break;
    case RawCell::Kind::Text:
        if (trim_text(cell.text).empty()) {
            return {Read::Empty, 0};
        }
        value = from_text(cell.text);
        break;
    }
    return value ? Reading{Read::Value, *value} : Reading{Read::Bad, 0};
}

} // namespace

Reading number_in(const CellView& cell, LazyReading& reading, Field field) {
    return read_cell(
        cell, [](double n) { return std::isfinite(n) ? std::optional<double>(n) : std::nullopt; },
        [&](std::string_view text) { return parse_number_text(text, reading.mark(field)); });
}

Reading date_in(const CellView& cell, LazyReading& reading) {
    return read_cell(
        cell,
        [&](double number) {
            const std::optional<double> day = date_from_number(number);
            return day ? std::optional<double>(reading.date_cell(*day)) : std::nullopt;
        },
        [&](std::string_view text) { return parse_date_text(text, reading.date_order()); });
}

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

namespace {

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

} // namespace

DateOrder LazyReading::date_order() {
    if (!dates_decided_) {
        dates_ = date_order_of(lines_, settings_.locale_date_order);
        dates_decided_ = true;
    }
    return dates_.order;
}

double LazyReading::date_cell(double day) {
    // Without a text that decides, the order is the locale's: nothing to turn.
    if (date_order() == settings_.locale_date_order) {
        return day;
    }
    const CivilDate d = civil_from_serial(day);
    if (d.day > 12) {
        return day;
    }
    ++dates_.swapped_cells;
    return serial_from_civil(d.year, d.day, d.month) + (day - std::floor(day));
}

DecimalMark LazyReading::mark(Field f) {
    std::optional<DecimalMark>& m = marks_[field_index(f)];
    if (!m) {
        m = decimal_mark_of(lines_, f, settings_.locale_decimal);
    }
    return *m;
}

bool has_value(const CellView& cell) {
    return cell.kind != RawCell::Kind::Empty &&
           !(cell.kind == RawCell::Kind::Text && trim_text(cell.text).empty());
}

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

} // namespace triage
