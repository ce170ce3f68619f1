#include "core/clv.hpp"

#include "core/error.hpp"

#include <cmath>

namespace triage {

namespace {

void validate_horizon(double months, double rate, double units_per_month) {
    if (!(std::isfinite(months) && months >= 0 && months <= 1200 && months == std::floor(months))) {
        throw InvalidInput("the months must be a whole number from 0 to 1200");
    }
    if (!(std::isfinite(rate) && rate >= 0 && rate <= 10)) {
        throw InvalidInput("the monthly discount rate must be from 0 to 10 (0.01 is 1%)");
    }
    if (!(std::isfinite(units_per_month) && units_per_month > 0)) {
        throw InvalidInput("the time units per month must be a positive number");
    }
}

} // namespace

PurchasesIfAlive purchases_if_alive(const BgNbdParams& params, double x, double T, double months,
                                    double rate, double units_per_month) {
    validate_horizon(months, rate, units_per_month);
    PurchasesIfAlive out;
    for (int m = 1; m <= static_cast<int>(months); ++m) {
        const double upto = bgnbd_expected_purchases_if_alive(params, x, T, m * units_per_month);
        out.discounted += (upto - out.total) / std::pow(1 + rate, m);
        out.total = upto; // expected purchases up to this month's end
    }
    return out;
}

double customer_lifetime_value(const BgNbdParams& params, const RepeatSummary& client, double spend,
                               double months, double rate, double units_per_month) {
    validate_params(params);
    validate_summary(client);
    validate_horizon(months, rate, units_per_month);
    if (!std::isfinite(spend)) {
        throw InvalidInput("the spend per purchase must be a finite number");
    }
    if (months == 0) {
        return 0;
    }
    return spend * bgnbd_probability_alive(params, client) *
           purchases_if_alive(params, client.x, client.T, months, rate, units_per_month).discounted;
}

} // namespace triage
