// Small text helpers shared by the core's messages and labels.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace triage {

// Replaces the "{}" placeholders of `pattern`, in order, with `values`; placeholders beyond
// the values stay as they are, values beyond the placeholders are dropped.
std::string fill_placeholders(std::string_view pattern,
                              std::initializer_list<std::string_view> values);

// A1-style letters of a 0-based column: 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string column_letters(std::size_t column);

// A number as a message shows it: up to 15 significant digits, no trailing zeros.
std::string number_text(double value);

} // namespace triage
