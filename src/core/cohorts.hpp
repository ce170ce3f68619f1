// Cohort retention (issue "Cohorts and tier movement"): clients grouped by the month (or
// quarter) of their first order; for each cohort and each period since, the share of its
// clients who ordered in that period and the revenue they brought.
#pragma once

#include "core/lang.hpp"
#include "core/repeat_buying.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triage {

enum class CohortPeriod { Month, Quarter };

// "month" or "quarter", as the rules and the command's arguments write it.
std::string_view cohort_period_key(CohortPeriod period);
std::optional<CohortPeriod> cohort_period_from_key(std::string_view key);

// The cohorts of the last ten years before the analysis date at most: 120 months or 40
// quarters (a date typed as 2205 for 2025, or 9999, would otherwise ask for a sheet of centuries).
std::size_t max_cohort_periods(CohortPeriod period);

struct CohortTable {
    CohortPeriod period = CohortPeriod::Month;
    // Clients whose first order came before the oldest period shown (max_cohort_periods()),
    // left out with all their orders, and that oldest period.
    std::size_t earlier_clients = 0;
    int oldest = 0;
    std::vector<int> cohorts;       // the first-order period of each cohort, ascending
    std::vector<std::size_t> sizes; // its clients
    // [cohort][k]: the cohort's clients with an order in period cohort + k, and their revenue,
    // for k = 0 up to the analysis date's period (later cohorts have fewer periods).
    std::vector<std::vector<std::size_t>> active;
    std::vector<std::vector<double>> revenue;
    std::size_t periods() const; // the longest row: M0 .. M(periods - 1)
    // active / size (M0 is 1 for every cohort).
    double retention(std::size_t cohort, std::size_t k) const;
    // Per k, over the cohorts that reach it: their active clients over their sizes.
    std::vector<double> average_retention() const;
};

// The Cohorts sheet's texts.
enum class CohortText {
    SheetName,      // "Cohorts"
    RetentionTitle, // "Retention: the share of each cohort's clients who ordered ..."
    RevenueTitle,   // "Revenue of each cohort ..."
    Cohort,         // "First order"
    Clients,        // "Clients"
    Average,        // "All cohorts"
    Since,          // "Months since the first order" / "Quarters ..."
    AverageRetention,
    ChartTitle,
};
std::string cohort_text(CohortText text, CohortPeriod period, Lang lang);
// What the table leaves out, for the sheet's title: "Clients whose first order came before
// 2016-07 are not shown (3 of them): ..."; "" when it leaves out nobody.
std::string cohort_note(const CohortTable& table, Lang lang);
// "M0", "M1", ... for months, "Q0", ... for quarters (the same in the three languages).
std::string offset_label(std::size_t k, CohortPeriod period);

// A period's index: year * 12 + month - 1, or year * 4 + quarter - 1.
int period_of(double day, CohortPeriod period);
// "2023-01", "2023 Q1".
std::string period_label(int index, CohortPeriod period);

// The cohorts of `orders` (each a client's dated order: client, day, amount) up to
// `analysis_day` (later orders are not counted), of the last max_cohort_periods() periods. Throws
// InvalidInput for a day that is not a date or a client index out of range.
CohortTable cohort_table(const std::vector<Purchase>& orders, std::size_t clients,
                         double analysis_day, CohortPeriod period = CohortPeriod::Month);

} // namespace triage
