// The one table of worksheet-function metadata: names, descriptions and argument texts in
// en, ru and fi. The add-in answers every XAddIn question from it; nothing else in the shell
// lists functions.
#pragma once

#include "core/lang.hpp"

#include <string_view>
#include <vector>

namespace triage::uno {

struct ArgumentInfo {
    Localized name;
    Localized description;
};

struct FunctionInfo {
    const char* programmatic; // the method name in idl/XClientTriage.idl
    Localized display;        // the name the Function Wizard shows and formulas use
    Localized description;
    std::vector<ArgumentInfo> arguments; // without the hidden document argument
    // Whether the method's first parameter is the document Calc passes itself. A function
    // that needs no rules of the document goes without: handing a per-row call the document
    // costs Calc more than the rest of the call (BENCHMARKS.md, per-row form).
    bool takes_document = true;
};

// Every worksheet function, in the order the wizard lists them.
const std::vector<FunctionInfo>& function_table();

// The entry for a programmatic name, or nullptr.
const FunctionInfo* find_function(std::string_view programmatic);

// The entry whose display name in `lang` (or in English) equals `display`, ignoring ASCII
// case, or nullptr.
const FunctionInfo* find_function_by_display(std::string_view display, Lang lang);

// The category every function is listed under in the wizard.
inline constexpr const char* kCategory = "Add-In";
inline constexpr Localized kCategoryDisplay = {"Client Triage", "Client Triage", "Client Triage"};

} // namespace triage::uno
