#include "core/column_choice.hpp"

#include <sstream>

namespace triage {

ColumnOverrides parse_column_overrides(const std::string& text) {
    ColumnOverrides overrides;
    std::istringstream in(text);
    std::string part;
    while (std::getline(in, part, ';')) {
        const auto eq = part.find('=');
        if (eq == std::string::npos) {
            continue;
        }
        const std::string key = part.substr(0, eq);
        for (Field f : kAllFields) {
            if (field_key(f) == key) {
                try {
                    overrides[field_index(f)] = std::stoi(part.substr(eq + 1));
                } catch (const std::exception&) {
                }
            }
        }
    }
    return overrides;
}

std::string format_column_overrides(const ColumnOverrides& overrides) {
    std::string text;
    for (Field f : kAllFields) {
        if (const auto& c = overrides[field_index(f)]) {
            if (!text.empty()) {
                text += ";";
            }
            text += std::string(field_key(f)) + "=" + std::to_string(*c);
        }
    }
    return text;
}

HeaderMapping apply_column_choices(const std::vector<std::string>& headers,
                                   const ExtraSynonyms& synonyms, TableKind kind,
                                   const ColumnOverrides& overrides) {
    HeaderMapping mapping = recognize_headers(headers, synonyms, kind);
    bool changed = false;
    for (Field f : kAllFields) {
        const auto& choice = overrides[field_index(f)];
        if (!choice) {
            continue;
        }
        changed = true;
        if (*choice < 0 || static_cast<std::size_t>(*choice) >= headers.size()) {
            mapping.columns[field_index(f)] = std::nullopt;
        } else {
            mapping.columns[field_index(f)] = static_cast<std::size_t>(*choice);
        }
    }
    if (changed) {
        // The user's choice settles ambiguities; only what is still missing is a problem.
        mapping.problems = missing_required(mapping.columns);
    }
    return mapping;
}

std::string problems_text(const HeaderMapping& mapping, Lang lang) {
    std::string text;
    for (const HeaderProblem& p : mapping.problems) {
        if (!text.empty()) {
            text += " ";
        }
        text += p.message(lang);
    }
    return text;
}

} // namespace triage
