// The eight bad-client risk signals (SPEC section 2), shared by risk scoring and header
// recognition.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace triage {

enum class Signal {
    DaysLate,
    ReturnRate,
    Complaints,
    DiscountShare,
    CostToServe,
    ApprovalDays,
    ScopeCreep,
    RushShare,
};

constexpr std::size_t kSignalCount = 8;

constexpr std::array<Signal, kSignalCount> kAllSignals = {
    Signal::DaysLate,    Signal::ReturnRate,   Signal::Complaints, Signal::DiscountShare,
    Signal::CostToServe, Signal::ApprovalDays, Signal::ScopeCreep, Signal::RushShare,
};

constexpr std::size_t signal_index(Signal s) {
    return static_cast<std::size_t>(s);
}

// The spec's key: "days_late", "return_rate", ...
constexpr std::string_view signal_key(Signal s) {
    constexpr std::array<std::string_view, kSignalCount> keys = {
        "days_late",     "return_rate",   "complaints",  "discount_share",
        "cost_to_serve", "approval_days", "scope_creep", "rush_share",
    };
    return keys[signal_index(s)];
}

inline std::optional<Signal> signal_from_key(std::string_view key) {
    for (Signal s : kAllSignals) {
        if (signal_key(s) == key) {
            return s;
        }
    }
    return std::nullopt;
}

} // namespace triage
