// From the lines of an export to its clients (docs/orders.md): one row per order line, order,
// invoice or payment in, one row per client out, with the per-client columns that a client
// table has (revenue, profit, orders, first and last order date, days since the last order,
// usual days between orders, discount share, return rate, days late, complaints, rush share)
// and the RFM score and segment (SPEC section 4, monetary = revenue). The result feeds
// client_table_from_fields() (segmentation.hpp), so the segmentation, the summary and the
// colours are the same as for a client table.
//
// Every line is read or skipped with a reason; nothing is dropped silently. Values arrive as
// exports have them (values.hpp): dates and numbers as cells or as text.
#pragma once

#include "core/headers.hpp"
#include "core/key_store.hpp"
#include "core/lang.hpp"
#include "core/repeat_buying.hpp"
#include "core/rfm.hpp"
#include "core/segmentation.hpp"
#include "core/values.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace triage {

// ---------------------------------------------------------------- input

// One cell as read from a sheet.
struct RawCell {
    enum class Kind : std::uint8_t { Empty, Number, Text, Error };
    Kind kind = Kind::Empty;
    double number = 0;
    std::string text;

    static RawCell of_number(double value) { return {Kind::Number, value, {}}; }
    static RawCell of_text(std::string value) { return {Kind::Text, 0, std::move(value)}; }
    static RawCell of_error() { return {Kind::Error, 0, {}}; }
};

using RawColumn = std::vector<RawCell>;

// A cell as the aggregation reads it; `text` is valid until the next cell of the same field.
struct CellView {
    RawCell::Kind kind = RawCell::Kind::Empty;
    double number = 0;
    std::string_view text;
};

// Where the aggregation reads the lines from: OrderLines below, or a sheet's block as the
// office hands it over (src/uno/sheet_io.hpp), read cell by cell without a copy of the table.
class LineSource {
public:
    virtual ~LineSource() = default;
    virtual std::size_t lines() const = 0;
    // Whether the table has a column of that field.
    virtual bool has(Field field) const = 0;
    // The cell of a line in the column of a field it has.
    virtual CellView cell(std::size_t line, Field field) const = 0;
    // The same for a look over a whole column (the decimal mark, the order of day and month):
    // it must leave the text of the last cell() of the field valid.
    virtual CellView peek(std::size_t line, Field field) const { return cell(line, field); }
};

// The lines of a transaction table held as cells: one RawColumn per mapped field (indexed by
// field_index(); an unmapped field has an empty column), all of one length.
struct OrderLines : LineSource {
    std::array<RawColumn, kFieldCount> columns;
    // Order ids listed as returned elsewhere (a returns sheet), compared after trimming.
    std::unordered_set<std::string> returned_orders;

    const RawColumn& of(Field f) const { return columns[field_index(f)]; }
    RawColumn& of(Field f) { return columns[field_index(f)]; }
    std::size_t lines() const override;
    bool has(Field f) const override { return !of(f).empty(); }
    CellView cell(std::size_t line, Field f) const override {
        const RawCell& c = of(f)[line];
        return {c.kind, c.number, c.text};
    }
};

struct OrderSettings {
    // The day the recency is measured at (a day number, values.hpp); default: the latest
    // order date in the data. A client whose last order is after it has 0 days since.
    std::optional<double> analysis_date;
    // How ambiguous dates (03/01/23) are read when no date of the data decides it: the
    // document's locale.
    DateOrder locale_date_order = DateOrder::DayFirst;
    // The decimal mark of numbers as text when no value of a column shows its own.
    DecimalMark locale_decimal = DecimalMark::Point;
    // The sheet row number of the first line (for the rows named in messages).
    std::size_t first_row = 2;
    int rfm_bins = kDefaultRfmBins;
};

// ---------------------------------------------------------------- skipped lines

