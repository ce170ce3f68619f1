// The built-in rule presets (docs/presets.md): whole rule sets for kinds of business.
#include "core/rules.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace triage {

namespace {

RuleSet make_rules(TierShares shares, const RiskRules& signals, BandLimits bands,
                   const VerdictTable& table, LapseRule lapse, CadenceGaps prospects,
                   std::initializer_list<std::pair<Field, std::vector<std::string>>> synonyms) {
    RuleSet r;
    r.shares = shares;
    r.signals = signals;
    r.bands = bands;
    r.verdicts.table = table;
    r.verdicts.lapse = lapse;
    r.prospects = prospects;
    for (const auto& [field, list] : synonyms) {
        r.synonyms[field_index(field)] = list;
    }
    return r;
}

std::vector<Preset> build_presets() {
    using V = Verdict;
    std::vector<Preset> out;
    out.push_back({"standard",
                   {"Standard", "Стандартные", "Vakio"},
                   {"The values of the specification: a balanced start for any business.",
                    "Значения из спецификации: сбалансированный вариант для любого бизнеса.",
                    "Määrittelyn arvot: tasapainoinen lähtökohta mille tahansa yritykselle."},
                   default_rules()});

    // Services (B2B): agencies, studios, consultancies. Projects, not parcels: scope creep,
    // slow approvals and rush deadlines eat the margin, returns hardly exist.
    out.push_back(
        {"services_b2b",
         {"Services (B2B)", "Услуги (B2B)", "Palvelut (B2B)"},
         {"Agencies, studios and consultancies: unpaid extra work, slow approvals and late "
          "payment weigh most; returns hardly matter.",
          "Агентства, студии и консалтинг: сильнее всего весят бесплатные доработки, долгие "
          "согласования и просрочка оплаты; возвраты почти не важны.",
          "Toimistot, studiot ja konsultointi: maksuton lisätyö, hitaat hyväksynnät ja "
          "maksuviive painavat eniten; palautuksilla ei juuri ole merkitystä."},
         make_rules(
             {0.8, 0.8},
             {{
                 {0, 45, 3},        // days_late
                 {0.05, 0.30, 0.5}, // return_rate
                 {0, 4, 2},         // complaints
                 {0.10, 0.50, 1},   // discount_share
                 {0.20, 1.00, 3},   // cost_to_serve
                 {2, 14, 3},        // approval_days
                 {0.05, 0.30, 4},   // scope_creep
                 {0.10, 0.50, 2},   // rush_share
             }},
             {30, 60}, kDefaultVerdictTable, {3, 365, std::nullopt}, {5, 10},
             {{Field::ScopeCreep,
               {"change requests", "out of scope work", "внеплановые работы", "muutospyynnöt"}},
              {Field::ApprovalDays,
               {"feedback days", "days to feedback", "дней на обратную связь",
                "palautepäivät"}}})});

    // Online shop: consumers pay upfront, so late payment is rare; returns, promo hunting
    // and complaints cost the money. Small customers cannot be renegotiated one by one.
    out.push_back(
        {"online_shop",
         {"Online shop", "Интернет-магазин", "Verkkokauppa"},
         {"Online retail: returns, discount hunting and complaints weigh most; late payment "
          "little, since customers pay upfront.",
          "Интернет-торговля: сильнее всего весят возвраты, охота за скидками и жалобы; "
          "просрочка оплаты мало значит, так как покупатели платят заранее.",
          "Verkkokauppa: palautukset, alennusten metsästys ja reklamaatiot painavat eniten; "
          "maksuviive vähän, koska asiakkaat maksavat etukäteen."},
         make_rules(
             {0.8, 0.8},
             {{
                 {0, 30, 0.5},      // days_late
                 {0.10, 0.40, 4},   // return_rate
                 {0, 3, 2},         // complaints
                 {0.30, 0.90, 3},   // discount_share
                 {0.20, 1.00, 2},   // cost_to_serve
                 {3, 30, 0.5},      // approval_days
                 {0.10, 0.50, 0.5}, // scope_creep
                 {0.20, 0.80, 0.5}, // rush_share
             }},
             {30, 60},
             {{
                 {V::Keep, V::Keep, V::Renegotiate},
                 {V::Grow, V::Renegotiate, V::Renegotiate},
                 {V::LowTouch, V::LowTouch, V::LetGo},
                 {V::Renegotiate, V::LetGo, V::LetGo},
             }},
             {2, 120, std::nullopt}, {3, 7},
             {{Field::ReturnRate,
               {"returned items share", "доля возвращённых товаров",
                "palautettujen tuotteiden osuus"}},
              {Field::DiscountShare,
               {"promo code share", "coupon share", "доля заказов с промокодом",
                "alennuskoodien osuus"}},
              {Field::RushShare,
               {"express delivery share", "доля экспресс-доставки", "pikatoimitusten osuus"}}})});

    // Wholesale: thin margins on large volumes. Deferred payment ties up working capital and
    // the cost of serving (logistics, small drops) decides the profit; tier A is the few key
    // accounts.
    out.push_back(
        {"wholesale",
         {"Wholesale", "Оптовая торговля", "Tukkukauppa"},
         {"Wholesale and distribution: late payment and cost to serve dominate, complaints and "
          "rush orders matter; tier A is the few key accounts.",
          "Опт и дистрибуция: главное — просрочка оплаты и затраты на обслуживание, важны "
          "жалобы и срочные заказы; категория A — немногие ключевые клиенты.",
          "Tukkukauppa ja jakelu: maksuviive ja palvelukustannukset ratkaisevat, reklamaatiot "
          "ja kiiretilaukset ovat tärkeitä; A-luokka on harvat avainasiakkaat."},
         make_rules(
             {0.7, 0.8},
             {{
                 {0, 45, 4},      // days_late
                 {0.02, 0.15, 2}, // return_rate
                 {0, 5, 2},       // complaints
                 {0.30, 0.90, 1}, // discount_share
                 {0.15, 0.80, 4}, // cost_to_serve
                 {3, 30, 0.5},    // approval_days
                 {0.05, 0.30, 1}, // scope_creep
                 {0.10, 0.50, 2}, // rush_share
             }},
             {30, 60}, kDefaultVerdictTable, {1.5, 90, std::nullopt}, {3, 7},
             {{Field::Client, {"dealer", "distributor", "дилер", "дистрибьютор", "jälleenmyyjä"}},
              {Field::ServiceCost,
               {"logistics cost", "delivery cost", "логистические расходы",
                "logistiikkakulut"}}})});
    return out;
}

} // namespace

const std::vector<Preset>& presets() {
    static const std::vector<Preset> all = build_presets();
    return all;
}

std::optional<RuleSet> preset(std::string_view key) {
    for (const Preset& p : presets()) {
        if (p.key == key) {
            return p.rules;
        }
    }
    return std::nullopt;
}

} // namespace triage
