#include "core/verdict.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <cmath>
#include <cstdint>
#include <string>

namespace triage {

namespace {

// ---------------------------------------------------------------- the tables

struct VerdictText {
    const char* key;
    Localized label;
    Localized generic_step;
};

// One row per verdict, in enum order.
constexpr std::array<VerdictText, kVerdictCount> kVerdictTexts = {{
    {"keep",
     {"Keep", "Удержать", "Pidä"},
     {"protect: priority service, a personal manager, regular check-ins",
      "беречь: приоритетное обслуживание, персональный менеджер, регулярные контакты",
      "suojele: etusijainen palvelu, oma yhteyshenkilö, säännölliset tapaamiset"}},
    {"grow",
     {"Grow", "Развивать", "Kasvata"},
     {"develop: offer more products and services, aim for tier A",
      "развивать: предлагать больше товаров и услуг, цель — категория A",
      "kehitä: tarjoa lisää tuotteita ja palveluita, tavoitteena A-luokka"}},
    {"low_touch",
     {"Low-touch", "Автоматизировать", "Kevyt palvelu"},
     {"automate: self-service and e-mail offers, no personal time",
      "автоматизировать: самообслуживание и предложения по e-mail, без личного времени "
      "менеджера",
      "automatisoi: itsepalvelu ja sähköpostitarjoukset, ei henkilökohtaista aikaa"}},
    {"renegotiate",
     {"Renegotiate", "Пересмотреть условия", "Neuvottele ehdot"},
     {"change the terms to remove the main risk: prepayment, return terms, a fixed scope, "
      "paid extras",
      "изменить условия, чтобы убрать главный риск: предоплата, условия возврата, "
      "фиксированный объём работ, платные дополнительные услуги",
      "muuta ehtoja suurimman riskin poistamiseksi: ennakkomaksu, palautusehdot, rajattu "
      "laajuus, maksulliset lisäpalvelut"}},
    {"win_back",
     {"Win back", "Вернуть", "Voita takaisin"},
     {"call personally: find what changed (lost contact, a broken promise, a lower price "
      "elsewhere), offer a targeted bonus",
      "позвонить лично: выяснить, что изменилось (потерян контакт, нарушена договорённость, "
      "нашлась цена ниже), предложить адресный бонус",
      "soita henkilökohtaisesti: selvitä, mikä muuttui (yhteys katkesi, lupaus petti, "
      "halvempi hinta muualla), tarjoa kohdennettu etu"}},
    {"let_go",
     {"Let go", "Отпустить", "Päästä irti"},
     {"part politely through the usual channel: explain the mismatch, suggest an "
      "alternative, settle open items",
      "вежливо расстаться через привычный канал связи: объяснить, в чём вы не подходите "
      "друг другу, предложить альтернативу, закрыть открытые вопросы",
      "eroa kohteliaasti tutun yhteyskanavan kautta: kerro, miksi yhteistyö ei sovi, ehdota "
      "vaihtoehtoa, hoida avoimet asiat"}},
}};

// The specific step per signal, in the spec's table order (signal_index()).
constexpr std::array<Localized, kSignalCount> kSpecificSteps = {{
    {"prepayment of 30-50%, no deferred payment, pause work while invoices are overdue",
     "предоплата 30-50%, без отсрочки платежа, работа приостанавливается, пока есть "
     "просроченные счета",
     "30-50 %:n ennakkomaksu, ei maksuaikaa, työt tauolle, kun laskuja on erääntyneenä"},
    {"tighter return terms, the client pays return shipping",
     "более строгие условия возврата, доставку при возврате оплачивает клиент",
     "tiukemmat palautusehdot, asiakas maksaa palautuksen toimituskulut"},
    {"one contact person and a clear escalation path; written scope",
     "одно контактное лицо и понятный порядок эскалации; объём работ — письменно",
     "yksi yhteyshenkilö ja selkeä eskalointipolku; kirjallisesti sovittu laajuus"},
    {"no extra discounts; loyalty benefits only on full-price orders",
     "никаких дополнительных скидок; бонусы лояльности — только на заказы по полной цене",
     "ei lisäalennuksia; kanta-asiakasedut vain täyshintaisista tilauksista"},
    {"tiered service levels: extra support hours, delivery and set-up are paid",
     "уровни обслуживания: дополнительные часы поддержки, доставка и настройка — платные",
     "porrastetut palvelutasot: lisätukitunnit, toimitus ja käyttöönotto ovat maksullisia"},
    {"deadlines tied to approvals in the contract; work pauses while waiting",
     "сроки в договоре привязаны к согласованиям; пока ответа нет, работа стоит",
     "aikataulut sidotaan sopimuksessa hyväksyntöihin; työ on tauolla odotuksen ajan"},
    {"fixed scope, paid change requests", "фиксированный объём работ, платные изменения",
     "kiinteä laajuus, maksulliset muutospyynnöt"},
    {"a rush surcharge and published lead times",
     "наценка за срочность и опубликованные сроки выполнения",
     "kiirelisä ja julkaistut toimitusajat"},
}};

constexpr Localized kNoSignalStep = {
    "raise the minimum order, remove free extras (delivery, set-up, warranty), review the price",
    "повысить минимальный объём закупки, убрать бесплатные дополнительные услуги (доставку, "
    "настройку, гарантию), пересмотреть цену",
    "nosta vähimmäistilausta, poista ilmaiset lisät (toimitus, käyttöönotto, takuu), tarkista "
    "hinta"};

// Joins the generic step and the hint: "{generic}. Also: {specific}".
constexpr Localized kHintPattern = {"{}. Also: {}", "{}. Также: {}", "{}. Lisäksi: {}"};

// ---------------------------------------------------------------- helpers

void require_days(std::optional<double> days, const char* what) {
    if (days && (!std::isfinite(*days) || *days < 0.0)) {
        throw InvalidInput(std::string(what) + " must be a number of days, 0 or more");
    }
}

// Decodes one UTF-8 code point at `i` and advances `i`; a malformed byte is returned as is
// (as a code point of its own value), so any input decodes without failing.
char32_t next_code_point(std::string_view text, std::size_t& i) {
    char32_t cp = 0;
    const std::size_t length = decode_utf8(text, i, cp);
    if (length == 0) {
        return static_cast<unsigned char>(text[i++]);
    }
    i += length;
    return cp;
}

char32_t to_lower(char32_t cp) {
    if (cp >= U'A' && cp <= U'Z') {
        return cp + 0x20;
    }
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) { // Latin-1: Ä Ö Å ...
        return cp + 0x20;
    }
    if (cp >= 0x410 && cp <= 0x42F) { // Cyrillic А..Я
        return cp + 0x20;
    }
    if (cp >= 0x400 && cp <= 0x40F) { // Cyrillic Ѐ..Џ (Ё)
        return cp + 0x50;
    }
    return cp;
}

bool is_ignored(char32_t cp) {
    return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\v' || cp == U'\f' ||
           cp == U'-' || cp == U'_' || cp == 0xA0 /* no-break space */ || cp == 0x2010 ||
           cp == 0x2011 || cp == 0x2013 /* hyphens, en dash */;
}

// The comparison key of a label: lower case code points without ignored characters.
std::u32string fold(std::string_view text) {
    std::u32string out;
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t cp = to_lower(next_code_point(text, i));
        if (!is_ignored(cp)) {
            out += cp;
        }
    }
    return out;
}

} // namespace

