#include "uno/model_functions.hpp"

#include "core/bgnbd.hpp"
#include "core/clv.hpp"
#include "core/gamma_gamma.hpp"
#include "core/transactions.hpp"
#include "core/values.hpp"

namespace triage::uno::models {

namespace {

using css::uno::Any;
using css::uno::Sequence;

// Defaults of the optional arguments.
constexpr double kDefaultMonths = 12;
constexpr double kDefaultMonthlyDiscount = 0.01;

BgNbdParams bgnbd_of(const Range& model) {
    const std::vector<double> v = leading_numbers(model, 4, 5, "model");
    const BgNbdParams params{v[0], v[1], v[2], v[3]};
    validate_params(params);
    return params;
}

GammaGammaParams gamma_gamma_of(const Range& spend_model) {
    const std::vector<double> v = leading_numbers(spend_model, 3, 5, "spend_model");
    const GammaGammaParams params{v[0], v[1], v[2]};
    validate_params(params);
    return params;
}

RepeatSummary summary_of(const std::vector<Cell>& cells) {
    return {required_number(cells[0], "x"), required_number(cells[1], "t_x"),
            required_number(cells[2], "T")};
}

// A 1 x n row of numbers.
Any row_of(const std::vector<double>& values) {
    Range result(1);
    result.getArray()[0].realloc(static_cast<sal_Int32>(values.size()));
    for (std::size_t i = 0; i < values.size(); ++i) {
        result.getArray()[0].getArray()[i] <<= values[i];
    }
    return Any(result);
}

// The cells of a range, row-major, as the aggregation reads them.
RawColumn column_of(const Range& range) {
    RawColumn out;
    for (const auto& row : range) {
        for (const Any& value : row) {
            Cell cell = cell_of(value);
            switch (cell.kind) {
            case Cell::Kind::Number:
                out.push_back(RawCell::of_number(cell.number));
                break;
            case Cell::Kind::Text:
                out.push_back(RawCell::of_text(std::move(cell.text)));
                break;
            case Cell::Kind::Empty:
                out.push_back(RawCell{});
                break;
            }
        }
    }
    return out;
}

bool all_numbers_or_empty(const RawColumn& column) {
    return std::all_of(column.begin(), column.end(),
                       [](const RawCell& c) { return c.kind != RawCell::Kind::Text; });
}

} // namespace

Any repeat_summary(const Range& clients, const Range& dates, const Any& amounts,
                   const Any& end_date, const Any& days_per_unit) {
    OrderLines lines;
    lines.of(Field::ClientId) = column_of(clients);
    lines.of(Field::OrderDate) = column_of(dates);
    Range amount_range;
    if (amounts >>= amount_range) {
        lines.of(Field::Revenue) = column_of(amount_range);
    } else if (optional_number(amounts, "amounts")) {
        throw_invalid("amounts must be a range beside the clients and the dates");
    }
    const std::size_t n = lines.of(Field::ClientId).size();
    if (lines.of(Field::OrderDate).size() != n ||
        (!lines.of(Field::Revenue).empty() && lines.of(Field::Revenue).size() != n)) {
        throw_invalid("clients, dates and amounts must have the same number of cells");
    }
    std::optional<double> end;
    if (const auto serial = optional_number(end_date, "end_date")) {
        end = date_from_number(*serial);
        if (!end) {
            throw_invalid("end_date must be a date");
        }
    }
    const double unit = optional_number(days_per_unit, "days_per_unit").value_or(kDaysPerWeek);
    // Keys that were numbers (customer numbers) come back as numbers.
    const bool numeric_keys = all_numbers_or_empty(lines.of(Field::ClientId));
    const std::vector<PurchaseLogRow> rows = summarise_purchase_log(std::move(lines), end, unit);

    Range result(static_cast<sal_Int32>(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const RepeatBuying& b = rows[i].buying;
        Sequence<Any>& row = result.getArray()[i];
        row.realloc(5);
        if (numeric_keys) {
            row.getArray()[0] <<= std::stod(rows[i].client);
        } else {
            row.getArray()[0] <<= to_ou(rows[i].client);
        }
        row.getArray()[1] <<= b.summary.x;
        row.getArray()[2] <<= b.summary.t_x;
        row.getArray()[3] <<= b.summary.T;
        row.getArray()[4] <<= b.monetary;
    }
    return Any(result);
}

Any bgnbd_fit(const Range& x, const Range& t_x, const Range& T) {
    std::vector<RepeatSummary> clients;
    for (const auto& row : aligned_numbers({&x, &t_x, &T}, {"x", "t_x", "T"})) {
        clients.push_back({row[0], row[1], row[2]});
    }
    const BgNbdFit fit = fit_bgnbd(clients);
    return row_of({fit.params.r, fit.params.alpha, fit.params.a, fit.params.b, fit.log_likelihood});
}

Any p_alive(const Any& x, const Any& t_x, const Any& T, const Range& model) {
    const BgNbdParams params = bgnbd_of(model);
    return elementwise({x, t_x, T}, [&](const std::vector<Cell>& cells) {
        return Any(bgnbd_probability_alive(params, summary_of(cells)));
    });
}

Any expected_orders(const Any& x, const Any& t_x, const Any& T, const Any& t, const Range& model) {
    const BgNbdParams params = bgnbd_of(model);
    return elementwise({x, t_x, T, t}, [&](const std::vector<Cell>& cells) {
        return Any(
            bgnbd_expected_purchases(params, summary_of(cells), required_number(cells[3], "t")));
    });
}

Any spend_fit(const Range& x, const Range& monetary) {
    std::vector<SpendSummary> clients;
    for (const auto& row : aligned_numbers({&x, &monetary}, {"x", "monetary"})) {
        clients.push_back({row[0], row[1]});
    }
    const GammaGammaFit fit = fit_gamma_gamma(clients);
    return row_of({fit.params.p, fit.params.q, fit.params.v, static_cast<double>(fit.used),
                   static_cast<double>(fit.non_positive_spend)});
}

Any expected_spend(const Any& x, const Any& monetary, const Range& spend_model) {
    const GammaGammaParams params = gamma_gamma_of(spend_model);
    return elementwise({x, monetary}, [&](const std::vector<Cell>& cells) {
        return Any(gamma_gamma_expected_spend(
            params, {required_number(cells[0], "x"), required_number(cells[1], "monetary")}));
    });
}

Any clv(const Any& x, const Any& t_x, const Any& T, const Any& monetary, const Range& model,
        const Range& spend_model, const Any& months, const Any& discount_rate,
        const Any& units_per_month) {
    const BgNbdParams params = bgnbd_of(model);
    const GammaGammaParams spend_params = gamma_gamma_of(spend_model);
    return elementwise(
        {x, t_x, T, monetary, months, discount_rate, units_per_month},
        [&](const std::vector<Cell>& cells) {
            const RepeatSummary client = summary_of(cells);
            const double spend = gamma_gamma_expected_spend(
                spend_params, {client.x, required_number(cells[3], "monetary")});
            return Any(customer_lifetime_value(
                params, client, spend, number_or_empty(cells[4], "months").value_or(kDefaultMonths),
                number_or_empty(cells[5], "discount_rate").value_or(kDefaultMonthlyDiscount),
                number_or_empty(cells[6], "units_per_month").value_or(kWeeksPerMonth)));
        });
}

} // namespace triage::uno::models
