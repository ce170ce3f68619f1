#include "core/values.hpp"

#include "core/headers.hpp"
#include "core/text.hpp"

#include <array>
#include <cmath>
#include <cstdio>

namespace triage {

namespace {

// Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
constexpr long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

constexpr long long kNullDateDays = days_from_civil(1899, 12, 30);

constexpr int kMinYear = 1583;
constexpr int kMaxYear = 9999;
// The day number of the last day a date may have (9999-12-31).
constexpr double kLatestDay =
    static_cast<double>(days_from_civil(kMaxYear, 12, 31) - kNullDateDays);

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Reads a run of digits at text[i] (at most 9); returns the count read.
std::size_t read_digits(std::string_view text, std::size_t i, int& value) {
    std::size_t n = 0;
    value = 0;
    while (i + n < text.size() && is_digit(text[i + n]) && n < 9) {
        value = value * 10 + (text[i + n] - '0');
        ++n;
    }
    return n;
}

int full_year(int year, std::size_t digits) {
    if (digits == 2) {
        return year < 30 ? 2000 + year : 1900 + year;
    }
    return year;
}

std::optional<double> date_of(int year, int month, int day) {
    if (!valid_civil(year, month, day)) {
        return std::nullopt;
    }
    return serial_from_civil(year, month, day);
}

// The rest of a date text after its date part: nothing, or a time (and a zone) after a space
// or a 'T'. Only the shape "space or T, then a digit" is checked: the time is dropped.
bool only_time_follows(std::string_view text, std::size_t i) {
    if (i == text.size()) {
        return true;
    }
    if (text[i] != ' ' && text[i] != 'T' && text[i] != 't') {
        return false;
    }
    while (i < text.size() && (text[i] == ' ' || text[i] == 'T' || text[i] == 't')) {
        ++i;
    }
    return i < text.size() && is_digit(text[i]);
}

// Three numbers separated by one kind of separator: a sep b sep c [time].
struct DateParts {
    int a = 0, b = 0, c = 0;
    std::size_t a_digits = 0, b_digits = 0, c_digits = 0;
    char sep = 0;
};

std::optional<DateParts> split_date(std::string_view text) {
    DateParts p;
    std::size_t i = 0;
    p.a_digits = read_digits(text, i, p.a);
    if (p.a_digits == 0 || p.a_digits > 4) {
        return std::nullopt;
    }
    i += p.a_digits;
    if (i >= text.size() || (text[i] != '-' && text[i] != '/' && text[i] != '.')) {
        return std::nullopt;
    }
    p.sep = text[i++];
    p.b_digits = read_digits(text, i, p.b);
    if (p.b_digits == 0 || p.b_digits > 2) {
        return std::nullopt;
    }
    i += p.b_digits;
    if (i >= text.size() || text[i] != p.sep) {
        return std::nullopt;
    }
    ++i;
    p.c_digits = read_digits(text, i, p.c);
    if (p.c_digits == 0 || p.c_digits > 4 || p.c_digits == 3) {
        return std::nullopt;
    }
    i += p.c_digits;
    if (!only_time_follows(text, i)) {
        return std::nullopt;
    }
    return p;
}

// A text starting with one of `words` (normalized) followed by nothing or a non-letter.
bool is_one_of(const std::string& normalized, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) {
        if (normalized == w) {
            return true;
        }
    }
    return false;
}

bool starts_with_any(const std::string& normalized, std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) {
        if (normalized.compare(0, w.size(), w) == 0) {
            return true;
        }
    }
    return false;
}

// White space a number or a date may carry: ASCII, no-break (U+00A0), thin (U+2009), narrow
// no-break (U+202F). Returns its length at text[i], 0 if none.
std::size_t space_at(std::string_view text, std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        return 1;
    }
    if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
        return 2;
    }
    if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(text[i + 2]) == 0x89 ||
         static_cast<unsigned char>(text[i + 2]) == 0xAF)) {
        return 3;
    }
    return 0;
}

