// Customer lifetime value from the two buying models, as lifetimes' customer_lifetime_value
// computes it: month by month, the purchases BG/NBD expects in that month times the spend
// Gamma-Gamma expects per purchase, discounted to today at a monthly rate.
#pragma once

#include "core/bgnbd.hpp"

namespace triage {

// Weeks in a month (lifetimes' factor for weekly data), and days.
constexpr double kWeeksPerMonth = 4.345;
constexpr double kDaysPerMonth = 30;

// sum over m = 1..months of spend * (E[purchases in (0, m u]] - E[purchases in (0, (m-1) u]])
// / (1 + rate)^m, with u = time units per month (the unit of the client's t_x and T) and
// `spend` the expected spend per purchase (gamma_gamma_expected_spend). Throws InvalidInput
// for months not a whole number from 0 to 1200, a rate not in [0, 10], units_per_month not
// positive, or a spend not finite.
// The same sum for a client still alive and a spend of 1 (`discounted`: it depends on x and
// T only, and customer_lifetime_value = spend x P(alive) x discounted), with the purchases
// expected over all the months undiscounted (`total`). Shared by clients with one x and T.
struct PurchasesIfAlive {
    double discounted = 0;
    double total = 0;
};
PurchasesIfAlive purchases_if_alive(const BgNbdParams& params, double x, double T, double months,
                                    double monthly_discount_rate, double units_per_month);

double customer_lifetime_value(const BgNbdParams& params, const RepeatSummary& client, double spend,
                               double months, double monthly_discount_rate, double units_per_month);

} // namespace triage
