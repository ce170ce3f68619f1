#include "core/segmentation.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace triage {

namespace {

constexpr std::array<Localized, kOutputColumnCount> kOutputHeaders = {{
    {"Tier", "Уровень", "Luokka"},
    {"Risk", "Риск", "Riski"},
    {"Verdict", "Вердикт", "Päätös"},
    {"Why", "Почему", "Miksi"},
    {"Next step", "Следующий шаг", "Seuraava askel"},
}};

struct RefusalText {
    Refusal refusal;
    Localized text; // "{}" is where the details go
};

constexpr std::array<RefusalText, 12> kRefusals = {{
    {Refusal::NoDocument,
     {"Client Triage works on a spreadsheet: open a Calc document.",
      "Client Triage работает с таблицами Calc: откройте документ Calc.",
      "Client Triage toimii Calc-laskentataulukossa: avaa Calc-asiakirja."}},
    {Refusal::MultipleSelection,
     {"Select one table (a single range), not several. Nothing was changed.",
      "Выделите одну таблицу (один диапазон), а не несколько. Ничего не изменено.",
      "Valitse yksi taulukko (yksi alue), ei useita. Mitään ei muutettu."}},
    {Refusal::NoTable,
     {"There is no table here: select a cell inside your client table. Nothing was changed.",
      "Здесь нет таблицы: выделите ячейку внутри таблицы клиентов. Ничего не изменено.",
      "Tässä ei ole taulukkoa: valitse solu asiakastaulukon sisältä. Mitään ei muutettu."}},
    {Refusal::NoDataRows,
     {"The table has a header row but no clients below it. Nothing was changed.",
      "В таблице есть строка заголовков, но под ней нет клиентов. Ничего не изменено.",
      "Taulukossa on otsikkorivi, mutta sen alla ei ole asiakkaita. Mitään ei muutettu."}},
    {Refusal::MissingColumns,
     {"The first row must name a client column and a profit or revenue column. {} Nothing was "
      "changed.",
      "В первой строке должны быть столбец клиента и столбец прибыли или выручки. {} Ничего не "
      "изменено.",
      "Ensimmäisellä rivillä on oltava asiakassarake ja kate- tai liikevaihtosarake. {} Mitään "
      "ei muutettu."}},
    {Refusal::SheetProtected,
     {"The sheet is protected: remove the protection (Tools > Protect Sheet) and run again. "
      "Nothing was changed.",
      "Лист защищён: снимите защиту (Сервис > Защитить лист) и запустите снова. Ничего не "
      "изменено.",
      "Taulukko on suojattu: poista suojaus (Työkalut > Suojaa taulukko) ja suorita uudelleen. "
      "Mitään ei muutettu."}},
    {Refusal::ReadOnly,
     {"The document is read-only: save a copy you can edit and run again. Nothing was changed.",
      "Документ открыт только для чтения: сохраните копию, которую можно изменять, и запустите "
      "снова. Ничего не изменено.",
      "Asiakirja on vain luku -tilassa: tallenna muokattava kopio ja suorita uudelleen. Mitään "
      "ei muutettu."}},
    {Refusal::NoRoomForOutput,
     {"There is no room to the right of the table for the five result columns. Nothing was "
      "changed.",
      "Справа от таблицы нет места для пяти столбцов результата. Ничего не изменено.",
      "Taulukon oikealla puolella ei ole tilaa viidelle tulossarakkeelle. Mitään ei muutettu."}},
    {Refusal::TargetOccupied,
     {"The cells {} to the right of the table hold other data: move that data or the table and "
      "run again. Nothing was changed.",
      "В ячейках {} справа от таблицы есть другие данные: перенесите их или таблицу и "
      "запустите снова. Ничего не изменено.",
      "Solut {} taulukon oikealla puolella sisältävät muita tietoja: siirrä ne tai taulukko ja "
      "suorita uudelleen. Mitään ei muutettu."}},
    {Refusal::InvalidRules,
     {"{} Fix them or reset them in the sidebar's Rules panel. Nothing was changed.",
      "{} Исправьте или сбросьте их на панели «Правила» боковой панели. Ничего не изменено.",
      "{} Korjaa tai palauta ne sivupalkin Säännöt-paneelissa. Mitään ei muutettu."}},
    {Refusal::TooManyRows,
     {"The table has more rows than a sheet can hold. Nothing was changed.",
      "В таблице больше строк, чем помещается на лист. Ничего не изменено.",
      "Taulukossa on enemmän rivejä kuin laskentataulukkoon mahtuu. Mitään ei muutettu."}},
    {Refusal::ProductSheet,
     {"This sheet is Client Triage's own summary or cohorts: select a cell in your table of "
      "clients or orders (or in the Clients sheet) and run again. Nothing was changed.",
      "Это лист сводки или когорт Client Triage: выделите ячейку в своей таблице клиентов или "
      "заказов (или на листе «Клиенты») и запустите снова. Ничего не изменено.",
      "Tämä on Client Triagen oma yhteenveto- tai kohorttitaulukko: valitse solu omasta asiakas- "
      "tai tilaustaulukostasi (tai Asiakkaat-taulukosta) ja suorita uudelleen. Mitään ei "
      "muutettu."}},
}};

constexpr std::array<Localized, 13> kSummaryTexts = {{
    {"Client Triage summary", "Сводка Client Triage", "Client Triage -yhteenveto"},
    {"Client Triage: clients by tier and verdict", "Client Triage: клиенты по уровням и вердиктам",
     "Client Triage: asiakkaat luokittain ja päätöksittäin"},
    {"Tier", "Уровень", "Luokka"},
    {"Verdict", "Вердикт", "Päätös"},
    {"Clients", "Клиенты", "Asiakkaat"},
    {"Revenue", "Выручка", "Liikevaihto"},
    {"Profit", "Прибыль", "Kate"},
    {"Total", "Итого", "Yhteensä"},
    {"Client", "Клиент", "Asiakas"},
    {"Cumulative share of profit", "Накопленная доля прибыли", "Kertynyt osuus katteesta"},
    {"Pareto: profit by client", "Парето: прибыль по клиентам", "Pareto: kate asiakkaittain"},
    {"Clients by verdict", "Клиенты по вердиктам", "Asiakkaat päätöksittäin"},
    {"The {} most profitable clients of {}.", "Самые прибыльные клиенты: {} из {}.",
     "{} kannattavinta asiakasta {} asiakkaasta."},
}};

constexpr std::array<Localized, 33> kPanelTexts = {{
    {"Client Triage", "Client Triage", "Client Triage"},
    {"Table", "Таблица", "Taulukko"},
    {"{} clients in {}", "Клиентов: {}, диапазон {}", "{} asiakasta alueella {}"},
    {"(none)", "(нет)", "(ei mitään)"},
    {"Columns", "Столбцы", "Sarakkeet"},
    {"Risk signals found: {}", "Найдены признаки риска: {}", "Löydetyt riskisignaalit: {}"},
    {"No risk signal columns: the risk stays empty.",
     "Нет столбцов с признаками риска: риск останется пустым.",
     "Ei riskisignaalisarakkeita: riski jää tyhjäksi."},
    {"The result columns of the last run will be replaced.",
     "Столбцы результата прошлого запуска будут заменены.",
     "Edellisen ajon tulossarakkeet korvataan."},
    {"Segment", "Сегментировать", "Luokittele"},
    {"Preset", "Набор правил", "Valmis sääntöpohja"},
    {"Use preset", "Применить набор", "Käytä pohjaa"},
    {"Rules of this document (JSON)", "Правила этого документа (JSON)",
     "Tämän asiakirjan säännöt (JSON)"},
    {"Apply", "Применить", "Käytä"},
    {"Import...", "Импорт...", "Tuo..."},
    {"Export...", "Экспорт...", "Vie..."},
    {"Reset to defaults", "Сбросить к стандартным", "Palauta oletukset"},
    {"Saved in this document; its formulas recalculated.",
     "Сохранено в документе; формулы пересчитаны.",
     "Tallennettu asiakirjaan; kaavat laskettiin uudelleen."},
    {"Not applied, nothing changed:", "Не применено, ничего не изменено:",
     "Ei otettu käyttöön, mitään ei muutettu:"},
    {"Back to the defaults of the specification.", "Восстановлены стандартные правила.",
     "Oletussäännöt palautettu."},
    {"Preset {} applied.", "Применён набор «{}».", "Pohja {} otettu käyttöön."},
    {"Exported to {}.", "Экспортировано в {}.", "Viety tiedostoon {}."},
    {"Kind of table", "Вид таблицы", "Taulukon laji"},
    {"One row per client", "Строка на клиента", "Rivi asiakasta kohden"},
    {"Order lines or invoices", "Строки заказов или счета", "Tilausrivit tai laskut"},
    {"Show every field", "Показать все поля", "Näytä kaikki kentät"},
    {"Returned orders listed on sheet", "Возвращённые заказы на листе",
     "Palautetut tilaukset taulukossa"},
    {"(a sheet named Returns)", "(лист с названием «Возвраты»)", "(taulukko nimeltä Palautukset)"},
    {"{} order lines in {}", "Строк заказов: {}, диапазон {}", "{} tilausriviä alueella {}"},
    {"Analysis date (YYYY-MM-DD; empty: the latest order date)",
     "Дата анализа (ГГГГ-ММ-ДД; пусто: последняя дата заказа)",
     "Analyysipäivä (VVVV-KK-PP; tyhjä: viimeisin tilauspäivä)"},
    {"Analysis date (YYYY-MM-DD; empty: today)", "Дата анализа (ГГГГ-ММ-ДД; пусто: сегодня)",
     "Analyysipäivä (VVVV-KK-PP; tyhjä: tämä päivä)"},
    {"Cohorts by", "Когорты по", "Kohortit"},
    {"Month of the first order", "Месяцу первого заказа", "Ensitilauksen kuukauden mukaan"},
    {"Quarter of the first order", "Кварталу первого заказа",
     "Ensitilauksen vuosineljänneksen mukaan"},
}};

} // namespace

