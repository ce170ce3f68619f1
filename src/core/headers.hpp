// Header recognition (SPEC section 7 item 2): which column of a table holds which field, from
// the header row, in en / ru / fi. A table is a client table (one row per client) or a list of
// transactions (order lines, orders, invoices, payments: docs/orders.md); some fields belong
// to one kind only, and a header may name different fields in the two kinds ("Returns" is a
// return rate in a client table, a returned marker in an order list).
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

// The fields a table can have. The eight risk signals come last, in Signal order.
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
    // Transactions only (ClientId also in a client table, as the client when there is no
    // name column): one line of an export.
    ClientId,  // the client's key (an id, a code, an e-mail); Client is then its display name
    OrderId,   // order, invoice or document number: lines sharing it are one order
    OrderDate, // the order's (invoice's) date
    Cost,      // money; profit = amount - cost where there is no profit column
    Quantity,  // units
    Discount,  // a rate, an amount or a code: the line was sold at a discount when not 0/empty
    Returned,  // a flag, a refunded amount, a status word ("refunded")
    DueDate,   // invoice due date
    PaidDate,  // invoice paid (settled) date
    Disputed,  // a flag or a status word: a complaint about the order
    Rush,      // a flag, a status word or a shipping mode ("Same Day"): a rush order
    // The risk signals (in a transaction table only DaysLate, as a per-line number of days).
    DaysLate,
    ReturnRate,
    Complaints,
    DiscountShare,
    CostToServe,
    ApprovalDays,
    ScopeCreep,
    RushShare,
};

constexpr std::size_t kFieldCount = 28;

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
    Field::ClientId,
    Field::OrderId,
    Field::OrderDate,
    Field::Cost,
    Field::Quantity,
    Field::Discount,
    Field::Returned,
    Field::DueDate,
    Field::PaidDate,
    Field::Disputed,
    Field::Rush,
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

// What one row of a table is.
enum class TableKind {
    Clients,      // one row per client (SPEC section 7)
    Transactions, // one row per order line, order, invoice or payment (docs/orders.md)
};

// Whether a field is read in a table of that kind.
bool field_applies(Field field, TableKind kind);

// A stable key: "client", "revenue", "profit", "orders", "last_order_date",
// "first_order_date", "days_since_last_order", "usual_days_between_orders", "service_cost",
// "client_id", "order_id", "order_date", "cost", "quantity", "discount", "returned",
// "due_date", "paid_date", "disputed", "rush", and signal_key() for the signals.
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

// The field one header names in a client table, or nullopt. A header that loosely names two
// fields equally well names none of them.
std::optional<HeaderGuess> guess_header(std::string_view header);
// The same with extra synonyms besides the built-in ones, in a table of the given kind.
std::optional<HeaderGuess> guess_header(std::string_view header, const ExtraSynonyms& extra,
                                        TableKind kind = TableKind::Clients);

// ---------------------------------------------------------------- the whole header row

enum class HeaderProblemKind {
    Ambiguous,              // several columns match one field
    MissingClient,          // no client (nor client id) column (field: Client)
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
    // A client (or client id) column and a profit or revenue column are mapped.
    bool has_required() const;
    // The column that tells the clients apart: the client id where there is one in a
    // transaction table, else the client (name), else the client id.
    std::optional<std::size_t> key_column(TableKind kind) const;
};

// Recognises the header row of a client table. A field that several columns match is reported
// as Ambiguous; it gets the one column whose match is strictly better than all others' (an
// exact synonym over a loose one), else no column: it is never guessed. A column maps to at
// most one field. Then MissingClient and MissingProfitOrRevenue are reported when those
// fields have no column.
HeaderMapping recognize_headers(const std::vector<std::string>& headers);
// The same with extra synonyms besides the built-in ones (a rule set's "synonyms"), for a
// table of the given kind (only the fields that apply to it are recognised).
HeaderMapping recognize_headers(const std::vector<std::string>& headers,
                                const ExtraSynonyms& extra_synonyms,
                                TableKind kind = TableKind::Clients);

// The kind of a table from its header row and whether its client key repeats (several rows
// of one client): Transactions when the key repeats, or when the headers name an order id or
// an order date and none of the per-client fields (orders, last or first order date, days
// since the last order, usual interval, service cost, a risk signal other than days late);
// Clients otherwise.
TableKind detect_table_kind(const std::vector<std::string>& headers,
                            const ExtraSynonyms& extra_synonyms, bool key_repeats);

// The Missing* problems of a mapping (for a mapping the user has edited).
std::vector<HeaderProblem>
missing_required(const std::array<std::optional<std::size_t>, kFieldCount>& columns);

// "clients" or "transactions"; the kind of a key, nullopt for anything else.
std::string_view table_kind_key(TableKind kind);
std::optional<TableKind> table_kind_from_key(std::string_view key);

} // namespace triage
