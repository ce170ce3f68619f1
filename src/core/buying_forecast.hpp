// The buying models applied to a segmentation's clients: BG/NBD fitted over all clients with a
// purchase, Gamma-Gamma over the repeat buyers' mean spend, and per client the probability of
// still being a client, the orders to expect in the next 12 months and the 12-month CLV at a
// monthly discount rate. A population the models cannot fit gives no columns and says why; it
// never stops the segmentation.
#pragma once

#include "core/batch.hpp"
#include "core/gamma_gamma.hpp"
#include "core/lang.hpp"
#include "core/repeat_buying.hpp"
#include "core/segmentation.hpp"

#include <string>
#include <vector>

namespace triage {

constexpr double kForecastMonths = 12;
constexpr double kDefaultMonthlyDiscountRate = 0.01;

// Why BG/NBD was not fitted.
enum class NotFitted {
    NoRepeatBuyers, // no client bought again on another day: nothing to estimate
    NoFit, // the fit failed (did not converge, or gave parameters the forecasts cannot use)
};

struct BuyingForecast {
    bool attempted = false; // there were clients with dated orders to fit
    bool fitted = false;    // BG/NBD fitted: p_alive and expected_orders are filled
    NotFitted why_not = NotFitted::NoRepeatBuyers; // when attempted and not fitted
    bool has_clv = false;                          // Gamma-Gamma fitted too: clv is filled
    BgNbdParams bgnbd;
    GammaGammaParams spend;
    // One per client (NaN for a client without a purchase by the period's end).
    std::vector<double> p_alive;
    std::vector<double> expected_orders; // in the next 12 months
    std::vector<double> clv;             // 12 months, discounted monthly
};

// `clients` in weeks (ClientsFromOrders::repeat_buying). Clients with equal summaries share
// one evaluation, so a population of a million costs what its distinct summaries cost.
BuyingForecast forecast_buying(const std::vector<RepeatBuying>& clients,
                               double monthly_discount_rate = kDefaultMonthlyDiscountRate);

// The table's P(alive) column for the lapse rule (ClientTable::p_alive), when fitted.
void attach_p_alive(ClientTable& table, const BuyingForecast& forecast);

// "P(alive) and CLV were not computed: ..." and why, for the result line, when not fitted (else
// empty).
std::string forecast_note(const BuyingForecast& forecast, Lang lang);

// Each client's repeat buying from the columns of a client table, when it has orders, first
// and last order dates (else empty): x = orders - 1 (0 when the first and the last order fall
// on one day), t_x = last - first, T = max(today - first, t_x), in weeks; the mean spend is
// the revenue (else the profit) per order, the nearest a client table comes to the mean of
// the repeat purchases. Rows without those values are not `bought`.
std::vector<RepeatBuying> repeat_buying_from_fields(const FieldColumns& fields, double today);

// Whether a client table's columns give the repeat buying (orders, first and last order date).
bool table_gives_repeat_buying(const HeaderMapping& mapping);

// The models' column `column` of row `row` (ModelColumn, segmentation.hpp), NaN when unknown.
double model_value(const BuyingForecast& forecast, ModelColumn column, std::size_t row);

} // namespace triage