const Localized& panel_text(PanelText text) {
    return kPanelTexts[static_cast<std::size_t>(text)];
}

const Localized& output_header(OutputColumn column) {
    return kOutputHeaders[static_cast<std::size_t>(column)];
}

const Localized& model_header(ModelColumn column) {
    static constexpr std::array<Localized, kModelColumnCount> kHeaders = {{
        {"P(alive)", "Вероятность активности", "Aktiivisuuden todennäköisyys"},
        {"Expected orders, 12 months", "Ожидаемые заказы, 12 мес.", "Odotetut tilaukset, 12 kk"},
        {"CLV, 12 months", "CLV, 12 мес.", "CLV, 12 kk"},
    }};
    return kHeaders[static_cast<std::size_t>(column)];
}

namespace {

// Whether `headers` from `first` on are `names` in order, in any of the languages (case,
// spaces and punctuation ignored).
template <std::size_t N>
bool headers_are(const std::vector<std::string>& headers, std::size_t first,
                 const std::array<const Localized*, N>& names) {
    if (headers.size() < first + N) {
        return false;
    }
    for (std::size_t i = 0; i < N; ++i) {
        const std::string cell = normalize_header(headers[first + i]);
        const Localized& name = *names[i];
        if (cell != normalize_header(name.en) && cell != normalize_header(name.ru) &&
            cell != normalize_header(name.fi)) {
            return false;
        }
    }
    return true;
}

std::array<const Localized*, kOutputColumnCount> output_headers() {
    std::array<const Localized*, kOutputColumnCount> out{};
    for (std::size_t i = 0; i < kOutputColumnCount; ++i) {
        out[i] = &kOutputHeaders[i];
    }
    return out;
}

std::array<const Localized*, kModelColumnCount> model_headers() {
    return {&model_header(ModelColumn::PAlive), &model_header(ModelColumn::ExpectedOrders),
            &model_header(ModelColumn::Clv)};
}

} // namespace

