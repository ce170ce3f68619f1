// The seed of the hash tables that hold what an export brings (client keys, order ids, reason
// texts): random, taken when the process starts.
#pragma once

#include <chrono>
#include <cstdint>
#include <exception>
#include <random>

namespace triage {

// A random seed of this process's hashes, taken when it starts: which keys share a hash
// cannot be worked out in advance, so no export can be made to pile its client keys up in one
// run of the index or its order ids in one group of join_orders (each made the aggregation
// quadratic: 80,000 chosen client names 4.4 s, 145,000 chosen order ids 9.5 s). No result
// depends on it: entries are numbered as their keys first come, equal hashes ordered by entry.
inline std::uint64_t random_hash_seed() {
    auto seed =
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    try {
        std::random_device device;
        seed ^= std::uint64_t{device()} << 32 ^ device();
    } catch (const std::exception&) {
        // no entropy source: the clock alone
    }
    return seed;
}
inline const std::uint64_t kHashSeed = random_hash_seed();

} // namespace triage
