#include "core/batch.hpp"

#include "core/error.hpp"
#include "core/hash_seed.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string_view>
#include <utility>

namespace triage {

namespace {

// ---------------------------------------------------------------- texts

// Indexed by RowProblem; the first "{}" is the column's name, the second the value.
constexpr std::array<Localized, 4> kProblemTexts = {{
    {"{}: the cell is empty", "«{}»: пустая ячейка", "{}: solu on tyhjä"},
    {"{} is not a number", "«{}»: не число", "{}: ei ole luku"},
    {"{} must not be negative ({})", "«{}»: отрицательное значение ({})",
     "{}: negatiivinen arvo ({})"},
    {"{}: the row could not be evaluated", "«{}»: строку не удалось обработать",
     "{}: riviä ei voitu käsitellä"},
}};

constexpr Localized kDecimalSeparator = {".", ",", ","};

std::string shown(double value, Lang lang) {
    char text[64];
    const int size = std::snprintf(text, sizeof text, "%g", value);
    if (size <= 0) {
        return "?";
    }
    std::string out(text, static_cast<std::size_t>(size) < sizeof text
                              ? static_cast<std::size_t>(size)
                              : sizeof text - 1);
    const std::size_t point = out.find('.');
    if (point != std::string::npos) {
        out.replace(point, 1, kDecimalSeparator.in(lang));
    }
    return out;
}

// ---------------------------------------------------------------- table checks

void require_rows(const Column& column, std::size_t rows, Field field) {
    if (present(column) && column.size() != rows) {
        throw InvalidInput("the " + std::string(field_key(field)) + " column has " +
                           std::to_string(column.size()) + " cells, the value column " +
                           std::to_string(rows));
    }
}

void validate_table(const ClientTable& table, const BatchSettings& settings) {
    validate_shares(settings.shares);
    validate_risk_rules(settings.rules);
    validate_band_limits(settings.bands);
    validate_verdict_rules(settings.verdicts);
    const std::size_t rows = table.rows();
    require_rows(table.revenue, rows, Field::Revenue);
    for (Signal s : kAllSignals) {
        require_rows(table.signals[signal_index(s)], rows, field_of(s));
    }
    require_rows(table.service_cost, rows, Field::ServiceCost);
    require_rows(table.days_since_last_order, rows, Field::DaysSinceLastOrder);
    require_rows(table.usual_days_between_orders, rows, Field::UsualDaysBetweenOrders);
    if (present(table.p_alive) && table.p_alive.size() != rows) {
        throw InvalidInput("the P(alive) column and the value column differ in length");
    }
    if (present(table.service_cost) && table.value_kind == ValueKind::Revenue &&
        !present(table.signals[signal_index(Signal::CostToServe)])) {
        throw InvalidInput("a service cost column needs a profit column: cost to serve is the "
                           "service cost divided by the profit");
    }
}

// ---------------------------------------------------------------- one row

// A cell that must be empty or a finite number >= 0 (signals, service cost, days). Returns
// the problem, if any.
// The problem of a cell that is not a finite number >= 0.
RowError cell_problem(double x, Field field) {
    if (!std::isfinite(x)) {
        return RowError{RowProblem::NotANumber, field, 0.0};
    }
    return RowError{RowProblem::Negative, field, x};
}

bool usable(double x) {
    return x >= 0.0 && x <= std::numeric_limits<double>::max(); // false for NaN too
}

std::optional<RowError> check_cell(const std::optional<double>& cell, Field field) {
    if (!cell || usable(*cell)) {
        return std::nullopt;
    }
    return cell_problem(*cell, field);
}

std::optional<double> cell_of(const Column& column, std::size_t row) {
    return present(column) ? column[row] : std::nullopt;
}

// The top reasons of one row: at most kMaxReasons, largest first.
struct TopReasons {
    std::array<Reason, kMaxReasons> items{};
    std::size_t count = 0;
};

// The signals contributing more than 0 points, largest first, ties in signal order, at most
// kMaxReasons: top_reasons() without its vector. Picks the largest remaining one (the first
// of equals) kMaxReasons times.
TopReasons collect_reasons(const SignalValues& values, const RiskResult& risk) {
    TopReasons top;
    std::array<double, kSignalCount> points = risk.points;
    for (; top.count < kMaxReasons; ++top.count) {
        std::size_t best = kSignalCount;
        double most = 0.0;
        for (std::size_t i = 0; i < kSignalCount; ++i) {
            if (points[i] > most) {
                most = points[i];
                best = i;
            }
        }
        if (best == kSignalCount) {
            break;
        }
        top.items[top.count] =
            Reason{static_cast<Signal>(best), values[best].value_or(0.0), points[best]};
        points[best] = 0.0;
    }
    return top;
}

struct RowInput {
    double value = 0;
    SignalValues signals{};
    bool any_signal = false;
    std::optional<double> days_since;
    std::optional<double> usual_days;
    std::optional<double> p_alive;
};

// What the batch knows about the whole table.
struct TableLayout {
    bool profit;         // the value is profit
    Field value_field;   // Profit or Revenue
    bool service_cost;   // cost_to_serve comes from the service cost column
    bool revenue_column; // a revenue column besides a profit value
};

TableLayout layout_of(const ClientTable& table) {
    const bool profit = table.value_kind == ValueKind::Profit;
    return {profit, profit ? Field::Profit : Field::Revenue,
            present(table.service_cost) &&
                !present(table.signals[signal_index(Signal::CostToServe)]),
            profit && present(table.revenue)};
}

// The value of a row, or its problem.
std::optional<RowError> check_value(const std::optional<double>& value, Field field) {
    if (!value) {
        return RowError{RowProblem::MissingValue, field, 0.0};
    }
    if (!std::isfinite(*value)) {
        return RowError{RowProblem::NotANumber, field, 0.0};
    }
    return std::nullopt;
}

// Reads and checks one row: the first problem in column order, or nothing.
std::optional<RowError> read_row(const ClientTable& table, std::size_t i, const TableLayout& layout,
                                 RowInput& in) {
    if (auto problem = check_value(table.value[i], layout.value_field)) {
        return problem;
    }
    in.value = *table.value[i];
    in.any_signal = false;
    for (Signal s : kAllSignals) {
        const std::size_t k = signal_index(s);
        const std::optional<double> cell = cell_of(table.signals[k], i);
        if (auto problem = check_cell(cell, field_of(s))) {
            return problem;
        }
        in.signals[k] = cell;
        in.any_signal = in.any_signal || cell.has_value();
    }
    if (layout.service_cost) {
        const std::optional<double>& cost = table.service_cost[i];
        if (auto problem = check_cell(cost, Field::ServiceCost)) {
            return problem;
        }
        if (cost) {
            in.signals[signal_index(Signal::CostToServe)] = cost_to_serve_ratio(*cost, in.value);
            in.any_signal = true;
        }
    }
    in.days_since = cell_of(table.days_since_last_order, i);
    if (auto problem = check_cell(in.days_since, Field::DaysSinceLastOrder)) {
        return problem;
    }
    in.usual_days = cell_of(table.usual_days_between_orders, i);
    if (auto problem = check_cell(in.usual_days, Field::UsualDaysBetweenOrders)) {
        return problem;
    }
    // The models' P(alive) (buying_forecast.hpp): a probability by construction; NaN is unknown.
    in.p_alive = cell_of(table.p_alive, i);
    if (in.p_alive && !std::isfinite(*in.p_alive)) {
        in.p_alive.reset();
    }
    return std::nullopt;
}

// Risk, band and reasons of a checked row (none without a signal: band Low).
TopReasons assess_row(const RowInput& in, const BatchSettings& settings,
                      std::optional<double>& risk, Band& band) {
    band = Band::Low;
    risk.reset();
    if (!in.any_signal) {
        return {};
    }
    const RiskResult result = checked_risk_score(in.signals, settings.rules);
    risk = result.score;
    band = risk_band(result.score, settings.bands);
    return collect_reasons(in.signals, result);
}

// ---------------------------------------------------------------- reasons texts

// The texts of single reasons, each formatted once per batch. The text of one reason depends
// only on its signal, its value as shown and its points as shown; a row's text is its
// reasons' texts joined by a separator. Both facts are checked against format_reasons()
// itself: the separator is derived from it, and where its output is not such a join, a
// row's whole text becomes one entry. The unit tests compare the batch's texts with
// format_reasons() row by row.
class ReasonTexts {
public:
    ReasonTexts(Lang lang, std::vector<std::string>& texts) : lang_(lang), texts_(texts) {
        const Reason first{Signal::DaysLate, 45.0, 17.0};
        const Reason second{Signal::ReturnRate, 0.18, 4.0};
        const std::string a = format_reasons({first}, lang);
        const std::string b = format_reasons({second}, lang);
        const std::string both = format_reasons({first, second}, lang);
        joinable_ = both.size() > a.size() + b.size() && both.compare(0, a.size(), a) == 0 &&
                    both.compare(both.size() - b.size(), b.size(), b) == 0;
        if (joinable_) {
            separator_ = both.substr(a.size(), both.size() - a.size() - b.size());
        }
    }

