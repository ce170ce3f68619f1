// libFuzzer target: segment_clients() on arbitrary tables (any doubles: NaN, +-inf, huge,
// negative, denormal; empty cells, absent columns, columns of the wrong length) with arbitrary
// shares, rules and language. It may throw InvalidInput for the whole table; it must never
// crash, hit undefined behaviour, throw anything else, or break its own invariants.
#include "core/batch.hpp"
#include "core/error.hpp"

#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>

namespace {

void check(bool ok) {
    if (!ok) {
        std::abort();
    }
}

double any_double(FuzzedDataProvider& in) {
    constexpr double kSpecial[] = {
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.05,
        0.25,
        60.0,
        1e-310, // denormal
        -1e-310,
        std::numeric_limits<double>::min(),
        std::numeric_limits<double>::max(),
        -std::numeric_limits<double>::max(),
        std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity(),
        std::numeric_limits<double>::quiet_NaN(),
        std::numeric_limits<double>::epsilon(),
        1e15,
        4503599627370496.5,
    };
    switch (in.ConsumeIntegralInRange<int>(0, 3)) {
    case 0:
        return in.PickValueInArray(kSpecial);
    case 1:
        return static_cast<double>(in.ConsumeIntegralInRange<int>(-5, 400)) / 20.0;
    case 2:
        return in.ConsumeFloatingPoint<double>();
    default: {
        std::uint64_t bits = in.ConsumeIntegral<std::uint64_t>();
        double x;
        static_assert(sizeof x == sizeof bits);
        __builtin_memcpy(&x, &bits, sizeof x);
        return x;
    }
    }
}

triage::Column any_column(FuzzedDataProvider& in, std::size_t rows) {
    triage::Column column;
    const int shape = in.ConsumeIntegralInRange<int>(0, 9);
    if (shape == 0) {
        return column; // absent
    }
    const std::size_t size = shape == 1 ? in.ConsumeIntegralInRange<std::size_t>(0, rows + 2)
                                        : rows; // now and then the wrong length
    column.reserve(size);
    for (std::size_t i = 0; i < size; ++i) {
        if (in.ConsumeBool()) {
            column.push_back(std::nullopt);
        } else {
            column.push_back(any_double(in));
        }
    }
    return column;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const std::size_t rows = in.ConsumeIntegralInRange<std::size_t>(0, 48);

    triage::BatchSettings settings;
    if (in.ConsumeBool()) {
        settings.shares = {any_double(in), any_double(in)};
    } else {
        settings.shares = {in.ConsumeFloatingPointInRange<double>(0.01, 1.0),
                           in.ConsumeFloatingPointInRange<double>(0.01, 1.0)};
    }
    const int rules = in.ConsumeIntegralInRange<int>(0, 2);
    for (auto& rule : settings.rules) {
        if (rules == 1) {
            rule = {any_double(in), any_double(in), any_double(in)};
        } else if (rules == 2) {
            rule.good = in.ConsumeFloatingPointInRange<double>(0.0, 100.0);
            rule.bad = rule.good + in.ConsumeFloatingPointInRange<double>(0.001, 100.0) *
                                       (in.ConsumeBool() ? 1.0 : -1.0);
            rule.weight = in.ConsumeFloatingPointInRange<double>(1e-300, 1e300);
        }
    }
    settings.lang = static_cast<triage::Lang>(in.ConsumeIntegralInRange<int>(0, 2));

    triage::ClientTable table;
    table.value_kind = in.ConsumeBool() ? triage::ValueKind::Profit : triage::ValueKind::Revenue;
    table.value.reserve(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        if (in.ConsumeIntegralInRange<int>(0, 7) == 0) {
            table.value.push_back(std::nullopt);
        } else {
            table.value.push_back(any_double(in));
        }
    }
    for (auto& column : table.signals) {
        column = any_column(in, rows);
    }
    table.service_cost = any_column(in, rows);
    table.days_since_last_order = any_column(in, rows);
    table.usual_days_between_orders = any_column(in, rows);
    table.revenue = any_column(in, rows);

    triage::BatchResult result;
    try {
        result = triage::segment_clients(table, settings);
    } catch (const triage::InvalidInput&) {
        return 0; // a problem of the whole table
    }

    const triage::BatchSummary& s = result.summary;
    check(result.rows.size() == rows);
    check(s.rows == rows && s.segmented + s.errors == rows);
    check(result.errors.size() == s.errors);
    std::size_t by_tier = 0;
    std::size_t by_verdict = 0;
    for (const auto& g : s.by_tier) {
        by_tier += g.clients;
    }
    for (const auto& g : s.by_verdict) {
        by_verdict += g.clients;
    }
    check(by_tier == s.segmented && by_verdict == s.segmented);
    for (std::size_t k = 0; k < result.errors.size(); ++k) {
        // The safety net never fires: every bad input is caught as such.
        check(result.errors[k].error.problem != triage::RowProblem::Rejected);
        check(k == 0 || result.errors[k - 1].row < result.errors[k].row);
    }
    std::size_t chars = 0;
    for (std::size_t i = 0; i < rows; ++i) {
        const triage::RowResult& row = result.rows[i];
        check(row.ok() == (result.error_of(i) == nullptr));
        chars += result.reasons_text(row).size() + result.next_step_text(row).size() +
                 result.error_text(i).size();
        if (!row.ok()) {
            continue;
        }
        check(row.reason_count() <= triage::kMaxReasons);
        check(row.top_signal().has_value() == (row.reason_count() > 0));
        if (row.risk()) {
            check(*row.risk() >= 0.0 && *row.risk() <= 100.0);
            check(row.band() == triage::risk_band(*row.risk()));
        } else {
            check(row.band() == triage::Band::Low && row.reason_count() == 0);
        }
        check(row.reason_count() == triage::row_reasons(table, i, settings).size());
    }
    check(chars < std::numeric_limits<std::size_t>::max());
    return 0;
}
