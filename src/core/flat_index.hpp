// An open-addressing hash index for the aggregation of order lines (transactions.cpp): from a
// key's hash to an entry number, the caller keeping the keys and comparing them. Cache-friendlier
// than a node-based map for a million lookups (BENCHMARKS.md).
#pragma once

#include <cstddef>
#include <cstdint>
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

// FNV-1a of a key (and a salt, e.g. the client of an order id), then a final mix.
inline std::uint64_t key_hash(std::string_view key, std::uint32_t salt = 0) {
    // FNV-1a, then a final mix (the index takes the low bits).
    std::uint64_t h = 1469598103934665603ULL ^ salt;
    for (const char c : key) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 32);
}

} // namespace triage
