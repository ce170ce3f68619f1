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

// ---------------------------------------------------------------- tier movement

const ArgumentInfo kValueBefore = {
    {"value_before", "значение_раньше", "arvo_ennen"},
    {"The client's profit in the earlier period (e.g. last year). Empty: no orders then (new). "
     "An empty single cell counts as 0: use the range form for empty cells.",
     "Прибыль клиента за прошлый период (например, прошлый год). Пусто: заказов не было "
     "(новый). Пустая отдельная ячейка считается 0: для пустых ячеек используйте диапазон.",
     "Asiakkaan kate aiemmalla jaksolla (esim. viime vuonna). Tyhjä: ei tilauksia silloin "
     "(uusi). Tyhjä yksittäinen solu lasketaan 0:ksi: käytä aluetta tyhjille soluille."}};

const ArgumentInfo kValuesBefore = {
    {"values_before", "значения_раньше", "arvot_ennen"},
    {"Every client's profit in the earlier period: that period's population. Empty and text "
     "cells are ignored.",
     "Прибыль всех клиентов за прошлый период: совокупность того периода. Пустые и текстовые "
     "ячейки пропускаются.",
     "Kaikkien asiakkaiden kate aiemmalla jaksolla: sen jakson joukko. Tyhjät ja tekstisolut "
     "ohitetaan."}};

const ArgumentInfo kValueNow = {
    {"value_now", "значение_сейчас", "arvo_nyt"},
    {"The client's profit in the later period (e.g. this year). Empty: no orders now (lost).",
     "Прибыль клиента за текущий период (например, этот год). Пусто: заказов нет (ушёл).",
     "Asiakkaan kate myöhemmällä jaksolla (esim. tänä vuonna). Tyhjä: ei tilauksia nyt "
     "(menetetty)."}};

const ArgumentInfo kValuesNow = {
    {"values_now", "значения_сейчас", "arvot_nyt"},
    {"Every client's profit in the later period: that period's population.",
     "Прибыль всех клиентов за текущий период: совокупность этого периода.",
     "Kaikkien asiakkaiden kate myöhemmällä jaksolla: sen jakson joukko."}};

// ---------------------------------------------------------------- the buying models

const ArgumentInfo kPurchaseClients = {
    {"clients", "клиенты", "asiakkaat"},
    {"The client of each purchase (an id or a name): one row per purchase, order or invoice.",
     "Клиент каждой покупки (код или имя): одна строка на покупку, заказ или счёт.",
     "Kunkin oston asiakas (tunnus tai nimi): yksi rivi ostoa, tilausta tai laskua kohden."}};

const ArgumentInfo kPurchaseDates = {
    {"dates", "даты", "päivämäärät"},
    {"The date of each purchase: date cells or dates as text (2026-04-05, 05.04.2026, "
     "19970101). Purchases on one day count as one.",
     "Дата каждой покупки: ячейки с датами или даты текстом (2026-04-05, 05.04.2026, "
     "19970101). Покупки одного дня считаются одной.",
     "Kunkin oston päivämäärä: päivämääräsolut tai päivämäärät tekstinä (2026-04-05, "
     "05.04.2026, 19970101). Saman päivän ostot lasketaan yhdeksi."}};

const ArgumentInfo kPurchaseAmounts = {
    {"amounts", "суммы", "summat"},
    {"The amount of each purchase. Optional: without it the mean spend is 0.",
     "Сумма каждой покупки. Необязательный: без него средний чек равен 0.",
     "Kunkin oston summa. Valinnainen: ilman sitä keskiostos on 0."}};

const ArgumentInfo kEndDate = {
    {"end_date", "дата_окончания", "loppupäivä"},
    {"The last day of the period (purchases after it are not counted). Optional: the latest "
     "purchase date.",
     "Последний день периода (более поздние покупки не учитываются). Необязательный: дата "
     "последней покупки.",
     "Jakson viimeinen päivä (myöhempiä ostoja ei lasketa). Valinnainen: viimeisimmän oston "
     "päivä."}};

const ArgumentInfo kDaysPerUnit = {
    {"days_per_unit", "дней_в_единице", "päivää_yksikössä"},
    {"The time unit of t_x and T in days: 7 for weeks (default), 1 for days.",
     "Единица времени t_x и T в днях: 7 — недели (по умолчанию), 1 — дни.",
     "t_x:n ja T:n aikayksikkö päivinä: 7 viikoille (oletus), 1 päiville."}};

