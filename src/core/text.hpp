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

// Decodes the UTF-8 code point at s[i] (i < s.size()) into `cp`; returns its length in bytes,
// or 0 for an invalid sequence (a bad lead or continuation byte, a cut-off, overlong or
// surrogate sequence, or a code point above U+10FFFF).
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp);

// Appends the UTF-8 bytes of a code point (at most U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

} // namespace triage