// Currency signs and codes a number may carry (UTF-8, lower-case where letters).
constexpr std::array<std::string_view, 17> kCurrencies = {"$",
                                                          "\xE2\x82\xAC" /* € */,
                                                          "\xC2\xA3" /* £ */,
                                                          "\xE2\x82\xBD" /* ₽ */,
                                                          "\xC2\xA5" /* ¥ */,
                                                          "\xD1\x80\xD1\x83\xD0\xB1." /* руб. */,
                                                          "\xD1\x80\xD1\x83\xD0\xB1" /* руб */,
                                                          "\xD1\x80." /* р. */,
                                                          "eur",
                                                          "usd",
                                                          "rub",
                                                          "gbp",
                                                          "sek",
                                                          "nok",
                                                          "dkk",
                                                          "kr",
                                                          "us$"};

// Lower-cases ASCII and the Cyrillic letters of the currency codes above.
std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c + 32);
        }
    }
    // Р У Б (U+0420 U+0423 U+0411) -> р у б
    for (std::size_t i = 0; i + 1 < out.size(); ++i) {
        if (static_cast<unsigned char>(out[i]) == 0xD0) {
            const unsigned char n = static_cast<unsigned char>(out[i + 1]);
            if (n == 0xA0) { // Р
                out[i] = static_cast<char>(0xD1);
                out[i + 1] = static_cast<char>(0x80);
            } else if (n == 0xA3) { // У
                out[i] = static_cast<char>(0xD1);
                out[i + 1] = static_cast<char>(0x83);
            } else if (n == 0x91) { // Б
                out[i + 1] = static_cast<char>(0xB1);
            }
        }
    }
    return out;
}

// Strips one currency sign or code from the front or the back of `s` (already trimmed).
bool strip_currency(std::string& s) {
    const std::string lower = lower_ascii(s);
    for (std::string_view cur : kCurrencies) {
        if (lower.size() > cur.size() && lower.compare(0, cur.size(), cur) == 0) {
            s = std::string(trim_text(std::string_view(s).substr(cur.size())));
            return true;
        }
        if (lower.size() > cur.size() &&
            lower.compare(lower.size() - cur.size(), cur.size(), cur) == 0) {
            s = std::string(trim_text(std::string_view(s).substr(0, s.size() - cur.size())));
            return true;
        }
    }
    return false;
}

// The digits and marks of a number with every sign, currency, percent and space taken off.
struct NumberBody {
    std::string body; // digits, '.', ',', '\'' and single spaces between digit groups
    bool negative = false;
    bool percent = false;
};

std::optional<NumberBody> number_body(std::string_view text) {
    std::string s(trim_text(text));
    NumberBody out;
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
        out.negative = true;
        s = std::string(trim_text(std::string_view(s).substr(1, s.size() - 2)));
    }
    bool has_sign = false; // one sign at most
    for (int round = 0; round < 3; ++round) {
        bool changed = false;
        changed |= strip_currency(s);
        if (!s.empty() && s.back() == '%') {
            out.percent = true;
            s = std::string(trim_text(std::string_view(s).substr(0, s.size() - 1)));
            changed = true;
        }
        // Signs before or after: '-', '+', U+2212 MINUS SIGN.
        const std::string_view minus = "\xE2\x88\x92";
        const bool sign_next =
            !s.empty() &&
            (s.front() == '-' || s.front() == '+' || s.compare(0, minus.size(), minus) == 0 ||
             (s.size() > 1 && (s.back() == '-' || s.back() == '+')));
        if (sign_next && has_sign) {
            return std::nullopt;
        }
        has_sign |= sign_next;
        if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
            out.negative ^= s.front() == '-';
            s = std::string(trim_text(std::string_view(s).substr(1)));
            changed = true;
        } else if (s.compare(0, minus.size(), minus) == 0) {
            out.negative = !out.negative;
            s = std::string(trim_text(std::string_view(s).substr(minus.size())));
            changed = true;
        } else if (s.size() > 1 && (s.back() == '-' || s.back() == '+')) {
            out.negative ^= s.back() == '-';
            s = std::string(trim_text(std::string_view(s).substr(0, s.size() - 1)));
            changed = true;
        }
        if (!changed) {
            break;
        }
    }
    // What is left: digits, marks and group spaces, starting and ending with a digit or a
    // leading mark (".5").
    std::string body;
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t sp = space_at(s, i)) {
            if (body.empty() || body.back() == ' ') {
                return std::nullopt;
            }
            body += ' ';
            i += sp;
            continue;
        }
        const char c = s[i];
        if (is_digit(c) || c == '.' || c == ',' || c == '\'') {
            body += c;
            ++i;
            continue;
        }
        return std::nullopt;
    }
    if (body.empty() || !is_digit(body.back())) {
        return std::nullopt;
    }
    out.body = std::move(body);
    return out;
}