enum class LineProblem {
    NoClient,   // the client key is empty or an error
    ReportRow,  // a total ("Total", "Итого", "Yhteensä") or a heading (a client name only)
    NoAmount,   // the amount (revenue, or profit where there is no revenue column) is empty
    BadNumber,  // a number cell that cannot be read (field: which column)
    BadDate,    // a date cell that cannot be read (field: which column)
    NoDate,     // an order without any date (the order date column is mapped)
    ErrorValue, // a cell with a Calc error (field: which column)
};

struct SkippedLines {
    LineProblem problem;
    Field field;                   // the column (the key's field for NoClient / ReportRow)
    std::size_t count = 0;         // lines
    std::vector<std::size_t> rows; // the first sheet row numbers (at most kSkippedRowsShown)
};

constexpr std::size_t kSkippedRowsShown = 5;

// ---------------------------------------------------------------- output

// How the dates were read.
struct DateReading {
    bool any = false; // at least one order date was read
    DateOrder order = DateOrder::DayFirst;
    bool decided_by_data = false; // a date of the data showed the order (else the locale)
    bool ambiguous_seen = false;  // some date was written with day and month as numbers
    // Date cells read with day and month swapped: Calc made them from texts typed or pasted in
    // the document locale's order (03/01/23 as March 1 in an English office) while the texts it
    // could not read so (13/01/23) show the other order. Only a date whose day is 12 or less
    // can have come from such a text; a later day is a real date and is kept.
    std::size_t swapped_cells = 0;
    double first = 0; // the earliest and the latest order date (when any)
    double last = 0;
};

// One client per row, most valuable first (profit where there is profit, else revenue; ties
// keep the order of the clients' first lines). Unknown values are NaN; the vector of a
// measure the data cannot give is empty (e.g. days_late without due and paid dates or a
// days-late column).
struct ClientsFromOrders {
    std::size_t lines = 0;             // lines read (including the skipped ones, not empty lines)
    std::size_t lines_used = 0;        // lines that count
    std::vector<SkippedLines> skipped; // in the order of LineProblem, then field
    DateReading dates;
    double analysis_date = 0; // NaN when there is no date at all
    bool has_revenue = false;
    bool has_profit = false;    // a profit or a cost column
    bool has_order_ids = false; // orders are distinct order ids (else lines)

    // The clients' keys and names: views of the texts kept in `texts`, valid as long as this
    // result or a copy of it lives (the copies share the texts).
    std::vector<std::string_view> key;
    std::vector<std::string_view> name; // the client (name) column's text, else the key
    std::shared_ptr<const KeyStore> texts;
    std::vector<double> revenue;
    std::vector<double> profit;
    std::vector<double> orders;
    std::vector<double> quantity;
    std::vector<double> first_order; // day numbers
    std::vector<double> last_order;
    std::vector<double> days_since_last_order;
    std::vector<double> usual_days_between_orders;
    std::vector<double> discount_share;
    std::vector<double> return_rate;
    std::vector<double> days_late;
    std::vector<double> complaints;
    std::vector<double> rush_share;
    // RFM (SPEC section 4) of clients with a last order and revenue >= 0; others 0 / Others.
    std::vector<int> rfm_score;
    std::vector<RfmSegment> rfm_segment;
    bool has_rfm = false;
    // The clients' repeat buying up to the analysis date in weeks (repeat_buying.hpp: one per
    // client, `bought` false for a client without a dated order by then); empty when the
    // data have no order dates.
    std::vector<RepeatBuying> repeat_buying;
    // Every dated order that counts: its client's row, its date, its amount (revenue, else
    // profit); empty when the data have no order dates. The cohorts are made from it.
    std::vector<Purchase> dated_orders;

    std::size_t clients() const { return key.size(); }
    std::size_t skipped_lines() const;
};

