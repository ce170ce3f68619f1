// libFuzzer target: the buying models on arbitrary summaries and parameters (core/bgnbd,
// core/gamma_gamma, core/clv, core/repeat_buying, core/buying_forecast). Nothing may crash,
// hang or trip the sanitizers; bad input is an InvalidInput, a series or fit that cannot
// answer a ModelError, and every answer is a number in its range: P(alive) in [0, 1], expected
// purchases, spend and CLV finite and (for a positive spend) not negative.
#include "core/bgnbd.hpp"
#include "core/buying_forecast.hpp"
#include "core/clv.hpp"
#include "core/error.hpp"
#include "core/gamma_gamma.hpp"
#include "core/repeat_buying.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace {

// Reads values from the input: two bytes each, spread over [low, high]; a few byte values
// give the edge cases (0, negative, NaN, infinity).
class Reader {
public:
    Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    bool more() const { return at_ + 2 <= size_; }
    double value(double low, double high) {
        if (!more()) {
            return low;
        }
        const unsigned raw = data_[at_] * 256u + data_[at_ + 1];
        at_ += 2;
        switch (raw) {
        case 0:
            return 0.0;
        case 1:
            return -1.0;
        case 2:
            return NAN;
        case 3:
            return INFINITY;
        default:
            return low + (high - low) * (raw / 65535.0);
        }
    }
    double whole(double high) { return std::floor(value(0, high)); }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

void check(bool ok) {
    if (!ok) {
        std::abort();
    }
}

template <class Body> void expecting_model_errors(Body&& body) {
    try {
        body();
    } catch (const triage::InvalidInput&) {
    } catch (const triage::ModelError&) {
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) {
        return 0;
    }
    const unsigned mode = data[0];
    Reader in(data + 1, size - 1);
    const triage::BgNbdParams params{in.value(0.01, 50), in.value(0.01, 50), in.value(0.01, 20),
                                     in.value(0.01, 20)};
    const triage::GammaGammaParams spend{in.value(0.1, 30), in.value(0.1, 30), in.value(0.1, 100)};

    // Per client: x, t_x, T, monetary; evaluated one by one.
    std::vector<triage::RepeatSummary> clients;
    std::vector<triage::SpendSummary> spends;
    std::vector<triage::RepeatBuying> buying;
    while (in.more() && clients.size() < 24) {
        const triage::RepeatSummary c{in.whole(60), in.value(0, 80), in.value(0, 80)};
        const double monetary = in.value(0, 500);
        clients.push_back(c);
        spends.push_back({c.x, monetary});
        expecting_model_errors([&] {
            const double p = triage::bgnbd_probability_alive(params, c);
            check(p >= 0 && p <= 1);
        });
        expecting_model_errors([&] {
            const double e = triage::bgnbd_expected_purchases(params, c, in.value(0, 104));
            check(std::isfinite(e) && e >= 0);
        });
        expecting_model_errors([&] {
            const double s = triage::gamma_gamma_expected_spend(spend, {c.x, monetary});
            check(std::isfinite(s) && s >= 0);
            const double clv = triage::customer_lifetime_value(params, c, s, in.whole(24),
                                                               in.value(0, 0.2), in.value(0.5, 31));
            check(std::isfinite(clv) && clv >= 0);
        });
        expecting_model_errors([&] { triage::bgnbd_log_likelihood(params, clients); });
        triage::RepeatBuying b;
        b.bought = true;
        b.summary = c;
        b.monetary = monetary;
        buying.push_back(b);
    }

    // The fits and the segmentation's forecast on the small population, when asked.
    if (mode & 1) {
        expecting_model_errors([&] {
            const triage::BgNbdFit fit = triage::fit_bgnbd(clients);
            check(fit.params.r > 0 && fit.params.alpha > 0 && fit.params.a > 0 && fit.params.b > 0);
            check(std::isfinite(fit.log_likelihood));
        });
    }
    if (mode & 2) {
        expecting_model_errors([&] {
            const triage::GammaGammaFit fit = triage::fit_gamma_gamma(spends);
            check(fit.used + fit.without_repeat + fit.non_positive_spend == spends.size());
        });
    }
    if (mode & 4) {
        expecting_model_errors([&] {
            const triage::BuyingForecast f = triage::forecast_buying(buying);
            for (std::size_t i = 0; f.fitted && i < f.p_alive.size(); ++i) {
                check(std::isnan(f.p_alive[i]) || (f.p_alive[i] >= 0 && f.p_alive[i] <= 1));
            }
        });
    }
    // Purchases from the same values: days, clients and amounts.
    if (mode & 8) {
        std::vector<triage::Purchase> purchases;
        for (const triage::RepeatSummary& c : clients) {
            purchases.push_back({static_cast<std::size_t>(c.x) % 5, c.T * 10, c.t_x});
        }
        expecting_model_errors([&] {
            const auto out = triage::summarise_repeat_buying(purchases, 5, 400, mode & 16 ? 7 : 1);
            for (const triage::RepeatBuying& b : out) {
                if (b.bought) {
                    triage::validate_summary(b.summary);
                }
            }
        });
    }
    return 0;
}
