#include "core/lang.hpp"

#include <cctype>

namespace triage {

Lang lang_from_tag(std::string_view tag) {
    const auto starts = [&](const char* code) {
        return tag.size() >= 2 && std::tolower(static_cast<unsigned char>(tag[0])) == code[0] &&
               std::tolower(static_cast<unsigned char>(tag[1])) == code[1] &&
               (tag.size() == 2 || tag[2] == '-' || tag[2] == '_');
    };
    if (starts("ru")) {
        return Lang::Ru;
    }
    if (starts("fi")) {
        return Lang::Fi;
    }
    return Lang::En;
}

} // namespace triage