const ArgumentInfo kRepeatX = {
    {"x", "x", "x"},
    {"Repeat purchases: the days with a purchase after the first one (CLIENT_REPEAT_SUMMARY "
     "gives them), or a range of them.",
     "Повторные покупки: дни с покупкой после первой (их даёт КЛИЕНТ_СВОДКА_ПОКУПОК) либо "
     "диапазон таких значений.",
     "Uusintaostot: päivät, joina on ostettu ensimmäisen oston jälkeen (ASIAKAS_OSTOYHTEENVETO "
     "antaa ne), tai niiden alue."}};

const ArgumentInfo kRepeatTx = {
    {"t_x", "t_x", "t_x"},
    {"Time from the first to the last purchase (0 when x is 0), in the unit of T.",
     "Время от первой до последней покупки (0, если x = 0), в единицах T.",
     "Aika ensimmäisestä viimeiseen ostoon (0, kun x on 0) T:n yksikössä."}};

const ArgumentInfo kRepeatT = {
    {"T", "T", "T"},
    {"Time from the first purchase to the end of the period, e.g. in weeks.",
     "Время от первой покупки до конца периода, например в неделях.",
     "Aika ensimmäisestä ostosta jakson loppuun, esim. viikkoina."}};

const ArgumentInfo kPopulationX = {
    {"x", "x", "x"},
    {"The repeat purchases of every client (a column). Rows empty in all columns are skipped.",
     "Повторные покупки всех клиентов (столбец). Строки, пустые во всех столбцах, пропускаются.",
     "Kaikkien asiakkaiden uusintaostot (sarake). Kaikissa sarakkeissa tyhjät rivit ohitetaan."}};

const ArgumentInfo kPopulationTx = {
    {"t_x", "t_x", "t_x"},
    {"Every client's time from the first to the last purchase, row by row with x.",
     "Время от первой до последней покупки каждого клиента, построчно с x.",
     "Kunkin asiakkaan aika ensimmäisestä viimeiseen ostoon, riveittäin x:n kanssa."}};

const ArgumentInfo kPopulationT = {
    {"T", "T", "T"},
    {"Every client's time from the first purchase to the end of the period, row by row.",
     "Время от первой покупки до конца периода для каждого клиента, построчно.",
     "Kunkin asiakkaan aika ensimmäisestä ostosta jakson loppuun, riveittäin."}};

const ArgumentInfo kBuyingModel = {
    {"model", "модель", "malli"},
    {"The BG/NBD parameters as CLIENT_BGNBD_FIT gives them: its 1 x 5 result (or r, alpha, a, "
     "b).",
     "Параметры BG/NBD, как их даёт КЛИЕНТ_МОДЕЛЬ_BGNBD: её результат 1 x 5 (или r, alpha, a, "
     "b).",
     "BG/NBD-parametrit kuten ASIAKAS_BGNBD_SOVITUS antaa ne: sen 1 x 5 -tulos (tai r, alpha, "
     "a, b)."}};

const ArgumentInfo kPeriodsAhead = {
    {"t", "t", "t"},
    {"Time ahead in the unit of T, e.g. 52 for a year when T is in weeks.",
     "Срок вперёд в единицах T, например 52 — год, если T в неделях.",
     "Aika eteenpäin T:n yksikössä, esim. 52 on vuosi, kun T on viikkoina."}};

const ArgumentInfo kMeanSpend = {
    {"monetary", "средний_чек", "keskiostos"},
    {"The mean value of the client's repeat purchases (0 when x is 0), or a range of them.",
     "Средняя сумма повторных покупок клиента (0, если x = 0) либо диапазон таких значений.",
     "Asiakkaan uusintaostojen keskiarvo (0, kun x on 0) tai niiden alue."}};

const ArgumentInfo kPopulationMonetary = {
    {"monetary", "средний_чек", "keskiostos"},
    {"Every client's mean repeat spend, row by row with x. Clients with x = 0 or a mean of 0 "
     "or less are left out of the fit and counted.",
     "Средний чек повторных покупок каждого клиента, построчно с x. Клиенты с x = 0 или "
     "средним 0 и меньше не участвуют в оценке и подсчитываются.",
     "Kunkin asiakkaan uusintaostojen keskiarvo, riveittäin x:n kanssa. Asiakkaat, joilla "
     "x = 0 tai keskiarvo 0 tai alle, jätetään pois ja lasketaan."}};

