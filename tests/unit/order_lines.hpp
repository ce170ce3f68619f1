// Test helper: a transaction table given as text (a header row and lines) -> OrderLines, with
// the columns mapped by header recognition as the segmentation maps them.
#pragma once

#include "core/transactions.hpp"

#include <string>
#include <vector>

namespace triage::test {

struct TextTable {
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
};

// Every cell as text (a CSV as the tests read it); "" is an empty cell.
inline OrderLines order_lines(const TextTable& table, HeaderMapping* mapping_out = nullptr) {
    const HeaderMapping mapping = recognize_headers(table.headers, {}, TableKind::Transactions);
    OrderLines lines;
    for (Field f : kAllFields) {
        const auto column = mapping.column(f);
        if (!column) {
            continue;
        }
        RawColumn& out = lines.of(f);
        out.reserve(table.rows.size());
        for (const auto& row : table.rows) {
            const std::string& text = *column < row.size() ? row[*column] : std::string();
            out.push_back(text.empty() ? RawCell{} : RawCell::of_text(text));
        }
    }
    if (mapping_out != nullptr) {
        *mapping_out = mapping;
    }
    return lines;
}

} // namespace triage::test
