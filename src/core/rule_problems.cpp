#include "core/rule_problems.hpp"

namespace triage::rule_problems {

namespace {

// A key escaped for a JSON Pointer (RFC 6901): "~" -> "~0", "/" -> "~1".
std::string pointer_token(std::string_view key) {
    std::string out;
    for (char ch : key) {
        if (ch == '~') {
            out += "~0";
        } else if (ch == '/') {
            out += "~1";
        } else {
            out += ch;
        }
    }
    return out;
}

// A text from the rules shown inside a message: valid UTF-8 is kept (control characters
// become spaces), anything else becomes U+FFFD, and it is cut at 60 bytes.
std::string shown_text(std::string_view text) {
    constexpr std::size_t kMax = 60;
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (out.size() >= kMax) {
            out += "\xE2\x80\xA6"; // …
            break;
        }
        char32_t cp = 0;
        const std::size_t len = decode_utf8(text, i, cp);
        if (len == 0) {
            out += "\xEF\xBF\xBD"; // U+FFFD
            i += 1;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F) {
            out += ' ';
        } else {
            out.append(text.substr(i, len));
        }
        i += len;
    }
    return out;
}

} // namespace

std::string child(const std::string& path, std::string_view key) {
    return path + "/" + pointer_token(key);
}

std::string child(const std::string& path, std::size_t index) {
    return path + "/" + std::to_string(index);
}

std::string quoted(std::string_view text, Lang lang) {
    return lang == Lang::Ru ? "«" + shown_text(text) + "»" : "\"" + shown_text(text) + "\"";
}

const Localized& type_name(const Json& j) {
    if (j.is_object()) {
        return kTypeObject;
    }
    if (j.is_array()) {
        return kTypeList;
    }
    if (j.is_string()) {
        return kTypeText;
    }
    if (j.is_boolean()) {
        return kTypeBool;
    }
    if (j.is_number()) {
        return kTypeNumber;
    }
    return kTypeNull;
}

} // namespace triage::rule_problems
