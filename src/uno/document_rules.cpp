#include "uno/document_rules.hpp"
#include "uno/uno_names.hpp"

#include "uno/args.hpp"

#include <com/sun/star/beans/PropertyAttribute.hpp>
#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/beans/XPropertySetInfo.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>

namespace triage::uno {

namespace {

Reference<css::beans::XPropertySet>
user_properties(const Reference<css::uno::XInterface>& document) {
    const Reference<css::document::XDocumentPropertiesSupplier> supplier(document, UNO_QUERY);
    if (!supplier.is()) {
        return nullptr;
    }
    const Reference<css::document::XDocumentProperties> properties =
        supplier->getDocumentProperties();
    return properties.is() ? Reference<css::beans::XPropertySet>(
                                 properties->getUserDefinedProperties(), UNO_QUERY)
                           : nullptr;
}

} // namespace

std::string read_rules_text(const Reference<css::uno::XInterface>& document) {
    const Reference<css::beans::XPropertySet> user = user_properties(document);
    const rtl::OUString name = rtl::OUString::createFromAscii(kRulesProperty);
    if (!user.is() || !user->getPropertySetInfo()->hasPropertyByName(name)) {
        return {};
    }
    rtl::OUString text;
    user->getPropertyValue(name) >>= text;
    return to_utf8(text);
}

void write_rules_text(const Reference<css::uno::XInterface>& document, const std::string& json) {
    const Reference<css::beans::XPropertySet> user = user_properties(document);
    if (!user.is()) {
        throw_invalid("this document cannot store Client Triage rules");
    }
    const rtl::OUString name = rtl::OUString::createFromAscii(kRulesProperty);
    const bool present = user->getPropertySetInfo()->hasPropertyByName(name);
    const Reference<css::beans::XPropertyContainer> container(user, UNO_QUERY_THROW);
    if (json.empty()) {
        if (present) {
            container->removeProperty(name);
        }
    } else if (present) {
        user->setPropertyValue(name, Any(to_ou(json)));
    } else {
        container->addProperty(name, css::beans::PropertyAttribute::REMOVABLE, Any(to_ou(json)));
    }
    const Reference<css::sheet::XCalculatable> calculatable(document, UNO_QUERY);
    if (calculatable.is()) {
        calculatable->calculateAll();
    }
}

std::shared_ptr<const RuleSet> RulesCache::of(const Reference<css::uno::XInterface>& document) {
    static const auto defaults = std::make_shared<const RuleSet>(default_rules());
    const std::string text = document.is() ? read_rules_text(document) : std::string();
    if (text.empty()) {
        return defaults;
    }
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (auto it = parsed_.begin(); it != parsed_.end(); ++it) {
            if (it->first == text) {
                parsed_.splice(parsed_.begin(), parsed_, it);
                return parsed_.front().second;
            }
        }
    }
    auto rules = std::make_shared<const RuleSet>(parse_rules(text)); // throws RulesError
    std::lock_guard<std::mutex> lock(mutex_);
    parsed_.emplace_front(text, rules);
    if (parsed_.size() > kKept) {
        parsed_.pop_back();
    }
    return rules;
}

std::string invalid_rules_message(const RulesError& error, Lang lang) {
    static constexpr Localized kIntro = {
        "The Client Triage rules stored in this document are invalid:",
        "Правила Client Triage, сохранённые в документе, неверны:",
        "Asiakirjaan tallennetut Client Triage -säännöt ovat virheelliset:"};
    return std::string(kIntro.in(lang)) + " " + rule_problems_text(error.problems(), lang, " ");
}

} // namespace triage::uno