const ArgumentInfo kSpendModel = {
    {"spend_model", "модель_чека", "ostosmalli"},
    {"The Gamma-Gamma parameters as CLIENT_SPEND_FIT gives them: its 1 x 5 result (or p, q, "
     "v).",
     "Параметры Gamma-Gamma, как их даёт КЛИЕНТ_МОДЕЛЬ_ЧЕКА: её результат 1 x 5 (или p, q, "
     "v).",
     "Gamma-Gamma-parametrit kuten ASIAKAS_OSTOSMALLI antaa ne: sen 1 x 5 -tulos (tai p, q, "
     "v)."}};

const ArgumentInfo kMonths = {{"months", "месяцев", "kuukautta"},
                              {"Months ahead, a whole number. Default 12.",
                               "Месяцев вперёд, целое число. По умолчанию 12.",
                               "Kuukautta eteenpäin, kokonaisluku. Oletus 12."}};

const ArgumentInfo kDiscountRate = {
    {"discount_rate", "ставка_дисконтирования", "diskonttokorko"},
    {"The monthly discount rate. Default 0.01 (1% a month, about 12.7% a year).",
     "Месячная ставка дисконтирования. По умолчанию 0,01 (1% в месяц, около 12,7% в год).",
     "Kuukausittainen diskonttokorko. Oletus 0,01 (1 % kuussa, noin 12,7 % vuodessa)."}};

