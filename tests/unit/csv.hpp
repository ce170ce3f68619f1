// A small CSV reader for the tests' real data files: RFC 4180 quoting (fields with commas,
// line breaks and doubled quotes), a leading UTF-8 byte-order mark, LF or CRLF line ends.
#pragma once

#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace triage::test {

using CsvRow = std::vector<std::string>;

// Parses CSV text into rows of fields. A last line without a line end is a row; an empty
// line at the very end is not. Throws std::runtime_error for a quote left open.
inline std::vector<CsvRow> parse_csv(std::string_view text) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (text.substr(0, kBom.size()) == kBom) {
        text.remove_prefix(kBom.size());
    }
    std::vector<CsvRow> rows;
    CsvRow row;
    std::string field;
    bool quoted = false; // inside a quoted field
    bool row_started = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        switch (c) {
        case '"':
            quoted = true;
            row_started = true;
            break;
        case ',':
            row.push_back(std::move(field));
            field.clear();
            row_started = true;
            break;
        case '\r':
            break;
        case '\n':
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
            row_started = false;
            break;
        default:
            field += c;
            row_started = true;
        }
    }
    if (quoted) {
        throw std::runtime_error("CSV: a quoted field is not closed");
    }
    if (row_started) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

// The whole file, or nullopt when it cannot be opened.
inline std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The index of a header, or throws std::runtime_error.
inline std::size_t column_of(const CsvRow& header, std::string_view name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == name) {
            return i;
        }
    }
    throw std::runtime_error("CSV: no column " + std::string(name));
}

} // namespace triage::test
