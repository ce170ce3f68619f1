#include "core/rfm.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace triage {

const char* rfm_measure_key(RfmMeasure measure) {
    switch (measure) {
    case RfmMeasure::Recency:
        return "recency";
    case RfmMeasure::Frequency:
        return "frequency";
    case RfmMeasure::Monetary:
        break;
    }
    return "monetary";
}

void validate_rfm_bins(int bins) {
    if (bins < kMinRfmBins || bins > kMaxRfmBins) {
        throw InvalidInput("the number of RFM bins must be a whole number from " +
                           std::to_string(kMinRfmBins) + " to " + std::to_string(kMaxRfmBins) +
                           ", got " + std::to_string(bins));
    }
}

void validate_rfm_value(double value, RfmMeasure measure) {
    if (!std::isfinite(value)) {
        throw InvalidInput(std::string(rfm_measure_key(measure)) +
                           " must be a finite number, got " + number_text(value));
    }
    if (value < 0) {
        throw InvalidInput(std::string(rfm_measure_key(measure)) + " must not be negative, got " +
                           number_text(value));
    }
}

namespace {

// R's quantile(type = 7) of n values, reading the k-th smallest (0-based) from nth(k), for the
// lower position before the upper one.
template <typename Nth> double quantile_type7_of(std::size_t n, double p, Nth&& nth) {
    if (n == 0) {
        throw InvalidInput("the quantile of an empty population is undefined");
    }
    if (!(p >= 0 && p <= 1)) {
        throw InvalidInput("a quantile probability must be within 0..1, got " + number_text(p));
    }
    // R: index <- 1 + max(n - 1, 0) * probs, 1-based. Adding the 1 before flooring matters:
    // it rounds away the error of p_k = k * (1 / bins) in some cases, as in R.
    const double index = 1 + static_cast<double>(n - 1) * p;
    const double lo = std::floor(index);
    const double hi = std::ceil(index);
    const double x_lo = nth(static_cast<std::size_t>(lo) - 1);
    const double x_hi = nth(static_cast<std::size_t>(hi) - 1);
    if (index > lo && x_hi != x_lo) {
        const double h = index - lo;
        return (1 - h) * x_lo + h * x_hi;
    }
    return x_lo;
}

// The k-th smallest values of a population, each found by partitioning only what is right of
// the one found before (a few quantiles of a hundred thousand clients without sorting them
// all). The positions a run of type-7 quantiles reads never go below the last but one found
// (with no more values than bins, the next quantile's lower position can be the last one's
// lower position), and a position found stays in place when a later one is partitioned.
class AscendingSelection {
public:
    explicit AscendingSelection(std::vector<double>& values) : values_(values) {}
    double operator()(std::size_t k) {
        if (last_ == kNone || k > last_) {
            const auto from =
                values_.begin() + static_cast<std::ptrdiff_t>(last_ == kNone ? 0 : last_ + 1);
            std::nth_element(from, values_.begin() + static_cast<std::ptrdiff_t>(k), values_.end());
            last_ = k;
        }
        return values_[k];
    }

private:
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<double>& values_;
    std::size_t last_ = kNone;
};

} // namespace

double quantile_type7(const std::vector<double>& sorted, double p) {
    return quantile_type7_of(sorted.size(), p, [&sorted](std::size_t k) { return sorted[k]; });
}

std::vector<double> rfm_probabilities(int bins) {
    validate_rfm_bins(bins);
    // R: seq(0, 1, length.out = bins + 1) is c(0, seq_len(bins - 1) * (1 / bins), 1).
    const double step = 1.0 / static_cast<double>(bins);
    std::vector<double> probs;
    probs.reserve(static_cast<std::size_t>(bins - 1));
    for (int k = 1; k < bins; ++k) {
        probs.push_back(static_cast<double>(k) * step);
    }
    return probs;
}