void validate_lapse_rule(const LapseRule& rule) {
    if (!std::isfinite(rule.interval_multiple) || !(rule.interval_multiple > 0.0)) {
        throw InvalidInput("the lapse multiple of the usual interval must be a number above 0");
    }
    if (!std::isfinite(rule.days_without_interval) || !(rule.days_without_interval >= 0.0)) {
        throw InvalidInput("the days without an order after which a client is lapsed must be a "
                           "number of days, 0 or more");
    }
    if (rule.p_alive_below && !(*rule.p_alive_below > 0.0 && *rule.p_alive_below <= 1.0)) {
        throw InvalidInput("the P(alive) below which a client is lapsed must be above 0 and at "
                           "most 1");
    }
}

void validate_verdict_rules(const VerdictRules& rules) {
    validate_lapse_rule(rules.lapse);
    for (const auto& row : rules.table) {
        for (Verdict v : row) {
            const auto index = static_cast<std::size_t>(v);
            if (index >= kVerdictCount) {
                throw InvalidInput("the verdict table holds something that is not a verdict");
            }
            if (v == Verdict::WinBack) {
                throw InvalidInput("Win back cannot be a cell of the verdict table: it is given "
                                   "to lapsed clients only");
            }
        }
    }
}

bool is_lapsed(std::optional<double> days_since_last_order,
               std::optional<double> usual_days_between_orders, const LapseRule& rule,
               std::optional<double> p_alive) {
    validate_lapse_rule(rule);
    require_days(days_since_last_order, "days since the last order");
    require_days(usual_days_between_orders, "usual days between orders");
    if (p_alive && !(*p_alive >= 0.0 && *p_alive <= 1.0)) {
        throw InvalidInput("P(alive) must be a probability from 0 to 1");
    }
    if (rule.p_alive_below && p_alive) {
        return *p_alive < *rule.p_alive_below;
    }
    if (!days_since_last_order) {
        return false;
    }
    if (usual_days_between_orders && *usual_days_between_orders > 0.0) {
        return *days_since_last_order > rule.interval_multiple * *usual_days_between_orders;
    }
    return *days_since_last_order > rule.days_without_interval;
}

