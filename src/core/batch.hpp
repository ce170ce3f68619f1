// Segmenting a whole client table in one call (SPEC sections 1-3 and 7): what the sidebar runs
// on up to 1,048,576 rows. Per row the tier, risk, band, verdict, reasons and next step; per
// tier and per verdict the totals the summary sheet shows. A bad row never stops the batch.
#pragma once

#include "core/headers.hpp"
#include "core/lang.hpp"
#include "core/reasons.hpp"
#include "core/risk.hpp"
#include "core/signal.hpp"
#include "core/tier.hpp"
#include "core/verdict.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace triage {

// ---------------------------------------------------------------- input

// One column of a client table, one cell per row. nullopt is an empty cell. A cell that holds
// something other than a number (text, a Calc error) should be passed as NaN: the row then
// gets a "not a number" error instead of being read as empty. A column with no cells at all
// is absent (the table has no such column).
using Column = std::vector<std::optional<double>>;

// Whether the table has the column (a column with no cells is absent).
inline bool present(const Column& column) {
    return !column.empty();
}

// What the value column holds: profit, or revenue where the table has no profit column.
enum class ValueKind { Profit, Revenue };

struct ClientTable {
    // Required: one cell per client. Tiers are computed from it.
    Column value;
    ValueKind value_kind = ValueKind::Profit;
    // Optional: revenue, only summed into the summary (when value_kind is Profit; with
    // Revenue the value column is the revenue). Empty or non-numeric cells add nothing and
    // are no error: nothing is computed from them.
    Column revenue;
    // Optional, indexed by signal_index(): each signal in its natural unit.
    std::array<Column, kSignalCount> signals;
    // Optional money column: cost_to_serve = cost_to_serve_ratio(service cost, value). Used
    // only when the table has no cost_to_serve column (the whole column is absent), and only
    // with a profit value.
    Column service_cost;
    // Optional: for the Win back override (is_lapsed()).
    Column days_since_last_order;
    Column usual_days_between_orders;
    // Optional: the probability that the client is still a client (buying_forecast.hpp), for
    // the lapse rule's P(alive) threshold. NaN is unknown.
    Column p_alive;

    std::size_t rows() const { return value.size(); }
};

// The rules a batch segments by (the spec's defaults unless set; rules.hpp's
// batch_settings() takes them from a RuleSet) and the language of its texts.
struct BatchSettings {
    TierShares shares;
    RiskRules rules = default_risk_rules();
    Lang lang = Lang::En;
    BandLimits bands;
    VerdictRules verdicts; // the verdict table and the lapse rule
};

// ---------------------------------------------------------------- per row

// What is wrong with a row. A row gets the first problem found, in column order: the value,
// the signals in signal order, the service cost, days since the last order, usual days
// between orders.
enum class RowProblem {
    MissingValue, // the value cell is empty
    NotANumber,   // a cell is NaN or infinite (also text passed as NaN)
    Negative,     // a signal, a service cost or a number of days below 0
    Rejected,     // a core function refused the row for another reason (not expected)
};

struct RowError {
    RowProblem problem;
    Field field;      // the column: Profit or Revenue for the value, a signal's field, ...
    double value = 0; // the offending number (Negative)
};

// "Complaints must not be negative (-2)", "«Жалобы»: ...", in the given language.
std::string row_error_message(const RowError& error, Lang lang);

constexpr std::size_t kMaxReasons = 3;

struct BatchResult;

// The result of one row, packed into 32 bytes (a table of 1,048,576 rows: 32 MB). A row is
// either segmented (ok()) or has an error (BatchResult::error_of()); the accessors other
// than ok() mean nothing for an error row.
class RowResult {
public:
    // An error row.
    RowResult() = default;
    // A segmented row without reasons.
    RowResult(Tier tier, std::optional<double> risk, Band band, Verdict verdict,
              std::optional<Signal> top_signal = std::nullopt);

    bool ok() const { return ok_; }
    Tier tier() const { return static_cast<Tier>(tier_); }
    // The risk score 0..100; nullopt when the row has no signal at all (every signal cell is
    // empty or there are no signal columns). Such a row is treated as band Low: its verdict
    // follows from its tier (and lapse), it has no reasons and the generic next step.
    std::optional<double> risk() const {
        return has_risk_ ? std::optional<double>(risk_) : std::nullopt;
    }
    Band band() const { return static_cast<Band>(band_); }
    Verdict verdict() const { return static_cast<Verdict>(verdict_); }
    // The signal contributing most (as top_signal()); nullopt when none contributes.
    std::optional<Signal> top_signal() const {
        return top_ < kSignalCount ? std::optional<Signal>(static_cast<Signal>(top_))
                                   : std::nullopt;
    }
    // How many reasons the Why text joins (at most kMaxReasons).
    std::size_t reason_count() const { return reason_count_; }

private:
    friend struct RowBuilder; // batch.cpp
    friend struct BatchResult;

