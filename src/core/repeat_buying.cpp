#include "core/repeat_buying.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>

namespace triage {

std::vector<RepeatBuying> summarise_repeat_buying(const std::vector<Purchase>& purchases,
                                                  std::size_t clients, double end_day,
                                                  double days_per_unit) {
    if (!(std::isfinite(days_per_unit) && days_per_unit > 0)) {
        throw InvalidInput("the time unit must be a positive number of days");
    }
    if (!std::isfinite(end_day)) {
        throw InvalidInput("the end of the calibration period must be a date");
    }
    for (const Purchase& p : purchases) {
        if (p.client >= clients || !std::isfinite(p.day) || !std::isfinite(p.value)) {
            throw InvalidInput("a purchase needs a client, a date and a finite value");
        }
    }
    const auto before = [](const Purchase& l, const Purchase& r) {
        return l.client != r.client ? l.client < r.client : l.day < r.day;
    };
    std::vector<Purchase> sorted;
    const std::vector<Purchase>* in = &purchases;
    if (!std::is_sorted(purchases.begin(), purchases.end(), before)) {
        sorted = purchases;
        std::sort(sorted.begin(), sorted.end(), before);
        in = &sorted;
    }

    const double end = std::floor(end_day);
    std::vector<RepeatBuying> out(clients);
    std::vector<double> repeat_value(clients, 0.0);
    for (const Purchase& p : *in) {
        const double day = std::floor(p.day);
        if (day > end) {
            continue;
        }
        RepeatBuying& c = out[p.client];
        // A client's purchases come by day; first_day + t_x (still in days) is the latest so
        // far, and a later day is a repeat purchase.
        if (!c.bought) {
            c.bought = true;
            c.first_day = day;
        } else if (day != c.first_day + c.summary.t_x) {
            c.summary.x += 1;
        }
        if (c.summary.x > 0) {
            repeat_value[p.client] += p.value; // the first day's purchases are not repeat ones
        }
        c.summary.t_x = day - c.first_day; // in days until the end
    }
    for (std::size_t i = 0; i < clients; ++i) {
        RepeatBuying& c = out[i];
        if (!c.bought) {
            continue;
        }
        c.summary.T = (end - c.first_day) / days_per_unit;
        c.summary.t_x /= days_per_unit;
        c.monetary = c.summary.x > 0 ? repeat_value[i] / c.summary.x : 0.0;
    }
    return out;
}

} // namespace triage
