#include "core/tier_movement.hpp"

#include "core/cohorts.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "core/values.hpp"

#include <cmath>

namespace triage {

namespace {

constexpr Localized kNew = {"new", "новый", "uusi"};
constexpr Localized kLost = {"lost", "ушёл", "menetetty"};

std::vector<std::optional<Tier>> tiers_in(const std::vector<std::optional<double>>& values,
                                          const TierShares& shares) {
    std::vector<double> population;
    for (const auto& v : values) {
        if (v) {
            if (!std::isfinite(*v)) {
                throw InvalidInput("a period's value must be a finite number");
            }
            population.push_back(*v);
        }
    }
    const TierCutoffs cutoffs = tier_cutoffs(population, shares);
    std::vector<std::optional<Tier>> out(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (values[i]) {
            out[i] = tier_of(*values[i], cutoffs);
        }
    }
    return out;
}

} // namespace

std::string movement_text(std::optional<Tier> before, std::optional<Tier> now, Lang lang) {
    if (!before && !now) {
        return {};
    }
    const std::string from = before ? std::string(1, tier_letter(*before)) : kNew.in(lang);
    const std::string to = now ? std::string(1, tier_letter(*now)) : kLost.in(lang);
    return from + " -> " + to;
}

bool moved_down(std::optional<Tier> before, std::optional<Tier> now) {
    if (!before || !(*before == Tier::A || *before == Tier::B)) {
        return false;
    }
    return !now || static_cast<int>(*now) > static_cast<int>(*before);
}

std::vector<std::size_t> slipping_clients(const TierMovements& m) {
    std::vector<std::size_t> out;
    for (const Tier first : {Tier::A, Tier::B}) {
        for (std::size_t i = 0; i < m.before.size(); ++i) {
            if (m.before[i] == first && moved_down(m.before[i], m.now[i])) {
                out.push_back(i);
            }
        }
    }
    return out;
}

TierMovements tier_movements(const std::vector<std::optional<double>>& before,
                             const std::vector<std::optional<double>>& now,
                             const TierShares& shares) {
    validate_shares(shares);
    if (before.size() != now.size()) {
        throw InvalidInput("the two periods must have one value per client each");
    }
    TierMovements out;
    out.before = tiers_in(before, shares);
    out.now = tiers_in(now, shares);
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (!out.before[i] && !out.now[i]) {
            continue;
        }
        const std::size_t row = out.before[i] ? static_cast<std::size_t>(*out.before[i]) : 4;
        const std::size_t column = out.now[i] ? static_cast<std::size_t>(*out.now[i]) : 4;
        ++out.matrix.clients[row][column];
        out.matrix.value[row][column] += now[i] ? *now[i] : *before[i];
    }
    return out;
}

PeriodProfits period_profits(const std::vector<Purchase>& orders, std::size_t clients,
                             double analysis_day, int months) {
    if (months < 1 || months > 120) {
        throw InvalidInput("the movement period must be 1 to 120 months");
    }
    if (!std::isfinite(analysis_day)) {
        throw InvalidInput("the analysis date must be a date");
    }
    // The day after the analysis date, and `months` and 2 x `months` before it (a day the
    // earlier month lacks becomes its last day: 31 March less one month is 28 or 29 February).
    const double end = std::floor(analysis_day) + 1;
    const auto months_before = [&](int back) {
        const CivilDate d = civil_from_serial(end);
        const int index = period_of(end, CohortPeriod::Month) - back;
        const int year = index / 12;
        const int month = index % 12 + 1;
        int day = d.day;
        while (day > 28 && !valid_civil(year, month, day)) {
            --day;
        }
        return serial_from_civil(year, month, day);
    };
    PeriodProfits out;
    out.now_from = months_before(months);
    out.before_from = months_before(2 * months);
    out.before.assign(clients, std::nullopt);
    out.now.assign(clients, std::nullopt);
    for (const Purchase& p : orders) {
        if (p.client >= clients || !std::isfinite(p.day) || !std::isfinite(p.profit)) {
            throw InvalidInput("an order needs a client, a date and a finite profit");
        }
        const double day = std::floor(p.day);
        if (day < out.before_from || day >= end) {
            continue;
        }
        auto& period = day >= out.now_from ? out.now : out.before;
        period[p.client] = period[p.client].value_or(0.0) + p.profit;
    }
    return out;
}

std::string movement_label(MovementText text, int months, Lang lang) {
    const std::string n = std::to_string(months);
    switch (text) {
    case MovementText::Title:
        return fill_placeholders(
            Localized{"Tier movement: the last {} months against the {} before",
                      "Движение по уровням: последние {} мес. против {} до них",
                      "Luokkien muutos: viimeiset {} kk verrattuna {} kk ennen"}
                .in(lang),
            {n, n});
    case MovementText::Clients:
        return Localized{"Clients", "Клиенты", "Asiakkaat"}.in(lang);
    case MovementText::Profit:
        return Localized{"Profit", "Прибыль", "Kate"}.in(lang);
    case MovementText::Corner:
        return Localized{"Before / now", "Раньше / сейчас", "Ennen / nyt"}.in(lang);
    case MovementText::New:
        return kNew.in(lang);
    case MovementText::Lost:
        return kLost.in(lang);
    case MovementText::PreviousTier:
        return Localized{"Previous tier", "Прежний уровень", "Aiempi luokka"}.in(lang);
    case MovementText::Movement:
        return Localized{"Movement", "Движение", "Muutos"}.in(lang);
    case MovementText::Slipping:
        return fill_placeholders(
            Localized{"Good clients slipping: A and B clients whose tier fell in the last {} "
                      "months. Call them first, before they are gone.",
                      "Хорошие клиенты уходят: клиенты уровней A и B, чей уровень упал за "
                      "последние {} мес. Позвоните им первыми, пока они не ушли.",
                      "Hyvät asiakkaat lipsuvat: A- ja B-asiakkaat, joiden luokka laski viimeisten "
                      "{} kk aikana. Soita heille ensin, ennen kuin he lähtevät."}
                .in(lang),
            {n});
    case MovementText::NoneSlipping:
        return fill_placeholders(
            Localized{"No A or B client moved down in the last {} months.",
                      "Ни один клиент уровней A и B не опустился за последние {} "
                      "мес.",
                      "Yksikään A- tai B-asiakas ei laskenut viimeisten {} kk "
                      "aikana."}
                .in(lang),
            {n});
    case MovementText::More:
        return Localized{"... and {} more: filter Movement on the Clients sheet.",
                         "... и ещё {}: отфильтруйте столбец «Движение» на листе клиентов.",
                         "... ja {} muuta: suodata Muutos-sarake asiakkaiden taulukossa."}
            .in(lang);
    }
    return {};
}

} // namespace triage