Verdict verdict_for(Tier tier, Band band, std::optional<double> days_since_last_order,
                    std::optional<double> usual_days_between_orders, const VerdictRules& rules,
                    std::optional<double> p_alive) {
    validate_verdict_rules(rules);
    const bool lapsed =
        is_lapsed(days_since_last_order, usual_days_between_orders, rules.lapse, p_alive);
    if ((tier == Tier::A || tier == Tier::B) && band != Band::High && lapsed) {
        return Verdict::WinBack;
    }
    return rules.table[static_cast<std::size_t>(tier)][static_cast<std::size_t>(band)];
}

const char* verdict_label(Verdict verdict, Lang lang) {
    return kVerdictTexts[static_cast<std::size_t>(verdict)].label.in(lang);
}

const char* verdict_key(Verdict verdict) {
    return kVerdictTexts[static_cast<std::size_t>(verdict)].key;
}

std::optional<Verdict> parse_verdict(std::string_view text) {
    const std::u32string key = fold(text);
    if (key.empty()) {
        return std::nullopt;
    }
    for (Verdict v : kAllVerdicts) {
        const VerdictText& row = kVerdictTexts[static_cast<std::size_t>(v)];
        for (const char* candidate : {row.key, row.label.en, row.label.ru, row.label.fi}) {
            if (fold(candidate) == key) {
                return v;
            }
        }
    }
    return std::nullopt;
}

const char* generic_next_step(Verdict verdict, Lang lang) {
    return kVerdictTexts[static_cast<std::size_t>(verdict)].generic_step.in(lang);
}

const char* specific_next_step(std::optional<Signal> top_signal, Lang lang) {
    if (!top_signal) {
        return kNoSignalStep.in(lang);
    }
    return kSpecificSteps[signal_index(*top_signal)].in(lang);
}

std::string next_step(Verdict verdict, std::optional<Signal> top_signal, Lang lang) {
    if (verdict == Verdict::Renegotiate) {
        return specific_next_step(top_signal, lang);
    }
    if (!top_signal) {
        return generic_next_step(verdict, lang);
    }
    return fill_placeholders(kHintPattern.in(lang), {generic_next_step(verdict, lang),
                                                     specific_next_step(top_signal, lang)});
}

} // namespace triage
