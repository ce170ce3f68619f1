// Maximum likelihood for the buying models: one place that drives NLopt, so that every model
// is fitted the same way and reports non-convergence the same way.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace triage {

struct LogSpaceMinimum {
    std::vector<double> values; // the parameters (not their logs)
    double objective = 0;       // the objective at them
    int evaluations = 0;
};

// Minimises `objective` over positive parameters, searching their logarithms (NLopt's
// Nelder-Mead from all parameters = 1, each log within +-30). The objective gets the
// parameters themselves and returns HUGE_VAL where it is undefined. Throws ModelError, naming
// `model`, when NLopt fails, stops at its evaluation limit or ends on a bound (the data then
// do not determine the parameters).
LogSpaceMinimum
minimise_in_log_space(const std::function<double(const std::vector<double>&)>& objective,
                      std::size_t parameters, const std::string& model);

} // namespace triage
