#include "core/buying_forecast.hpp"

#include "core/clv.hpp"
#include "core/error.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <utility>

namespace triage {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// What clients of one x and T share: the purchases expected of them while alive, in the next
// 12 months and discounted month by month (the 2F1 evaluations; P(alive) is per client).
struct IfAlive {
    double expected = kNaN;
    double discounted = kNaN;
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

    std::map<std::pair<double, double>, IfAlive> shared;
    out.p_alive.assign(clients.size(), kNaN);
    out.expected_orders.assign(clients.size(), kNaN);
    out.clv.assign(clients.size(), kNaN);
    for (std::size_t i = 0; i < clients.size(); ++i) {
        const RepeatBuying& c = clients[i];
        if (!c.bought) {
            continue;
        }
        auto [it, added] = shared.try_emplace({c.summary.x, c.summary.T});
        IfAlive& f = it->second;
        try {
            if (added && out.has_clv) { // one series per month, the last is the 12 months'
                const PurchasesIfAlive months = purchases_if_alive(
                    out.bgnbd, c.summary.x, c.summary.T, kForecastMonths, rate, kWeeksPerMonth);
                f.expected = months.total;
                f.discounted = months.discounted;
            } else if (added) {
                f.expected = bgnbd_expected_purchases_if_alive(out.bgnbd, c.summary.x, c.summary.T,
                                                               kForecastMonths * kWeeksPerMonth);
            }
            const double p_alive = bgnbd_probability_alive(out.bgnbd, c.summary);
            out.p_alive[i] = p_alive;
            out.expected_orders[i] = p_alive * f.expected;
            if (out.has_clv && c.monetary >= 0) {
                out.clv[i] = gamma_gamma_expected_spend(out.spend, {c.summary.x, c.monetary}) *
                             p_alive * f.discounted;
            }
        } catch (const std::exception&) {
            // a client the series cannot evaluate keeps empty cells
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
