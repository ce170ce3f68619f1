// The BG/NBD model of repeat buying (Fader, Hardie & Lee 2005, "Counting Your Customers the
// Easy Way: An Alternative to the Pareto/NBD Model"): each client buys at a Poisson rate while
// alive and may drop out after any purchase. Fitted by maximum likelihood to the clients'
// (x, t_x, T); then, per client, the probability of still being a client and the purchases
// to expect. Times are in one unit throughout (days or weeks), as the caller chose.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace triage {

// One client's repeat-buying summary: x repeat purchases (days with a purchase after the
// first), t_x the time from the first to the last purchase, T from the first purchase to the
// end of the calibration period.
struct RepeatSummary {
    double x = 0;
    double t_x = 0;
    double T = 0;
};

// Throws InvalidInput unless 0 <= t_x <= T, x >= 0, t_x > 0 when x > 0 and t_x = 0 when
// x = 0 (all finite).
void validate_summary(const RepeatSummary& client);

struct BgNbdParams {
    double r = 0;
    double alpha = 0;
    double a = 0;
    double b = 0;
};

// Throws InvalidInput unless all four are finite and positive.
void validate_params(const BgNbdParams& params);

// The log-likelihood of one client, and of a population (the sum).
double bgnbd_log_likelihood(const BgNbdParams& params, const RepeatSummary& client);
double bgnbd_log_likelihood(const BgNbdParams& params, const std::vector<RepeatSummary>& clients);

struct BgNbdFit {
    BgNbdParams params;
    double log_likelihood = 0;
    int evaluations = 0;
};

// The maximum-likelihood parameters of a population (NLopt, in log space). Throws
// InvalidInput for an invalid client or a population without a repeat purchase (the dropout
// process is then not identified), and ModelError when the optimiser does not converge.
BgNbdFit fit_bgnbd(const std::vector<RepeatSummary>& clients);

// The probability that the client is still a client at T.
double bgnbd_probability_alive(const BgNbdParams& params, const RepeatSummary& client);

// The purchases the client is expected to make in the next `t` time units.
double bgnbd_expected_purchases(const BgNbdParams& params, const RepeatSummary& client, double t);

// The purchases expected in the next `t` time units of a client still alive: equation 10
// without its P(alive) factor, so it depends on x and T only (bgnbd_expected_purchases =
// P(alive) x this). Shared by clients with one x and T.
double bgnbd_expected_purchases_if_alive(const BgNbdParams& params, double x, double T, double t);

// The purchases a new client is expected to make in its first `t` time units.
double bgnbd_expected_purchases_new(const BgNbdParams& params, double t);

} // namespace triage