    double risk_ = 0;
    // Indices into BatchResult::reason_texts.
    std::array<std::uint32_t, kMaxReasons> reasons_{};
    std::uint8_t tier_ = 0;
    std::uint8_t band_ = 0;
    std::uint8_t verdict_ = 0;
    std::uint8_t top_ = kSignalCount; // kSignalCount: none
    std::uint8_t reason_count_ = 0;
    bool has_risk_ = false;
    bool ok_ = false;
};

struct RowErrorAt {
    std::size_t row;
    RowError error;
};

// ---------------------------------------------------------------- summary

struct GroupTotals {
    std::size_t clients = 0;
    double profit = 0;  // sum of the value column when it is profit (else 0)
    double revenue = 0; // sum of the revenue column, or of the value column when it is revenue
};

struct BatchSummary {
    std::size_t rows = 0;
    std::size_t segmented = 0; // rows without error; = the clients of all tiers = of all verdicts
    std::size_t errors = 0;    // rows with an error; segmented + errors = rows
    bool has_profit = false;   // the profit sums mean something
    bool has_revenue = false;  // the revenue sums mean something
    TierCutoffs cutoffs;       // of the population of all valid values
    std::array<GroupTotals, 4> by_tier{};                // indexed by Tier
    std::array<GroupTotals, kVerdictCount> by_verdict{}; // indexed by Verdict

    const GroupTotals& of(Tier tier) const { return by_tier[static_cast<std::size_t>(tier)]; }
    const GroupTotals& of(Verdict verdict) const {
        return by_verdict[static_cast<std::size_t>(verdict)];
    }
};

// ---------------------------------------------------------------- the batch

struct BatchResult {
    Lang lang = Lang::En;
    std::vector<RowResult> rows;    // one per input row, same order
    std::vector<RowErrorAt> errors; // one per error row, ascending by row
    BatchSummary summary;
    // The distinct texts of one reason in this batch ("late payment 45 days (+17)"), each
    // formatted once; rows refer to them. A row's Why text joins its reasons' texts with
    // reason_separator, as format_reasons() does.
    std::vector<std::string> reason_texts;
    std::string reason_separator;
    // The next-step texts of this language, built once: [verdict][signal_index(top) or
    // kSignalCount for none].
    std::array<std::array<std::string, kSignalCount + 1>, kVerdictCount> next_steps;

    // The Why text: format_reasons() of the row's top reasons (at most kMaxReasons); "" for
    // an error row or a row without reasons. Allocates only the returned string.
    std::string reasons_text(const RowResult& row) const;
    // next_step(verdict, top signal, lang) of a row; "" for an error row.
    const std::string& next_step_text(const RowResult& row) const;
    // The error of a row, nullptr for a segmented row. O(log errors).
    const RowError* error_of(std::size_t row) const;
    // The error of a row in this language; "" for a segmented row.
    std::string error_text(std::size_t row) const;
};

// Segments a client table:
// - the population of the tier cut-offs is every row's value that is present and finite
//   (also of rows that fail for another reason: a typo in a signal does not move other
//   clients' tiers);
// - a row whose value is missing or not finite, or with a negative or non-finite signal,
//   service cost or number of days, gets an error and is left out of the summary; the
//   other rows are computed;
// - otherwise tier_of(value), risk_score() of the given signals (none given: no risk, band
//   Low), verdict_for(tier, band, days since, usual days), top reasons, next step.
// Throws InvalidInput only for a problem of the whole table: invalid shares, rules, band
// limits or verdict rules, risk weights whose sum is not finite, a present column whose
// length differs from the value column's, or a service cost column with a revenue value (no
// profit to divide by).
// O(n log n) for the one sort of the cut-offs, O(n) otherwise; no heap allocation per row
// (a reason text is formatted once per batch for each distinct signal, shown value and
// shown points, and rows refer to it).
BatchResult segment_clients(const ClientTable& table, const BatchSettings& settings = {});

// The top reasons (at most kMaxReasons) of one row of the table as segment_clients() sees it:
// empty for a row with an error or without a contributing signal. Throws InvalidInput as
// segment_clients() does for the whole table, and for a row index out of range.
std::vector<Reason> row_reasons(const ClientTable& table, std::size_t row,
                                const BatchSettings& settings = {});

} // namespace triage
