// libFuzzer target: order lines as an export could hold them (text cells in every column
// kind) through the value readers and the aggregation into clients. No input may crash, hang
// or trip the sanitizers; every line is used or skipped.
#include "core/error.hpp"
#include "core/transactions.hpp"
#include "core/values.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {

constexpr triage::Field kColumns[] = {
    triage::Field::ClientId,  triage::Field::Client,   triage::Field::OrderId,
    triage::Field::OrderDate, triage::Field::Revenue,  triage::Field::Profit,
    triage::Field::Discount,  triage::Field::Returned, triage::Field::DueDate,
    triage::Field::PaidDate,  triage::Field::Disputed, triage::Field::Rush,
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) {
        return 0;
    }
    // The first byte chooses the columns present and the locale; lines by '\n', cells by '\t'.
    const unsigned choice = data[0];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    triage::OrderLines lines;
    std::size_t n = 0;
    std::size_t start = 0;
    while (start <= text.size() && n < 2000) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        std::size_t cell_start = 0;
        for (std::size_t c = 0; c < std::size(kColumns); ++c) {
            const std::size_t cell_end = std::min(line.find('\t', cell_start), line.size());
            const std::string cell(cell_start <= line.size()
                                       ? line.substr(cell_start, cell_end - cell_start)
                                       : std::string_view());
            cell_start = cell_end + 1;
            triage::parse_number_text(cell, triage::DecimalMark::Comma);
            triage::parse_date_text(cell, triage::DateOrder::MonthFirst);
            triage::status_word(cell);
            triage::is_total_label(cell);
            const bool present = c < 2 || ((choice >> (c % 8)) & 1U) != 0;
            if (!present) {
                continue;
            }
            triage::RawColumn& column = lines.of(kColumns[c]);
            column.resize(n);
            if (cell == "#ERR") {
                column.push_back(triage::RawCell::of_error());
            } else if (!cell.empty() && cell[0] == '=') {
                column.push_back(triage::RawCell::of_number(
                    triage::parse_number_text(cell.substr(1), triage::DecimalMark::Point)
                        .value_or(0)));
            } else {
                column.push_back(cell.empty() ? triage::RawCell{} : triage::RawCell::of_text(cell));
            }
        }
        ++n;
        start = end + 1;
    }
    for (triage::RawColumn& column : lines.columns) {
        if (!column.empty()) {
            column.resize(n);
        }
    }
    triage::OrderSettings settings;
    settings.locale_date_order =
        (choice & 0x80U) != 0 ? triage::DateOrder::MonthFirst : triage::DateOrder::DayFirst;
    try {
        const triage::ClientsFromOrders clients = triage::aggregate_orders(lines, settings);
        std::size_t skipped = clients.skipped_lines();
        if (clients.lines_used + skipped != clients.lines) {
            __builtin_trap(); // a line neither used nor skipped
        }
        const triage::HeaderMapping mapping;
        triage::skipped_lines_text(clients, mapping, {}, triage::Lang::Ru);
        triage::orders_description(clients, mapping, {}, triage::Lang::Fi);
        triage::client_fields(clients);
    } catch (const triage::InvalidInput&) {
    }
    return 0;
}
