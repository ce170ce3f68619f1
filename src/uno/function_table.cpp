#include "uno/function_table.hpp"

#include <algorithm>
#include <cctype>

namespace triage::uno {

namespace {

// ---------------------------------------------------------------- arguments

const ArgumentInfo kValue = {
    {"value", "значение", "arvo"},
    {"The client's profit (or revenue where there is no profit), or a range of them.",
     "Прибыль клиента (или выручка, если прибыли нет) либо диапазон таких значений.",
     "Asiakkaan kate (tai liikevaihto, jos katetta ei ole) tai niiden alue."}};

const ArgumentInfo kValues = {
    {"values", "значения", "arvot"},
    {"The profits of all clients: the population the tiers are computed over. Empty and text "
     "cells are ignored.",
     "Прибыль всех клиентов: совокупность, по которой считаются уровни. Пустые и текстовые "
     "ячейки пропускаются.",
     "Kaikkien asiakkaiden katteet: joukko, jonka perusteella luokat lasketaan. Tyhjät ja "
     "tekstisolut ohitetaan."}};

const ArgumentInfo kCutoffs = {
    {"cutoffs", "границы", "rajat"},
    {"The two tier lines as CLIENT_TIER_CUTOFFS gives them, e.g. $E$1:$F$1: the smallest A "
     "value and the smallest B value. Two empty cells: no lines (no positive value).",
     "Две границы уровней, как их даёт КЛИЕНТ_ГРАНИЦЫ_УРОВНЕЙ, например $E$1:$F$1: наименьшее "
     "значение уровня A и наименьшее значение уровня B. Две пустые ячейки: границ нет (нет "
     "положительных значений).",
     "Kaksi luokkarajaa kuten ASIAKAS_LUOKKARAJAT antaa ne, esim. $E$1:$F$1: A-luokan pienin "
     "arvo ja B-luokan pienin arvo. Kaksi tyhjää solua: ei rajoja (ei positiivisia arvoja)."}};

const ArgumentInfo kAShare = {
    {"a_share", "доля_A", "A_osuus"},
    {"Share of the total profit that tier A makes, greater than 0 and at most 1. Default 0.8.",
     "Доля общей прибыли, которую дают клиенты уровня A: больше 0 и не больше 1. По умолчанию "
     "0,8.",
     "A-luokan osuus kokonaiskatteesta, yli 0 ja enintään 1. Oletus 0,8."}};

const ArgumentInfo kBShare = {
    {"b_share", "доля_B", "B_osuus"},
    {"Share of the profit left after tier A that tier B makes, greater than 0 and at most 1. "
     "Default 0.8.",
     "Доля прибыли, оставшейся после уровня A, которую дают клиенты уровня B: больше 0 и не "
     "больше 1. По умолчанию 0,8.",
     "B-luokan osuus A-luokan jälkeen jäävästä katteesta, yli 0 ja enintään 1. Oletus 0,8."}};

const std::vector<ArgumentInfo> kSignals = {
    {{"days_late", "дней_просрочки", "myöhästymispäivät"},
     {"Average days the client's payment arrives after the due date (0 is good, 60 is bad). "
      "May be empty.",
      "Сколько дней в среднем клиент задерживает оплату после срока (0 — хорошо, 60 — плохо). "
      "Можно оставить пустым.",
      "Montako päivää maksu keskimäärin myöhästyy eräpäivästä (0 hyvä, 60 huono). Voi olla "
      "tyhjä."}},
    {{"return_rate", "доля_возвратов", "palautusaste"},
     {"Returned share of orders, 0 to 1 (0.05 is good, 0.30 is bad). May be empty.",
      "Доля возвращённых заказов, от 0 до 1 (0,05 — хорошо, 0,30 — плохо). Можно оставить "
      "пустым.",
      "Palautettujen tilausten osuus 0–1 (0,05 hyvä, 0,30 huono). Voi olla tyhjä."}},
    {{"complaints", "жалобы", "reklamaatiot"},
     {"Complaints in the period, a count (0 is good, 6 is bad). May be empty.",
      "Число жалоб за период (0 — хорошо, 6 — плохо). Можно оставить пустым.",
      "Reklamaatioiden määrä kaudella (0 hyvä, 6 huono). Voi olla tyhjä."}},
    {{"discount_share", "доля_скидок", "alennusosuus"},
     {"Share of purchases bought at a discount or promotion, 0 to 1 (0.20 is good, 0.80 is "
      "bad). May be empty.",
      "Доля покупок со скидкой или по акции, от 0 до 1 (0,20 — хорошо, 0,80 — плохо). Можно "
      "оставить пустым.",
      "Alennuksella tai kampanjassa ostettujen osuus 0–1 (0,20 hyvä, 0,80 huono). Voi olla "
      "tyhjä."}},
    {{"cost_to_serve", "стоимость_обслуживания", "palvelukustannus"},
     {"Cost to serve the client divided by the gross profit it brings (0.20 is good, 1.00 is "
      "bad). May be empty.",
      "Затраты на обслуживание клиента, делённые на валовую прибыль от него (0,20 — хорошо, "
      "1,00 — плохо). Можно оставить пустым.",
      "Asiakkaan palvelukustannus jaettuna sen tuomalla katteella (0,20 hyvä, 1,00 huono). Voi "
      "olla tyhjä."}},
    {{"approval_days", "дней_согласования", "hyväksymispäivät"},
     {"Average days the client takes to approve or answer (3 is good, 30 is bad). Optional.",
      "Сколько дней в среднем клиент согласует или отвечает (3 — хорошо, 30 — плохо). "
      "Необязательный.",
      "Montako päivää asiakas keskimäärin vastaa tai hyväksyy (3 hyvä, 30 huono). "
      "Valinnainen."}},
    {{"scope_creep", "доп_работы", "laajuuden_kasvu"},
     {"Unpaid extra work divided by contracted work (0.10 is good, 0.50 is bad). Optional.",
      "Неоплаченные дополнительные работы, делённые на работы по договору (0,10 — хорошо, "
      "0,50 — плохо). Необязательный.",
      "Maksuton lisätyö jaettuna sovitulla työllä (0,10 hyvä, 0,50 huono). Valinnainen."}},
    {{"rush_share", "доля_срочных", "kiireosuus"},
     {"Share of orders with rush or unrealistic deadlines, 0 to 1 (0.10 is good, 0.60 is "
      "bad). Optional.",
      "Доля заказов со срочными или нереальными сроками, от 0 до 1 (0,10 — хорошо, 0,60 — "
      "плохо). Необязательный.",
      "Kiireellisten tai epärealististen tilausten osuus 0–1 (0,10 hyvä, 0,60 huono). "
      "Valinnainen."}},
};

const ArgumentInfo kTier = {{"tier", "уровень", "luokka"},
                            {"The client's tier: A, B, C or D (as CLIENT_TIER gives it).",
                             "Уровень клиента: A, B, C или D (как его даёт CLIENT_TIER).",
                             "Asiakkaan luokka: A, B, C tai D (kuten CLIENT_TIER sen antaa)."}};

const ArgumentInfo kRisk = {
    {"risk", "риск", "riski"},
    {"The client's risk score, 0 to 100 (as CLIENT_RISK gives it). Empty counts as low risk.",
     "Оценка риска клиента от 0 до 100 (как её даёт CLIENT_RISK). Пустое значение — низкий "
     "риск.",
     "Asiakkaan riskipisteet 0–100 (kuten CLIENT_RISK ne antaa). Tyhjä on matala riski."}};

const ArgumentInfo kDaysSince = {
    {"days_since_last_order", "дней_с_последнего_заказа", "päivää_viime_tilauksesta"},
    {"Days since the client's last order. Optional: used to find lapsed clients to win back.",
     "Дней с последнего заказа клиента. Необязательный: нужен, чтобы найти ушедших клиентов, "
     "которых стоит вернуть.",
     "Päiviä asiakkaan viimeisimmästä tilauksesta. Valinnainen: löytää poistuneet asiakkaat, "
     "jotka kannattaa voittaa takaisin."}};

const ArgumentInfo kUsualInterval = {
    {"usual_days_between_orders", "обычный_интервал_заказов", "tavallinen_tilausväli"},
    {"The client's usual days between orders. Optional: without it a client is lapsed after "
     "180 days.",
     "Обычное число дней между заказами клиента. Необязательный: без него клиент считается "
     "ушедшим через 180 дней.",
     "Asiakkaan tavallinen tilausväli päivinä. Valinnainen: ilman sitä asiakas on poistunut "
     "180 päivän jälkeen."}};

const ArgumentInfo kVerdict = {
    {"verdict", "вердикт", "päätös"},
    {"A verdict label in English, Russian or Finnish (as CLIENT_VERDICT gives it).",
     "Вердикт на английском, русском или финском (как его даёт CLIENT_VERDICT).",
     "Päätös englanniksi, venäjäksi tai suomeksi (kuten CLIENT_VERDICT sen antaa)."}};

const ArgumentInfo kRecency = {{"recency", "давность", "tuoreus"},
                               {"Days since the client's last order, or a range of them.",
                                "Дней с последнего заказа клиента либо диапазон таких значений.",
                                "Päiviä asiakkaan viimeisimmästä tilauksesta tai niiden alue."}};
const ArgumentInfo kFrequency = {{"frequency", "частота", "tiheys"},
                                 {"The client's number of orders, or a range of them.",
                                  "Число заказов клиента либо диапазон таких значений.",
                                  "Asiakkaan tilausten määrä tai niiden alue."}};
const ArgumentInfo kMonetary = {{"monetary", "сумма", "rahamäärä"},
                                {"The client's revenue, or a range of them.",
                                 "Выручка от клиента либо диапазон таких значений.",
                                 "Asiakkaan liikevaihto tai niiden alue."}};
const ArgumentInfo kRecencyValues = {
    {"recency_values", "все_давности", "kaikki_tuoreudet"},
    {"The recency of every client: the population the scores are computed over. Leave the "
     "three populations out when recency, frequency and monetary are already every client's.",
     "Давность всех клиентов: совокупность, по которой считаются баллы. Три совокупности можно "
     "не указывать, если давность, частота и сумма уже даны для всех клиентов.",
     "Kaikkien asiakkaiden tuoreus: joukko, jonka perusteella pisteet lasketaan. Kolme joukkoa "
     "voi jättää pois, kun tuoreus, tiheys ja rahamäärä on jo annettu kaikille asiakkaille."}};
const ArgumentInfo kFrequencyValues = {{"frequency_values", "все_частоты", "kaikki_tiheydet"},
                                       {"The number of orders of every client.",
                                        "Число заказов всех клиентов.",
                                        "Kaikkien asiakkaiden tilausmäärät."}};
const ArgumentInfo kMonetaryValues = {{"monetary_values", "все_суммы", "kaikki_rahamäärät"},
                                      {"The revenue of every client.", "Выручка всех клиентов.",
                                       "Kaikkien asiakkaiden liikevaihdot."}};
const ArgumentInfo kBins = {
    {"bins", "интервалы", "luokat"},
    {"Number of score bins, 1 to 9. Default 5 (as the R package rfm).",
     "Число интервалов оценки, от 1 до 9. По умолчанию 5 (как в пакете R rfm).",
     "Pisteluokkien määrä 1–9. Oletus 5 (kuten R-paketissa rfm)."}};
const ArgumentInfo kRfmScore = {{"rfm_score", "оценка_RFM", "RFM_pisteet"},
                                {"An RFM score such as 545 (as CLIENT_RFM gives it).",
                                 "Оценка RFM, например 545 (как её даёт CLIENT_RFM).",
                                 "RFM-pisteet, esimerkiksi 545 (kuten CLIENT_RFM ne antaa)."}};

const ArgumentInfo kFirstContact = {{"first_contact", "первый_контакт", "ensikontakti"},
                                    {"The date of the first contact with the prospect.",
                                     "Дата первого контакта с потенциальным клиентом.",
                                     "Ensimmäisen yhteydenoton päivämäärä."}};
const ArgumentInfo kStepsDone = {
    {"steps_done", "шагов_сделано", "tehdyt_vaiheet"},
    {"How many steps are done: 0 to 3 calls, 4 once the letter is sent.",
     "Сколько шагов сделано: от 0 до 3 звонков, 4 — письмо отправлено.",
     "Montako vaihetta on tehty: 0–3 soittoa, 4 kun kirje on lähetetty."}};
const ArgumentInfo kGapDays = {{"gap_days", "дней_между_звонками", "soittoväli"},
                               {"Days between the calls. Default 3.",
                                "Дней между звонками. По умолчанию 3.",
                                "Päiviä soittojen välillä. Oletus 3."}};
const ArgumentInfo kLetterGapDays = {{"letter_gap_days", "дней_до_письма", "kirjeväli"},
                                     {"Days between the third call and the letter. Default 7.",
                                      "Дней между третьим звонком и письмом. По умолчанию 7.",
                                      "Päiviä kolmannen soiton ja kirjeen välillä. Oletus 7."}};

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

const std::vector<FunctionInfo>& function_table() {
    static const std::vector<FunctionInfo> table = {
        {"clientTier",
         {"CLIENT_TIER", "КЛИЕНТ_УРОВЕНЬ", "ASIAKAS_LUOKKA"},
         {"Pareto tier of a client by profit: A for the few clients who bring most of the "
          "profit, then B and C; D for a loss-maker. For a tier per row of a long column use "
          "CLIENT_TIER_CUTOFFS once and CLIENT_TIER_BY_CUTOFFS in each row: the same tiers, "
          "much faster.",
          "Уровень клиента по прибыли (Парето): A для немногих клиентов, приносящих основную "
          "прибыль, затем B и C; D для убыточного клиента. Для уровня в каждой строке длинного "
          "столбца вычислите КЛИЕНТ_ГРАНИЦЫ_УРОВНЕЙ один раз и КЛИЕНТ_УРОВЕНЬ_ПО_ГРАНИЦАМ в "
          "каждой строке: те же уровни, намного быстрее.",
          "Asiakkaan Pareto-luokka katteen mukaan: A harvoille asiakkaille, jotka tuovat "
          "suurimman osan katteesta, sitten B ja C; D tappiolliselle asiakkaalle. Pitkän "
          "sarakkeen jokaiselle riville: ASIAKAS_LUOKKARAJAT kerran ja ASIAKAS_LUOKKA_RAJOISTA "
          "joka rivillä: samat luokat paljon nopeammin."},
         {kValue, kValues, kAShare, kBShare}},
        {"clientTierCutoffs",
         {"CLIENT_TIER_CUTOFFS", "КЛИЕНТ_ГРАНИЦЫ_УРОВНЕЙ", "ASIAKAS_LUOKKARAJAT"},
         {"The tier lines of a population as a 1 x 2 array: the smallest value in tier A and "
          "the smallest value in tier B; empty when no value is positive.",
          "Границы уровней как массив 1 x 2: наименьшее значение уровня A и наименьшее "
          "значение уровня B; пусто, если положительных значений нет.",
          "Luokkarajat 1 x 2 -taulukkona: A-luokan pienin arvo ja B-luokan pienin arvo; tyhjä, "
          "jos yksikään arvo ei ole positiivinen."},
         {kValues, kAShare, kBShare}},
        {"clientTierByCutoffs",
         {"CLIENT_TIER_BY_CUTOFFS", "КЛИЕНТ_УРОВЕНЬ_ПО_ГРАНИЦАМ", "ASIAKAS_LUOKKA_RAJOISTA"},
         {"Pareto tier A, B, C or D of a value from the lines CLIENT_TIER_CUTOFFS gives: the "
          "same tier as CLIENT_TIER over that population, at the speed of a comparison.",
          "Уровень A, B, C или D по границам, которые даёт КЛИЕНТ_ГРАНИЦЫ_УРОВНЕЙ: тот же "
          "уровень, что КЛИЕНТ_УРОВЕНЬ по той же совокупности, со скоростью сравнения.",
          "Pareto-luokka A, B, C tai D ASIAKAS_LUOKKARAJAT-funktion antamista rajoista: sama "
          "luokka kuin ASIAKAS_LUOKKA samasta joukosta, vertailun nopeudella."},
         {kValue, kCutoffs},
         false},
        {"clientRisk",
         {"CLIENT_RISK", "КЛИЕНТ_РИСК", "ASIAKAS_RISKI"},
         {"Bad-client risk score from 0 to 100 from up to eight signals; empty signals are left "
          "out.",
          "Оценка риска «плохого клиента» от 0 до 100 по восьми признакам; пустые признаки не "
          "учитываются.",
          "Huonon asiakkaan riskipisteet 0–100 enintään kahdeksasta signaalista; tyhjät "
          "signaalit jätetään pois."},
         kSignals},
        {"clientReasons",
         {"CLIENT_REASONS", "КЛИЕНТ_ПРИЧИНЫ", "ASIAKAS_SYYT"},
         {"The signals that add most to the risk score, largest first, with their values and "
          "points.",
          "Признаки, больше всего повышающие риск, по убыванию, с их значениями и баллами.",
          "Riskiä eniten nostavat signaalit suurimmasta alkaen arvoineen ja pisteineen."},
         kSignals},
        {"clientVerdict",
         {"CLIENT_VERDICT", "КЛИЕНТ_ВЕРДИКТ", "ASIAKAS_PÄÄTÖS"},
         {"What to do with the client: Keep, Grow, Low-touch, Renegotiate, Win back or Let go, "
          "from its tier and risk.",
          "Что делать с клиентом: удержать, развивать, автоматизировать, пересмотреть условия, "
          "вернуть или отпустить — по уровню и риску.",
          "Mitä asiakkaalle tehdään: pidä, kasvata, kevyt palvelu, neuvottele ehdot, voita "
          "takaisin tai päästä irti — luokan ja riskin mukaan."},
         {kTier, kRisk, kDaysSince, kUsualInterval}},
        {"clientAction",
         {"CLIENT_ACTION", "КЛИЕНТ_ДЕЙСТВИЕ", "ASIAKAS_TOIMENPIDE"},
         {"The next step for a verdict.", "Следующий шаг для вердикта.",
          "Seuraava toimenpide päätökselle."},
         {kVerdict}},
        {"clientRfm",
         {"CLIENT_RFM", "КЛИЕНТ_RFM", "ASIAKAS_RFM"},
         {"RFM score 100 R + 10 F + M from recency, frequency and monetary value, as the R "
          "package rfm computes it.",
          "Оценка RFM = 100 R + 10 F + M по давности, частоте и сумме покупок, как в пакете R "
          "rfm.",
          "RFM-pisteet 100 R + 10 F + M tuoreudesta, tiheydestä ja rahamäärästä kuten "
          "R-paketti rfm."},
         {kRecency, kFrequency, kMonetary, kRecencyValues, kFrequencyValues, kMonetaryValues,
          kBins}},
        {"clientSegment",
         {"CLIENT_SEGMENT", "КЛИЕНТ_СЕГМЕНТ", "ASIAKAS_SEGMENTTI"},
         {"The RFM segment of an RFM score: Champions, Loyal Customers, At Risk, Lost, ...",
          "Сегмент RFM по оценке RFM: чемпионы, лояльные, в зоне риска, потерянные, ...",
          "RFM-pisteiden segmentti: mestarit, uskolliset, vaarassa, menetetyt, ..."},
         {kRfmScore}},
        {"prospectNext",
         {"PROSPECT_NEXT", "ЛИД_СЛЕДУЮЩАЯ_ДАТА", "LIIDI_SEURAAVA_PÄIVÄ"},
         {"The date of a prospect's next step in the cadence of three calls and a letter; "
          "empty once the letter is sent.",
          "Дата следующего шага с потенциальным клиентом по схеме «три звонка и письмо»; "
          "пусто, когда письмо отправлено.",
          "Liidin seuraavan vaiheen päivä rytmissä kolme soittoa ja kirje; tyhjä, kun kirje on "
          "lähetetty."},
         {kFirstContact, kStepsDone, kGapDays, kLetterGapDays}},
        {"prospectStep",
         {"PROSPECT_STEP", "ЛИД_СЛЕДУЮЩИЙ_ШАГ", "LIIDI_SEURAAVA_VAIHE"},
         {"The name of a prospect's next step: Call 1, Call 2, Call 3, Letter or Close.",
          "Следующий шаг с потенциальным клиентом: звонок 1, 2, 3, письмо или закрыть.",
          "Liidin seuraava vaihe: soitto 1, 2, 3, kirje tai sulje."},
         {kStepsDone}},
    };
    return table;
}

const FunctionInfo* find_function(std::string_view programmatic) {
    const auto& table = function_table();
    const auto it = std::find_if(table.begin(), table.end(), [&](const FunctionInfo& f) {
        return programmatic == f.programmatic;
    });
    return it == table.end() ? nullptr : &*it;
}

const FunctionInfo* find_function_by_display(std::string_view display, Lang lang) {
    for (const FunctionInfo& f : function_table()) {
        if (equal_ignoring_ascii_case(display, f.display.in(lang)) ||
            equal_ignoring_ascii_case(display, f.display.en)) {
            return &f;
        }
    }
    return nullptr;
}

} // namespace triage::uno
