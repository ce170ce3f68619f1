// The languages every user-facing text exists in (English is the fallback).
#pragma once

#include <string_view>

namespace triage {

enum class Lang { En, Ru, Fi };

// Maps a BCP 47 tag or a bare language code ("ru", "ru-RU", "fi_FI", "en-US") to a Lang;
// anything unknown falls back to English.
Lang lang_from_tag(std::string_view tag);

// A text in the three languages (UTF-8).
struct Localized {
    const char* en;
    const char* ru;
    const char* fi;
    const char* in(Lang lang) const {
        switch (lang) {
        case Lang::Ru:
            return ru;
        case Lang::Fi:
            return fi;
        case Lang::En:
            break;
        }
        return en;
    }
};

} // namespace triage