std::vector<double> rfm_breaks(std::vector<double> population, RfmMeasure measure, int bins) {
    validate_rfm_bins(bins);
    if (population.empty()) {
        throw InvalidInput(std::string("the ") + rfm_measure_key(measure) +
                           " population is empty: RFM scores need at least one client");
    }
    for (double v : population) {
        validate_rfm_value(v, measure);
    }
    // The probabilities ascend: the positions the quantiles read go down no further than
    // AscendingSelection allows.
    AscendingSelection nth(population);
    std::vector<double> breaks;
    breaks.reserve(static_cast<std::size_t>(bins - 1));
    for (double p : rfm_probabilities(bins)) {
        breaks.push_back(quantile_type7_of(population.size(), p, nth) + 1);
    }
    return breaks;
}

int rfm_measure_score(double value, const std::vector<double>& breaks, RfmMeasure measure) {
    validate_rfm_value(value, measure);
    const int bins = static_cast<int>(breaks.size()) + 1;
    validate_rfm_bins(bins);
    for (std::size_t k = 0; k < breaks.size(); ++k) {
        if (!std::isfinite(breaks[k]) || (k > 0 && breaks[k] < breaks[k - 1])) {
            throw InvalidInput("RFM break points must be finite and ascending");
        }
    }
    // Breaks are ascending, so the number of b_k <= value is an upper bound.
    const int at_or_below =
        static_cast<int>(std::upper_bound(breaks.begin(), breaks.end(), value) - breaks.begin());
    if (measure == RfmMeasure::Recency) {
        return bins - at_or_below;
    }
    return 1 + at_or_below;
}

RfmBreaks rfm_breaks(std::vector<double> recency, std::vector<double> frequency,
                     std::vector<double> monetary, int bins) {
    RfmBreaks out;
    out.bins = bins;
    out.recency = rfm_breaks(std::move(recency), RfmMeasure::Recency, bins);
    out.frequency = rfm_breaks(std::move(frequency), RfmMeasure::Frequency, bins);
    out.monetary = rfm_breaks(std::move(monetary), RfmMeasure::Monetary, bins);
    return out;
}

RfmScores rfm_scores(double recency, double frequency, double monetary, const RfmBreaks& breaks) {
    RfmScores s;
    s.r = rfm_measure_score(recency, breaks.recency, RfmMeasure::Recency);
    s.f = rfm_measure_score(frequency, breaks.frequency, RfmMeasure::Frequency);
    s.m = rfm_measure_score(monetary, breaks.monetary, RfmMeasure::Monetary);
    return s;
}

RfmScores decode_rfm_score(double rfm_score) {
    const bool whole = std::isfinite(rfm_score) && std::floor(rfm_score) == rfm_score;
    if (!whole || rfm_score < 111 || rfm_score > 999) {
        throw InvalidInput("an RFM score must be a whole number of three digits 1-9 (such as "
                           "345), got " +
                           number_text(rfm_score));
    }
    const int v = static_cast<int>(rfm_score);
    RfmScores s;
    s.r = v / 100;
    s.f = v / 10 % 10;
    s.m = v % 10;
    if (s.f == 0 || s.m == 0) {
        throw InvalidInput("an RFM score must be a whole number of three digits 1-9 (such as "
                           "345), got " +
                           std::to_string(v));
    }
    return s;
}

// ---------------------------------------------------------------- segments

namespace {

// The spec's table (SPEC section 4), in the order it is checked.
constexpr std::array<RfmSegmentRule, kRfmSegmentCount - 1> kSegmentRules = {{
    {RfmSegment::Champions, 5, 5, 5, 5, 5, 5},
    {RfmSegment::PotentialLoyalist, 3, 5, 3, 5, 2, 5},
    {RfmSegment::LoyalCustomers, 2, 4, 2, 4, 2, 4},
    {RfmSegment::Promising, 3, 4, 1, 3, 3, 5},
    {RfmSegment::NewCustomers, 4, 5, 1, 3, 1, 5},
    {RfmSegment::CantLoseThem, 1, 2, 3, 4, 4, 5},
    {RfmSegment::AtRisk, 1, 2, 2, 5, 4, 5},
    {RfmSegment::NeedAttention, 1, 3, 3, 5, 3, 5},
    {RfmSegment::AboutToSleep, 2, 3, 1, 3, 1, 4},
    {RfmSegment::Lost, 1, 1, 1, 5, 1, 5},
}};

constexpr std::array<Localized, kRfmSegmentCount> kSegmentNames = {{
    {"Champions", "Чемпионы", "Mestarit"},
    {"Potential Loyalist", "Потенциально лояльные", "Mahdolliset kanta-asiakkaat"},
    {"Loyal Customers", "Лояльные клиенты", "Uskolliset asiakkaat"},
    {"Promising", "Перспективные", "Lupaavat"},
    {"New Customers", "Новые клиенты", "Uudet asiakkaat"},
    {"Can't Lose Them", "Нельзя потерять", "Ei saa menettää"},
    {"At Risk", "Под угрозой", "Vaarassa"},
    {"Need Attention", "Требуют внимания", "Tarvitsevat huomiota"},
    {"About To Sleep", "Засыпающие", "Nukahtamassa"},
    {"Lost", "Потерянные", "Menetetyt"},
    {"Others", "Прочие", "Muut"},
}};

} // namespace