    const std::string& separator() const { return separator_; }

    // The ids of a row's texts in `ids`; returns how many.
    std::size_t ids(const TopReasons& top, std::array<std::uint32_t, kMaxReasons>& ids) {
        if (top.count == 0) {
            return 0;
        }
        if (!joinable_) {
            ids[0] = add(format_reasons(
                std::vector<Reason>(top.items.begin(), top.items.begin() + top.count), lang_));
            return 1;
        }
        for (std::size_t k = 0; k < top.count; ++k) {
            ids[k] = id_of(top.items[k]);
        }
        return top.count;
    }

private:
    // An open-addressing hash table of the ids (a reason text lookup per reason of every
    // row: a node-based map's cache misses dominated the batch).
    struct Slot {
        std::uint64_t number = 0; // the value as shown, or its bits
        std::uint32_t tag = 0;    // signal, points as shown, which kind of number; 0: empty
        std::uint32_t id = 0;
    };

    static std::size_t hash(std::uint64_t number, std::uint32_t tag) {
        // Seeded like the aggregation's (hash_seed.hpp): values chosen to share a slot cannot
        // be worked out in advance.
        std::uint64_t h = (number ^ (std::uint64_t{tag} << 40) ^ kHashSeed) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9ull;
        return static_cast<std::size_t>(h ^ (h >> 32));
    }