bool is_output_header_row(const std::vector<std::string>& headers) {
    return headers.size() == kOutputColumnCount && headers_are(headers, 0, output_headers());
}

std::size_t trailing_output_columns(const std::vector<std::string>& headers) {
    const std::size_t n = headers.size();
    constexpr std::size_t kWithModels = kOutputColumnCount + kModelColumnCount;
    if (n > kWithModels && headers_are(headers, n - kWithModels, output_headers()) &&
        headers_are(headers, n - kModelColumnCount, model_headers())) {
        return kWithModels;
    }
    if (n > kOutputColumnCount && headers_are(headers, n - kOutputColumnCount, output_headers())) {
        return kOutputColumnCount;
    }
    return 0;
}

ClientTable client_table_from_fields(FieldColumns fields, double today) {
    const auto take = [&](Field f) -> Column& { return fields[field_index(f)]; };
    ClientTable table;
    if (present(take(Field::Profit))) {
        table.value = std::move(take(Field::Profit));
        table.value_kind = ValueKind::Profit;
        table.revenue = std::move(take(Field::Revenue));
    } else if (present(take(Field::Revenue))) {
        table.value = std::move(take(Field::Revenue));
        table.value_kind = ValueKind::Revenue;
    } else {
        throw InvalidInput("the table has neither a profit nor a revenue column");
    }
    const std::size_t n = table.rows();
    for (Signal s : kAllSignals) {
        table.signals[signal_index(s)] = std::move(take(field_of(s)));
    }
    table.service_cost = std::move(take(Field::ServiceCost));

    if (present(take(Field::DaysSinceLastOrder))) {
        table.days_since_last_order = std::move(take(Field::DaysSinceLastOrder));
    } else if (present(take(Field::LastOrderDate))) {
        const Column& last = take(Field::LastOrderDate);
        table.days_since_last_order.resize(n);
        for (std::size_t i = 0; i < n && i < last.size(); ++i) {
            if (last[i]) {
                // A last order after the analysis date is 0 days ago, not an error; NaN
                // (a text in the date column) stays NaN.
                const double days = today - *last[i];
                table.days_since_last_order[i] = days < 0 ? 0.0 : days;
            }
        }
    }

    if (present(take(Field::UsualDaysBetweenOrders))) {
        table.usual_days_between_orders = std::move(take(Field::UsualDaysBetweenOrders));
    } else if (present(take(Field::FirstOrderDate)) && present(take(Field::LastOrderDate)) &&
               present(take(Field::Orders))) {
        const Column& first = take(Field::FirstOrderDate);
        const Column& last = take(Field::LastOrderDate);
        const Column& orders = take(Field::Orders);
        table.usual_days_between_orders.resize(n);
        for (std::size_t i = 0; i < n && i < first.size() && i < last.size() && i < orders.size();
             ++i) {
            if (first[i] && last[i] && orders[i] && *orders[i] >= 2) {
                table.usual_days_between_orders[i] = (*last[i] - *first[i]) / (*orders[i] - 1);
            }
        }
    }
    return table;
}

