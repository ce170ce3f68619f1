#include "core/buying_forecast.hpp"

#include "core/clv.hpp"
#include "core/error.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace triage {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Forecast {
    double p_alive = kNaN;
    double expected = kNaN;
    double clv_per_spend = kNaN; // CLV of a spend of 1 per purchase (CLV is linear in it)
};

} // namespace

BuyingForecast forecast_buying(const std::vector<RepeatBuying>& clients, double rate) {
    BuyingForecast out;
    out.attempted = !clients.empty();
    if (!out.attempted) {
        return out;
    }
    std::vector<RepeatSummary> summaries;
    std::vector<SpendSummary> spends;
    for (const RepeatBuying& c : clients) {
        if (c.bought) {
            summaries.push_back(c.summary);
            spends.push_back({c.summary.x, c.monetary});
        }
    }
    try {
        out.bgnbd = fit_bgnbd(summaries).params;
        if (out.bgnbd.a == 1) { // the expectations divide by a - 1
            throw ModelError("the BG/NBD fit gave a = 1");
        }
    } catch (const std::exception& e) {
        out.not_fitted = e.what();
        return out;
    }
    out.fitted = true;
    try {
        out.spend = fit_gamma_gamma(spends).params;
        out.has_clv = out.spend.q > 1;
    } catch (const std::exception&) {
        out.has_clv = false;
    }

    const double horizon = kForecastMonths * kWeeksPerMonth;
    std::map<std::tuple<double, double, double>, Forecast> done;
    out.p_alive.assign(clients.size(), kNaN);
    out.expected_orders.assign(clients.size(), kNaN);
    out.clv.assign(clients.size(), kNaN);
    for (std::size_t i = 0; i < clients.size(); ++i) {
        const RepeatBuying& c = clients[i];
        if (!c.bought) {
            continue;
        }
        auto [it, added] = done.try_emplace({c.summary.x, c.summary.t_x, c.summary.T});
        Forecast& f = it->second;
        if (added) {
            try {
                f.p_alive = bgnbd_probability_alive(out.bgnbd, c.summary);
                f.expected = bgnbd_expected_purchases(out.bgnbd, c.summary, horizon);
                if (out.has_clv) {
                    f.clv_per_spend = customer_lifetime_value(
                        out.bgnbd, c.summary, 1.0, kForecastMonths, rate, kWeeksPerMonth);
                }
            } catch (const std::exception&) {
                // a client the series cannot evaluate keeps empty cells
            }
        }
        out.p_alive[i] = f.p_alive;
        out.expected_orders[i] = f.expected;
        if (out.has_clv && !std::isnan(f.clv_per_spend) && c.monetary >= 0) {
            out.clv[i] =
                f.clv_per_spend * gamma_gamma_expected_spend(out.spend, {c.summary.x, c.monetary});
        }
    }
    return out;
}

void attach_p_alive(ClientTable& table, const BuyingForecast& forecast) {
    if (!forecast.fitted) {
        return;
    }
    table.p_alive.assign(forecast.p_alive.size(), std::nullopt);
    for (std::size_t i = 0; i < forecast.p_alive.size(); ++i) {
        if (std::isfinite(forecast.p_alive[i])) {
            table.p_alive[i] = forecast.p_alive[i];
        }
    }
}

std::string forecast_note(const BuyingForecast& forecast, Lang lang) {
    static constexpr Localized kNote = {
        "P(alive) and CLV were not computed: the clients' orders do not fit the buying model "
        "(it needs clients with repeat orders on different days).",
        "Вероятность активности и CLV не вычислены: заказы клиентов не подходят для модели "
        "покупок (нужны клиенты с повторными заказами в разные дни).",
        "Aktiivisuuden todennäköisyyttä ja CLV:tä ei laskettu: asiakkaiden tilaukset eivät sovi "
        "ostomalliin (tarvitaan asiakkaita, joilla on uusintatilauksia eri päivinä)."};
    return forecast.attempted && !forecast.fitted ? std::string(kNote.in(lang)) : std::string();
}

const Localized& p_alive_header() {
    static constexpr Localized kText = {"P(alive)", "Вероятность активности",
                                        "Aktiivisuuden todennäköisyys"};
    return kText;
}

const Localized& expected_orders_header() {
    static constexpr Localized kText = {"Expected orders, 12 months", "Ожидаемые заказы, 12 мес.",
                                        "Odotetut tilaukset, 12 kk"};
    return kText;
}

const Localized& clv_header() {
    static constexpr Localized kText = {"CLV, 12 months", "CLV, 12 мес.", "CLV, 12 kk"};
    return kText;
}

} // namespace triage
