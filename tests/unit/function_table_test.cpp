// The worksheet functions' metadata: every text the Function Wizard shows exists in every
// language, and names resolve both ways.
#include "uno/function_table.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace {

using triage::Lang;
using triage::uno::function_table;

constexpr Lang kLangs[] = {Lang::En, Lang::Ru, Lang::Fi};

bool filled(const triage::Localized& text) {
    for (Lang lang : kLangs) {
        if (text.in(lang) == nullptr || std::string(text.in(lang)).empty()) {
            return false;
        }
    }
    return true;
}

TEST(FunctionTable, EveryTextExistsInEveryLanguage) {
    ASSERT_FALSE(function_table().empty());
    for (const auto& f : function_table()) {
        EXPECT_TRUE(filled(f.display)) << f.programmatic;
        EXPECT_TRUE(filled(f.description)) << f.programmatic;
        EXPECT_FALSE(f.arguments.empty()) << f.programmatic;
        for (const auto& a : f.arguments) {
            EXPECT_TRUE(filled(a.name)) << f.programmatic << " " << a.name.en;
            EXPECT_TRUE(filled(a.description)) << f.programmatic << " " << a.name.en;
        }
    }
}

TEST(FunctionTable, TranslationsAreTranslated) {
    for (const auto& f : function_table()) {
        EXPECT_NE(std::string(f.description.en), f.description.ru) << f.programmatic;
        EXPECT_NE(std::string(f.description.en), f.description.fi) << f.programmatic;
        for (const auto& a : f.arguments) {
            EXPECT_NE(std::string(a.description.en), a.description.ru) << a.name.en;
            EXPECT_NE(std::string(a.description.en), a.description.fi) << a.name.en;
        }
    }
}

TEST(FunctionTable, NamesAreUniqueAndResolveBothWays) {
    std::set<std::string> programmatic;
    std::set<std::string> display;
    for (const auto& f : function_table()) {
        EXPECT_TRUE(programmatic.insert(f.programmatic).second) << f.programmatic;
        EXPECT_TRUE(display.insert(f.display.en).second) << f.display.en;
        EXPECT_EQ(triage::uno::find_function(f.programmatic), &f);
        for (Lang lang : kLangs) {
            EXPECT_EQ(triage::uno::find_function_by_display(f.display.in(lang), lang), &f);
        }
    }
    EXPECT_EQ(triage::uno::find_function("noSuchFunction"), nullptr);
    EXPECT_EQ(triage::uno::find_function_by_display("client_tier", Lang::En),
              triage::uno::find_function("clientTier"));
}

} // namespace
