#include "core/order_records.hpp"

#include <numeric>

namespace triage::aggregation {

std::vector<std::uint32_t> join_orders(const LineSource& lines, std::vector<KeyedOrder>& keyed,
                                       Orders& orders, bool due_paid) {
    // Only orders whose hash shares its low bits with another's can be parts of one: two
    // bitmaps of 8 bits an order pick them out, and only they are sorted.
    std::uint64_t bits = 1024;
    while (bits < keyed.size() * 8 && bits < (std::uint64_t{1} << 32)) {
        bits *= 2;
    }
    std::vector<std::uint64_t> seen(bits / 64, 0);
    std::vector<std::uint64_t> again(bits / 64, 0);
    const auto bit = [bits](const KeyedOrder& k) { return k.hash & (bits - 1); };
    for (const KeyedOrder& k : keyed) {
        const std::uint64_t b = bit(k);
        const std::uint64_t mask = std::uint64_t{1} << (b % 64);
        again[b / 64] |= seen[b / 64] & mask;
        seen[b / 64] |= mask;
    }
    keyed.erase(std::remove_if(keyed.begin(), keyed.end(),
                               [&](const KeyedOrder& k) {
                                   const std::uint64_t b = bit(k);
                                   return (again[b / 64] >> (b % 64) & 1) == 0;
                               }),
                keyed.end());
    std::sort(keyed.begin(), keyed.end(), [](const KeyedOrder& a, const KeyedOrder& b) {
        return a.hash != b.hash ? a.hash < b.hash : a.order < b.order;
    });
    std::vector<std::uint32_t> whole;
    std::string first_scratch;
    std::string first_id;
    std::string other_scratch;
    const auto same_order = [&](const KeyedOrder& a, const KeyedOrder& b) {
        if (orders.client(a.order) != orders.client(b.order)) {
            return false;
        }
        first_id = key_view(lines.cell(a.line, Field::OrderId), first_scratch);
        return same_text(first_id, key_view(lines.cell(b.line, Field::OrderId), other_scratch));
    };
    for (std::size_t from = 0; from < keyed.size();) {
        std::size_t to = from + 1;
        while (to < keyed.size() && keyed[to].hash == keyed[from].hash) {
            ++to;
        }
        for (std::size_t x = from + 1; x < to; ++x) {
            for (std::size_t y = from; y < x; ++y) {
                if (!same_order(keyed[y], keyed[x])) {
                    continue;
                }
                // The earliest part with the same id: it was folded into none.
                if (whole.empty()) {
                    whole.resize(orders.size());
                    std::iota(whole.begin(), whole.end(), 0U);
                }
                const std::uint32_t k = keyed[x].order;
                const std::uint32_t into = keyed[y].order;
                orders.join(into, k, due_paid);
                whole[k] = into;
                break;
            }
        }
        from = to;
    }
    return whole;
}

} // namespace triage::aggregation
