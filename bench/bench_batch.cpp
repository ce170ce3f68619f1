// Segmentation of a whole client table (core/batch): 1,000,000 clients with all eight signals
// and the days-since / usual-interval columns.
#include "core/batch.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstddef>
#include <random>

namespace {

constexpr std::size_t kClients = 1'000'000;

// A realistic table: profits log-normal (a few large clients, a long tail) with about one
// client in seven loss-making, signals skewed towards good with a few bad clients, about 5%
// empty cells per signal column.
triage::ClientTable make_table(std::size_t n) {
    std::mt19937_64 rng(20240601);
    std::lognormal_distribution<double> profit(7.0, 1.6);
    std::bernoulli_distribution loss(0.14);
    std::bernoulli_distribution empty(0.05);
    std::exponential_distribution<double> late(1.0 / 12.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::poisson_distribution<int> complaints(1.2);
    std::lognormal_distribution<double> cost_ratio(-1.3, 0.8);
    std::exponential_distribution<double> approval(1.0 / 7.0);
    std::exponential_distribution<double> since(1.0 / 60.0);
    std::uniform_real_distribution<double> usual(10.0, 120.0);

    triage::ClientTable table;
    table.value.resize(n);
    table.revenue.resize(n);
    for (auto& column : table.signals) {
        column.resize(n);
    }
    table.days_since_last_order.resize(n);
    table.usual_days_between_orders.resize(n);
    const auto maybe = [&](double x) -> std::optional<double> {
        return empty(rng) ? std::nullopt : std::optional<double>(x);
    };
    using triage::Signal;
    using triage::signal_index;
    for (std::size_t i = 0; i < n; ++i) {
        const double p = profit(rng);
        table.value[i] = loss(rng) ? -0.2 * p : p;
        table.revenue[i] = 4.0 * p;
        const double u = unit(rng);
        table.signals[signal_index(Signal::DaysLate)][i] = maybe(late(rng));
        table.signals[signal_index(Signal::ReturnRate)][i] = maybe(0.5 * u * u);
        table.signals[signal_index(Signal::Complaints)][i] = maybe(complaints(rng));
        table.signals[signal_index(Signal::DiscountShare)][i] = maybe(unit(rng));
        table.signals[signal_index(Signal::CostToServe)][i] = maybe(cost_ratio(rng));
        table.signals[signal_index(Signal::ApprovalDays)][i] = maybe(approval(rng));
        table.signals[signal_index(Signal::ScopeCreep)][i] = maybe(0.6 * unit(rng));
        table.signals[signal_index(Signal::RushShare)][i] = maybe(0.5 * unit(rng));
        table.days_since_last_order[i] = since(rng);
        table.usual_days_between_orders[i] = usual(rng);
    }
    return table;
}

const triage::ClientTable& table() {
    static const triage::ClientTable t = make_table(kClients);
    return t;
}

// The batch: tier, risk, band, verdict, top signal, reason text ids and the summary.
void BM_SegmentClients(benchmark::State& state) {
    const triage::ClientTable& t = table();
    triage::BatchSettings settings;
    settings.lang = static_cast<triage::Lang>(state.range(0));
    for (auto _ : state) {
        triage::BatchResult result = triage::segment_clients(t, settings);
        benchmark::DoNotOptimize(result.summary.segmented);
        benchmark::ClobberMemory();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * t.rows()));
}

// The batch, then every row's Why and Next step text as a string (what the sidebar copies
// into the sheet).
void BM_SegmentClientsAndTexts(benchmark::State& state) {
    const triage::ClientTable& t = table();
    triage::BatchSettings settings;
    settings.lang = static_cast<triage::Lang>(state.range(0));
    for (auto _ : state) {
        triage::BatchResult result = triage::segment_clients(t, settings);
        std::size_t chars = 0;
        for (const triage::RowResult& row : result.rows) {
            const std::string why = result.reasons_text(row);
            chars += why.size() + result.next_step_text(row).size();
        }
        benchmark::DoNotOptimize(chars);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * t.rows()));
}

} // namespace

BENCHMARK(BM_SegmentClients)
    ->Arg(static_cast<int>(triage::Lang::En))
    ->Arg(static_cast<int>(triage::Lang::Ru))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_SegmentClientsAndTexts)
    ->Arg(static_cast<int>(triage::Lang::En))
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