    void grow() {
        std::vector<Slot> old(slots_.empty() ? 1024 : slots_.size() * 2);
        old.swap(slots_);
        const std::size_t mask = slots_.size() - 1;
        for (const Slot& slot : old) {
            if (slot.tag != 0) {
                std::size_t at = hash(slot.number, slot.tag) & mask;
                while (slots_[at].tag != 0) {
                    at = (at + 1) & mask;
                }
                slots_[at] = slot;
            }
        }
    }

    // round(x * scale) as the formatter shows x with log10(scale) decimals ("%.1f" for
    // scale 10), or nullopt where that is not certain: an exact tie (the tie rule is the C
    // library's), a negative or huge x. fma gives the exact sign of x * scale - c.
    static std::optional<std::uint64_t> shown_key(double x, double scale) {
        constexpr double kLimit = 1e15;
        if (!(x >= 0.0) || !(x * scale < kLimit)) {
            return std::nullopt;
        }
        double k = std::floor(x * scale);
        if (std::fma(x, scale, -k) < 0.0) {
            k -= 1.0;
        }
        const double above_half = std::fma(x, scale, -(k + 0.5));
        if (above_half == 0.0) {
            return std::nullopt;
        }
        return static_cast<std::uint64_t>(above_half > 0.0 ? k + 1.0 : k);
    }

    // The number a reason shows, as a key (as reasons.cpp shows it: days and counts with 1
    // decimal, shares as a percentage with 1 decimal, ratios with 2 decimals).
    static std::optional<std::uint64_t> value_key(Signal signal, double value) {
        switch (signal) {
        case Signal::DaysLate:
        case Signal::ApprovalDays:
        case Signal::Complaints:
            return shown_key(value, 10.0);
        case Signal::ReturnRate:
        case Signal::DiscountShare:
        case Signal::RushShare:
            return shown_key(value * 100.0, 10.0);
        case Signal::CostToServe:
        case Signal::ScopeCreep:
            return shown_key(value, 100.0);
        }
        return std::nullopt;
    }

    std::uint32_t add(std::string text) {
        texts_.push_back(std::move(text));
        return static_cast<std::uint32_t>(texts_.size() - 1);
    }

