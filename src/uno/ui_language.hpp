// The office's user-interface language, which the labels and texts in cells follow.
#pragma once

#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace triage::uno {

// The UI locale the office runs in ("ru-RU", "fi", "en-US"), read from its configuration:
// the user's choice (Tools > Options > Language Settings > User interface) when set, else the
// locale the office resolved at start. Empty when the configuration cannot be read.
//
// Calc tells an add-in a locale through XLocalizable::setLocale, but the instance that
// computes results gets the default language of documents there, not the UI language.
std::string office_ui_locale(const css::uno::Reference<css::uno::XComponentContext>& context);

} // namespace triage::uno