const ArgumentInfo kUnitsPerMonth = {
    {"units_per_month", "единиц_в_месяце", "yksikköä_kuukaudessa"},
    {"Time units of t_x and T in a month: 4.345 for weeks (default), 30 for days.",
     "Единиц времени t_x и T в месяце: 4,345 — недели (по умолчанию), 30 — дни.",
     "t_x:n ja T:n aikayksiköitä kuukaudessa: 4,345 viikoille (oletus), 30 päiville."}};

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
        {"clientTierMovement",
         {"CLIENT_TIER_MOVEMENT", "КЛИЕНТ_ДВИЖЕНИЕ_УРОВНЯ", "ASIAKAS_LUOKAN_MUUTOS"},
         {"How a client's Pareto tier moved between two periods, e.g. last year's profit "
          "against this year's: \"A -> B\", \"new -> A\", \"B -> lost\".",
          "Как изменился уровень клиента между двумя периодами, например прибыль прошлого года "
          "против этого: «A -> B», «новый -> A», «B -> ушёл».",
          "Miten asiakkaan Pareto-luokka muuttui kahden jakson välillä, esim. viime vuoden kate "
          "tämän vuoden katetta vastaan: \"A -> B\", \"uusi -> A\", \"B -> menetetty\"."},
         {kValueBefore, kValuesBefore, kValueNow, kValuesNow, kAShare, kBShare}},
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
        {"clientRepeatSummary",
         {"CLIENT_REPEAT_SUMMARY", "КЛИЕНТ_СВОДКА_ПОКУПОК", "ASIAKAS_OSTOYHTEENVETO"},
         {"From a purchase log to one row per client for the buying models: client, x (repeat "
          "purchase days), t_x, T and the mean repeat spend; most valuable client first.",
          "Из журнала покупок — строка на клиента для моделей покупок: клиент, x (дни "
          "повторных покупок), t_x, T и средний чек повторных покупок; самые ценные первыми.",
          "Ostolokista rivi asiakasta kohden ostomalleille: asiakas, x (uusintaostopäivät), "
          "t_x, T ja uusintaostojen keskiarvo; arvokkain asiakas ensin."},
         {kPurchaseClients, kPurchaseDates, kPurchaseAmounts, kEndDate, kDaysPerUnit},
         false},
        {"clientBgNbdFit",
         {"CLIENT_BGNBD_FIT", "КЛИЕНТ_МОДЕЛЬ_BGNBD", "ASIAKAS_BGNBD_SOVITUS"},
         {"Fits the BG/NBD model of repeat buying to all clients' x, t_x and T: a 1 x 5 array "
          "r, alpha, a, b and the log-likelihood, for CLIENT_P_ALIVE, CLIENT_EXPECTED_ORDERS "
          "and CLIENT_CLV.",
          "Оценивает модель повторных покупок BG/NBD по x, t_x и T всех клиентов: массив 1 x 5 "
          "r, alpha, a, b и логарифм правдоподобия для КЛИЕНТ_ВЕРОЯТНОСТЬ_АКТИВЕН, "
          "КЛИЕНТ_ОЖИДАЕМЫЕ_ЗАКАЗЫ и КЛИЕНТ_CLV.",
          "Sovittaa BG/NBD-uusintaostomallin kaikkien asiakkaiden x:ään, t_x:ään ja T:hen: "
          "1 x 5 -taulukko r, alpha, a, b ja log-uskottavuus funktioille ASIAKAS_AKTIIVINEN_TN, "
          "ASIAKAS_ODOTETUT_TILAUKSET ja ASIAKAS_CLV."},
         {kPopulationX, kPopulationTx, kPopulationT},
         false},
        {"clientPAlive",
         {"CLIENT_P_ALIVE", "КЛИЕНТ_ВЕРОЯТНОСТЬ_АКТИВЕН", "ASIAKAS_AKTIIVINEN_TN"},
         {"The probability, 0 to 1, that the client is still a client (BG/NBD), from its x, t_x "
          "and T and the fitted model.",
          "Вероятность от 0 до 1, что клиент всё ещё остаётся клиентом (BG/NBD), по его x, t_x "
          "и T и оценённой модели.",
          "Todennäköisyys 0–1, että asiakas on yhä asiakas (BG/NBD), sen x:n, t_x:n ja T:n ja "
          "sovitetun mallin perusteella."},
         {kRepeatX, kRepeatTx, kRepeatT, kBuyingModel},
         false},
        {"clientExpectedOrders",
         {"CLIENT_EXPECTED_ORDERS", "КЛИЕНТ_ОЖИДАЕМЫЕ_ЗАКАЗЫ", "ASIAKAS_ODOTETUT_TILAUKSET"},
         {"The purchases the client is expected to make in the next t time units (BG/NBD).",
          "Сколько покупок клиент, как ожидается, сделает за следующие t единиц времени "
          "(BG/NBD).",
          "Ostot, jotka asiakkaan odotetaan tekevän seuraavien t aikayksikön aikana (BG/NBD)."},
         {kRepeatX, kRepeatTx, kRepeatT, kPeriodsAhead, kBuyingModel},
         false},
        {"clientSpendFit",
         {"CLIENT_SPEND_FIT", "КЛИЕНТ_МОДЕЛЬ_ЧЕКА", "ASIAKAS_OSTOSMALLI"},
         {"Fits the Gamma-Gamma model of spend per purchase to the repeat buyers: a 1 x 5 array "
          "p, q, v, the clients fitted and the repeat buyers left out for a mean spend of 0 or "
          "less.",
          "Оценивает модель суммы покупки Gamma-Gamma по клиентам с повторными покупками: "
          "массив 1 x 5 p, q, v, число учтённых клиентов и число исключённых за средний чек 0 "
          "и меньше.",
          "Sovittaa Gamma-Gamma-ostosummamallin uusintaostajiin: 1 x 5 -taulukko p, q, v, "
          "sovitetut asiakkaat ja pois jätetyt uusintaostajat, joiden keskiostos on 0 tai alle."},
         {kPopulationX, kPopulationMonetary},
         false},
        {"clientExpectedSpend",
         {"CLIENT_EXPECTED_SPEND", "КЛИЕНТ_ОЖИДАЕМЫЙ_ЧЕК", "ASIAKAS_ODOTETTU_OSTOS"},
         {"The spend per purchase to expect of the client (Gamma-Gamma): its own mean, shrunk "
          "to the population's the fewer purchases it has.",
          "Ожидаемая сумма покупки клиента (Gamma-Gamma): его собственный средний чек, "
          "приближенный к среднему по всем тем сильнее, чем меньше у него покупок.",
          "Asiakkaan odotettu ostosumma (Gamma-Gamma): sen oma keskiarvo, sitä lähempänä koko "
          "joukon keskiarvoa, mitä vähemmän ostoja sillä on."},
         {kRepeatX, kMeanSpend, kSpendModel},
         false},
        {"clientClv",
         {"CLIENT_CLV", "КЛИЕНТ_CLV", "ASIAKAS_CLV"},
         {"The client's lifetime value over the next months: purchases expected each month "
          "(BG/NBD) times the spend expected per purchase (Gamma-Gamma), discounted monthly.",
          "Пожизненная ценность клиента за следующие месяцы: ожидаемые покупки каждого месяца "
          "(BG/NBD), умноженные на ожидаемую сумму покупки (Gamma-Gamma), с месячным "
          "дисконтированием.",
          "Asiakkaan elinkaariarvo tulevina kuukausina: kunkin kuukauden odotetut ostot "
          "(BG/NBD) kertaa odotettu ostosumma (Gamma-Gamma) kuukausittain diskontattuna."},
         {kRepeatX, kRepeatTx, kRepeatT, kMeanSpend, kBuyingModel, kSpendModel, kMonths,
          kDiscountRate, kUnitsPerMonth},
         false},
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
