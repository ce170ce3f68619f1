#include "core/population_cache.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

using Cache = triage::PopulationCache<double>;

double sum(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0);
}

TEST(PopulationCache, PreparesOncePerContent) {
    Cache cache(4, 1 << 20);
    int prepared = 0;
    const std::vector<double> a = {1, 2, 3};
    for (int i = 0; i < 5; ++i) {
        EXPECT_EQ(*cache.get(a,
                             [&] {
                                 ++prepared;
                                 return sum(a);
                             }),
                  6);
    }
    EXPECT_EQ(prepared, 1);
    EXPECT_EQ(cache.hits(), 4u);
    // Same content in another vector hits; different content or order does not.
    EXPECT_EQ(*cache.get(std::vector<double>{1, 2, 3},
                         [&] {
                             ++prepared;
                             return -1.0;
                         }),
              6);
    EXPECT_EQ(*cache.get({3, 2, 1},
                         [&] {
                             ++prepared;
                             return 7.0;
                         }),
              7);
    EXPECT_EQ(prepared, 2);
}

TEST(PopulationCache, KeepsAtMostMaxEntriesDroppingTheLeastRecentlyUsed) {
    Cache cache(2, 1 << 20);
    int prepared = 0;
    const auto get = [&](double k) {
        return *cache.get({k}, [&] {
            ++prepared;
            return k;
        });
    };
    get(1);
    get(2);
    get(1); // 1 is now the most recent
    get(3); // evicts 2
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_EQ(prepared, 3);
    get(1);
    EXPECT_EQ(prepared, 3);
    get(2);
    EXPECT_EQ(prepared, 4);
}

TEST(PopulationCache, BoundsTheMemoryAndSkipsOversizedPopulations) {
    Cache cache(100, 10 * sizeof(double));
    const std::vector<double> big(11, 1.0);
    int prepared = 0;
    cache.get(big, [&] {
        ++prepared;
        return 0.0;
    });
    cache.get(big, [&] {
        ++prepared;
        return 0.0;
    });
    EXPECT_EQ(prepared, 2);
    EXPECT_EQ(cache.size(), 0u);
    for (int i = 0; i < 20; ++i) {
        cache.get({static_cast<double>(i), 0.0, 0.0}, [] { return 0.0; });
        EXPECT_LE(cache.bytes(), 10 * sizeof(double));
    }
    EXPECT_EQ(cache.size(), 3u);
}

TEST(PopulationCache, AFailedPreparationIsNotCached) {
    Cache cache(4, 1 << 20);
    EXPECT_THROW(cache.get({1}, []() -> double { throw std::invalid_argument("bad"); }),
                 std::invalid_argument);
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_EQ(*cache.get({1}, [] { return 2.0; }), 2);
}

TEST(PopulationCache, ManyThreadsGetConsistentValues) {
    Cache cache(8, 1 << 20);
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < 2000; ++i) {
                const double k = (i * 7 + t) % 12; // more keys than entries: eviction races
                const std::vector<double> key = {k, k + 1, k + 2};
                if (*cache.get(key, [&] { return sum(key); }) != 3 * k + 3) {
                    ++wrong;
                }
            }
        });
    }
    for (auto& th : threads) {
        th.join();
    }
    EXPECT_EQ(wrong.load(), 0);
    EXPECT_LE(cache.size(), 8u);
}

} // namespace
