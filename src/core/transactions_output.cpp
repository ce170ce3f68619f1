// The outputs of the aggregation of order lines (transactions.hpp): the client table's
// columns, the Clients sheet's layout and the texts of what was read and skipped.
#include "core/transactions.hpp"

#include "core/text.hpp"

#include <array>
#include <cmath>
#include <limits>

namespace triage {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

namespace {

// The per-client measures: their field, where the aggregation keeps them, how the Clients
// sheet shows them (in the sheet's order), and whether the client table takes them. The orders
// and the first and last order dates it does not: it takes the days since the last order and
// the usual interval as the aggregation made them (from distinct order days), not made again
// from those.
struct Measure {
    Field field;
    std::vector<double> ClientsFromOrders::*values;
    ClientsSheetFormat format;
    bool in_client_table = true;
};

constexpr std::array<Measure, 12> kMeasures = {{
    {Field::Revenue, &ClientsFromOrders::revenue, ClientsSheetFormat::Money},
    {Field::Profit, &ClientsFromOrders::profit, ClientsSheetFormat::Money},
    {Field::Orders, &ClientsFromOrders::orders, ClientsSheetFormat::Number, false},
    {Field::FirstOrderDate, &ClientsFromOrders::first_order, ClientsSheetFormat::Date, false},
    {Field::LastOrderDate, &ClientsFromOrders::last_order, ClientsSheetFormat::Date, false},
    {Field::DaysSinceLastOrder, &ClientsFromOrders::days_since_last_order,
     ClientsSheetFormat::Number},
    {Field::UsualDaysBetweenOrders, &ClientsFromOrders::usual_days_between_orders,
     ClientsSheetFormat::Decimal},
    {Field::DiscountShare, &ClientsFromOrders::discount_share, ClientsSheetFormat::Percent},
    {Field::ReturnRate, &ClientsFromOrders::return_rate, ClientsSheetFormat::Percent},
    {Field::DaysLate, &ClientsFromOrders::days_late, ClientsSheetFormat::Decimal},
    {Field::Complaints, &ClientsFromOrders::complaints, ClientsSheetFormat::Number},
    {Field::RushShare, &ClientsFromOrders::rush_share, ClientsSheetFormat::Percent},
}};

} // namespace

FieldColumns client_fields(const ClientsFromOrders& clients) {
    FieldColumns fields;
    for (const Measure& m : kMeasures) {
        const std::vector<double>& values = clients.*m.values;
        if (values.empty() || !m.in_client_table) {
            continue;
        }
        Column& column = fields[field_index(m.field)];
        column.resize(values.size());
        for (std::size_t r = 0; r < values.size(); ++r) {
            if (!std::isnan(values[r])) {
                column[r] = values[r];
            }
        }
    }
    return fields;
}

// ---------------------------------------------------------------- the Clients sheet

std::vector<ClientsSheetColumn> clients_sheet_columns(const ClientsFromOrders& clients) {
    std::vector<ClientsSheetColumn> columns;
    bool by_id = false;
    for (std::size_t r = 0; r < clients.clients() && !by_id; ++r) {
        by_id = clients.key[r] != clients.name[r];
    }
    if (by_id) {
        columns.push_back({Field::ClientId, ClientsSheetFormat::Text});
    }
    columns.push_back({Field::Client, ClientsSheetFormat::Text});
    for (const Measure& m : kMeasures) {
        if (!(clients.*m.values).empty()) {
            columns.push_back({m.field, m.format});
        }
    }
    return columns;
}

double clients_sheet_value(const ClientsFromOrders& clients, Field field, std::size_t row) {
    for (const Measure& m : kMeasures) {
        if (m.field == field) {
            const std::vector<double>& values = clients.*m.values;
            return row < values.size() ? values[row] : kNaN;
        }
    }
    return kNaN;
}

const Localized& clients_sheet_name() {
    static constexpr Localized kName = {"Clients", "Клиенты", "Asiakkaat"};
    return kName;
}

const Localized& rfm_score_header() {
    static constexpr Localized kText = {"RFM score", "Оценка RFM", "RFM-pisteet"};
    return kText;
}

const Localized& rfm_segment_header() {
    static constexpr Localized kText = {"RFM segment", "Сегмент RFM", "RFM-segmentti"};
    return kText;
}

// ---------------------------------------------------------------- texts

namespace {

std::string column_title(Field f, const HeaderMapping& mapping,
                         const std::vector<std::string>& headers, Lang lang) {
    const auto column = mapping.column(f);
    if (column && *column < headers.size() && !trim_text(headers[*column]).empty()) {
        return std::string(trim_text(headers[*column]));
    }
    return field_name(f).in(lang);
}

std::string rows_text(const SkippedLines& s, Lang lang) {
    static constexpr Localized kRow = {"row", "строка", "rivi"};
    static constexpr Localized kRows = {"rows", "строки", "rivit"};
    std::string out = s.rows.size() == 1 && s.count == 1 ? kRow.in(lang) : kRows.in(lang);
    for (std::size_t k = 0; k < s.rows.size(); ++k) {
        out += k == 0 ? " " : ", ";
        out += std::to_string(s.rows[k]);
    }
    if (s.count > s.rows.size()) {
        out += ", \xE2\x80\xA6"; // …
    }
    return out;
}

// The patterns for one line and for several (the Russian ones name the count after a colon,
// so they serve both).
const Localized& problem_pattern(LineProblem p, bool one) {
    static constexpr std::array<Localized, 7> kOne = {{
        {"{} without a client ({})", "без клиента: {} ({})", "{} ilman asiakasta ({})"},
        {"{} report row such as a total or a heading ({})",
         "строки отчёта (итоги, заголовки): {} ({})",
         "{} raportin rivi, kuten summa tai otsikko ({})"},
        {"{} without an amount in \"{}\" ({})", "без суммы в «{}»: {} ({})",
         "{} ilman summaa sarakkeessa \"{}\" ({})"},
        {"{} with a number that cannot be read in \"{}\" ({})",
         "с нечитаемым числом в «{}»: {} ({})", "{} lukukelvoton luku sarakkeessa \"{}\" ({})"},
        {"{} with a date that cannot be read in \"{}\" ({})", "с нечитаемой датой в «{}»: {} ({})",
         "{} lukukelvoton päivämäärä sarakkeessa \"{}\" ({})"},
        {"{} line of an order without any date ({})", "заказов без даты: {} ({})",
         "{} päivämäärättömän tilauksen rivi ({})"},
        {"{} with an error value in \"{}\" ({})", "с ошибкой в «{}»: {} ({})",
         "{} virhearvo sarakkeessa \"{}\" ({})"},
    }};
    static constexpr std::array<Localized, 7> kMany = {{
        {"{} without a client ({})", "без клиента: {} ({})", "{} ilman asiakasta ({})"},
        {"{} report rows such as totals or headings ({})",
         "строки отчёта (итоги, заголовки): {} ({})",
         "{} raportin riviä, kuten summia tai otsikoita ({})"},
        {"{} without an amount in \"{}\" ({})", "без суммы в «{}»: {} ({})",
         "{} ilman summaa sarakkeessa \"{}\" ({})"},
        {"{} with a number that cannot be read in \"{}\" ({})",
         "с нечитаемым числом в «{}»: {} ({})", "{} lukukelvotonta lukua sarakkeessa \"{}\" ({})"},
        {"{} with a date that cannot be read in \"{}\" ({})", "с нечитаемой датой в «{}»: {} ({})",
         "{} lukukelvotonta päivämäärää sarakkeessa \"{}\" ({})"},
        {"{} lines of orders without any date ({})", "заказов без даты: {} ({})",
         "{} päivämäärättömän tilauksen riviä ({})"},
        {"{} with an error value in \"{}\" ({})", "с ошибкой в «{}»: {} ({})",
         "{} virhearvoa sarakkeessa \"{}\" ({})"},
    }};
    return (one ? kOne : kMany)[static_cast<std::size_t>(p)];
}

bool names_column(LineProblem p) {
    return p == LineProblem::NoAmount || p == LineProblem::BadNumber || p == LineProblem::BadDate ||
           p == LineProblem::ErrorValue;
}

std::string part_text(const SkippedLines& s, const HeaderMapping& mapping,
                      const std::vector<std::string>& headers, Lang lang) {
    const std::string count = std::to_string(s.count);
    const std::string rows = rows_text(s, lang);
    const Localized& pattern = problem_pattern(s.problem, s.count == 1);
    if (!names_column(s.problem)) {
        return fill_placeholders(pattern.in(lang), {count, rows});
    }
    const std::string column = column_title(s.field, mapping, headers, lang);
    // The Russian patterns name the column before the count.
    if (lang == Lang::Ru) {
        return fill_placeholders(pattern.in(lang), {column, count, rows});
    }
    return fill_placeholders(pattern.in(lang), {count, column, rows});
}

} // namespace

std::string skipped_lines_text(const ClientsFromOrders& clients, const HeaderMapping& mapping,
                               const std::vector<std::string>& headers, Lang lang) {
    const std::size_t total = clients.skipped_lines();
    if (total == 0) {
        return {};
    }
    static constexpr Localized kOne = {
        "1 line skipped: ", "Пропущена 1 строка: ", "1 rivi ohitettiin: "};
    static constexpr Localized kMany = {"{} lines skipped: ", "Пропущено строк: {}. ",
                                        "{} riviä ohitettiin: "};
    std::string text = total == 1 ? std::string(kOne.in(lang))
                                  : fill_placeholders(kMany.in(lang), {std::to_string(total)});
    for (std::size_t k = 0; k < clients.skipped.size(); ++k) {
        if (k > 0) {
            text += "; ";
        }
        text += part_text(clients.skipped[k], mapping, headers, lang);
    }
    text += ".";
    return text;
}

std::string orders_description(const ClientsFromOrders& clients, const HeaderMapping& mapping,
                               const std::vector<std::string>& headers, Lang lang) {
    static constexpr Localized kLines = {"{} order lines of {} clients",
                                         "{} строк заказов, клиентов: {}",
                                         "{} tilausriviä, {} asiakasta"};
    static constexpr Localized kKey = {"key: {}", "ключ: {}", "avain: {}"};
    static constexpr Localized kShownAs = {", shown as {}", ", имя: {}", ", nimenä {}"};
    static constexpr Localized kDates = {"; order dates {} to {}", "; даты заказов с {} по {}",
                                         "; tilauspäivät {} \xE2\x80\x93 {}"};
    static constexpr Localized kDayFirst = {", read as day/month/year",
                                            ", прочитаны как день/месяц/год",
                                            ", luettu muodossa päivä/kuukausi/vuosi"};
    static constexpr Localized kMonthFirst = {", read as month/day/year",
                                              ", прочитаны как месяц/день/год",
                                              ", luettu muodossa kuukausi/päivä/vuosi"};
    static constexpr Localized kByLocale = {" (by the document's language)",
                                            " (по языку документа)", " (asiakirjan kielen mukaan)"};
    static constexpr Localized kSwapped = {
        "; {} date cells that Calc had read the other way round were turned",
        "; {} ячеек с датами, прочитанных Calc наоборот, исправлены",
        "; {} päivämääräsolua, jotka Calc oli lukenut toisin päin, korjattiin"};
    std::string text = fill_placeholders(
        kLines.in(lang), {std::to_string(clients.lines), std::to_string(clients.clients())});
    const bool by_id = mapping.column(Field::ClientId).has_value();
    text += " (";
    text += fill_placeholders(kKey.in(lang), {column_title(by_id ? Field::ClientId : Field::Client,
                                                           mapping, headers, lang)});
    if (by_id && mapping.column(Field::Client)) {
        text += fill_placeholders(kShownAs.in(lang),
                                  {column_title(Field::Client, mapping, headers, lang)});
    }
    if (clients.dates.any) {
        text += fill_placeholders(kDates.in(lang),
                                  {iso_date(clients.dates.first), iso_date(clients.dates.last)});
        if (clients.dates.ambiguous_seen) {
            text += clients.dates.order == DateOrder::DayFirst ? kDayFirst.in(lang)
                                                               : kMonthFirst.in(lang);
            if (!clients.dates.decided_by_data) {
                text += kByLocale.in(lang);
            }
            if (clients.dates.swapped_cells > 0) {
                text += fill_placeholders(kSwapped.in(lang),
                                          {std::to_string(clients.dates.swapped_cells)});
            }
        }
    }
    text += ")";
    return text;
}

} // namespace triage
