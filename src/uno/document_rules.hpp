// The rule set a document carries (issue: rules that fit the business): stored as JSON in a
// user-defined document property, so it travels with the file (ODS and XLSX) and every
// formula and run in the document uses the same rules. A document without one uses the
// spec's defaults.
#pragma once

#include "core/rules.hpp"

#include <com/sun/star/uno/XInterface.hpp>

#include <list>
#include <memory>
#include <mutex>
#include <string>

namespace triage::uno {

// The user-defined property (File > Properties > Custom Properties) that holds the rules.
inline constexpr const char* kRulesProperty = "ClientTriageRules";

// The document's rules as JSON; empty when it has none. `document` is the model, or the
// property set Calc passes to add-in functions (the same object).
std::string read_rules_text(const css::uno::Reference<css::uno::XInterface>& document);

// Stores the rules (empty text: removes them, back to the defaults) and recalculates the
// document, so that every formula follows the new rules.
void write_rules_text(const css::uno::Reference<css::uno::XInterface>& document,
                      const std::string& json);

// Parsed rule sets by their text, so that formulas do not parse JSON on every call; a
// changed text is a new key, so a change of rules is never served stale. Thread-safe.
class RulesCache {
public:
    // The rules of a document; the defaults when it has none. Throws RulesError when the
    // stored rules are invalid.
    std::shared_ptr<const RuleSet> of(const css::uno::Reference<css::uno::XInterface>& document);

private:
    static constexpr std::size_t kKept = 8;
    std::mutex mutex_;
    std::list<std::pair<std::string, std::shared_ptr<const RuleSet>>> parsed_;
};

// "The rules stored in this document are invalid: /signals/days_late/bad: ..." in a language.
std::string invalid_rules_message(const RulesError& error, Lang lang);

} // namespace triage::uno
