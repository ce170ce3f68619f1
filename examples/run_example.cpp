// The README's main command: opens the example client table in a headless office that has
// the built Client Triage installed, segments it with the extension's command (as the
// sidebar's button does), checks CLIENT_TIER formulas against it, prints what the cells show
// and saves the workbook as ODS and PDF. The columns are found by their headers as the
// extension recognises them. Given an order export instead (examples/orders.csv), it segments
// the orders into a Clients sheet and prints the clients' verdicts from it.
//
//   run_example [clients.csv|orders.csv] [output.ods]

#include "office.hpp"
#include "sheet_ops.hpp"

#include "core/headers.hpp"
#include "core/text.hpp"

#include <com/sun/star/awt/Size.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/i18n/NumberFormatIndex.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/util/XNumberFormatTypes.hpp>
#include <com/sun/star/util/XNumberFormatsSupplier.hpp>

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
using office::ou;
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

using triage::column_letters;

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
    const std::string range = "A1:" + column_letters(columns - 1) + std::to_string(rows.size());
    const css::uno::Reference<css::sheet::XCellRangeFormula> target(
        doc.sheet()->getCellRangeByName(ou(range)), css::uno::UNO_QUERY_THROW);
    target->setFormulaArray(cells);
}

// The date columns shown as dates (as Calc's CSV import would).
void show_dates(const office::CalcDoc& doc, const triage::HeaderMapping& mapping, int last) {
    const css::uno::Reference<css::util::XNumberFormatsSupplier> supplier(
        doc.component(), css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::util::XNumberFormatTypes> types(supplier->getNumberFormats(),
                                                                   css::uno::UNO_QUERY_THROW);
    const sal_Int32 date =
        types->getFormatIndex(css::i18n::NumberFormatIndex::DATE_DIN_YYYYMMDD, css::lang::Locale());
    for (const auto field : {triage::Field::LastOrderDate, triage::Field::FirstOrderDate}) {
        if (const auto column = mapping.column(field)) {
            const std::string letter = column_letters(*column);
            const css::uno::Reference<css::beans::XPropertySet> range(
                doc.sheet()->getCellRangeByName(ou(letter + "2:" + letter + std::to_string(last))),
                css::uno::UNO_QUERY_THROW);
            range->setPropertyValue("NumberFormat", css::uno::Any(date));
        }
    }
}

// Landscape pages one page wide, so that the PDF shows every column with its colours.
void fit_pages_to_width(const office::CalcDoc& doc) {
    const css::uno::Reference<css::beans::XPropertySet> sheet(doc.sheet(),
                                                              css::uno::UNO_QUERY_THROW);
    OUString name;
    sheet->getPropertyValue("PageStyle") >>= name;
    const css::uno::Reference<css::style::XStyleFamiliesSupplier> families(
        doc.component(), css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::container::XNameAccess> pages(
        families->getStyleFamilies()->getByName("PageStyles"), css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::beans::XPropertySet> page(pages->getByName(name),
                                                             css::uno::UNO_QUERY_THROW);
    const css::awt::Size a4(29700, 21000);
    page->setPropertyValue("IsLandscape", css::uno::Any(true));
    page->setPropertyValue("Size", css::uno::Any(a4));
    page->setPropertyValue("ScaleToPagesX", css::uno::Any(sal_Int16(1)));
    page->setPropertyValue("ScaleToPagesY", css::uno::Any(sal_Int16(0)));
}

// Saves the workbook as ODS (and PDF): the office runs as its own (unprivileged) user, so it
// saves in its folder and the file is copied out.
void save(const office::CalcDoc& doc, const std::string& output, bool pdf_too) {
    namespace fs = std::filesystem;
    fs::create_directories(fs::absolute(output).parent_path());
    std::vector<std::pair<fs::path, const char*>> files = {{output, "calc8"}};
    if (pdf_too) {
        files.emplace_back(fs::path(output).replace_extension(".pdf"), "calc_pdf_Export");
    }
    for (const auto& [file, filter] : files) {
        const fs::path saved = fs::path(office::Office::get().profile_dir()) / file.filename();
        if (file.extension() == ".pdf") {
            doc.export_pdf(saved.string());
        } else {
            doc.save_as(saved.string(), filter);
        }
        fs::copy_file(saved, file, fs::copy_options::overwrite_existing);
        std::printf("Saved %s\n", fs::absolute(file).c_str());
    }
}

// An order export: segmented into a Clients sheet; its first clients' verdicts printed.
int run_orders(const std::vector<std::vector<std::string>>& rows, const std::string& output) {
    const triage::HeaderMapping mapping =
        triage::recognize_headers(rows.front(), {}, triage::TableKind::Transactions);
    std::size_t columns = 0;
    for (const auto& row : rows) {
        columns = std::max(columns, row.size());
    }
    office::CalcDoc doc;
    put_table(doc, rows, columns, *mapping.key_column(triage::TableKind::Transactions));
    office::select(doc, "A1");
    const office::CommandResult result = office::segment(doc);
    std::printf("%s\n", result.message.c_str());
    if (!result.success) {
        return 1;
    }
    const auto names = office::sheet_names(doc);
    const auto at = std::find(names.begin(), names.end(), "Clients");
    if (at == names.end()) {
        std::fprintf(stderr, "no Clients sheet\n");
        return 1;
    }
    const int sheet = static_cast<int>(at - names.begin());
    const auto clients = office::get_rows(doc, "A1:Z21", sheet);
    const auto column = [&](const char* name) {
        return static_cast<std::size_t>(std::find(clients[0].begin(), clients[0].end(), name) -
                                        clients[0].begin());
    };
    // An export without a profit column is tiered by revenue; one without dates has no RFM.
    const bool has_profit = column("Profit") < clients[0].size();
    const std::size_t name = column("Client"), value = column(has_profit ? "Profit" : "Revenue"),
                      tier = column("Tier"), verdict = column("Verdict"), why = column("Why"),
                      rfm = column("RFM segment");
    const auto cell = [](const std::vector<std::string>& row, std::size_t index) {
        return index < row.size() ? row[index].c_str() : "";
    };
    std::printf("\n%-32s %10s  %-4s %-12s %-20s %s\n", "Client", has_profit ? "Profit" : "Revenue",
                "Tier", "Verdict", "RFM segment", "Why");
    for (std::size_t r = 1; r < clients.size(); ++r) {
        const auto& c = clients[r];
        std::printf("%-32s %10.2f  %-4s %-12s %-20s %s\n", cell(c, name), std::atof(cell(c, value)),
                    cell(c, tier), cell(c, verdict), cell(c, rfm), cell(c, why));
    }
    std::printf("... (the Clients sheet has every client)\n\n");
    save(doc, output, false);
    return 0;
}

int run(const std::string& csv, const std::string& output) {
    const auto rows = read_csv(csv);
    if (rows.size() < 2) {
        std::fprintf(stderr, "%s has no client rows\n", csv.c_str());
        return 1;
    }
    if (triage::detect_table_kind(rows.front(), {}, false) == triage::TableKind::Transactions) {
        return run_orders(rows, output);
    }
    // Which column is which, as the extension's sidebar would see it.
    const triage::HeaderMapping mapping = triage::recognize_headers(rows.front());
    for (const auto& problem : mapping.problems) {
        std::fprintf(stderr, "%s: %s\n", csv.c_str(), problem.message(triage::Lang::En).c_str());
    }
    if (!mapping.has_required()) {
        return 1;
    }
    const std::size_t client_col = *mapping.key_column(triage::TableKind::Clients);
    const std::size_t value_col = mapping.column(triage::Field::Profit)
                                      ? *mapping.column(triage::Field::Profit)
                                      : *mapping.column(triage::Field::Revenue);
    std::size_t columns = 0;
    for (const auto& row : rows) {
        columns = std::max(columns, row.size());
    }

    office::CalcDoc doc;
    put_table(doc, rows, columns, client_col);

    // The main job: one-click segmentation, exactly as the sidebar's button or Data > Segment
    // Clients runs it, on the table around the cursor.
    office::select(doc, "A1");
    const office::CommandResult result = office::segment(doc);
    std::printf("%s\n", result.message.c_str());
    if (!result.success) {
        return 1;
    }
    const std::string tier = column_letters(columns);
    const std::string verdict = column_letters(columns + 2);
    const std::string why = column_letters(columns + 3);

    // The worksheet functions beside it: CLIENT_TIER per client, one blank column further,
    // must agree with the segmentation's Tier column; CLIENT_TIER_CUTOFFS gives the lines.
    const int last = static_cast<int>(rows.size());
    const std::string value = column_letters(value_col);
    const std::string check = column_letters(columns + 6);
    const std::string cut_a = column_letters(columns + 8);
    const std::string cut_b = column_letters(columns + 9);
    const std::string population = value + "$2:" + value + "$" + std::to_string(last);
    doc.set_text(check + "1", "CLIENT_TIER");
    for (int row = 2; row <= last; ++row) {
        const std::string r = std::to_string(row);
        doc.set_formula(check + r, "=CLIENT_TIER(" + value + r + ";" + population + ")");
    }
    doc.set_text(cut_a + "1", "Smallest A " + rows.front()[value_col]);
    doc.set_text(cut_b + "1", "Smallest B " + rows.front()[value_col]);
    doc.set_array_formula(cut_a + "2:" + cut_b + "2", "=CLIENT_TIER_CUTOFFS(" + population + ")");

    const std::string client = column_letters(client_col);
    std::printf("\n%-30s %10s  %-4s %-12s %s\n", rows.front()[client_col].c_str(),
                rows.front()[value_col].c_str(), "Tier", "Verdict", "Why");
    int agree = 0;
    for (int row = 2; row <= last; ++row) {
        const std::string r = std::to_string(row);
        agree += doc.text(check + r) == doc.text(tier + r) ? 1 : 0;
        if (row <= 21) {
            std::printf("%-30s %10s  %-4s %-12s %s\n", doc.text(client + r).c_str(),
                        doc.text(value + r).c_str(), doc.text(tier + r).c_str(),
                        doc.text(verdict + r).c_str(), doc.text(why + r).c_str());
        }
    }
    std::printf("... (%d clients)\n\n", last - 1);
    std::printf("CLIENT_TIER agrees with the segmentation for %d of %d clients.\n", agree,
                last - 1);
    std::printf("Tier A from a %s of %s, tier B from %s (computed by CLIENT_TIER_CUTOFFS)\n",
                rows.front()[value_col].c_str(), doc.text(cut_a + "2").c_str(),
                doc.text(cut_b + "2").c_str());

    show_dates(doc, mapping, last);
    fit_pages_to_width(doc);

    save(doc, output, true);
    return agree == last - 1 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    const std::string csv = argc > 1 ? argv[1] : TRIAGE_SOURCE_DIR "/examples/clients.csv";
    const std::string output = argc > 2 ? argv[2] : TRIAGE_SOURCE_DIR "/out/example-segmented.ods";
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
