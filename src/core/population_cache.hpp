// A bounded, thread-safe cache of values prepared from a population (tier cut-offs, RFM
// break points), keyed by the population's content. Worksheet functions are called once per
// formula cell with the same population range: preparing it (a sort) once instead of once
// per cell turns a column of n formulas over n rows from O(n^2 log n) into O(n^2) copying,
// which Calc does anyway, plus one sort.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <vector>

namespace triage {

template <class Value> class PopulationCache {
public:
    // At most `max_entries` populations and `max_bytes` of population data are kept; the
    // least recently used go first. A population larger than max_bytes is never kept.
    PopulationCache(std::size_t max_entries, std::size_t max_bytes)
        : max_entries_(max_entries), max_bytes_(max_bytes) {}

    // The value prepared from `key` (the population and any parameters, bit for bit), made
    // with `prepare` when it is not cached. `prepare` runs outside the lock and may throw:
    // nothing is cached then.
    std::shared_ptr<const Value> get(const std::vector<double>& key,
                                     const std::function<Value()>& prepare) {
        const std::uint64_t hash = hash_of(key);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            for (auto it = entries_.begin(); it != entries_.end(); ++it) {
                if (it->hash == hash && same(it->key, key)) {
                    entries_.splice(entries_.begin(), entries_, it);
                    ++hits_;
                    return entries_.front().value;
                }
            }
        }
        auto value = std::make_shared<const Value>(prepare());
        const std::size_t bytes = key.size() * sizeof(double);
        if (bytes <= max_bytes_ && max_entries_ > 0) {
            std::lock_guard<std::mutex> lock(mutex_);
            entries_.push_front(Entry{hash, key, value});
            bytes_ += bytes;
            while (entries_.size() > max_entries_ || bytes_ > max_bytes_) {
                bytes_ -= entries_.back().key.size() * sizeof(double);
                entries_.pop_back();
            }
        }
        return value;
    }

    std::size_t size() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return entries_.size();
    }
    std::size_t bytes() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return bytes_;
    }
    std::size_t hits() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return hits_;
    }

private:
    struct Entry {
        std::uint64_t hash;
        std::vector<double> key;
        std::shared_ptr<const Value> value;
    };

    static std::uint64_t hash_of(const std::vector<double>& key) {
        std::uint64_t h = 1469598103934665603ULL ^ key.size(); // FNV-1a over 64-bit words
        for (double d : key) {
            std::uint64_t bits = 0;
            std::memcpy(&bits, &d, sizeof bits);
            h = (h ^ bits) * 1099511628211ULL;
        }
        return h;
    }
    static bool same(const std::vector<double>& a, const std::vector<double>& b) {
        return a.size() == b.size() &&
               (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
    }

    const std::size_t max_entries_;
    const std::size_t max_bytes_;
    mutable std::mutex mutex_;
    std::list<Entry> entries_;
    std::size_t bytes_ = 0;
    std::size_t hits_ = 0;
};

} // namespace triage
