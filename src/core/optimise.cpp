#include "core/optimise.hpp"

#include "core/error.hpp"

#include <nlopt.hpp>

#include <algorithm>
#include <cmath>

namespace triage {

namespace {

constexpr double kLogBound = 30; // parameters from 1e-13 to 1e13: beyond is degenerate

std::vector<double> exponentials(const std::vector<double>& logs) {
    std::vector<double> out(logs.size());
    std::transform(logs.begin(), logs.end(), out.begin(), [](double v) { return std::exp(v); });
    return out;
}

} // namespace

LogSpaceMinimum
minimise_in_log_space(const std::function<double(const std::vector<double>&)>& objective,
                      std::size_t parameters, const std::string& model) {
    using Objective = std::function<double(const std::vector<double>&)>;
    Objective local = objective; // NLopt's C interface takes a void*
    nlopt::opt optimiser(nlopt::LN_NELDERMEAD, static_cast<unsigned>(parameters));
    optimiser.set_min_objective(
        [](const std::vector<double>& logs, std::vector<double>&, void* data) {
            const double value = (*static_cast<Objective*>(data))(exponentials(logs));
            return std::isfinite(value) ? value : HUGE_VAL;
        },
        &local);
    optimiser.set_lower_bounds(-kLogBound);
    optimiser.set_upper_bounds(kLogBound);
    optimiser.set_xtol_rel(1e-10);
    optimiser.set_ftol_abs(1e-9);
    optimiser.set_maxeval(20000);
    optimiser.set_initial_step(0.5);
    std::vector<double> logs(parameters, 0.0);
    double minimum = 0;
    nlopt::result result = nlopt::FAILURE;
    try {
        result = optimiser.optimize(logs, minimum);
    } catch (const std::exception& e) {
        throw ModelError("the " + model + " fit failed: " + e.what());
    }
    if (result == nlopt::MAXEVAL_REACHED || result == nlopt::MAXTIME_REACHED ||
        !std::isfinite(minimum) || std::any_of(logs.begin(), logs.end(), [](double v) {
            return std::fabs(v) >= kLogBound - 0.1;
        })) {
        throw ModelError("the " + model +
                         " fit did not converge: the data do not determine the parameters (too "
                         "few repeat buyers, or purchases that do not look like repeat buying)");
    }
    return {exponentials(logs), minimum, optimiser.get_numevals()};
}

} // namespace triage