std::string refusal_message(Refusal refusal, Lang lang, const std::string& details) {
    for (const RefusalText& r : kRefusals) {
        if (r.refusal == refusal) {
            std::string text = fill_placeholders(r.text.in(lang), {details});
            // No details: no double space where they would have gone.
            const auto at = text.find("  ");
            if (at != std::string::npos) {
                text.erase(at, 1);
            }
            return text;
        }
    }
    return {};
}

std::string result_line(const BatchSummary& summary, Lang lang) {
    static constexpr Localized kSegmented = {"Segmented {} clients", "Обработано клиентов: {}",
                                             "Luokiteltu {} asiakasta"};
    static constexpr Localized kSegmentedOne = {"Segmented 1 client", "Обработано клиентов: 1",
                                                "Luokiteltu 1 asiakas"};
    static constexpr Localized kVerdictsStart = {": ", ". ", ": "};
    static constexpr Localized kErrors = {"{} rows have errors (see Why).",
                                          "Строк с ошибками: {} (см. «Почему»).",
                                          "Virheellisiä rivejä: {} (katso Miksi)."};
    static constexpr Localized kErrorsOne = {"1 row has an error (see Why).",
                                             "Строк с ошибками: 1 (см. «Почему»).",
                                             "Virheellisiä rivejä: 1 (katso Miksi)."};
    std::string line =
        summary.segmented == 1
            ? std::string(kSegmentedOne.in(lang))
            : fill_placeholders(kSegmented.in(lang), {std::to_string(summary.segmented)});
    bool first = true;
    for (Verdict v : kAllVerdicts) {
        const std::size_t count = summary.of(v).clients;
        if (count == 0) {
            continue;
        }
        line += first ? kVerdictsStart.in(lang) : ", ";
        first = false;
        line += verdict_label(v, lang);
        line += " ";
        line += std::to_string(count);
    }
    line += ".";
    if (summary.errors > 0) {
        line += " ";
        line += summary.errors == 1
                    ? std::string(kErrorsOne.in(lang))
                    : fill_placeholders(kErrors.in(lang), {std::to_string(summary.errors)});
    }
    return line;
}

