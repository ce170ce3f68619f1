#include "core/bgnbd.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

using triage::BgNbdParams;
using triage::RepeatSummary;

// lifetimes' cdnow_customers_summary.csv: ID,frequency,recency,T in weeks (39-week split).
std::vector<RepeatSummary> cdnow_summary() {
    std::ifstream in(std::string(TRIAGE_SHARED_DATA) + "/cdnow/cdnow_customers_summary.csv");
    std::string line;
    std::getline(in, line);
    std::vector<RepeatSummary> out;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string id, x, t_x, T;
        std::getline(fields, id, ',');
        std::getline(fields, x, ',');
        std::getline(fields, t_x, ',');
        std::getline(fields, T, ',');
        out.push_back({std::stod(x), std::stod(t_x), std::stod(T)});
    }
    return out;
}

// The published fit (Fader, Hardie & Lee 2005; BTYD vignette): r = 0.2426, alpha = 4.414,
// a = 0.7929, b = 2.426, log-likelihood -9582.43.
TEST(BgNbd, FitsTheCdnowSampleAsPublished) {
    const auto clients = cdnow_summary();
    ASSERT_EQ(clients.size(), 2357u);
    const triage::BgNbdFit fit = triage::fit_bgnbd(clients);
    EXPECT_NEAR(fit.params.r, 0.2426, 0.00005);
    EXPECT_NEAR(fit.params.alpha, 4.414, 0.0005);
    EXPECT_NEAR(fit.params.a, 0.7929, 0.00005);
    EXPECT_NEAR(fit.params.b, 2.426, 0.0005);
    EXPECT_NEAR(fit.log_likelihood, -9582.43, 0.005);
}

BgNbdParams cdnow_params() {
    static const BgNbdParams params = triage::fit_bgnbd(cdnow_summary()).params;
    return params;
}

// Client 1516 of the BTYD vignette: x = 26, t_x = 30.857, T = 31 weeks.
TEST(BgNbd, Client1516AsInTheBtydVignette) {
    const RepeatSummary c{26, 216.0 / 7, 217.0 / 7}; // in days: 216 and 217
    // Published to the digits shown (the vignette's own fit differs in the fifth digit).
    EXPECT_NEAR(triage::bgnbd_expected_purchases(cdnow_params(), c, 52), 25.757, 0.001);
    EXPECT_NEAR(triage::bgnbd_probability_alive(cdnow_params(), c), 0.96885, 0.00001);
}

// The "increasing frequency paradox": with t_x = 20 and T = 39, more purchases make a client
// who has been silent since week 20 more likely gone.
TEST(BgNbd, IncreasingFrequencyParadox) {
    const double expected[] = {0.34746, 0.042834, 0.0041590, 0.00035837};
    const double x[] = {10, 15, 20, 25};
    for (int i = 0; i < 4; ++i) {
        const double got =
            triage::bgnbd_expected_purchases(cdnow_params(), RepeatSummary{x[i], 20, 39}, 52);
        EXPECT_NEAR(got, expected[i], expected[i] * 5e-4) << x[i];
    }
}

TEST(BgNbd, BadSummariesAreRejected) {
    using triage::InvalidInput;
    const auto p = BgNbdParams{0.24, 4.4, 0.79, 2.4};
    EXPECT_THROW(triage::bgnbd_probability_alive(p, {-1, 0, 5}), InvalidInput);
    EXPECT_THROW(triage::bgnbd_probability_alive(p, {1, 6, 5}), InvalidInput); // t_x > T
    EXPECT_THROW(triage::bgnbd_probability_alive(p, {2, 0, 5}), InvalidInput); // x > 0, t_x 0
    EXPECT_THROW(triage::bgnbd_probability_alive(p, {1, 2, -5}), InvalidInput);
    EXPECT_THROW(triage::fit_bgnbd({{0, 0, 5}, {0, 0, 9}}), InvalidInput); // no repeat buyer
    EXPECT_EQ(triage::bgnbd_probability_alive(p, {0, 0, 30}), 1.0);        // one-time buyer
}

} // namespace
