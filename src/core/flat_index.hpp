// An open-addressing hash index for the aggregation of order lines (transactions.cpp): from a
// key's hash to an entry number, the caller keeping the keys and comparing them. Cache-friendlier
// than a node-based map for a million lookups (BENCHMARKS.md).
#pragma once

#include "core/hash_seed.hpp"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>
#include <utility>
#include <vector>

namespace triage {

constexpr std::uint32_t kNoEntry = std::numeric_limits<std::uint32_t>::max();

// The entry of a key (`same(entry)` compares the caller's key of an entry with the one looked
// for; `hash_of(entry)` gives an entry's hash again when the index grows: it must be the very
// hash the entry was added with, salt and all, or the entry is lost after the growth).
class FlatIndex {
public:
    explicit FlatIndex(std::size_t expected) {
        std::size_t capacity = 16;
        while (capacity < expected * 2) {
            capacity *= 2;
        }
        slots_.assign(capacity, Slot{0, kNoEntry});
    }
    // The entry of the key, or `fresh` (inserted) when there is none.
    template <typename Same, typename HashOf>
    std::pair<std::uint32_t, bool> find_or_add(std::uint64_t hash, std::uint32_t fresh, Same same,
                                               HashOf hash_of) {
        if ((size_ + 1) * 2 > slots_.size()) {
            grow(hash_of);
        }
        const std::uint32_t tag = static_cast<std::uint32_t>(hash >> 32);
        std::size_t at = hash & (slots_.size() - 1);
        while (slots_[at].entry != kNoEntry) {
            if (slots_[at].tag == tag && same(slots_[at].entry)) {
                return {slots_[at].entry, false};
            }
            at = (at + 1) & (slots_.size() - 1);
        }
        slots_[at] = Slot{tag, fresh};
        ++size_;
        return {fresh, true};
    }

    // Asks the memory for the slot where a key of this hash is looked for first (a lookup
    // soon after finds it in the cache).
    void prefetch(std::uint64_t hash) const {
        __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]);
    }
    // The first entry a lookup of this hash would compare its key with, or kNoEntry.
    std::uint32_t first_candidate(std::uint64_t hash) const {
        const std::uint32_t tag = static_cast<std::uint32_t>(hash >> 32);
        for (std::size_t at = hash & (slots_.size() - 1); slots_[at].entry != kNoEntry;
             at = (at + 1) & (slots_.size() - 1)) {
            if (slots_[at].tag == tag) {
                return slots_[at].entry;
            }
        }
        return kNoEntry;
    }

private:
    struct Slot {
        std::uint32_t tag; // the hash's high bits
        std::uint32_t entry;
    };
    template <typename HashOf> void grow(HashOf hash_of) {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(old.size() * 2, Slot{0, kNoEntry});
        for (const Slot& s : old) {
            if (s.entry != kNoEntry) {
                std::size_t at = hash_of(s.entry) & (slots_.size() - 1);
                while (slots_[at].entry != kNoEntry) {
                    at = (at + 1) & (slots_.size() - 1);
                }
                slots_[at] = s;
            }
        }
    }
    std::vector<Slot> slots_;
    std::size_t size_ = 0;
};

// `bytes` (at most 8) bytes of a key from `at`, as one number (memcpy: any alignment, one
// load); the hash and the comparison of keys read them alike.
inline std::uint64_t key_bytes(std::string_view key, std::size_t at, std::size_t bytes) {
    std::uint64_t w = 0;
    std::memcpy(&w, key.data() + at, bytes);
    return w;
}

// A key of 4 to 7 bytes as one number: its first four and its last four bytes (overlapping).
inline std::uint64_t short_key_word(std::string_view key) {
    return key_bytes(key, 0, 4) | key_bytes(key, key.size() - 4, 4) << 32;
}

// Two keys are equal (the short ids of exports compared in place, eight bytes at a time, the
// last word overlapping the ones before, without a call to memcmp).
inline bool same_text(std::string_view a, std::string_view b) {
    const std::size_t n = a.size();
    if (n != b.size()) {
        return false;
    }
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8) {
            if (key_bytes(a, i, 8) != key_bytes(b, i, 8)) {
                return false;
            }
        }
        return key_bytes(a, n - 8, 8) == key_bytes(b, n - 8, 8);
    }
    if (n >= 4) { // the first and the last four bytes (overlapping)
        return key_bytes(a, 0, 4) == key_bytes(b, 0, 4) &&
               key_bytes(a, n - 4, 4) == key_bytes(b, n - 4, 4);
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (a[i] != b[i]) {
            return false;
        }
    }
    return true;
}

// The hash of a key (and a salt, e.g. the client of an order id): the seed and the salt mixed,
// then the key's bytes taken eight at a time (a shorter key, or the end of a longer one, in one
// or two overlapping loads), each word mixed in by a multiplication, then a final mix (the
// index takes the low bits).
inline std::uint64_t key_hash(std::string_view key, std::uint32_t salt = 0) {
    const auto mix = [](std::uint64_t h, std::uint64_t w) {
        h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
        return h ^ (h >> 31);
    };
    const std::size_t n = key.size();
    // The salt through a multiplication, not xor-ed with the first word (which let a chosen id
    // cancel a client's salt: the same hash for every client).
    std::uint64_t h = mix(kHashSeed ^ n, salt);
    if (n >= 8) {
        for (std::size_t i = 0; i + 8 < n; i += 8) {
            h = mix(h, key_bytes(key, i, 8));
        }
        h = mix(h, key_bytes(key, n - 8, 8));
    } else if (n >= 4) {
        h = mix(h, short_key_word(key));
    } else {
        std::uint64_t w = 0;
        for (std::size_t i = 0; i < n; ++i) {
            w = w << 8 | static_cast<unsigned char>(key[i]);
        }
        h = mix(h, w);
    }
    h ^= h >> 29;
    h *= 0x94D049BB133111EBULL;
    return h ^ (h >> 32);
}

} // namespace triage