// The decimal mark the body shows unambiguously, if any.
std::optional<DecimalMark> evidence_of(const std::string& body) {
    const std::size_t last_point = body.rfind('.');
    const std::size_t last_comma = body.rfind(',');
    if (last_point != std::string::npos && last_comma != std::string::npos) {
        return last_point > last_comma ? DecimalMark::Point : DecimalMark::Comma;
    }
    const std::size_t at = last_point != std::string::npos ? last_point : last_comma;
    if (at == std::string::npos) {
        return std::nullopt;
    }
    const char mark = body[at];
    if (body.find(mark) != at) {
        // Several of one mark: they separate groups, so the decimal mark is the other one.
        return mark == '.' ? DecimalMark::Comma : DecimalMark::Point;
    }
    const std::size_t after = body.size() - at - 1;
    if (after != 3 || at == 0 || body.find(' ') != std::string::npos ||
        body.find('\'') != std::string::npos) {
        // "1,5", "0,125" starts with a lone 0, "1 149,000" is grouped by spaces.
        return mark == '.' ? DecimalMark::Point : DecimalMark::Comma;
    }
    if (at == 1 && body[0] == '0') {
        return mark == '.' ? DecimalMark::Point : DecimalMark::Comma; // "0,125"
    }
    return std::nullopt; // "1,149": a group or a decimal
}

} // namespace

// ---------------------------------------------------------------- day numbers

bool valid_civil(int year, int month, int day) {
    if (year < kMinYear || year > kMaxYear || month < 1 || month > 12 || day < 1) {
        return false;
    }
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int days = kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
    return day <= days;
}

double serial_from_civil(int year, int month, int day) {
    return static_cast<double>(
        days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) -
        kNullDateDays);
}

