// The README's main command: opens the example client table in a headless office that has
// the built Client Triage installed, asks the extension for every client's tier with
// CLIENT_TIER formulas, prints what the cells show and saves the workbook.
//
//   run_example [clients.csv] [output.ods]

#include "office.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

// The example table: plain comma-separated cells (no quoting), first line the headers.
std::vector<std::vector<std::string>> read_csv(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        throw std::runtime_error("cannot read " + path);
    }
    std::vector<std::vector<std::string>> rows;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) {
            continue;
        }
        std::vector<std::string> cells;
        std::stringstream fields(line);
        std::string cell;
        while (std::getline(fields, cell, ',')) {
            cells.push_back(cell);
        }
        rows.push_back(cells);
    }
    return rows;
}

// Puts a CSV cell into the sheet the way Calc's import would: numbers as numbers.
void put(const office::CalcDoc& doc, const std::string& address, const std::string& text) {
    char* end = nullptr;
    const double number = std::strtod(text.c_str(), &end);
    if (!text.empty() && end == text.c_str() + text.size()) {
        doc.set_value(address, number);
    } else {
        doc.set_text(address, text);
    }
}

int run(const std::string& csv, const std::string& output) {
    const auto rows = read_csv(csv);
    office::CalcDoc doc;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size() && c < 26; ++c) {
            put(doc, std::string(1, static_cast<char>('A' + c)) + std::to_string(r + 1),
                rows[r][c]);
        }
    }
    const int last = static_cast<int>(rows.size());
    if (last < 2) {
        std::fprintf(stderr, "%s has no client rows\n", csv.c_str());
        return 1;
    }
    const std::string population = "C$2:C$" + std::to_string(last);
    doc.set_text("F1", "Tier");
    for (int row = 2; row <= last; ++row) {
        const std::string r = std::to_string(row);
        doc.set_formula("F" + r, "=CLIENT_TIER(C" + r + ";" + population + ")");
    }
    doc.set_text("H1", "Smallest A profit");
    doc.set_text("I1", "Smallest B profit");
    doc.set_array_formula("H2:I2", "=CLIENT_TIER_CUTOFFS(" + population + ")");

    std::printf("%-26s %12s  %s\n", "Client", "Profit", "Tier");
    for (int row = 2; row <= last; ++row) {
        const std::string r = std::to_string(row);
        std::printf("%-26s %12s  %s\n", doc.text("A" + r).c_str(), doc.text("C" + r).c_str(),
                    doc.text("F" + r).c_str());
    }
    std::printf("Tier A from a profit of %s, tier B from %s (computed by CLIENT_TIER_CUTOFFS)\n",
                doc.text("H2").c_str(), doc.text("I2").c_str());

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
