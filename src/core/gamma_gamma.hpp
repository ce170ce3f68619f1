// The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005, "RFM and CLV: Using
// Iso-Value Curves for Customer Base Analysis"; Fader & Hardie, note 025): a client's
// purchases vary around the client's own mean, which varies across clients. Fitted by
// maximum likelihood to the repeat buyers' (x, mean spend); then, per client, the spend per
// purchase to expect, which leans to the client's own mean the more purchases it has.
#pragma once

#include <cstddef>
#include <vector>

namespace triage {

// A client's repeat purchases and their mean value.
struct SpendSummary {
    double x = 0;
    double monetary = 0;
};

struct GammaGammaParams {
    double p = 0;
    double q = 0;
    double v = 0;
};

// Throws InvalidInput unless p, q and v are finite and positive.
void validate_params(const GammaGammaParams& params);

// The log-likelihood of one repeat buyer's mean spend (x > 0, monetary > 0).
double gamma_gamma_log_likelihood(const GammaGammaParams& params, const SpendSummary& client);

struct GammaGammaFit {
    GammaGammaParams params;
    double log_likelihood = 0;
    int evaluations = 0;
    std::size_t used = 0;               // repeat buyers with a positive mean spend
    std::size_t without_repeat = 0;     // clients with x = 0: no repeat spend to fit
    std::size_t non_positive_spend = 0; // repeat buyers left out for a mean spend <= 0
};

// The maximum-likelihood parameters (NLopt, in log space) over the repeat buyers with a
// positive mean spend; the others are left out and counted. Throws InvalidInput for x
// negative or not finite, a spend not finite, or no client to fit; ModelError when the
// optimiser does not converge.
GammaGammaFit fit_gamma_gamma(const std::vector<SpendSummary>& clients);

// The spend per purchase to expect of the client: (1 - w) * p v / (q - 1) + w * monetary with
// w = p x / (p x + q - 1) (the population's mean for x = 0). Throws InvalidInput when q <= 1
// (the population mean does not exist), x or monetary is negative or not finite.
double gamma_gamma_expected_spend(const GammaGammaParams& params, const SpendSummary& client);

} // namespace triage