CivilDate civil_from_serial(double serial) {
    // H. Hinnant's civil_from_days.
    long long z = static_cast<long long>(std::floor(serial)) + kNullDateDays + 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long y = static_cast<long long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

std::string iso_date(double serial) {
    if (!std::isfinite(serial) || std::fabs(serial) > 1e7) {
        return {};
    }
    const CivilDate c = civil_from_serial(serial);
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", c.year, c.month, c.day);
    return text;
}

// ---------------------------------------------------------------- dates

std::optional<DateOrder> date_order_evidence(std::string_view text) {
    const std::optional<DateParts> p = split_date(trim_text(text));
    if (!p || p->sep == '.' || p->a_digits > 2) {
        return std::nullopt;
    }
    if (p->a > 12 && p->b <= 12) {
        return DateOrder::DayFirst;
    }
    if (p->b > 12 && p->a <= 12) {
        return DateOrder::MonthFirst;
    }
    return std::nullopt;
}

std::optional<double> parse_date_text(std::string_view raw, DateOrder order) {
    const std::string_view text = trim_text(raw);
    if (text.size() == 8) {
        int ymd = 0;
        if (read_digits(text, 0, ymd) == 8) {
            return date_of(ymd / 10000, ymd / 100 % 100, ymd % 100);
        }
    }
    const std::optional<DateParts> p = split_date(text);
    if (!p) {
        return std::nullopt;
    }
    if (p->a_digits == 4) { // year first: ISO (also 2026/04/05)
        if (p->c_digits > 2) {
            return std::nullopt;
        }
        return date_of(p->a, p->b, p->c);
    }
    if (p->c_digits == 1) {
        return std::nullopt;
    }
    const int year = full_year(p->c, p->c_digits);
    if (p->sep == '.' || order == DateOrder::DayFirst) {
        return date_of(year, p->b, p->a);
    }
    return date_of(year, p->a, p->b);
}

std::optional<double> date_from_number(double number) {
    if (!std::isfinite(number) || number < 0) {
        return std::nullopt;
    }
    if (number >= 10000101 && number <= 99991231) {
        if (number != std::floor(number)) {
            return std::nullopt;
        }
        const long ymd = static_cast<long>(number);
        return date_of(static_cast<int>(ymd / 10000), static_cast<int>(ymd / 100 % 100),
                       static_cast<int>(ymd % 100));
    }
    if (number > kLatestDay) {
        return std::nullopt;
    }
    return static_cast<double>(static_cast<long long>(number)); // the floor: 0 <= number
}

// ---------------------------------------------------------------- numbers

std::optional<DecimalMark> decimal_mark_evidence(std::string_view text) {
    const std::optional<NumberBody> b = number_body(text);
    if (!b) {
        return std::nullopt;
    }
    return evidence_of(b->body);
}

std::optional<double> parse_number_text(std::string_view text, DecimalMark mark) {
    const std::optional<NumberBody> b = number_body(text);
    if (!b) {
        return std::nullopt;
    }
    const char decimal = evidence_of(b->body).value_or(mark) == DecimalMark::Comma ? ',' : '.';
    std::string plain;
    bool seen_decimal = false;
    std::size_t group_digits = 0; // digits since the last group separator
    bool grouped = false;
    for (const char c : b->body) {
        if (is_digit(c)) {
            plain += c;
            ++group_digits;
        } else if (c == decimal) {
            if (seen_decimal || (grouped && group_digits != 3)) {
                return std::nullopt;
            }
            seen_decimal = true;
            plain += '.';
            group_digits = 0;
        } else { // a group separator: groups of three digits before the decimal mark
            if (seen_decimal || (grouped && group_digits != 3) || group_digits == 0 ||
                group_digits > 3) {
                return std::nullopt;
            }
            grouped = true;
            group_digits = 0;
        }
    }
    if (grouped && !seen_decimal && group_digits != 3) {
        return std::nullopt;
    }
    if (plain.empty() || plain == ".") {
        return std::nullopt;
    }
    double value = std::strtod(plain.c_str(), nullptr);
    if (!std::isfinite(value)) {
        return std::nullopt;
    }
    if (b->percent) {
        value /= 100.0;
    }
    return b->negative ? -value : value;
}

DateOrder locale_date_order(std::string_view language, std::string_view country) {
    const bool month_first = country == "US" || country == "PH" || country == "FM" ||
                             country == "PW" || country == "MH" ||
                             (language == "en" && country.empty());
    return month_first ? DateOrder::MonthFirst : DateOrder::DayFirst;
}

DecimalMark locale_decimal_mark(std::string_view language, std::string_view country) {
    const bool point = language == "en" || language == "ja" || language == "zh" ||
                       language == "ko" || language == "he" || language == "th" ||
                       (language == "de" && country == "CH") || language.empty();
    return point ? DecimalMark::Point : DecimalMark::Comma;
}

// ---------------------------------------------------------------- flags and words

namespace {

// A word of at most 7 bytes packed into a number: its bytes, then its length in the highest
// byte (parse_flag_text packs a cell's text the same way).
constexpr std::uint64_t word_code(std::string_view word) {
    std::uint64_t code = 0;
    for (const char c : word) {
        code = code << 8 | static_cast<unsigned char>(c);
    }
    return code | std::uint64_t{word.size()} << 56;
}

} // namespace

std::optional<bool> parse_flag_text(std::string_view text) {
    const std::string_view t = trim_text(text);
    // The common ASCII words without an allocation: the word in lower case packed into a
    // number, looked up in one switch.
    if (!t.empty() && t.size() <= 5) {
        std::uint64_t code = 0;
        bool ascii = true;
        for (const char ch : t) {
            const unsigned char c = static_cast<unsigned char>(ch);
            ascii = ascii && c < 0x80;
            code = code << 8 | (c >= 'A' && c <= 'Z' ? c + 32U : c);
        }
        if (ascii) {
            switch (code | std::uint64_t{t.size()} << 56) {
            case word_code("yes"):
            case word_code("y"):
            case word_code("true"):
            case word_code("x"):
            case word_code("1"):
            case word_code("on"):
                return true;
            case word_code("no"):
            case word_code("n"):
            case word_code("false"):
            case word_code("0"):
            case word_code("off"):
            case word_code("-"):
                return false;
            default:
                break;
            }
        }
    }
    if (t == "-" || t == "\xE2\x80\x93") {
        return false;
    }
    if (t == "\xE2\x9C\x93" || t == "\xE2\x9C\x94") { // ✓ ✔
        return true;
    }
    const std::string w = normalize_header(t);
    if (is_one_of(w, {"yes", "y", "true", "x", "on", "1", "да", "д", "истина", "kyllä", "k", "tosi",
                      "ja"})) {
        return true;
    }
    if (is_one_of(w, {"no", "n", "false", "off", "0", "нет", "н", "ложь", "ei", "e", "epätosi"})) {
        return false;
    }
    return std::nullopt;
}

StatusWord status_word(std::string_view text) {
    const std::string w = normalize_header(text);
    if (w.empty()) {
        return StatusWord::None;
    }
    if (starts_with_any(w, {"returned", "return", "refund", "partiallyrefunded", "creditmemo",
                            "creditnote", "возврат", "возвращ", "palautet", "palautus", "palautu",
                            "hyvitet", "hyvitys"})) {
        return StatusWord::Returned;
    }
    if (starts_with_any(w, {"disput", "chargeback", "complain", "claim", "оспор", "спор", "жалоб",
                            "претенз", "рекламац", "kiistet", "reklamaat", "valitus"})) {
        return StatusWord::Disputed;
    }
    if (starts_with_any(w, {"rush", "express", "urgent", "asap", "срочн", "kiire", "pika"})) {
        return StatusWord::Rush;
    }
    return StatusWord::None;
}

bool is_total_label(std::string_view text) {
    // The first one or two words, each compared whole ("Totally Ltd" is a client).
    std::string_view rest = trim_text(text);
    std::string words[2];
    for (std::string& word : words) {
        const std::size_t end = rest.find(' ');
        word = normalize_header(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view() : trim_text(rest.substr(end));
    }
    return is_one_of(words[0], {"total", "totals", "subtotal", "итог", "итого", "итоги", "всего",
                                "yhteensä"}) ||
           (is_one_of(words[0], {"grand", "summa", "kaikki"}) &&
            is_one_of(words[1], {"total", "yhteensä"}));
}

std::string_view trim_text_ends(std::string_view text) {
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t sp = space_at(text, begin);
        if (sp == 0) {
            break;
        }
        begin += sp;
    }
    std::size_t end = text.size();
    while (end > begin) {
        // Look back for a space ending at `end`.
        std::size_t len = 0;
        for (std::size_t k = 1; k <= 3 && k <= end - begin; ++k) {
            if (space_at(text, end - k) == k) {
                len = k;
                break;
            }
        }
        if (len == 0) {
            break;
        }
        end -= len;
    }
    return text.substr(begin, end - begin);
}

} // namespace triage
