// The message of the InvalidInput a call throws, for tests of the core's error texts.
#pragma once

#include "core/error.hpp"

#include <string>

// "" when `f` throws nothing.
template <typename F> std::string invalid_message(F f) {
    try {
        f();
    } catch (const triage::InvalidInput& e) {
        return e.what();
    }
    return "";
}
