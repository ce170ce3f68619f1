// RFM scores and segments (SPEC section 4), compatible with `rfm_table_order` of the R package
// `rfm` 0.3 when every measure uses the same number of bins.
#pragma once

#include "core/lang.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace triage {

constexpr int kDefaultRfmBins = 5;
constexpr int kMinRfmBins = 1;
constexpr int kMaxRfmBins = 9; // a score is one decimal digit of the RFM score

enum class RfmMeasure { Recency, Frequency, Monetary };

// "recency", "frequency" or "monetary" (used in error messages).
const char* rfm_measure_key(RfmMeasure measure);

// Throws InvalidInput unless kMinRfmBins <= bins <= kMaxRfmBins.
void validate_rfm_bins(int bins);

// Throws InvalidInput unless value is finite and >= 0 (the message names the measure).
void validate_rfm_value(double value, RfmMeasure measure);

// The sample quantile of type 7 (R's default) of values sorted ascending, for 0 <= p <= 1,
// computed with R's own arithmetic: h = 1 + (n - 1) p, lo = floor(h), hi = ceil(h),
// Q = x[lo] when x[hi] == x[lo] or h == lo, else (1 - (h - lo)) x[lo] + (h - lo) x[hi].
// Throws InvalidInput for an empty vector or p outside [0, 1] or NaN.
double quantile_type7(const std::vector<double>& sorted, double p);

// The probabilities R uses for seq(0, 1, length.out = bins + 1) without its two ends:
// p_k = k * (1 / bins) for k = 1 .. bins-1 (this is not always exactly k / bins; matching it
// keeps the break points bit-identical to R's).
std::vector<double> rfm_probabilities(int bins);

// The break points of one measure: b_k = Q(p_k) + 1 for k = 1 .. bins-1, ascending.
// Every value must be finite and >= 0 and the population non-empty (InvalidInput otherwise).
// O(n log n).
std::vector<double> rfm_breaks(std::vector<double> population, RfmMeasure measure,
                               int bins = kDefaultRfmBins);

// The score of one value against the break points of its measure (bins = breaks.size() + 1):
// frequency and monetary: 1 + count(b_k <= value); recency: bins - count(b_k <= value).
// Always within 1 .. bins; equal values always get equal scores. O(bins).
// Throws InvalidInput for a NaN, infinite or negative value, more than 8 break points, or
// break points that are not finite and ascending.
int rfm_measure_score(double value, const std::vector<double>& breaks, RfmMeasure measure);

// The break points of all three measures.
struct RfmBreaks {
    int bins = kDefaultRfmBins;
    std::vector<double> recency;
    std::vector<double> frequency;
    std::vector<double> monetary;
};

// Break points of the three populations (they may differ in length; none may be empty).
RfmBreaks rfm_breaks(std::vector<double> recency, std::vector<double> frequency,
                     std::vector<double> monetary, int bins = kDefaultRfmBins);

struct RfmScores {
    int r = 1;
    int f = 1;
    int m = 1;
    // 100 R + 10 F + M.
    int score() const { return 100 * r + 10 * f + m; }
};

RfmScores rfm_scores(double recency, double frequency, double monetary, const RfmBreaks& breaks);

// Decodes an RFM score (as a spreadsheet passes it: a double) into its three digits.
// Throws InvalidInput unless the score is a whole number 111..999 with no zero digit.
RfmScores decode_rfm_score(double rfm_score);

// ---------------------------------------------------------------- segments

enum class RfmSegment {
    Champions,
    PotentialLoyalist,
    LoyalCustomers,
    Promising,
    NewCustomers,
    CantLoseThem,
    AtRisk,
    NeedAttention,
    AboutToSleep,
    Lost,
    Others,
};

constexpr std::size_t kRfmSegmentCount = 11;

constexpr std::array<RfmSegment, kRfmSegmentCount> kAllRfmSegments = {
    RfmSegment::Champions,      RfmSegment::PotentialLoyalist,
    RfmSegment::LoyalCustomers, RfmSegment::Promising,
    RfmSegment::NewCustomers,   RfmSegment::CantLoseThem,
    RfmSegment::AtRisk,         RfmSegment::NeedAttention,
    RfmSegment::AboutToSleep,   RfmSegment::Lost,
    RfmSegment::Others,
};

constexpr std::size_t rfm_segment_index(RfmSegment s) {
    return static_cast<std::size_t>(s);
}

// One row of the segment table: the segment matches when every score is within its range
// (both ends inclusive).
struct RfmSegmentRule {
    RfmSegment segment;
    int r_min, r_max;
    int f_min, f_max;
    int m_min, m_max;
    bool matches(int r, int f, int m) const {
        return r_min <= r && r <= r_max && f_min <= f && f <= f_max && m_min <= m && m <= m_max;
    }
};

// The spec's segment table in the order it is checked (Others is not in it: it is what no
// rule matches).
const std::array<RfmSegmentRule, kRfmSegmentCount - 1>& rfm_segment_rules();

// The first rule that matches, else Others. Throws InvalidInput unless every score is a
// whole number within 1..9.
RfmSegment rfm_segment(int r, int f, int m);
RfmSegment rfm_segment(const RfmScores& scores);
// The segment of an RFM score such as 345 (decode_rfm_score, then rfm_segment).
RfmSegment rfm_segment_of_score(double rfm_score);

// The segment's name: en is exactly the R package's ("Champions", "Can't Lose Them", ...,
// "Others").
const Localized& rfm_segment_name(RfmSegment segment);

// ---------------------------------------------------------------- orders -> customers

// One order line. Dates are day numbers (Calc date serials or any other day count).
struct RfmOrder {
    std::string customer;
    double date = 0;
    double revenue = 0;
};

// One customer as rfm_table_order aggregates it.
struct RfmCustomer {
    std::string customer;
    double last_order = 0; // the latest order date
    double recency = 0;    // analysis_date - last_order, in days
    double frequency = 0;  // number of orders
    double monetary = 0;   // sum of revenue
};

// Groups orders by customer (exact, byte-wise match of the id), sorted by customer id
// byte-wise as R's group_by does for ASCII ids. Throws InvalidInput for no orders, an empty
// customer id, a non-finite date, revenue or analysis date, or an order dated after the
// analysis date. A single order may have negative revenue (a refund); a negative sum is
// rejected later, when the monetary values are scored.
std::vector<RfmCustomer> aggregate_rfm_orders(const std::vector<RfmOrder>& orders,
                                              double analysis_date);

// Convenience: scores every customer against the breaks of the customers' own populations.
struct RfmResult {
    RfmBreaks breaks;
    std::vector<RfmScores> scores; // one per customer, same order
};
RfmResult score_rfm_customers(const std::vector<RfmCustomer>& customers,
                              int bins = kDefaultRfmBins);

} // namespace triage