std::uint32_t verdict_colour(Verdict verdict) {
    switch (verdict) {
    case Verdict::Keep:
        return 0x63BE7B;
    case Verdict::Grow:
        return 0xC6EFCE;
    case Verdict::LowTouch:
        return 0xD9D9D9;
    case Verdict::Renegotiate:
        return 0xFFC000;
    case Verdict::WinBack:
        return 0x9DC3E6;
    case Verdict::LetGo:
        return 0xF8696B;
    }
    return 0xFFFFFF;
}

std::uint32_t tier_colour(Tier tier) {
    switch (tier) {
    case Tier::A:
        return 0x63BE7B;
    case Tier::B:
        return 0xC6EFCE;
    case Tier::C:
        return 0xD9D9D9;
    case Tier::D:
        return 0xF8696B;
    }
    return 0xFFFFFF;
}

std::string verdict_style_name(Verdict verdict) {
    return std::string("ClientTriage ") + verdict_label(verdict, Lang::En);
}

std::string tier_style_name(Tier tier) {
    return std::string("ClientTriage Tier ") + tier_letter(tier);
}

const Localized& summary_text(SummaryText text) {
    return kSummaryTexts[static_cast<std::size_t>(text)];
}

std::vector<ParetoPoint> pareto_points(const ClientTable& table, const BatchResult& result,
                                       std::size_t limit) {
    std::vector<ParetoPoint> points;
    long double total = 0;
    for (std::size_t row = 0; row < table.rows() && row < result.rows.size(); ++row) {
        const auto& value = table.value[row];
        if (value && std::isfinite(*value) && *value > 0) {
            total += *value;
            if (result.rows[row].ok()) {
                points.push_back({row, *value, 0});
            }
        }
    }
    const std::size_t keep = std::min(limit, points.size());
    std::partial_sort(points.begin(), points.begin() + static_cast<std::ptrdiff_t>(keep),
                      points.end(), [](const ParetoPoint& a, const ParetoPoint& b) {
                          return a.value > b.value || (a.value == b.value && a.row < b.row);
                      });
    points.resize(keep);
    long double running = 0;
    for (ParetoPoint& p : points) {
        running += p.value;
        p.cumulative_share = total > 0 ? static_cast<double>(running / total) : 0.0;
    }
    return points;
}

} // namespace triage
