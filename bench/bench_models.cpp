// The buying models (core/bgnbd, core/gamma_gamma, core/buying_forecast). Targets (issue "Who
// is still a client"): the BG/NBD fit of CDNOW_master's 23,570 clients under 0.5 s and of
// 1,000,000 clients under 10 s on one core.
#include "core/bgnbd.hpp"
#include "core/buying_forecast.hpp"
#include "core/repeat_buying.hpp"
#include "core/values.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

namespace {

// CDNOW_master.txt summarised for the 39-week calibration period (weeks), as lifetimes does.
std::vector<triage::RepeatBuying> cdnow_master() {
    std::ifstream in(std::string(TRIAGE_SHARED_DATA) + "/cdnow/CDNOW_master.txt");
    std::string line;
    std::getline(in, line); // header
    std::vector<triage::Purchase> purchases;
    std::size_t clients = 0;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::size_t id = 0;
        std::string date;
        double cds = 0, dollars = 0;
        fields >> id >> date >> cds >> dollars;
        const double day =
            triage::serial_from_civil(std::stoi(date.substr(0, 4)), std::stoi(date.substr(4, 2)),
                                      std::stoi(date.substr(6, 2)));
        purchases.push_back({id - 1, day, dollars});
        clients = std::max(clients, id);
    }
    return triage::summarise_repeat_buying(
        purchases, clients, triage::serial_from_civil(1997, 9, 30), triage::kDaysPerWeek);
}

std::vector<triage::RepeatSummary> summaries(const std::vector<triage::RepeatBuying>& clients) {
    std::vector<triage::RepeatSummary> out;
    for (const auto& c : clients) {
        out.push_back(c.summary);
    }
    return out;
}

// Clients drawn from the BG/NBD process itself (CDNOW's parameters, per week): first purchase
// on a day of a 12-week window, observed for 39 weeks after the window's start; purchase
// times and dropout simulated in days, so the summaries are whole days / 7 as in real data.
std::vector<triage::RepeatSummary> simulated(std::size_t n) {
    std::mt19937_64 rng(20261201);
    std::gamma_distribution<double> lambda(0.2426, 1 / 4.414);
    std::gamma_distribution<double> beta_a(0.7929, 1.0), beta_b(2.426, 1.0);
    std::uniform_int_distribution<int> first_day(0, 83);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<triage::RepeatSummary> out(n);
    for (auto& c : out) {
        const double rate = lambda(rng) / 7; // per day
        const double ga = beta_a(rng), gb = beta_b(rng);
        const double p = ga / (ga + gb);
        const int T = 273 - first_day(rng);
        double t = 0;
        int last = 0, x = 0;
        while (rate > 0) {
            t += -std::log(1 - unit(rng)) / rate;
            if (t > T) {
                break;
            }
            if (static_cast<int>(t) > last) { // a new purchase day
                ++x;
                last = static_cast<int>(t);
            }
            if (unit(rng) < p) {
                break; // dropped out after this purchase
            }
        }
        c = {static_cast<double>(x), x > 0 ? last / 7.0 : 0.0, T / 7.0};
    }
    return out;
}

void BM_FitCdnowMaster(benchmark::State& state) {
    const auto clients = summaries(cdnow_master());
    for (auto _ : state) {
        state.counters["evaluations"] = triage::fit_bgnbd(clients).evaluations;
    }
    state.counters["clients"] = static_cast<double>(clients.size());
}
BENCHMARK(BM_FitCdnowMaster)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_FitMillionClients(benchmark::State& state) {
    const auto clients = simulated(1'000'000);
    for (auto _ : state) {
        const triage::BgNbdFit fit = triage::fit_bgnbd(clients);
        state.counters["r"] = fit.params.r;
        state.counters["alpha"] = fit.params.alpha;
        state.counters["a"] = fit.params.a;
        state.counters["b"] = fit.params.b;
    }
}
BENCHMARK(BM_FitMillionClients)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

// The segmentation's whole forecast of CDNOW_master: both fits, then P(alive), 12-month
// expected orders and CLV per client.
void BM_ForecastCdnowMaster(benchmark::State& state) {
    const auto clients = cdnow_master();
    for (auto _ : state) {
        benchmark::DoNotOptimize(triage::forecast_buying(clients));
    }
}
BENCHMARK(BM_ForecastCdnowMaster)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

namespace {

// The repeat-buying summary the orders aggregation makes: 400,000 dated orders of 100,000
// clients over two years.
void BM_SummariseRepeatBuying(benchmark::State& state) {
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<std::size_t> client(0, 99'999);
    std::uniform_int_distribution<int> day(0, 729);
    std::vector<triage::Purchase> purchases(400'000);
    for (auto& p : purchases) {
        p = {client(rng), 45000.0 + day(rng), 50.0};
    }
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            triage::summarise_repeat_buying(purchases, 100'000, 45729, triage::kDaysPerWeek));
    }
}
BENCHMARK(BM_SummariseRepeatBuying)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
