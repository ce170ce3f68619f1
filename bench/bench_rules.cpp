// Reading rule sets (core/rules): the largest texts the reader takes (kMaxRulesBytes), of the
// shapes that cost it most: one object of many keys (each member placed as it comes; through
// ordered_json's operator[] this took 4.5 s) and a root of many unknown keys (a problem each).
#include "core/rules.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace {

// {"x": {"k0":0,"k1":0,...}} or {"k0":0,...} of at most kMaxRulesBytes.
std::string many_keys(bool nested) {
    std::string json = nested ? "{\"x\": {" : "{";
    const std::string end = nested ? "}}" : "}";
    for (int i = 0;; ++i) {
        const std::string member = (i > 0 ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
        if (json.size() + member.size() + end.size() > triage::kMaxRulesBytes) {
            break;
        }
        json += member;
    }
    return json + end;
}

void BM_LoadRulesManyKeys(benchmark::State& state) {
    const std::string json = many_keys(state.range(0) != 0);
    std::size_t problems = 0;
    for (auto _ : state) {
        const triage::RulesLoad load = triage::load_rules(json);
        problems = load.problems.size();
        benchmark::DoNotOptimize(load.problems.data());
    }
    state.counters["problems"] = static_cast<double>(problems);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * json.size()));
}
// 0: the root's keys, all unknown; 1: one object's keys inside an unknown key.
BENCHMARK(BM_LoadRulesManyKeys)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

} // namespace
