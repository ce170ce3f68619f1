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
    bool repeat_buyers = false;
    for (const RepeatBuying& c : clients) {
        if (c.bought) {
            summaries.push_back(c.summary);
            spends.push_back({c.summary.x, c.monetary});
            repeat_buyers = repeat_buyers || c.summary.x > 0;
        }
    }
    out.why_not = repeat_buyers ? NotFitted::NoFit : NotFitted::NoRepeatBuyers;
    try {
        out.bgnbd = fit_bgnbd(summaries).params;
        if (out.bgnbd.a == 1) { // the expectations divide by a - 1
            throw ModelError("the BG/NBD fit gave a = 1");
        }
    } catch (const std::exception&) {
        return out; // forecast_note() says so
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
    static constexpr Localized kNoRepeatBuyers = {
        "P(alive) and CLV were not computed: no client ordered again on another day, and the "
        "buying model needs repeat orders to learn from.",
        "Вероятность активности и CLV не вычислены: ни один клиент не заказал повторно в другой "
        "день, а модели покупок нужны повторные заказы.",
        "Aktiivisuuden todennäköisyyttä ja CLV:tä ei laskettu: yksikään asiakas ei tilannut "
        "uudelleen toisena päivänä, ja ostomalli tarvitsee uusintatilauksia."};
    static constexpr Localized kNoFit = {
        "P(alive) and CLV were not computed: the buying model could not be fitted to these "
        "clients' orders (its fit did not converge).",
        "Вероятность активности и CLV не вычислены: модель покупок не удалось подогнать к "
        "заказам этих клиентов (подбор не сошёлся).",
        "Aktiivisuuden todennäköisyyttä ja CLV:tä ei laskettu: ostomallia ei saatu sovitettua "
        "näiden asiakkaiden tilauksiin (sovitus ei supennut)."};
    if (!forecast.attempted || forecast.fitted) {
        return {};
    }
    return std::string(
        (forecast.why_not == NotFitted::NoRepeatBuyers ? kNoRepeatBuyers : kNoFit).in(lang));
}

std::vector<RepeatBuying> repeat_buying_from_fields(const FieldColumns& fields, double today) {
    const Column& orders = fields[field_index(Field::Orders)];
    const Column& first = fields[field_index(Field::FirstOrderDate)];
    const Column& last = fields[field_index(Field::LastOrderDate)];
    const Column& revenue = fields[field_index(Field::Revenue)];
    const Column& value = present(revenue) ? revenue : fields[field_index(Field::Profit)];
    if (!present(orders) || !present(first) || !present(last) || !std::isfinite(today)) {
        return {};
    }
    const auto number = [](const Column& column, std::size_t i) -> std::optional<double> {
        if (i < column.size() && column[i] && std::isfinite(*column[i])) {
            return column[i];
        }
        return std::nullopt;
    };
    std::vector<RepeatBuying> out(orders.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        const auto n = number(orders, i);
        const auto f = number(first, i);
        const auto l = number(last, i);
        if (!n || !f || !l || *n < 1 || *l < *f || *n != std::floor(*n)) {
            continue; // not a history the model can read
        }
        RepeatBuying& c = out[i];
        const double span = std::floor(*l) - std::floor(*f);
        c.bought = true;
        c.summary.x = span > 0 ? *n - 1 : 0;
        c.summary.t_x = c.summary.x > 0 ? span / kDaysPerWeek : 0;
        c.summary.T = std::max(std::floor(today) - std::floor(*f), span) / kDaysPerWeek;
        const auto v = number(value, i);
        c.monetary = c.summary.x > 0 && v ? std::max(0.0, *v / *n) : 0;
    }
    return out;
}

bool table_gives_repeat_buying(const HeaderMapping& mapping) {
    return mapping.column(Field::Orders) && mapping.column(Field::FirstOrderDate) &&
           mapping.column(Field::LastOrderDate);
}

double model_value(const BuyingForecast& forecast, ModelColumn column, std::size_t row) {
    const std::vector<double>* values = nullptr;
    switch (column) {
    case ModelColumn::PAlive:
        values = &forecast.p_alive;
        break;
    case ModelColumn::ExpectedOrders:
        values = &forecast.expected_orders;
        break;
    case ModelColumn::Clv:
        values = &forecast.clv;
        break;
    }
    return row < values->size() ? (*values)[row] : kNaN;
}

} // namespace triage
