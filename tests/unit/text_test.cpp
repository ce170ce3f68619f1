#include "core/text.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Text, ColumnLetters) {
    EXPECT_EQ(triage::column_letters(0), "A");
    EXPECT_EQ(triage::column_letters(25), "Z");
    EXPECT_EQ(triage::column_letters(26), "AA");
    EXPECT_EQ(triage::column_letters(51), "AZ");
    EXPECT_EQ(triage::column_letters(52), "BA");
    EXPECT_EQ(triage::column_letters(1023), "AMJ");
    EXPECT_EQ(triage::column_letters(16383), "XFD");
}

TEST(Text, FillPlaceholders) {
    EXPECT_EQ(triage::fill_placeholders("The {} most profitable clients of {}.", {"50", "804"}),
              "The 50 most profitable clients of 804.");
    EXPECT_EQ(triage::fill_placeholders("{} and {}", {"one"}), "one and {}");
    EXPECT_EQ(triage::fill_placeholders("none", {"x"}), "none");
}

// "A", "ä", "Я", "€", U+1F600: decoded and encoded back byte for byte.
TEST(Text, Utf8RoundTrip) {
    const std::string text = "A\xC3\xA4\xD0\xAF\xE2\x82\xAC\xF0\x9F\x98\x80";
    const std::u32string expected = {U'A', 0xE4, 0x42F, 0x20AC, 0x1F600};
    std::u32string decoded;
    std::string encoded;
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t len = triage::decode_utf8(text, i, cp);
        ASSERT_GT(len, 0u) << i;
        decoded += cp;
        triage::append_utf8(encoded, cp);
        i += len;
    }
    EXPECT_EQ(decoded, expected);
    EXPECT_EQ(encoded, text);
}

TEST(Text, Utf8InvalidSequencesDecodeToNothing) {
    char32_t cp = 0;
    for (const std::string bad :
         {"\x80", "\xC0\x80" /* overlong */, "\xC3" /* cut off */, "\xC3\x41" /* no continuation */,
          "\xED\xA0\x80" /* surrogate */, "\xF4\x90\x80\x80" /* above U+10FFFF */, "\xFF"}) {
        EXPECT_EQ(triage::decode_utf8(bad, 0, cp), 0u) << bad.size();
    }
}

} // namespace
