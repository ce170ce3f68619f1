// Header recognition (SPEC section 7 item 2): which column of a client table holds which
// field, from the header row, in en / ru / fi.
#pragma once

#include "core/lang.hpp"
#include "core/signal.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triage {

// The fields a client table can have. The eight risk signals come last, in Signal order.
enum class Field {
    Client,
    Revenue,
    Profit,
    Orders,                 // number of orders
    LastOrderDate,          // a date
    FirstOrderDate,         // a date
    DaysSinceLastOrder,     // days
    UsualDaysBetweenOrders, // days
    ServiceCost,            // money; cost_to_serve = service cost / profit
    DaysLate,
    ReturnRate,
    Complaints,
    DiscountShare,
    CostToServe,
    ApprovalDays,
    ScopeCreep,
    RushShare,
};

constexpr std::size_t kFieldCount = 17;

constexpr std::array<Field, kFieldCount> kAllFields = {
    Field::Client,
    Field::Revenue,
    Field::Profit,
    Field::Orders,
    Field::LastOrderDate,
    Field::FirstOrderDate,
    Field::DaysSinceLastOrder,
    Field::UsualDaysBetweenOrders,
    Field::ServiceCost,
    Field::DaysLate,
    Field::ReturnRate,
    Field::Complaints,
    Field::DiscountShare,
    Field::CostToServe,
    Field::ApprovalDays,
    Field::ScopeCreep,
    Field::RushShare,
};

constexpr std::size_t field_index(Field f) {
    return static_cast<std::size_t>(f);
}

constexpr std::size_t kFirstSignalField = field_index(Field::DaysLate);

constexpr Field field_of(Signal s) {
    return static_cast<Field>(kFirstSignalField + signal_index(s));
}

constexpr std::optional<Signal> signal_of(Field f) {
    if (field_index(f) < kFirstSignalField) {
        return std::nullopt;
    }
    return static_cast<Signal>(field_index(f) - kFirstSignalField);
}

// A stable key: "client", "revenue", "profit", "orders", "last_order_date",
// "first_order_date", "days_since_last_order", "usual_days_between_orders", "service_cost",
// and signal_key() for the signals.
std::string_view field_key(Field field);

// The name the sidebar shows.
const Localized& field_name(Field field);

// The header texts the field is recognised by (as written in the data table, all languages;
// the weaker ones last).
std::vector<std::string_view> field_synonyms(Field field);

// ---------------------------------------------------------------- matching

// A header reduced for comparison: UTF-8 decoded, lower-cased (ASCII, Latin-1 letters such
// as Ä Ö Å, Cyrillic; ё is folded to е), with everything but letters and digits removed
// (spaces, punctuation, symbols, invalid UTF-8). Returns UTF-8.
std::string normalize_header(std::string_view header);

// How well a header matched a field; smaller is better.
enum class HeaderMatch {
    Exact,     // the whole header is one of the field's synonyms
    ExactWeak, // the whole header is one of the field's weaker synonyms ("customer id")
    Loose,     // a synonym after dropping a unit or a note: "Revenue, EUR", "Profit (2024)",
               // "Total sales", "Days late avg"
    LooseWeak,
};

struct HeaderGuess {
    Field field;
    HeaderMatch match;
};

// Header texts a user adds to the built-in synonyms, per field (indexed by field_index()).
// They count as plain (not weak) synonyms; where one equals a built-in synonym of another
// field after normalize_header(), the user's wins. Texts that normalize to nothing are
// ignored.
using ExtraSynonyms = std::array<std::vector<std::string>, kFieldCount>;

// The field one header names, or nullopt. A header that loosely names two fields equally
// well names none of them.
std::optional<HeaderGuess> guess_header(std::string_view header);
// The same with extra synonyms besides the built-in ones.
std::optional<HeaderGuess> guess_header(std::string_view header, const ExtraSynonyms& extra);

// ---------------------------------------------------------------- the whole header row

enum class HeaderProblemKind {
    Ambiguous,              // several columns match one field
    MissingClient,          // no client column (field: Client)
    MissingProfitOrRevenue, // neither a profit nor a revenue column (field: Profit)
};

struct HeaderProblem {
    HeaderProblemKind kind;
    Field field;
    std::vector<std::size_t> columns;    // 0-based; the competing columns (empty when missing)
    std::array<std::string, 3> messages; // en, ru, fi: plain text for the user
    const std::string& message(Lang lang) const { return messages[static_cast<std::size_t>(lang)]; }
};

struct HeaderMapping {
    // The column of each field (0-based within the header row), or nullopt.
    std::array<std::optional<std::size_t>, kFieldCount> columns{};
    // Ambiguities first (in field order), then missing required fields.
    std::vector<HeaderProblem> problems;

    std::optional<std::size_t> column(Field f) const { return columns[field_index(f)]; }
    // A client column and a profit or revenue column are mapped.
    bool has_required() const;
};

// Recognises a header row. A field that several columns match is reported as Ambiguous; it
// gets the one column whose match is strictly better than all others' (an exact synonym
// over a loose one), else no column: it is never guessed. A column maps to at most one field.
// Then MissingClient and MissingProfitOrRevenue are reported when those fields have no column.
HeaderMapping recognize_headers(const std::vector<std::string>& headers);
// The same with extra synonyms besides the built-in ones (a rule set's "synonyms").
HeaderMapping recognize_headers(const std::vector<std::string>& headers,
                                const ExtraSynonyms& extra_synonyms);

// The Missing* problems of a mapping (for a mapping the user has edited).
std::vector<HeaderProblem>
missing_required(const std::array<std::optional<std::size_t>, kFieldCount>& columns);

} // namespace triage