// Aggregates the lines per client by the rules of docs/orders.md:
// - the key is the client id column, else the client column; the name is the client
//   column's first non-empty text, else the key;
// - orders are distinct order ids of the client (a line without an id is an order of its
//   own), or lines where there is no order id column (as the R package `rfm` counts);
// - revenue is the sum of the amounts (negative lines subtract); profit the sum of the profit
//   column, else of amount - cost;
// - first and last order date, days since the last order (analysis date - last, at least 0),
//   usual days between orders ((last - first) / (distinct order days - 1), two days at least);
// - discount share: the share of the positive amounts sold at a discount;
// - return rate: returned orders / orders (an order is returned when a line is marked
//   returned, its id is in returned_orders, or a line's amount is negative);
// - days late: mean over the paid orders of max(0, paid - due), else the mean of the
//   days-late column (per order its largest value, negatives as 0);
// - complaints: disputed orders; rush share: rush orders / orders.
// Throws InvalidInput when neither a key (client or client id) nor an amount (revenue or
// profit) column is given, or (OrderLines) the columns differ in length. O(n log n).
ClientsFromOrders aggregate_orders(const LineSource& lines,
                                   const std::unordered_set<std::string>& returned_orders,
                                   const OrderSettings& settings = {});
ClientsFromOrders aggregate_orders(const OrderLines& lines, const OrderSettings& settings = {});

// The columns of a client table for client_table_from_fields() (unknown values are empty
// cells), with days since the last order and the usual interval already computed (the orders
// and the first and last order dates, which it would make them from, are left out).
FieldColumns client_fields(const ClientsFromOrders& clients);

// ---------------------------------------------------------------- the Clients sheet

// The columns of the Clients sheet before the results, in order. Each is a field of a client
// table, under the field's name (so that segmenting the sheet again reads them back).
enum class ClientsSheetFormat {
    Text,
    Number,  // a count or whole days
    Money,   // two decimals, grouped
    Decimal, // a mean: two decimals
    Date,
    Percent,
};
struct ClientsSheetColumn {
    Field field;
    ClientsSheetFormat format;
};

// The columns the data gives: the key (when it is an id), the name, revenue, profit, orders,
// first and last order date, days since the last order, usual days between orders, discount
// share, return rate, days late, complaints, rush share.
std::vector<ClientsSheetColumn> clients_sheet_columns(const ClientsFromOrders& clients);

// A client's value of a column (NaN when unknown; the key and the name are texts: NaN).
double clients_sheet_value(const ClientsFromOrders& clients, Field field, std::size_t row);

// "Clients", "Клиенты", "Asiakkaat".
const Localized& clients_sheet_name();
// "RFM score", "RFM segment" in the three languages.
const Localized& rfm_score_header();
const Localized& rfm_segment_header();

// ---------------------------------------------------------------- a purchase log

struct PurchaseLogRow {
    std::string client;
    RepeatBuying buying;
};

// The repeat-buying summary (repeat_buying.hpp) of a purchase log: `lines` maps ClientId,
// OrderDate and, when there are amounts, Revenue. A first line whose date is a text that is no
// date is a header and left out. The period ends at `end_day` (default: the latest date); t_x
// and T are in units of `days_per_unit` days. One row per client with a purchase by then, most
// valuable first. Throws InvalidInput naming the lines that cannot be read (a purchase is
// never dropped silently), for days_per_unit not positive, or for a log without a purchase.
std::vector<PurchaseLogRow> summarise_purchase_log(OrderLines lines, std::optional<double> end_day,
                                                   double days_per_unit);

// ---------------------------------------------------------------- texts

// "2 lines skipped: 1 report row (row 12); 1 with an unreadable date in «Order Date» (row 40)."
// Empty when no line was skipped. `headers` name the columns (indexed like the mapping).
std::string skipped_lines_text(const ClientsFromOrders& clients, const HeaderMapping& mapping,
                               const std::vector<std::string>& headers, Lang lang);

// "10194 order lines of 804 clients (key: Customer ID, shown as Customer Name; order dates
// 2023-01-03 to 2026-12-30, read as day/month/year)".
std::string orders_description(const ClientsFromOrders& clients, const HeaderMapping& mapping,
                               const std::vector<std::string>& headers, Lang lang);

} // namespace triage
