#include "core/bgnbd.hpp"

#include "core/error.hpp"
#include "core/optimise.hpp"

#include <boost/math/special_functions/gamma.hpp> // before hypergeometric_pFq (Boost 1.74)
#include <boost/math/special_functions/hypergeometric_pFq.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <tuple>

namespace triage {

namespace {

bool finite(double v) {
    return std::isfinite(v);
}

// log(exp(p) + exp(q)) without overflow.
double log_add_exp(double p, double q) {
    const double high = std::max(p, q);
    if (high == -HUGE_VAL) {
        return high;
    }
    return high + std::log1p(std::exp(std::min(p, q) - high));
}

// The client's log of a / (b + x - 1) * ((alpha + T) / (alpha + t_x))^(r + x): the weight of
// "dropped out after the last purchase" against "alive" (no such term when x = 0).
double log_dropout_odds(const BgNbdParams& p, const RepeatSummary& c) {
    return std::log(p.a) - std::log(p.b + c.x - 1) +
           (p.r + c.x) * (std::log(p.alpha + c.T) - std::log(p.alpha + c.t_x));
}

// A population as the likelihood reads it: its distinct summaries with their counts (far
// fewer than clients), each naming its x and its two times by index into the distinct values,
// so that an evaluation takes the log-gammas once per distinct x and the logs once per
// distinct time instead of once per client.
struct Grouped {
    struct Group {
        std::uint32_t x, t_x, T; // indices into xs and times
        double count;
    };
    std::vector<double> xs;
    std::vector<double> times;
    std::vector<Group> groups;
    bool any_repeat = false;
};

Grouped grouped(const std::vector<RepeatSummary>& clients) {
    std::map<std::tuple<double, double, double>, double> counts;
    std::map<double, std::uint32_t> xs, times;
    for (const RepeatSummary& c : clients) {
        validate_summary(c);
        counts[{c.x, c.t_x, c.T}] += 1;
        xs.emplace(c.x, 0);
        times.emplace(c.t_x, 0);
        times.emplace(c.T, 0);
    }
    Grouped out;
    for (auto& [value, index] : xs) {
        index = static_cast<std::uint32_t>(out.xs.size());
        out.xs.push_back(value);
    }
    for (auto& [value, index] : times) {
        index = static_cast<std::uint32_t>(out.times.size());
        out.times.push_back(value);
    }
    out.groups.reserve(counts.size());
    for (const auto& [key, n] : counts) {
        const auto& [x, t_x, T] = key;
        out.groups.push_back({xs[x], times[t_x], times[T], n});
        out.any_repeat = out.any_repeat || x > 0;
    }
    return out;
}

// The sum of bgnbd_log_likelihood over the population (the same terms, shared).
double log_likelihood(const BgNbdParams& p, const Grouped& g) {
    // Per distinct x: A1 + A2 and ln(b + x - 1); per distinct time: ln(alpha + t).
    std::vector<double> head(g.xs.size()), log_b(g.xs.size()), log_time(g.times.size());
    const double common =
        -std::lgamma(p.r) + p.r * std::log(p.alpha) + std::lgamma(p.a + p.b) - std::lgamma(p.b);
    for (std::size_t i = 0; i < g.xs.size(); ++i) {
        const double x = g.xs[i];
        head[i] = common + std::lgamma(p.r + x) + std::lgamma(p.b + x) - std::lgamma(p.a + p.b + x);
        log_b[i] = x > 0 ? std::log(p.b + x - 1) : 0.0;
    }
    for (std::size_t i = 0; i < g.times.size(); ++i) {
        log_time[i] = std::log(p.alpha + g.times[i]);
    }
    const double log_a = std::log(p.a);
    double sum = 0;
    for (const Grouped::Group& c : g.groups) {
        const double x = g.xs[c.x];
        const double a3 = -(p.r + x) * log_time[c.T];
        const double a4 = x > 0 ? log_a - log_b[c.x] - (p.r + x) * log_time[c.t_x] : -HUGE_VAL;
        sum += c.count * (head[c.x] + log_add_exp(a3, a4));
    }
    return sum;
}

// The Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, from Boost.Math, which
// raises an error where its series does not converge: said as a ModelError, not a number.
double gauss_2f1(double a, double b, double c, double z) {
    try {
        return boost::math::hypergeometric_pFq({a, b}, {c}, z);
    } catch (const std::exception& e) {
        throw ModelError(std::string("the hypergeometric function did not converge: ") + e.what());
    }
}

// The expected purchases over `t` ahead: t a time, and a != 1 (the formulas divide by a - 1).
void validate_horizon(const BgNbdParams& p, double t) {
    if (!(finite(t) && t >= 0)) {
        throw InvalidInput("the time ahead must be a number of time units, 0 or more");
    }
    if (p.a == 1) {
        throw InvalidInput("the expected purchases need a different from 1");
    }
}

} // namespace

void validate_summary(const RepeatSummary& c) {
    if (!finite(c.x) || !finite(c.t_x) || !finite(c.T)) {
        throw InvalidInput("x, t_x and T must be finite numbers");
    }
    if (c.x < 0 || c.t_x < 0 || c.T < 0) {
        throw InvalidInput("x, t_x and T must not be negative");
    }
    if (c.t_x > c.T) {
        throw InvalidInput("t_x (first to last purchase) must not exceed T (first purchase to "
                           "the end of the period)");
    }
    if (c.x > 0 && c.t_x == 0) {
        throw InvalidInput("a client with repeat purchases (x > 0) must have t_x > 0");
    }
    if (c.x == 0 && c.t_x != 0) {
        throw InvalidInput("a client without repeat purchases (x = 0) must have t_x = 0");
    }
}

void validate_params(const BgNbdParams& p) {
    for (double v : {p.r, p.alpha, p.a, p.b}) {
        if (!(finite(v) && v > 0)) {
            throw InvalidInput("the BG/NBD parameters r, alpha, a and b must be positive numbers");
        }
    }
}

double bgnbd_log_likelihood(const BgNbdParams& p, const RepeatSummary& c) {
    // Fader, Hardie & Lee (2005), equation 6, in logs:
    //   A1 = ln G(r + x) - ln G(r) + r ln alpha
    //   A2 = ln G(a + b) + ln G(b + x) - ln G(b) - ln G(a + b + x)
    //   A3 = -(r + x) ln(alpha + T)
    //   A4 = ln a - ln(b + x - 1) - (r + x) ln(alpha + t_x)   (x > 0 only)
    const double a1 = std::lgamma(p.r + c.x) - std::lgamma(p.r) + p.r * std::log(p.alpha);
    const double a2 = std::lgamma(p.a + p.b) + std::lgamma(p.b + c.x) - std::lgamma(p.b) -
                      std::lgamma(p.a + p.b + c.x);
    const double a3 = -(p.r + c.x) * std::log(p.alpha + c.T);
    const double a4 =
        c.x > 0 ? std::log(p.a) - std::log(p.b + c.x - 1) - (p.r + c.x) * std::log(p.alpha + c.t_x)
                : -HUGE_VAL;
    return a1 + a2 + log_add_exp(a3, a4);
}

double bgnbd_log_likelihood(const BgNbdParams& p, const std::vector<RepeatSummary>& clients) {
    validate_params(p);
    return log_likelihood(p, grouped(clients));
}

BgNbdFit fit_bgnbd(const std::vector<RepeatSummary>& clients) {
    const Grouped groups = grouped(clients);
    if (!groups.any_repeat) {
        throw InvalidInput("the BG/NBD fit needs at least one client with a repeat purchase");
    }
    const LogSpaceMinimum minimum = minimise_in_log_space(
        [&](const std::vector<double>& v) {
            return -log_likelihood(BgNbdParams{v[0], v[1], v[2], v[3]}, groups);
        },
        4, "BG/NBD");
    BgNbdFit fit;
    fit.params = {minimum.values[0], minimum.values[1], minimum.values[2], minimum.values[3]};
    fit.log_likelihood = -minimum.objective;
    fit.evaluations = minimum.evaluations;
    return fit;
}

double bgnbd_probability_alive(const BgNbdParams& p, const RepeatSummary& c) {
    validate_params(p);
    validate_summary(c);
    if (c.x == 0) {
        return 1.0;
    }
    // 1 / (1 + odds), odds = exp(log_dropout_odds)
    return 1.0 / (1.0 + std::exp(log_dropout_odds(p, c)));
}

double bgnbd_expected_purchases_if_alive(const BgNbdParams& p, double x, double T, double t) {
    validate_params(p);
    if (!(finite(x) && finite(T) && x >= 0 && T >= 0)) {
        throw InvalidInput("x and T must be finite numbers, 0 or more");
    }
    validate_horizon(p, t);
    // Fader, Hardie & Lee (2005), equation 10, times 1 + odds (the inverse of P(alive)).
    const double z = t / (p.alpha + T + t);
    const double f = gauss_2f1(p.r + x, p.b + x, p.a + p.b + x - 1, z);
    const double head = (p.a + p.b + x - 1) / (p.a - 1);
    return head *
           (1 - std::exp((p.r + x) * (std::log(p.alpha + T) - std::log(p.alpha + T + t))) * f);
}

double bgnbd_expected_purchases(const BgNbdParams& p, const RepeatSummary& c, double t) {
    validate_params(p);
    validate_summary(c);
    validate_horizon(p, t);
    return bgnbd_probability_alive(p, c) * bgnbd_expected_purchases_if_alive(p, c.x, c.T, t);
}

double bgnbd_expected_purchases_new(const BgNbdParams& p, double t) {
    validate_params(p);
    validate_horizon(p, t);
    // Fader, Hardie & Lee (2005), equation 9.
    const double f = gauss_2f1(p.r, p.b, p.a + p.b - 1, t / (p.alpha + t));
    return (p.a + p.b - 1) / (p.a - 1) *
           (1 - std::exp(p.r * (std::log(p.alpha) - std::log(p.alpha + t))) * f);
}

} // namespace triage
