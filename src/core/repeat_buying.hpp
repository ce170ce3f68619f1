// From purchases to the repeat-buying summary the buying models take (bgnbd.hpp,
// gamma_gamma.hpp), by the rules of lifetimes' summary_data_from_transaction_data (and BTYD's
// dc.ElogToCbsCbt): purchases on one day are one purchase of their summed value; x counts the
// days with a purchase after the first; t_x is the time from the first to the last purchase
// day, T from the first purchase day to the end of the calibration period; the monetary value
// is the mean value of the repeat purchase days (the first is left out), 0 when x = 0.
// Purchases after the end of the period are not counted.
#pragma once

#include "core/bgnbd.hpp"

#include <cstddef>
#include <vector>

namespace triage {

constexpr double kDaysPerWeek = 7;

struct Purchase {
    std::size_t client = 0; // 0 .. clients - 1
    double day = 0;         // a day number (values.hpp); the time of day is dropped
    double value = 0;
    double profit = 0; // what the purchase earned (tier movement; the models use the value)
};

struct RepeatBuying {
    bool bought = false;   // at least one purchase on or before the end of the period
    RepeatSummary summary; // in the time unit asked for
    double monetary = 0;
    double first_day = 0; // the first purchase day (when bought)
};

// One summary per client (index = Purchase::client). `end_day` is the last day of the
// calibration period (a day number; purchases on it count), `days_per_unit` 1 for days or 7
// for weeks. Throws InvalidInput for a client index out of range, a day or value that is not
// finite, or days_per_unit not positive. O(n) for purchases in order of client, then day (as
// the aggregation of order lines hands them over), else O(n log n) on a sorted copy.
std::vector<RepeatBuying> summarise_repeat_buying(const std::vector<Purchase>& purchases,
                                                  std::size_t clients, double end_day,
                                                  double days_per_unit);

} // namespace triage
