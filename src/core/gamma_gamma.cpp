#include "core/gamma_gamma.hpp"

#include "core/error.hpp"
#include "core/optimise.hpp"

#include <cmath>
#include <map>

namespace triage {

void validate_params(const GammaGammaParams& g) {
    for (double v : {g.p, g.q, g.v}) {
        if (!(std::isfinite(v) && v > 0)) {
            throw InvalidInput("the Gamma-Gamma parameters p, q and v must be positive numbers");
        }
    }
}

namespace {

void validate_client(const SpendSummary& c) {
    if (!(std::isfinite(c.x) && c.x >= 0)) {
        throw InvalidInput("x (repeat purchases) must be a number, 0 or more");
    }
    if (!std::isfinite(c.monetary)) {
        throw InvalidInput("the mean spend must be a finite number");
    }
}

} // namespace

double gamma_gamma_log_likelihood(const GammaGammaParams& g, const SpendSummary& c) {
    // The density of the mean of x purchases: x * mean ~ Gamma(p x, nu), nu ~ Gamma(q, v).
    const double px = g.p * c.x;
    return std::lgamma(px + g.q) - std::lgamma(px) - std::lgamma(g.q) + g.q * std::log(g.v) +
           (px - 1) * std::log(c.monetary) + px * std::log(c.x) -
           (px + g.q) * std::log(c.x * c.monetary + g.v);
}

GammaGammaFit fit_gamma_gamma(const std::vector<SpendSummary>& clients) {
    GammaGammaFit fit;
    std::vector<SpendSummary> used;
    for (const SpendSummary& c : clients) {
        validate_client(c);
        if (c.x == 0) {
            ++fit.without_repeat;
        } else if (c.monetary <= 0) {
            ++fit.non_positive_spend;
        } else {
            used.push_back(c);
        }
    }
    if (used.empty()) {
        throw InvalidInput("the Gamma-Gamma fit needs at least one repeat buyer with a positive "
                           "mean spend");
    }
    // Per client the logs of x and of the mean once; per evaluation the log-gammas once per
    // distinct x (repeat counts are few), one log per client.
    std::map<double, std::size_t> distinct;
    for (const SpendSummary& c : used) {
        distinct.emplace(c.x, 0);
    }
    std::vector<double> xs;
    for (auto& [x, index] : distinct) {
        index = xs.size();
        xs.push_back(x);
    }
    struct Prepared {
        std::size_t x;
        double log_x, log_m, xm;
    };
    std::vector<Prepared> prepared;
    prepared.reserve(used.size());
    for (const SpendSummary& c : used) {
        prepared.push_back({distinct[c.x], std::log(c.x), std::log(c.monetary), c.x * c.monetary});
    }
    std::vector<double> gammas(xs.size());
    const LogSpaceMinimum minimum = minimise_in_log_space(
        [&](const std::vector<double>& v) {
            const GammaGammaParams g{v[0], v[1], v[2]};
            const double common = -std::lgamma(g.q) + g.q * std::log(g.v);
            for (std::size_t i = 0; i < xs.size(); ++i) {
                gammas[i] = std::lgamma(g.p * xs[i] + g.q) - std::lgamma(g.p * xs[i]) + common;
            }
            double sum = 0;
            for (const Prepared& c : prepared) {
                const double px = g.p * xs[c.x];
                sum += gammas[c.x] + (px - 1) * c.log_m + px * c.log_x -
                       (px + g.q) * std::log(c.xm + g.v);
            }
            return -sum;
        },
        3, "Gamma-Gamma");
    fit.params = {minimum.values[0], minimum.values[1], minimum.values[2]};
    fit.log_likelihood = -minimum.objective;
    fit.evaluations = minimum.evaluations;
    fit.used = used.size();
    return fit;
}

double gamma_gamma_expected_spend(const GammaGammaParams& g, const SpendSummary& c) {
    validate_params(g);
    validate_client(c);
    if (c.monetary < 0) {
        throw InvalidInput("the mean spend must not be negative");
    }
    if (g.q <= 1) {
        throw InvalidInput("the expected spend needs q above 1 (else the population's mean "
                           "spend is not finite)");
    }
    const double weight = g.p * c.x / (g.p * c.x + g.q - 1);
    return (1 - weight) * g.p * g.v / (g.q - 1) + weight * c.monetary;
}

} // namespace triage