const std::array<RfmSegmentRule, kRfmSegmentCount - 1>& rfm_segment_rules() {
    return kSegmentRules;
}

RfmSegment rfm_segment(int r, int f, int m) {
    for (int s : {r, f, m}) {
        if (s < 1 || s > 9) {
            throw InvalidInput("an RFM score digit must be within 1..9, got " + std::to_string(s));
        }
    }
    for (const RfmSegmentRule& rule : kSegmentRules) {
        if (rule.matches(r, f, m)) {
            return rule.segment;
        }
    }
    return RfmSegment::Others;
}

RfmSegment rfm_segment(const RfmScores& scores) {
    return rfm_segment(scores.r, scores.f, scores.m);
}

RfmSegment rfm_segment_of_score(double rfm_score) {
    return rfm_segment(decode_rfm_score(rfm_score));
}

const Localized& rfm_segment_name(RfmSegment segment) {
    return kSegmentNames[rfm_segment_index(segment)];
}

// ---------------------------------------------------------------- orders -> customers

std::vector<RfmCustomer> aggregate_rfm_orders(const std::vector<RfmOrder>& orders,
                                              double analysis_date) {
    if (!std::isfinite(analysis_date)) {
        throw InvalidInput("the analysis date must be a finite day number, got " +
                           number_text(analysis_date));
    }
    if (orders.empty()) {
        throw InvalidInput("there are no orders to compute RFM scores from");
    }
    std::map<std::string, RfmCustomer> by_customer;
    for (const RfmOrder& order : orders) {
        if (order.customer.empty()) {
            throw InvalidInput("an order has an empty customer id");
        }
        if (!std::isfinite(order.date)) {
            throw InvalidInput("the order date of customer \"" + order.customer +
                               "\" is not a finite day number");
        }
        if (!std::isfinite(order.revenue)) {
            throw InvalidInput("the revenue of an order of customer \"" + order.customer +
                               "\" is not a finite number");
        }
        if (order.date > analysis_date) {
            throw InvalidInput("an order of customer \"" + order.customer +
                               "\" is dated after the analysis date");
        }
        auto [it, inserted] = by_customer.try_emplace(order.customer);
        RfmCustomer& c = it->second;
        if (inserted) {
            c.customer = order.customer;
            c.last_order = order.date;
        }
        c.last_order = std::max(c.last_order, order.date);
        c.frequency += 1;
        c.monetary += order.revenue;
    }
    std::vector<RfmCustomer> out;
    out.reserve(by_customer.size());
    for (auto& entry : by_customer) {
        entry.second.recency = analysis_date - entry.second.last_order;
        out.push_back(std::move(entry.second));
    }
    return out;
}

RfmResult score_rfm_customers(const std::vector<RfmCustomer>& customers, int bins) {
    std::vector<double> recency, frequency, monetary;
    recency.reserve(customers.size());
    frequency.reserve(customers.size());
    monetary.reserve(customers.size());
    for (const RfmCustomer& c : customers) {
        recency.push_back(c.recency);
        frequency.push_back(c.frequency);
        monetary.push_back(c.monetary);
    }
    RfmResult result;
    result.breaks = rfm_breaks(std::move(recency), std::move(frequency), std::move(monetary), bins);
    result.scores.reserve(customers.size());
    for (const RfmCustomer& c : customers) {
        result.scores.push_back(rfm_scores(c.recency, c.frequency, c.monetary, result.breaks));
    }
    return result;
}

} // namespace triage
