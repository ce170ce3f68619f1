// Copies of the short texts a run keeps (the clients' keys and names of an aggregation), in
// blocks of a megabyte: one allocation for many texts, and views of them that stay valid as
// long as the store (moved or not) lives.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace triage {

class KeyStore {
public:
    // A copy of `key`; the view stays valid (a block never moves its characters, and moving
    // the store moves its blocks' buffers, not their characters).
    std::string_view keep(std::string_view key) {
        if (blocks_.empty() || used_ + key.size() > blocks_.back().size()) {
            blocks_.emplace_back(std::max(kBlock, key.size()), '\0');
            used_ = 0;
        }
        char* at = blocks_.back().data() + used_;
        key.copy(at, key.size());
        used_ += key.size();
        return {at, key.size()};
    }

private:
    static constexpr std::size_t kBlock = std::size_t{1} << 20;
    std::vector<std::string> blocks_; // heap buffers (never short strings held in place)
    std::size_t used_ = 0;
};

} // namespace triage