    std::uint32_t id_of(const Reason& reason) {
        // The points as format_reasons() shows them: the rounded whole number, all < 1 alike.
        const double rounded = std::round(reason.points);
        const auto points = static_cast<std::uint32_t>(rounded < 1.0 ? 0.0 : rounded);
        const std::optional<std::uint64_t> shown = value_key(reason.signal, reason.value);
        std::uint64_t bits = 0;
        std::memcpy(&bits, &reason.value, sizeof bits);
        const std::uint64_t number = shown ? *shown : bits;
        // Never 0 (bit 24 is set).
        const std::uint32_t tag = static_cast<std::uint32_t>(signal_index(reason.signal)) << 16 |
                                  points << 1 | (shown ? 1u : 0u) | 1u << 24;
        if (2 * (used_ + 1) > slots_.size()) {
            grow();
        }
        const std::size_t mask = slots_.size() - 1;
        std::size_t at = hash(number, tag) & mask;
        while (slots_[at].tag != 0) {
            if (slots_[at].tag == tag && slots_[at].number == number) {
                return slots_[at].id;
            }
            at = (at + 1) & mask;
        }
        const std::uint32_t id = add(format_reasons({reason}, lang_));
        slots_[at] = Slot{number, tag, id};
        ++used_;
        return id;
    }

