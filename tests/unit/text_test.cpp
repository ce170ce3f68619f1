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

} // namespace
