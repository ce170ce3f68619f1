// The key hash of the aggregation's indexes (core/flat_index.hpp): keys made to collide under a
// hash known in advance spread out, so no export can make the aggregation quadratic.
#include "core/flat_index.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace {

// Order ids of eight bytes whose bytes 1-3 undo the client's salt when it is xor-ed into the
// hash's start (the hash before: the same for all of them, and join_orders compared every pair).
TEST(KeyHash, AnIdCannotCancelItsClient) {
    std::set<std::uint64_t> hashes;
    std::set<std::uint32_t> low;
    for (std::uint32_t client = 1; client <= 4000; ++client) {
        std::string id = "OxxxZZZZ";
        for (int i = 1; i <= 3; ++i) {
            id[static_cast<std::size_t>(i)] =
                static_cast<char>(0x20 ^ ((client >> (8 * (i - 1))) & 0xFF));
        }
        const std::uint64_t h = triage::key_hash(id, client);
        hashes.insert(h);
        low.insert(static_cast<std::uint32_t>(h)); // join_orders keeps 32 bits
    }
    EXPECT_EQ(hashes.size(), 4000u);
    EXPECT_GE(low.size(), 3998u);
}

// The same key and salt always hash alike within a process; a different salt or key does not.
TEST(KeyHash, SameKeySameHash) {
    EXPECT_EQ(triage::key_hash("C000123", 7), triage::key_hash(std::string("C000123"), 7));
    EXPECT_NE(triage::key_hash("C000123", 7), triage::key_hash("C000123", 8));
    EXPECT_NE(triage::key_hash("C000123"), triage::key_hash("C000124"));
    EXPECT_NE(triage::key_hash(""), triage::key_hash(std::string(1, '\0')));
}

// From 16 slots to 50,000 keys: every entry is found again after the index has grown (its
// slots placed again by the hash each entry was added with).
TEST(FlatIndex, EveryKeyIsFoundAgainAfterGrowing) {
    triage::FlatIndex index(16);
    std::vector<std::string> keys;
    for (int i = 0; i < 50000; ++i) {
        keys.push_back("Client " + std::to_string(i));
    }
    for (std::uint32_t i = 0; i < keys.size(); ++i) {
        const auto [entry, fresh] = index.find_or_add(
            triage::key_hash(keys[i]), i, [&](std::uint32_t e) { return keys[e] == keys[i]; },
            [&](std::uint32_t e) { return triage::key_hash(keys[e]); });
        ASSERT_TRUE(fresh);
        ASSERT_EQ(entry, i);
    }
    for (std::uint32_t i = 0; i < keys.size(); i += 97) {
        const auto [entry, fresh] = index.find_or_add(
            triage::key_hash(keys[i]), 999999, [&](std::uint32_t e) { return keys[e] == keys[i]; },
            [&](std::uint32_t e) { return triage::key_hash(keys[e]); });
        EXPECT_FALSE(fresh);
        EXPECT_EQ(entry, i);
    }
}

} // namespace
