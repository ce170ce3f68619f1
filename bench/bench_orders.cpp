// From order lines to segmented clients (core/transactions + core/batch): 1,000,000 order
// lines of 100,000 clients as a sheet hands them over (ids and names as text, dates and money
// as numbers, a Yes/No returned flag), aggregated into clients, then segmented. Target (issue
// "Orders and invoices in"): under 0.5 s on one core.
#include "core/batch.hpp"
#include "core/buying_forecast.hpp"
#include "core/cohorts.hpp"
#include "core/transactions.hpp"
#include "core/values.hpp"

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdio>
#include <random>
#include <string>

namespace {

constexpr std::size_t kLines = 1'000'000;
constexpr std::size_t kClients = 100'000;

triage::OrderLines make_lines(std::size_t n, std::size_t clients) {
    using triage::Field;
    using triage::RawCell;
    std::mt19937_64 rng(20261201);
    std::uniform_int_distribution<std::size_t> client(0, clients - 1);
    std::geometric_distribution<int> lines_per_order(0.4);
    std::uniform_int_distribution<int> day(0, 729);
    std::lognormal_distribution<double> amount(3.5, 1.0);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    triage::OrderLines lines;
    for (Field f : {Field::ClientId, Field::Client, Field::OrderId, Field::OrderDate,
                    Field::Revenue, Field::Profit, Field::Discount, Field::Returned}) {
        lines.of(f).reserve(n);
    }
    const double start = triage::serial_from_civil(2025, 1, 1);
    std::size_t order = 0;
    char text[32];
    while (lines.lines() < n) {
        const std::size_t c = client(rng);
        const double date = start + day(rng);
        const bool returned = unit(rng) < 0.05;
        std::snprintf(text, sizeof text, "ORD-%08zu", ++order);
        const std::string id = text;
        std::snprintf(text, sizeof text, "C%06zu", c);
        const std::string key = text;
        std::snprintf(text, sizeof text, "Client %zu Ltd", c);
        const std::string name = text;
        for (int k = 0; k <= lines_per_order(rng) && lines.lines() < n; ++k) {
            const double a = amount(rng);
            lines.of(Field::ClientId).push_back(RawCell::of_text(key));
            lines.of(Field::Client).push_back(RawCell::of_text(name));
            lines.of(Field::OrderId).push_back(RawCell::of_text(id));
            lines.of(Field::OrderDate).push_back(RawCell::of_number(date));
            lines.of(Field::Revenue).push_back(RawCell::of_number(a));
            lines.of(Field::Profit).push_back(RawCell::of_number(a * (unit(rng) - 0.2)));
            lines.of(Field::Discount).push_back(RawCell::of_number(unit(rng) < 0.3 ? 0.1 : 0.0));
            lines.of(Field::Returned).push_back(RawCell::of_text(returned ? "Yes" : "No"));
        }
    }
    return lines;
}

// Minor page faults of the process so far (fresh pages: ~12 µs each on the VM of
// BENCHMARKS.md).
long page_faults() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_minflt;
}

void BM_AggregateAndSegmentOrders(benchmark::State& state) {
    const triage::OrderLines lines = make_lines(kLines, kClients);
    std::size_t clients = 0;
    const long faults_before = page_faults();
    for (auto _ : state) {
        const triage::ClientsFromOrders c = triage::aggregate_orders(lines);
        const triage::ClientTable table =
            triage::client_table_from_fields(triage::client_fields(c), c.analysis_date);
        const triage::BatchResult result = triage::segment_clients(table);
        clients = result.rows.size();
        benchmark::DoNotOptimize(result.summary.segmented);
    }
    state.counters["clients"] = static_cast<double>(clients);
    state.counters["page_faults"] = benchmark::Counter(
        static_cast<double>(page_faults() - faults_before), benchmark::Counter::kAvgIterations);
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kLines));
}
BENCHMARK(BM_AggregateAndSegmentOrders)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_AggregateOrders(benchmark::State& state) {
    const triage::OrderLines lines = make_lines(kLines, kClients);
    for (auto _ : state) {
        const triage::ClientsFromOrders c = triage::aggregate_orders(lines);
        benchmark::DoNotOptimize(c.key.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kLines));
}
BENCHMARK(BM_AggregateOrders)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

namespace {

// The buying models on the same clients, as the segmentation of the export runs them after the
// aggregation: both fits, then P(alive), 12-month expected orders and CLV per client.
void BM_ForecastOrders(benchmark::State& state) {
    const triage::ClientsFromOrders c = triage::aggregate_orders(make_lines(kLines, kClients));
    for (auto _ : state) {
        const triage::BuyingForecast f = triage::forecast_buying(c.repeat_buying);
        benchmark::DoNotOptimize(f.clv.data());
    }
    state.counters["clients"] = static_cast<double>(c.clients());
}
BENCHMARK(BM_ForecastOrders)->Unit(benchmark::kMillisecond)->UseRealTime();

// The Cohorts sheet's table of the same clients: monthly cohorts of their dated orders.
void BM_CohortTable(benchmark::State& state) {
    const triage::ClientsFromOrders c = triage::aggregate_orders(make_lines(kLines, kClients));
    std::size_t cohorts = 0;
    for (auto _ : state) {
        const triage::CohortTable t =
            triage::cohort_table(c.dated_orders, c.clients(), c.analysis_date);
        cohorts = t.cohorts.size();
        benchmark::DoNotOptimize(t.sizes.data());
    }
    state.counters["orders"] = static_cast<double>(c.dated_orders.size());
    state.counters["cohorts"] = static_cast<double>(cohorts);
}
BENCHMARK(BM_CohortTable)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
