// Values as exports have them (docs/orders.md, "Values"): dates as date cells or as text in
// many formats, numbers as text with currency signs, group separators, a decimal comma or
// `(5)` negatives, and yes/no flags in en / ru / fi. Pure functions; nothing here throws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace triage {

// ---------------------------------------------------------------- day numbers

// Day numbers are Calc date serials with the default null date 1899-12-30 (serial 1 is
// 1899-12-31, 45658 is 2025-01-01). Valid for years 1583..9999.
double serial_from_civil(int year, int month, int day);

struct CivilDate {
    int year = 0;
    int month = 0;
    int day = 0;
};
// The calendar date of the whole part of a serial.
CivilDate civil_from_serial(double serial);

// "2026-04-05".
std::string iso_date(double serial);

// True for a real calendar date of the years 1583..9999.
bool valid_civil(int year, int month, int day);

// ---------------------------------------------------------------- dates

// How a date written with the day and the month as numbers, neither the year, is read
// ("03/01/23", "03-01-2023"): day first (UK, ru, fi, the Superstore file) or month first (US).
// A date with dots ("05.04.2026") is always day first, ISO ("2026-04-05") always year first.
enum class DateOrder { DayFirst, MonthFirst };

// What one text says about the order: DayFirst when its first number is above 12, MonthFirst
// when its second is, nullopt when it does not decide (both <= 12, or not such a date).
std::optional<DateOrder> date_order_evidence(std::string_view text);

// The day number of a date text, or nullopt when it is not a date. Read:
// - ISO "2026-04-05", also with a time and a zone ("2026-04-05 21:06:21 +0400",
//   "2026-04-05T21:06:21Z"): the date as written (the zone does not move it);
// - "05.04.2026", "5.4.26", also with a time ("01.01.2025 0:00:00"): day first;
// - "03/01/23", "3/1/2023", "03-01-2023": in `order`;
// - "20260405" (eight digits, YYYYMMDD).
// A two-digit year is 1930..2029 (Calc's default). The time of day is dropped.
std::optional<double> parse_date_text(std::string_view text, DateOrder order);

// A number in a date column: a date cell's serial (its whole part), or an eight-digit
// YYYYMMDD number as a text-to-columns import of "19970101" makes it. nullopt for anything
// else (negative, fractional YYYYMMDD, beyond the year 9999).
std::optional<double> date_from_number(double number);

// ---------------------------------------------------------------- numbers

// The decimal mark of a number written as text.
enum class DecimalMark { Point, Comma };

// What one text says about its decimal mark: "1,5", "1 149,00", "1.149,00" say Comma;
// "1.5", "1,149.00" say Point; "1,149" or "1149" say nothing (nullopt).
std::optional<DecimalMark> decimal_mark_evidence(std::string_view text);

// The number a text shows, or nullopt. Accepted around the digits: spaces (also non-breaking
// and thin ones), a currency sign or code before or after ($ € £ ₽ ¥ руб. р. EUR USD RUB
// kr
// ...), a sign before or after (- + −), parentheses for a negative, a percent sign (the
// value is divided by 100). Groups of digits may be separated by spaces, apostrophes or the
// mark that is not `mark`; a text that shows its own decimal mark unambiguously (both marks,
// or a mark not followed by exactly three digits) is read by it.
std::optional<double> parse_number_text(std::string_view text, DecimalMark mark);

// The reading of a document's locale (BCP 47 language and country, "en"/"US"): US-style
// locales (en-US, en-PH, es-US, ...) write the month first, the others the day first; English
// (and a few more) use a decimal point, the others a decimal comma.
DateOrder locale_date_order(std::string_view language, std::string_view country);
DecimalMark locale_decimal_mark(std::string_view language, std::string_view country);

// ---------------------------------------------------------------- flags and words

// Yes / no as a text: yes, y, true, x, да, д, kyllä, k, on, ✓ ... -> true; no, n, false, нет,
// н, ei, e, off, "-" -> false (case and surrounding spaces ignored); nullopt otherwise.
std::optional<bool> parse_flag_text(std::string_view text);

// The kinds of word a status column may hold.
enum class StatusWord : std::uint8_t {
    None,     // not one of the words below (e.g. "paid", "shipped")
    Returned, // returned, refunded, partially_refunded, refund, return, credit memo, возврат,
              // возвращен, palautettu, palautus, hyvitetty, hyvitys
    Disputed, // disputed, dispute, chargeback, complaint, claim, оспорен, спор, жалоба,
              // претензия, рекламация, kiistetty, reklamaatio, valitus
    Rush, // rush, express, urgent, asap, срочно, срочный, kiire, kiireellinen, pika
};
StatusWord status_word(std::string_view text);

// A report row's first cell: "Total", "Total for Acme", "Grand total", "Subtotal", "Итого",
// "Всего", "Yhteensä", "Summa yhteensä" (case ignored).
bool is_total_label(std::string_view text);

// trim_text()'s work for a text with an end that may be white space.
std::string_view trim_text_ends(std::string_view text);

// Text without leading and trailing white space (ASCII, no-break, thin, narrow no-break).
// Most texts have nothing to trim: neither end is a space or part of one (the UTF-8 bytes
// that begin and end the no-break, thin and narrow no-break spaces), which is seen here.
inline std::string_view trim_text(std::string_view text) {
    if (!text.empty()) {
        const unsigned char first = static_cast<unsigned char>(text.front());
        const unsigned char last = static_cast<unsigned char>(text.back());
        if (first > ' ' && first != 0xC2 && first != 0xE2 && last > ' ' && last != 0xA0 &&
            last != 0x89 && last != 0xAF) {
            return text;
        }
    }
    return trim_text_ends(text);
}

} // namespace triage