    Lang lang_;
    std::vector<std::string>& texts_;
    bool joinable_ = false;
    std::string separator_;
    std::vector<Slot> slots_; // a power of two, at most half full
    std::size_t used_ = 0;
};

// A sum kept in long double back to double; beyond double's range it is +-infinity (an
// out-of-range floating conversion is undefined behaviour).
double to_double(long double sum) {
    constexpr long double kMax = std::numeric_limits<double>::max();
    if (sum > kMax) {
        return std::numeric_limits<double>::infinity();
    }
    if (sum < -kMax) {
        return -std::numeric_limits<double>::infinity();
    }
    return static_cast<double>(sum);
}

struct Sums {
    long double profit = 0;
    long double revenue = 0;
};

} // namespace

// Writes the packed fields of RowResult.
struct RowBuilder {
    static void set_reasons(RowResult& row, const std::array<std::uint32_t, kMaxReasons>& ids,
                            std::size_t count) {
        row.reasons_ = ids;
        row.reason_count_ = static_cast<std::uint8_t>(count);
    }
};

RowResult::RowResult(Tier tier, std::optional<double> risk, Band band, Verdict verdict,
                     std::optional<Signal> top_signal)
    : risk_(risk.value_or(0.0)), tier_(static_cast<std::uint8_t>(tier)),
      band_(static_cast<std::uint8_t>(band)), verdict_(static_cast<std::uint8_t>(verdict)),
      top_(static_cast<std::uint8_t>(top_signal ? signal_index(*top_signal) : kSignalCount)),
      has_risk_(risk.has_value()), ok_(true) {}

std::string row_error_message(const RowError& error, Lang lang) {
    const Localized& pattern = kProblemTexts[static_cast<std::size_t>(error.problem)];
    const std::string value =
        error.problem == RowProblem::Negative ? shown(error.value, lang) : std::string();
    return fill_placeholders(pattern.in(lang), {field_name(error.field).in(lang), value});
}

std::string BatchResult::reasons_text(const RowResult& row) const {
    std::string out;
    if (!row.ok()) {
        return out;
    }
    std::size_t size = 0;
    for (std::size_t k = 0; k < row.reason_count_; ++k) {
        size += reason_texts[row.reasons_[k]].size() + (k > 0 ? reason_separator.size() : 0);
    }
    out.reserve(size);
    for (std::size_t k = 0; k < row.reason_count_; ++k) {
        if (k > 0) {
            out += reason_separator;
        }
        out += reason_texts[row.reasons_[k]];
    }
    return out;
}

const std::string& BatchResult::next_step_text(const RowResult& row) const {
    static const std::string kNone;
    if (!row.ok()) {
        return kNone;
    }
    return next_steps[row.verdict_][row.top_];
}

const RowError* BatchResult::error_of(std::size_t row) const {
    const auto at = std::lower_bound(errors.begin(), errors.end(), row,
                                     [](const RowErrorAt& e, std::size_t r) { return e.row < r; });
    return at != errors.end() && at->row == row ? &at->error : nullptr;
}

std::string BatchResult::error_text(std::size_t row) const {
    const RowError* error = error_of(row);
    return error ? row_error_message(*error, lang) : std::string();
}

BatchResult segment_clients(const ClientTable& table, const BatchSettings& settings) {
    validate_table(table, settings);
    const std::size_t n = table.rows();
    const TableLayout layout = layout_of(table);

    BatchResult result;
    result.lang = settings.lang;
    for (Verdict v : kAllVerdicts) {
        auto& steps = result.next_steps[static_cast<std::size_t>(v)];
        for (Signal s : kAllSignals) {
            steps[signal_index(s)] = next_step(v, s, settings.lang);
        }
        steps[kSignalCount] = next_step(v, std::nullopt, settings.lang);
    }

    // Pass 1: the population of the cut-offs, every present and finite value.
    std::vector<double> population;
    population.reserve(n);
    for (const std::optional<double>& v : table.value) {
        if (v && std::isfinite(*v) && *v > 0.0) {
            population.push_back(*v);
        }
    }
    const TierCutoffs cutoffs = tier_cutoffs(std::move(population), settings.shares);

    // Pass 2: every row.
    BatchSummary& summary = result.summary;
    summary.rows = n;
    summary.cutoffs = cutoffs;
    summary.has_profit = layout.profit;
    summary.has_revenue = !layout.profit || layout.revenue_column;
    std::array<Sums, 4> tier_sums{};
    std::array<Sums, kVerdictCount> verdict_sums{};
    result.rows.reserve(n);
    ReasonTexts texts(settings.lang, result.reason_texts);
    result.reason_separator = texts.separator();
    RowInput in;
    for (std::size_t i = 0; i < n; ++i) {
        std::optional<RowError> error;
        TopReasons top;
        RowResult row;
        try {
            error = read_row(table, i, layout, in);
            if (!error) {
                const Tier tier = tier_of(in.value, cutoffs);
                std::optional<double> risk;
                Band band = Band::Low;
                top = assess_row(in, settings, risk, band);
                const Verdict verdict = verdict_for(tier, band, in.days_since, in.usual_days,
                                                    settings.verdicts, in.p_alive);
                row = RowResult(tier, risk, band, verdict,
                                top.count > 0 ? std::optional<Signal>(top.items[0].signal)
                                              : std::nullopt);
            }
        } catch (const InvalidInput&) {
            // Every input the core functions reject is caught by read_row() first; this is
            // the safety net that keeps one row from stopping the batch.
            error = RowError{RowProblem::Rejected, layout.value_field, 0.0};
        }
        if (error) {
            result.rows.emplace_back();
            result.errors.push_back({i, *error});
            continue;
        }
        std::array<std::uint32_t, kMaxReasons> ids{};
        RowBuilder::set_reasons(row, ids, texts.ids(top, ids));
        result.rows.push_back(row);
        const double row_profit = layout.profit ? in.value : 0.0;
        double row_revenue = layout.profit ? 0.0 : in.value;
        if (layout.revenue_column) {
            const std::optional<double>& r = table.revenue[i];
            row_revenue = r && std::isfinite(*r) ? *r : 0.0;
        }
        const auto t = static_cast<std::size_t>(row.tier());
        const auto v = static_cast<std::size_t>(row.verdict());
        ++summary.by_tier[t].clients;
        tier_sums[t].profit += row_profit;
        tier_sums[t].revenue += row_revenue;
        ++summary.by_verdict[v].clients;
        verdict_sums[v].profit += row_profit;
        verdict_sums[v].revenue += row_revenue;
    }
    summary.errors = result.errors.size();
    summary.segmented = n - summary.errors;
    for (std::size_t t = 0; t < tier_sums.size(); ++t) {
        summary.by_tier[t].profit = to_double(tier_sums[t].profit);
        summary.by_tier[t].revenue = to_double(tier_sums[t].revenue);
    }
    for (std::size_t v = 0; v < kVerdictCount; ++v) {
        summary.by_verdict[v].profit = to_double(verdict_sums[v].profit);
        summary.by_verdict[v].revenue = to_double(verdict_sums[v].revenue);
    }
    return result;
}

std::vector<Reason> row_reasons(const ClientTable& table, std::size_t row,
                                const BatchSettings& settings) {
    validate_table(table, settings);
    if (row >= table.rows()) {
        throw InvalidInput("row " + std::to_string(row) + " is outside the table of " +
                           std::to_string(table.rows()) + " rows");
    }
    RowInput in;
    if (read_row(table, row, layout_of(table), in)) {
        return {};
    }
    std::optional<double> risk;
    Band band = Band::Low;
    const TopReasons top = assess_row(in, settings, risk, band);
    return std::vector<Reason>(top.items.begin(), top.items.begin() + top.count);
}

} // namespace triage
