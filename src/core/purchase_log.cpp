// summarise_purchase_log (transactions.hpp): the aggregation of an export, reduced to the
// three columns of a purchase log, and its repeat-buying summary in the unit asked for.
#include "core/error.hpp"
#include "core/transactions.hpp"

#include <cmath>

namespace triage {

namespace {

// The first line is a header when its date is a text that is no date.
bool first_line_is_header(const OrderLines& lines) {
    const RawColumn& dates = lines.of(Field::OrderDate);
    return !dates.empty() && dates[0].kind == RawCell::Kind::Text &&
           !parse_date_text(dates[0].text, DateOrder::DayFirst);
}

} // namespace

std::vector<PurchaseLogRow> summarise_purchase_log(OrderLines lines, std::optional<double> end_day,
                                                   double days_per_unit) {
    if (!(std::isfinite(days_per_unit) && days_per_unit > 0)) {
        throw InvalidInput("the time unit must be a positive number of days");
    }
    RawColumn& amounts = lines.of(Field::Revenue);
    if (amounts.empty()) { // no amounts: every purchase is worth 0
        amounts.assign(lines.of(Field::OrderDate).size(), RawCell::of_number(0));
    }
    OrderSettings settings;
    settings.first_row = 1;
    if (first_line_is_header(lines)) {
        for (RawColumn& column : lines.columns) {
            if (!column.empty()) {
                column.erase(column.begin());
            }
        }
        settings.first_row = 2;
    }
    settings.analysis_date = end_day;
    const ClientsFromOrders clients = aggregate_orders(lines, settings);
    if (clients.skipped_lines() > 0) {
        HeaderMapping mapping;
        mapping.columns[field_index(Field::ClientId)] = 0;
        mapping.columns[field_index(Field::OrderDate)] = 1;
        mapping.columns[field_index(Field::Revenue)] = 2;
        throw InvalidInput(
            skipped_lines_text(clients, mapping, {"clients", "dates", "amounts"}, Lang::En));
    }
    std::vector<PurchaseLogRow> out;
    const double scale = kDaysPerWeek / days_per_unit;
    for (std::size_t r = 0; r < clients.repeat_buying.size(); ++r) {
        RepeatBuying buying = clients.repeat_buying[r];
        if (!buying.bought) {
            continue;
        }
        buying.summary.t_x *= scale;
        buying.summary.T *= scale;
        out.push_back({std::string(clients.key[r]), buying});
    }
    if (out.empty()) {
        throw InvalidInput("the purchase log has no dated purchase up to the end date");
    }
    return out;
}

} // namespace triage
