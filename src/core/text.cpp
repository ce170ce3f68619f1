#include "core/text.hpp"

#include <sstream>

namespace triage {

std::string fill_placeholders(std::string_view pattern,
                              std::initializer_list<std::string_view> values) {
    std::string out;
    std::size_t from = 0;
    for (std::string_view value : values) {
        const std::size_t at = pattern.find("{}", from);
        if (at == std::string_view::npos) {
            break;
        }
        out.append(pattern.substr(from, at - from));
        out.append(value);
        from = at + 2;
    }
    out.append(pattern.substr(from));
    return out;
}

std::string column_letters(std::size_t column) {
    std::string letters;
    for (std::size_t c = column + 1; c > 0; c = (c - 1) / 26) {
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    }
    return letters;
}

std::string number_text(double value) {
    std::ostringstream out;
    out.precision(15);
    out << value;
    return out.str();
}

} // namespace triage
