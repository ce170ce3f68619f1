// How a segmentation run refuses: a refusal travels as an exception from the checks to the
// run's entry point, which turns it into the message the user reads. Nothing has been changed
// when one is thrown.
#pragma once

#include "core/lang.hpp"
#include "core/segmentation.hpp"

#include <string>

namespace triage::uno {

// A refusal travels as an exception from the checks to segment_table(), which reports it.
struct Refused {
    Refusal refusal;
    std::string details;
};

// A refusal with its own text (one the core's refusals do not cover).
struct RefusedWith {
    const Localized& text;
};

} // namespace triage::uno
