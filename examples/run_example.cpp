// The README's main command: opens the example client table in a headless office that has
// the built Client Triage installed, asks the extension for every client's tier with
// CLIENT_TIER formulas, prints what the cells show and saves the workbook. The columns are
// found by their headers as the extension recognises them (the tiers use the profit column,
// revenue where there is none) and the formulas go to the right of the table.
//
//   run_example [clients.csv] [output.ods]

#include "office.hpp"

#include "core/headers.hpp"

#include <com/sun/star/sheet/XCellRangeFormula.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using css::uno::Sequence;
using rtl::OUString;

// The example table: CSV as RFC 4180 writes it (quoted cells may hold commas, quotes and line
// breaks; CRLF or LF line ends), first line the headers.
std::vector<std::vector<std::string>> read_csv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw std::runtime_error("cannot read " + path);
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false;
    bool any = false; // the current row has content
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (quoted) {
            if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (ch == '"') {
                quoted = false;
            } else {
                cell += ch;
            }
        } else if (ch == '"') {
            quoted = any = true;
        } else if (ch == ',') {
            row.push_back(cell);
            cell.clear();
            any = true;
        } else if (ch == '\r' || ch == '\n') {
            if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
            if (any || !cell.empty()) {
                row.push_back(cell);
                rows.push_back(row);
            }
            row.clear();
            cell.clear();
            any = false;
        } else {
            cell += ch;
            any = true;
        }
    }
    if (any || !cell.empty()) {
        row.push_back(cell);
        rows.push_back(row);
    }
    return rows;
}

OUString ou(const std::string& s) {
    return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

// "A", "B", ..., "Z", "AA", ... for a 0-based column.
std::string column_name(std::size_t col) {
    std::string name;
    for (std::size_t c = col + 1; c > 0; c = (c - 1) / 26) {
        name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
    }
    return name;
}

// Puts the table into the sheet in one call, each cell as if typed: numbers become numbers
// and ISO dates dates; the client names are text.
void put_table(const office::CalcDoc& doc, const std::vector<std::vector<std::string>>& rows,
               std::size_t columns, std::size_t client_column) {
    Sequence<Sequence<OUString>> cells(static_cast<sal_Int32>(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        Sequence<OUString> line(static_cast<sal_Int32>(columns));
        for (std::size_t c = 0; c < columns && c < rows[r].size(); ++c) {
            const bool text_only = r == 0 || c == client_column;
            // A leading apostrophe keeps a name that looks like a number or a formula text.
            line.getArray()[c] = ou((text_only && !rows[r][c].empty() ? "'" : "") + rows[r][c]);
        }
        cells.getArray()[r] = line;
    }
    const std::string range = "A1:" + column_name(columns - 1) + std::to_string(rows.size());
    const css::uno::Reference<css::sheet::XCellRangeFormula> target(
        doc.sheet()->getCellRangeByName(ou(range)), css::uno::UNO_QUERY_THROW);
    target->setFormulaArray(cells);
}

int run(const std::string& csv, const std::string& output) {
    const auto rows = read_csv(csv);
    if (rows.size() < 2) {
        std::fprintf(stderr, "%s has no client rows\n", csv.c_str());
        return 1;
    }
    // Which column is which, as the extension's sidebar would see it.
    const triage::HeaderMapping mapping = triage::recognize_headers(rows.front());
    for (const auto& problem : mapping.problems) {
        std::fprintf(stderr, "%s: %s\n", csv.c_str(), problem.message(triage::Lang::En).c_str());
    }
    if (!mapping.has_required()) {
        return 1;
    }
    const std::size_t client_col = *mapping.column(triage::Field::Client);
    const std::size_t value_col = mapping.column(triage::Field::Profit)
                                      ? *mapping.column(triage::Field::Profit)
                                      : *mapping.column(triage::Field::Revenue);
    std::size_t columns = 0;
    for (const auto& row : rows) {
        columns = std::max(columns, row.size());
    }

    office::CalcDoc doc;
    put_table(doc, rows, columns, client_col);

    // The tiers one blank column to the right of the table, the cut-offs after them.
    const int last = static_cast<int>(rows.size());
    const std::string value = column_name(value_col);
    const std::string tier = column_name(columns + 1);
    const std::string cut_a = column_name(columns + 3);
    const std::string cut_b = column_name(columns + 4);
    const std::string population = value + "$2:" + value + "$" + std::to_string(last);
    doc.set_text(tier + "1", "Tier");
    for (int row = 2; row <= last; ++row) {
        const std::string r = std::to_string(row);
        doc.set_formula(tier + r, "=CLIENT_TIER(" + value + r + ";" + population + ")");
    }
    doc.set_text(cut_a + "1", "Smallest A " + rows.front()[value_col]);
    doc.set_text(cut_b + "1", "Smallest B " + rows.front()[value_col]);
    doc.set_array_formula(cut_a + "2:" + cut_b + "2", "=CLIENT_TIER_CUTOFFS(" + population + ")");

    const std::string client = column_name(client_col);
    std::printf("%-34s %12s  %s\n", rows.front()[client_col].c_str(),
                rows.front()[value_col].c_str(), "Tier");
    for (int row = 2; row <= last; ++row) {
        const std::string r = std::to_string(row);
        std::printf("%-34s %12s  %s\n", doc.text(client + r).c_str(), doc.text(value + r).c_str(),
                    doc.text(tier + r).c_str());
    }
    std::printf("Tier A from a %s of %s, tier B from %s (computed by CLIENT_TIER_CUTOFFS)\n",
                rows.front()[value_col].c_str(), doc.text(cut_a + "2").c_str(),
                doc.text(cut_b + "2").c_str());

    // The office runs as its own (unprivileged) user: save in its folder, then copy out.
    namespace fs = std::filesystem;
    const fs::path saved = fs::path(office::Office::get().profile_dir()) / "example-tiers.ods";
    doc.save_as(saved.string(), "calc8");
    fs::create_directories(fs::absolute(output).parent_path());
    fs::copy_file(saved, output, fs::copy_options::overwrite_existing);
    std::printf("Saved %s\n", fs::absolute(output).c_str());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    const std::string csv = argc > 1 ? argv[1] : TRIAGE_SOURCE_DIR "/examples/clients.csv";
    const std::string output = argc > 2 ? argv[2] : TRIAGE_SOURCE_DIR "/out/example-tiers.ods";
    int status = 1;
    try {
        status = run(csv, output);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
    } catch (const css::uno::Exception& e) {
        std::fprintf(stderr, "error: %s\n",
                     rtl::OUStringToOString(e.Message, RTL_TEXTENCODING_UTF8).getStr());
    }
    office::Office::stop();
    return status;
}
