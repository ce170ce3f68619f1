// The checks of a whole rule set: each value in its range, and no two values in conflict
// (good equal to bad, medium risk from above high, a synonym of two fields).
#include "core/rule_problems.hpp"

#include "core/headers.hpp"
#include "core/reasons.hpp"

#include <cmath>
#include <unordered_map>
#include <utility>

namespace triage {

namespace rule_problems {

namespace {

constexpr Localized kRangeShare = {"above 0 and at most 1", "больше 0 и не больше 1",
                                   "yli 0 ja enintään 1"};
constexpr Localized kRangePositive = {"a finite number above 0", "конечное число больше 0",
                                      "äärellinen luku, yli 0"};
constexpr Localized kRangeNonNegative = {
    "a finite number, 0 or more", "конечное число, 0 или больше", "äärellinen luku, 0 tai enemmän"};
constexpr Localized kRangeMediumFrom = {"above 0 and below 100", "больше 0 и меньше 100",
                                        "yli 0 ja alle 100"};
constexpr Localized kRangeHighFrom = {"above 0 and at most 100", "больше 0 и не больше 100",
                                      "yli 0 ja enintään 100"};
constexpr Localized kRangeMonths = {"a whole number from 1 to 120", "целое число от 1 до 120",
                                    "kokonaisluku 1–120"};
constexpr Localized kWhatAShare = {"The share of the profit that tier A makes",
                                   "Доля прибыли категории A", "A-luokan osuus voitosta"};
constexpr Localized kWhatBShare = {"The share of the remaining profit that tier B makes",
                                   "Доля оставшейся прибыли категории B",
                                   "B-luokan osuus jäljelle jäävästä voitosta"};
constexpr Localized kWhatGood = {"The good value of {}", "Хорошее значение для «{}»",
                                 "Hyvä arvo kentälle \"{}\""};
constexpr Localized kWhatBad = {"The bad value of {}", "Плохое значение для «{}»",
                                "Huono arvo kentälle \"{}\""};
constexpr Localized kWhatWeight = {"The weight of {}", "Вес сигнала «{}»", "Paino kentälle \"{}\""};
constexpr Localized kWhatMediumFrom = {"The risk where the medium band begins",
                                       "Риск, с которого начинается средний уровень",
                                       "Riski, josta keskitaso alkaa"};
constexpr Localized kWhatHighFrom = {"The risk where the high band begins",
                                     "Риск, с которого начинается высокий уровень",
                                     "Riski, josta korkea taso alkaa"};
constexpr Localized kWhatMultiple = {
    "The multiple of the usual interval between orders after which a client is lapsed",
    "Во сколько раз пауза должна превысить обычный интервал между заказами, чтобы клиент "
    "считался ушедшим",
    "Kerroin, jolla tavallinen tilausväli ylittyy ennen kuin asiakas katsotaan menetetyksi"};
constexpr Localized kWhatDaysWithout = {
    "The days without an order after which a client without a usual interval is lapsed",
    "Число дней без заказов, после которых клиент без обычного интервала считается ушедшим",
    "Päivät ilman tilausta, joiden jälkeen asiakas ilman tavallista tilausväliä katsotaan "
    "menetetyksi"};
constexpr Localized kWhatPAliveBelow = {
    "The probability of still being a client (P(alive)) below which a client is lapsed",
    "Вероятность активности (P(alive)), ниже которой клиент считается ушедшим",
    "Aktiivisuuden todennäköisyys (P(alive)), jonka alittava asiakas katsotaan menetetyksi"};
constexpr Localized kWhatMovementMonths = {
    "The months of each period the tier movement compares",
    "Число месяцев в каждом из сравниваемых периодов движения по уровням",
    "Kuukausia kummassakin jaksossa, joita luokkien muutos vertaa"};
constexpr Localized kWhatGap = {"The days between two calls to a prospect",
                                "Число дней между звонками потенциальному клиенту",
                                "Päivät kahden soiton välillä"};
constexpr Localized kWhatLetterGap = {"The days between the third call and the letter",
                                      "Число дней между третьим звонком и письмом",
                                      "Päivät kolmannen soiton ja kirjeen välillä"};
constexpr Localized kGoodEqualsBad = {
    "The good and the bad value of {} must differ; both are {}.",
    "Хорошее и плохое значения для «{}» должны различаться; оба равны {}.",
    "Kentän \"{}\" hyvän ja huonon arvon on oltava eri; molemmat ovat {}."};
constexpr Localized kWeightSum = {
    "The weights add up to more than a number can hold; use smaller weights.",
    "Сумма весов больше, чем может вместить число; уменьшите веса.",
    "Painojen summa on suurempi kuin luku voi olla; käytä pienempiä painoja."};
constexpr Localized kBandOrder = {
    "Medium risk must begin below high risk: medium_from is {}, high_from is {}.",
    "Средний риск должен начинаться ниже высокого: medium_from = {}, high_from = {}.",
    "Keskitason riskin on alettava alempaa kuin korkean: medium_from on {}, high_from on {}."};
constexpr Localized kWinBackCell = {
    "Win back cannot be a cell of the verdict table: it is given to lapsed clients of tier A "
    "and B only.",
    "«Вернуть» не может стоять в таблице решений: это решение дается только ушедшим клиентам "
    "категорий A и B.",
    "\"Voita takaisin\" ei voi olla päätöstaulukon solu: se annetaan vain menetetyille A- ja "
    "B-luokan asiakkaille."};
constexpr Localized kEmptySynonym = {"A synonym must contain at least one letter or digit.",
                                     "Синоним должен содержать хотя бы одну букву или цифру.",
                                     "Synonyymissä on oltava vähintään yksi kirjain tai numero."};
constexpr Localized kSynonymTwice = {
    "{} is a synonym of both {} and {}; a header can name one field only.",
    "{} указан синонимом и для «{}», и для «{}»; заголовок может обозначать только одно поле.",
    "{} on sekä kentän \"{}\" että kentän \"{}\" synonyymi; otsikko voi tarkoittaa vain yhtä "
    "kenttää."};

std::string signal_what(const Localized& pattern, Signal s, Lang lang) {
    return fill_placeholders(pattern.in(lang), {std::string(signal_label(s, lang)) + " (" +
                                                std::string(signal_key(s)) + ")"});
}

bool finite_at_least_zero(double x) {
    return std::isfinite(x) && x >= 0.0;
}

bool finite_above_zero(double x) {
    return std::isfinite(x) && x > 0.0;
}

} // namespace

void check_ranges(const RuleSet& rules, const std::set<std::string>* given, Problems& problems) {
    const auto was_given = [&](const std::string& path) {
        return given == nullptr || given->count(path) > 0;
    };
    const auto plain = [](const Localized& what) {
        return [&what](Lang l) { return std::string(what.in(l)); };
    };
    const auto share_ok = [](double x) { return std::isfinite(x) && x > 0.0 && x <= 1.0; };
    if (!share_ok(rules.shares.a)) {
        problems.out_of_range("/tiers/a_share", plain(kWhatAShare), kRangeShare, rules.shares.a);
    }
    if (!share_ok(rules.shares.b)) {
        problems.out_of_range("/tiers/b_share", plain(kWhatBShare), kRangeShare, rules.shares.b);
    }

    bool weights_ok = true;
    double weight_sum = 0.0;
    for (Signal s : kAllSignals) {
        const SignalRule& r = rules.signals[signal_index(s)];
        const std::string path = child("/signals", signal_key(s));
        const auto what = [s](const Localized& pattern) {
            return [s, &pattern](Lang l) { return signal_what(pattern, s, l); };
        };
        const bool good_ok = finite_at_least_zero(r.good);
        const bool bad_ok = finite_at_least_zero(r.bad);
        if (!good_ok) {
            problems.out_of_range(path + "/good", what(kWhatGood), kRangeNonNegative, r.good);
        }
        if (!bad_ok) {
            problems.out_of_range(path + "/bad", what(kWhatBad), kRangeNonNegative, r.bad);
        }
        if (good_ok && bad_ok && r.good == r.bad) {
            const bool at_good = was_given(path + "/good") && !was_given(path + "/bad");
            problems.add(RuleProblemKind::Conflict, path + (at_good ? "/good" : "/bad"),
                         each_lang([&](Lang l) {
                             return fill_placeholders(kGoodEqualsBad.in(l),
                                                      {std::string(signal_label(s, l)) + " (" +
                                                           std::string(signal_key(s)) + ")",
                                                       number_text(r.good)});
                         }));
        }
        if (!finite_above_zero(r.weight)) {
            problems.out_of_range(path + "/weight", what(kWhatWeight), kRangePositive, r.weight);
            weights_ok = false;
        } else {
            weight_sum += r.weight;
        }
    }
    if (weights_ok && !std::isfinite(weight_sum)) {
        problems.add(RuleProblemKind::OutOfRange, "/signals",
                     each_lang([](Lang l) { return std::string(kWeightSum.in(l)); }));
    }

    const BandLimits& bands = rules.bands;
    const bool medium_ok =
        std::isfinite(bands.medium_from) && bands.medium_from > 0.0 && bands.medium_from < 100.0;
    const bool high_ok =
        std::isfinite(bands.high_from) && bands.high_from > 0.0 && bands.high_from <= 100.0;
    if (!medium_ok) {
        problems.out_of_range("/bands/medium_from", plain(kWhatMediumFrom), kRangeMediumFrom,
                              bands.medium_from);
    }
    if (!high_ok) {
        problems.out_of_range("/bands/high_from", plain(kWhatHighFrom), kRangeHighFrom,
                              bands.high_from);
    }
    if (medium_ok && high_ok && !(bands.medium_from < bands.high_from)) {
        const bool at_medium = was_given("/bands/medium_from") && !was_given("/bands/high_from");
        problems.add(RuleProblemKind::Conflict,
                     at_medium ? "/bands/medium_from" : "/bands/high_from", each_lang([&](Lang l) {
                         return fill_placeholders(kBandOrder.in(l), {number_text(bands.medium_from),
                                                                     number_text(bands.high_from)});
                     }));
    }

    for (std::size_t t = 0; t < kTierKeys.size(); ++t) {
        for (std::size_t b = 0; b < kBandKeys.size(); ++b) {
            const Verdict v = rules.verdicts.table[t][b];
            const std::string path = child(child("/verdicts", kTierKeys[t]), kBandKeys[b]);
            if (v == Verdict::WinBack) {
                problems.add(RuleProblemKind::OutOfRange, path,
                             each_lang([](Lang l) { return std::string(kWinBackCell.in(l)); }));
            } else if (static_cast<std::size_t>(v) >= kVerdictCount) {
                problems.add(RuleProblemKind::UnknownName, path, each_lang([&](Lang l) {
                                 return fill_placeholders(kUnknownVerdict.in(l), {quoted("?", l)});
                             }));
            }
        }
    }

    const LapseRule& lapse = rules.verdicts.lapse;
    if (!finite_above_zero(lapse.interval_multiple)) {
        problems.out_of_range("/lapse/interval_multiple", plain(kWhatMultiple), kRangePositive,
                              lapse.interval_multiple);
    }
    if (!finite_at_least_zero(lapse.days_without_interval)) {
        problems.out_of_range("/lapse/days_without_interval", plain(kWhatDaysWithout),
                              kRangeNonNegative, lapse.days_without_interval);
    }
    if (!(rules.movement_months >= 1 && rules.movement_months <= 120 &&
          rules.movement_months == std::floor(rules.movement_months))) {
        problems.out_of_range("/movement/months", plain(kWhatMovementMonths), kRangeMonths,
                              rules.movement_months);
    }
    if (lapse.p_alive_below && !share_ok(*lapse.p_alive_below)) {
        problems.out_of_range("/lapse/p_alive_below", plain(kWhatPAliveBelow), kRangeShare,
                              *lapse.p_alive_below);
    }
    if (!finite_at_least_zero(rules.prospects.gap_days)) {
        problems.out_of_range("/prospects/gap_days", plain(kWhatGap), kRangeNonNegative,
                              rules.prospects.gap_days);
    }
    if (!finite_at_least_zero(rules.prospects.letter_gap_days)) {
        problems.out_of_range("/prospects/letter_gap_days", plain(kWhatLetterGap),
                              kRangeNonNegative, rules.prospects.letter_gap_days);
    }

    // Synonyms: each must name something, and one text names one field only.
    // A clash is reported at the list the document gave (the later one when it gave both or
    // neither), so a user's synonym that clashes with a base preset's is reported at the user's.
    std::unordered_map<std::string, std::pair<Field, std::size_t>> owner;
    for (Field f : kAllFields) {
        const std::vector<std::string>& list = rules.synonyms[field_index(f)];
        const std::string list_path = child("/synonyms", field_key(f));
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string path = child(list_path, i);
            const std::string key = normalize_header(list[i]);
            if (key.empty()) {
                problems.add(RuleProblemKind::OutOfRange, path,
                             each_lang([](Lang l) { return std::string(kEmptySynonym.in(l)); }));
                continue;
            }
            const auto [it, inserted] = owner.emplace(key, std::make_pair(f, i));
            if (!inserted && it->second.first != f) {
                const Field first = it->second.first;
                const std::string first_path =
                    child(child("/synonyms", field_key(first)), it->second.second);
                const bool at_first =
                    !was_given(list_path) && was_given(child("/synonyms", field_key(first)));
                problems.add(
                    RuleProblemKind::Conflict, at_first ? first_path : path, each_lang([&](Lang l) {
                        return fill_placeholders(
                            kSynonymTwice.in(l),
                            {quoted(list[i], l), field_name(first).in(l), field_name(f).in(l)});
                    }));
            }
        }
    }
}

} // namespace rule_problems

using namespace rule_problems;

std::vector<RuleProblem> validate_rules(const RuleSet& rules) {
    std::vector<RuleProblem> out;
    Problems problems(out);
    check_ranges(rules, nullptr, problems);
    return out;
}

BatchSettings batch_settings(const RuleSet& rules, Lang lang) {
    std::vector<RuleProblem> problems = validate_rules(rules);
    if (!problems.empty()) {
        throw RulesError(std::move(problems));
    }
    BatchSettings settings;
    settings.shares = rules.shares;
    settings.rules = rules.signals;
    settings.lang = lang;
    settings.bands = rules.bands;
    settings.verdicts = rules.verdicts;
    return settings;
}

} // namespace triage
