#include "uno/segment_run.hpp"

#include "uno/args.hpp"
#include "uno/document_rules.hpp"
#include "uno/number_format.hpp"
#include "uno/summary_sheet.hpp"

#include "core/batch.hpp"
#include "core/error.hpp"
#include "core/rules.hpp"
#include "core/segmentation.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/ConditionOperator.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntries.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/style/XStyleFamiliesSupplier.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/util/Date.hpp>
#include <com/sun/star/util/NumberFormat.hpp>
#include <com/sun/star/util/XProtectable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>
#include <rtl/ref.hxx>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <limits>
#include <optional>
#include <sstream>
#include <string>

namespace triage::uno {

namespace {

using css::table::CellRangeAddress;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

// A refusal travels as an exception from the checks to segment_table(), which reports it.
struct Refused {
    Refusal refusal;
    std::string details;
};

// A refusal with its own text (one the core's refusals do not cover).
struct RefusedWith {
    const Localized& text;
};

// The API adds and removes sheets even in a document whose structure is protected, so the
// run checks it itself: the summary sheet must not be forced into such a document.
constexpr Localized kStructureProtected = {
    "The document's sheet structure is protected, so the summary sheet cannot be added: remove "
    "the protection (Tools > Protect Spreadsheet Structure) and run again. Nothing was changed.",
    "Структура документа защищена, поэтому нельзя добавить лист сводки: снимите защиту "
    "структуры (меню «Сервис») и запустите снова. Ничего не изменено.",
    "Asiakirjan taulukkorakenne on suojattu, joten yhteenvetotaulukkoa ei voi lisätä: poista "
    "rakenteen suojaus (Työkalut-valikko) ja suorita uudelleen. Mitään ei muutettu."};

// ------------------------------------------------------------------ finding the table

struct FoundTable {
    Reference<css::sheet::XSpreadsheet> sheet;
    CellRangeAddress input;       // header row + client rows, without a previous run's output
    bool previous_output = false; // the five columns right of `input` are a previous run's
    std::vector<std::string> headers;
};

Reference<css::table::XCellRange> range_of(const Reference<css::sheet::XSpreadsheet>& sheet,
                                           const CellRangeAddress& a) {
    return sheet->getCellRangeByPosition(a.StartColumn, a.StartRow, a.EndColumn, a.EndRow);
}

CellRangeAddress block(const CellRangeAddress& like, sal_Int32 first_column, sal_Int32 columns,
                       sal_Int32 first_row, sal_Int32 last_row) {
    CellRangeAddress a = like;
    a.StartColumn = first_column;
    a.EndColumn = first_column + columns - 1;
    a.StartRow = first_row;
    a.EndRow = last_row;
    return a;
}

Range read_block(const Reference<css::sheet::XSpreadsheet>& sheet, const CellRangeAddress& a) {
    const Reference<css::sheet::XCellRangeData> data(range_of(sheet, a), UNO_QUERY_THROW);
    return data->getDataArray();
}

std::string cell_text(const Any& cell) {
    OUString text;
    if (cell >>= text) {
        return to_utf8(text);
    }
    double number = 0;
    if (cell >>= number) {
        std::ostringstream out;
        out << number;
        return out.str();
    }
    return {};
}

std::vector<std::string> row_texts(const Range& range, sal_Int32 row) {
    std::vector<std::string> texts;
    if (row < range.getLength()) {
        for (const Any& cell : range[row]) {
            texts.push_back(cell_text(cell));
        }
    }
    return texts;
}

bool all_empty(const std::vector<std::string>& texts) {
    for (const auto& t : texts) {
        if (!t.empty()) {
            return false;
        }
    }
    return true;
}

// The last cell of the sheet's used area (the end of the area holding content).
CellRangeAddress end_of_used_area(const Reference<css::sheet::XSpreadsheet>& sheet) {
    const Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursor();
    Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    return Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
}

// The selected range, or the data area around a single selected cell, clipped to the used
// area of the sheet.
CellRangeAddress selected_area(const Reference<css::frame::XModel>& model,
                               const Reference<css::sheet::XSpreadsheetDocument>& doc,
                               Reference<css::sheet::XSpreadsheet>& sheet) {
    const Reference<css::frame::XController> controller = model->getCurrentController();
    const Reference<css::view::XSelectionSupplier> supplier(controller, UNO_QUERY);
    if (!supplier.is()) {
        throw Refused{Refusal::NoTable, {}};
    }
    const Any selection = supplier->getSelection();
    CellRangeAddress area;
    const Reference<css::sheet::XSheetCellRanges> ranges(selection, UNO_QUERY);
    const Reference<css::sheet::XCellRangeAddressable> single(selection, UNO_QUERY);
    if (ranges.is() && !single.is()) {
        const Sequence<CellRangeAddress> all = ranges->getRangeAddresses();
        if (all.getLength() != 1) {
            throw Refused{all.getLength() == 0 ? Refusal::NoTable : Refusal::MultipleSelection, {}};
        }
        area = all[0];
    } else if (single.is()) {
        area = single->getRangeAddress();
    } else {
        throw Refused{Refusal::NoTable, {}};
    }
    const Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    sheet.set(sheets->getByIndex(area.Sheet), UNO_QUERY_THROW);

    const Reference<css::sheet::XSheetCellCursor> cursor = sheet->createCursorByRange(
        Reference<css::sheet::XSheetCellRange>(range_of(sheet, area), UNO_QUERY_THROW));
    if (area.StartColumn == area.EndColumn && area.StartRow == area.EndRow) {
        cursor->collapseToCurrentRegion();
        return Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)
            ->getRangeAddress();
    }
    const CellRangeAddress end = end_of_used_area(sheet);
    area.EndRow = std::min(area.EndRow, end.EndRow);
    area.EndColumn = std::min(area.EndColumn, end.EndColumn);
    if (area.EndRow < area.StartRow || area.EndColumn < area.StartColumn) {
        throw Refused{Refusal::NoTable, {}};
    }
    return area;
}

FoundTable find_table(const Reference<css::frame::XModel>& model) {
    const Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY);
    if (!doc.is()) {
        throw Refused{Refusal::NoDocument, {}};
    }
    FoundTable table;
    CellRangeAddress area = selected_area(model, doc, table.sheet);

    const Range header_row =
        read_block(table.sheet, block(area, area.StartColumn, area.EndColumn - area.StartColumn + 1,
                                      area.StartRow, area.StartRow));
    std::vector<std::string> headers = row_texts(header_row, 0);
    if (all_empty(headers)) {
        throw Refused{area.StartRow == area.EndRow && area.StartColumn == area.EndColumn
                          ? Refusal::NoTable
                          : Refusal::MissingColumns,
                      {}};
    }
    // A previous run's columns inside the area (the data area around a cell includes them).
    const std::size_t previous = trailing_output_columns(headers);
    if (previous > 0) {
        area.EndColumn -= static_cast<sal_Int32>(previous);
        headers.resize(headers.size() - previous);
        table.previous_output = true;
    }
    table.input = area;
    table.headers = std::move(headers);
    return table;
}

// ------------------------------------------------------------------ checks

void check_writable(const Reference<css::frame::XModel>& model, const FoundTable& table) {
    const Reference<css::frame::XStorable> storable(model, UNO_QUERY);
    if (storable.is() && storable->isReadonly()) {
        throw Refused{Refusal::ReadOnly, {}};
    }
    const Reference<css::util::XProtectable> protectable(table.sheet, UNO_QUERY);
    if (protectable.is() && protectable->isProtected()) {
        throw Refused{Refusal::SheetProtected, {}};
    }
    const Reference<css::util::XProtectable> structure(model, UNO_QUERY);
    if (structure.is() && structure->isProtected()) {
        throw RefusedWith{kStructureProtected};
    }
}

CellRangeAddress output_area(const FoundTable& table) {
    const Reference<css::table::XColumnRowRange> columns(table.sheet, UNO_QUERY_THROW);
    const sal_Int32 column_count = columns->getColumns()->getCount();
    const sal_Int32 first = table.input.EndColumn + 1;
    if (first + static_cast<sal_Int32>(kOutputColumnCount) > column_count) {
        throw Refused{Refusal::NoRoomForOutput, {}};
    }
    return block(table.input, first, kOutputColumnCount, table.input.StartRow, table.input.EndRow);
}

// The output block must be empty, or a previous run's (its header row is ours).
bool check_output_area(const FoundTable& table, const CellRangeAddress& out) {
    if (table.previous_output) {
        return true;
    }
    const Range header = read_block(
        table.sheet, block(out, out.StartColumn, kOutputColumnCount, out.StartRow, out.StartRow));
    if (is_output_header_row(row_texts(header, 0))) {
        return true;
    }
    // Nothing right of (or below) the used area: the common case, without reading the block.
    const CellRangeAddress used_end = end_of_used_area(table.sheet);
    if (used_end.EndColumn < out.StartColumn || used_end.EndRow < out.StartRow) {
        return false;
    }
    // Any cell with content (a constant, a formula, also one showing nothing) is the user's.
    const Reference<css::sheet::XCellRangeFormula> formulas(range_of(table.sheet, out),
                                                            UNO_QUERY_THROW);
    const Sequence<Sequence<OUString>> content = formulas->getFormulaArray();
    sal_Int32 top = -1;
    sal_Int32 bottom = -1;
    sal_Int32 left = -1;
    sal_Int32 right = -1;
    for (sal_Int32 r = 0; r < content.getLength(); ++r) {
        for (sal_Int32 c = 0; c < content[r].getLength(); ++c) {
            if (!content[r][c].isEmpty()) {
                top = top < 0 ? r : top;
                bottom = r;
                left = left < 0 ? c : std::min(left, c);
                right = std::max(right, c);
            }
        }
    }
    if (top >= 0) {
        const CellRangeAddress taken = block(out, out.StartColumn + left, right - left + 1,
                                             out.StartRow + top, out.StartRow + bottom);
        const Reference<css::beans::XPropertySet> props(range_of(table.sheet, taken),
                                                        UNO_QUERY_THROW);
        OUString address;
        props->getPropertyValue("AbsoluteName") >>= address; // "$Sheet1.$F$5"
        address = address.copy(address.lastIndexOf('.') + 1).replaceAll("$", "");
        throw Refused{Refusal::TargetOccupied, to_utf8(address)};
    }
    return false;
}

// ------------------------------------------------------------------ mapping and input

// The rules stored in the document (the defaults when there are none).
RuleSet document_rules(const Reference<css::frame::XModel>& model, Lang lang) {
    const std::string text = read_rules_text(model);
    if (text.empty()) {
        return default_rules();
    }
    const RulesLoad load = load_rules(text);
    if (!load.ok()) {
        throw Refused{Refusal::InvalidRules,
                      invalid_rules_message(RulesError(load.problems), lang)};
    }
    return *load.rules;
}

HeaderMapping final_mapping(const std::vector<std::string>& headers, const RuleSet& rules,
                            const ColumnOverrides& overrides) {
    HeaderMapping mapping = recognize_headers(headers, rules.synonyms);
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

// The cells of column `column` of the data rows (void where a row is shorter); none without
// a column.
std::vector<Any> cells_of(const Range& rows, std::optional<std::size_t> column) {
    std::vector<Any> cells;
    if (!column) {
        return cells;
    }
    cells.resize(static_cast<std::size_t>(rows.getLength()));
    for (sal_Int32 r = 0; r < rows.getLength(); ++r) {
        if (static_cast<sal_Int32>(*column) < rows[r].getLength()) {
            cells[static_cast<std::size_t>(r)] = rows[r][static_cast<sal_Int32>(*column)];
        }
    }
    return cells;
}

// Column `column` of the data rows: numbers, nullopt for empty cells, NaN for text and
// errors (a cell with an error comes as void from getDataArray).
Column column_of(const Range& rows, std::size_t column) {
    Column out(static_cast<std::size_t>(rows.getLength()));
    for (sal_Int32 r = 0; r < rows.getLength(); ++r) {
        const auto& row = rows[r];
        if (static_cast<sal_Int32>(column) >= row.getLength()) {
            continue;
        }
        const Any& cell = row[static_cast<sal_Int32>(column)];
        double number = 0;
        OUString text;
        if (cell >>= text) {
            if (!text.trim().isEmpty()) {
                out[static_cast<std::size_t>(r)] = std::numeric_limits<double>::quiet_NaN();
            }
        } else if (cell >>= number) {
            out[static_cast<std::size_t>(r)] = number;
        } else {
            out[static_cast<std::size_t>(r)] = std::numeric_limits<double>::quiet_NaN();
        }
    }
    return out;
}

// Today as a day number on the document's date scale (Calc serial from its null date).
double today_serial(const Reference<css::frame::XModel>& model) {
    std::tm null_date{};
    null_date.tm_year = 1899 - 1900;
    null_date.tm_mon = 11;
    null_date.tm_mday = 30;
    const Reference<css::beans::XPropertySet> props(model, UNO_QUERY);
    css::util::Date date;
    if (props.is() && (props->getPropertyValue("NullDate") >>= date)) {
        null_date.tm_year = date.Year - 1900;
        null_date.tm_mon = date.Month - 1;
        null_date.tm_mday = date.Day;
    }
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    std::tm today{};
    today.tm_year = local.tm_year;
    today.tm_mon = local.tm_mon;
    today.tm_mday = local.tm_mday;
    today.tm_hour = 12;
    null_date.tm_hour = 12;
    return std::round(std::difftime(timegm(&today), timegm(&null_date)) / 86400.0);
}

// ------------------------------------------------------------------ phase log

// Where a run's time goes, for the office benchmark (BENCHMARKS.md): when the office's
// environment names a file in TRIAGE_PHASE_LOG, every finished run appends one line to it,
// "rows=N find=S read=S ...", the seconds spent in each phase. Off (no clock read) otherwise.
class PhaseLog {
public:
    PhaseLog() : path_(std::getenv("TRIAGE_PHASE_LOG")), last_(path_ != nullptr ? now() : 0) {}
    void rows(sal_Int32 n) { rows_ = n; }
    void mark(const char* phase) {
        if (path_ == nullptr) {
            return;
        }
        const double t = now();
        char item[64];
        std::snprintf(item, sizeof item, " %s=%.4f", phase, t - last_);
        line_ += item;
        last_ = t;
    }
    void write() const {
        if (path_ == nullptr) {
            return;
        }
        if (std::FILE* f = std::fopen(path_, "a")) {
            std::fprintf(f, "rows=%d%s\n", static_cast<int>(rows_), line_.c_str());
            std::fclose(f);
        }
    }

private:
    static double now() {
        using clock = std::chrono::steady_clock;
        return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
    }
    const char* path_;
    double last_;
    sal_Int32 rows_ = 0;
    std::string line_;
};

// ------------------------------------------------------------------ writing

Sequence<Any> output_row(const BatchResult& result, std::size_t row) {
    Sequence<Any> cells(kOutputColumnCount);
    Any* out = cells.getArray();
    const RowResult& r = result.rows[row];
    if (!r.ok()) {
        out[0] <<= OUString();
        out[1] <<= OUString();
        out[2] <<= OUString();
        out[3] <<= to_ou(result.error_text(row));
        out[4] <<= OUString();
        return cells;
    }
    out[0] <<= OUString(static_cast<sal_Unicode>(tier_letter(r.tier())));
    if (const auto risk = r.risk()) {
        out[1] <<= std::round(*risk * 10.0) / 10.0;
    } else {
        out[1] <<= OUString();
    }
    out[2] <<= OUString::fromUtf8(verdict_label(r.verdict(), result.lang));
    out[3] <<= to_ou(result.reasons_text(r));
    out[4] <<= to_ou(result.next_step_text(r));
    return cells;
}

// An undo action that writes the state before (undo) or after (redo) the run. Two of Calc's
// own undo actions do not work in LibreOffice 7.4: the undo of XCellRangeData::setDataArray
// does not restore the cells, and the undo of a replaced conditional format drops it instead
// of restoring the previous one (a failed or undone re-run lost the earlier colours). Such
// writes bring this action; a format's is recorded before Calc's, so that it is undone after
// it and has the last word.
class WriteUndo : public cppu::WeakImplHelper1<css::document::XUndoAction> {
public:
    using Write = std::function<void(const Any&)>;

    WriteUndo(const Reference<css::document::XUndoManager>& manager, Write write, Any before,
              Any after)
        : manager_(manager), write_(std::move(write)), before_(std::move(before)),
          after_(std::move(after)) {}

    OUString SAL_CALL getTitle() override { return "Client Triage"; }
    void SAL_CALL undo() override { put(before_); }
    void SAL_CALL redo() override { put(after_); }

private:
    // Writing while Calc undoes must not record another action into the list being undone
    // (Calc crashes when it does), so the undo manager is locked meanwhile.
    void put(const Any& state) {
        const Reference<css::document::XUndoManager> manager(manager_);
        if (manager.is()) {
            manager->lock();
        }
        try {
            write_(state);
        } catch (...) {
            if (manager.is()) {
                manager->unlock();
            }
            throw;
        }
        if (manager.is()) {
            manager->unlock();
        }
    }

    css::uno::WeakReference<css::document::XUndoManager> manager_; // it owns this action
    Write write_;
    Any before_;
    Any after_;
};

// Gives `range` the Text format, recorded for undo by its own action: Calc's undo of an
// attribute change restores the whole cell attributes as they were, and so would drop the
// conditional formats a failed or undone re-run has just brought back. Ranges with mixed
// formats keep them (the write is then only slower).
void set_text_format(const Reference<css::frame::XModel>& model,
                     const Reference<css::table::XCellRange>& range, sal_Int32 text_format) {
    const Reference<css::beans::XPropertySet> props(range, UNO_QUERY_THROW);
    const Any before = props->getPropertyValue("NumberFormat");
    sal_Int32 format = 0;
    if (!(before >>= format) || format == text_format) {
        return;
    }
    const Reference<css::document::XUndoManagerSupplier> undo(model, UNO_QUERY);
    if (!undo.is()) {
        props->setPropertyValue("NumberFormat", Any(text_format));
        return;
    }
    const Reference<css::document::XUndoManager> manager = undo->getUndoManager();
    const rtl::Reference<WriteUndo> action = new WriteUndo(
        manager, [props](const Any& f) { props->setPropertyValue("NumberFormat", f); }, before,
        Any(text_format));
    action->redo(); // with the undo manager locked: no action of Calc's own
    manager->addUndoAction(action.get());
}

void write_output(const Reference<css::frame::XModel>& model,
                  const Reference<css::sheet::XSpreadsheet>& sheet, const CellRangeAddress& out,
                  bool replaces_previous, const BatchResult& result, Lang lang, PhaseLog& phases) {
    const Reference<css::table::XCellRange> range = range_of(sheet, out);
    std::optional<Range> before;
    if (replaces_previous) {
        before = read_block(sheet, out); // a previous run's output
    }
    const sal_Int32 rows = out.EndRow - out.StartRow + 1;
    Range data(rows);
    Sequence<Any>* data_rows = data.getArray();
    data_rows[0].realloc(kOutputColumnCount);
    for (std::size_t c = 0; c < kOutputColumnCount; ++c) {
        data_rows[0].getArray()[c] <<=
            OUString::fromUtf8(output_header(static_cast<OutputColumn>(c)).in(lang));
    }
    for (sal_Int32 r = 1; r < rows; ++r) {
        data_rows[r] = output_row(result, static_cast<std::size_t>(r - 1));
    }
    phases.mark("build");
    // The text columns get the Text number format first: Calc then stores each string as it
    // is instead of testing whether it reads as a number (a fifth of the write's time).
    const sal_Int32 text_format = standard_format(model, css::util::NumberFormat::TEXT);
    for (const auto& [first, last] : {std::pair(OutputColumn::Tier, OutputColumn::Tier),
                                      std::pair(OutputColumn::Verdict, OutputColumn::NextStep)}) {
        set_text_format(model,
                        sheet->getCellRangeByPosition(
                            out.StartColumn + static_cast<sal_Int32>(first), out.StartRow,
                            out.StartColumn + static_cast<sal_Int32>(last), out.EndRow),
                        text_format);
    }
    phases.mark("format");
    Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)->setDataArray(data);
    phases.mark("write");
    const Reference<css::document::XUndoManagerSupplier> undo(model, UNO_QUERY);
    if (undo.is()) {
        const Reference<css::document::XUndoManager> manager = undo->getUndoManager();
        manager->addUndoAction(new WriteUndo(
            manager,
            [range](const Any& contents) {
                if (contents.hasValue()) {
                    Reference<css::sheet::XCellRangeData>(range, UNO_QUERY_THROW)
                        ->setDataArray(contents.get<Range>());
                } else { // the block was empty before the run
                    Reference<css::sheet::XSheetOperation>(range, UNO_QUERY_THROW)
                        ->clearContents(
                            css::sheet::CellFlags::VALUE | css::sheet::CellFlags::DATETIME |
                            css::sheet::CellFlags::STRING | css::sheet::CellFlags::FORMULA);
                }
            },
            before ? Any(std::move(*before)) : Any(), Any(data)));
    }
    phases.mark("undo");
}

// The cell styles a run added. Calc does not record a style's insertion for undo, so a run
// that fails removes them itself (after its undo took back the formats that use them).
class NewStyles {
public:
    NewStyles() = default;
    NewStyles(const NewStyles&) = delete;
    NewStyles& operator=(const NewStyles&) = delete;
    void added(const Reference<css::container::XNameContainer>& styles, const OUString& name) {
        styles_ = styles;
        names_.push_back(name);
    }
    void keep() { names_.clear(); }
    ~NewStyles() {
        for (const OUString& name : names_) {
            try {
                styles_->removeByName(name);
            } catch (const css::uno::Exception&) {
            }
        }
    }

private:
    Reference<css::container::XNameContainer> styles_;
    std::vector<OUString> names_;
};

void ensure_style(const Reference<css::frame::XModel>& model,
                  const Reference<css::container::XNameContainer>& styles, const std::string& name,
                  std::uint32_t colour, NewStyles& new_styles) {
    const OUString ou_name = to_ou(name);
    if (styles->hasByName(ou_name)) {
        return; // the user may have restyled it: never overwritten
    }
    const Reference<css::lang::XMultiServiceFactory> factory(model, UNO_QUERY_THROW);
    const Reference<css::beans::XPropertySet> style(
        factory->createInstance("com.sun.star.style.CellStyle"), UNO_QUERY_THROW);
    styles->insertByName(ou_name, Any(style));
    new_styles.added(styles, ou_name);
    style->setPropertyValue("CellBackColor", Any(static_cast<sal_Int32>(colour)));
    style->setPropertyValue("IsCellBackgroundTransparent", Any(false));
}

void colour_by_value(const Reference<css::frame::XModel>& model,
                     const Reference<css::table::XCellRange>& range,
                     const std::vector<std::pair<std::string, std::string>>& value_to_style) {
    const Reference<css::beans::XPropertySet> props(range, UNO_QUERY_THROW);
    const Any before = props->getPropertyValue("ConditionalFormat"); // a copy of the format
    const Reference<css::sheet::XSheetConditionalEntries> entries(
        props->getPropertyValue("ConditionalFormat"), UNO_QUERY_THROW);
    entries->clear();
    for (const auto& [value, style] : value_to_style) {
        Sequence<css::beans::PropertyValue> condition(3);
        auto* c = condition.getArray();
        c[0].Name = "Operator";
        c[0].Value <<= css::sheet::ConditionOperator_EQUAL;
        c[1].Name = "Formula1";
        c[1].Value <<= to_ou("\"" + value + "\"");
        c[2].Name = "StyleName";
        c[2].Value <<= to_ou(style);
        entries->addNew(condition);
    }
    const Reference<css::document::XUndoManagerSupplier> undo(model, UNO_QUERY);
    if (undo.is()) {
        const Reference<css::document::XUndoManager> manager = undo->getUndoManager();
        manager->addUndoAction(new WriteUndo(
            manager,
            [props](const Any& format) { props->setPropertyValue("ConditionalFormat", format); },
            before, Any(entries)));
    }
    props->setPropertyValue("ConditionalFormat", Any(entries));
}

void apply_colours(const Reference<css::frame::XModel>& model,
                   const Reference<css::sheet::XSpreadsheet>& sheet, const CellRangeAddress& out,
                   Lang lang, NewStyles& new_styles) {
    const Reference<css::style::XStyleFamiliesSupplier> families(model, UNO_QUERY_THROW);
    const Reference<css::container::XNameContainer> styles(
        families->getStyleFamilies()->getByName("CellStyles"), UNO_QUERY_THROW);
    std::vector<std::pair<std::string, std::string>> tiers;
    for (Tier t : {Tier::A, Tier::B, Tier::C, Tier::D}) {
        ensure_style(model, styles, tier_style_name(t), tier_colour(t), new_styles);
        tiers.emplace_back(std::string(1, tier_letter(t)), tier_style_name(t));
    }
    std::vector<std::pair<std::string, std::string>> verdicts;
    for (Verdict v : kAllVerdicts) {
        ensure_style(model, styles, verdict_style_name(v), verdict_colour(v), new_styles);
        verdicts.emplace_back(verdict_label(v, lang), verdict_style_name(v));
    }
    if (out.EndRow <= out.StartRow) {
        return;
    }
    const auto column = [&](OutputColumn c) {
        const sal_Int32 col = out.StartColumn + static_cast<sal_Int32>(c);
        return sheet->getCellRangeByPosition(col, out.StartRow + 1, col, out.EndRow);
    };
    colour_by_value(model, column(OutputColumn::Tier), tiers);
    colour_by_value(model, column(OutputColumn::Verdict), verdicts);
}

// ------------------------------------------------------------------ fault injection

// A build with TRIAGE_FAULT_INJECTION (a test build, see CMakeLists.txt) fails a run on
// purpose at the point named by the office's environment variable TRIAGE_FAIL_AT ("output",
// "colours", "summary"), so that tests can check that a run failing half way changes nothing.
#ifdef TRIAGE_FAULT_INJECTION
void fault_point(const char* name) {
    const char* at = std::getenv("TRIAGE_FAIL_AT");
    if (at != nullptr && std::strcmp(at, name) == 0) {
        throw css::uno::RuntimeException("injected fault at " + OUString::createFromAscii(name));
    }
}
#else
void fault_point(const char*) {}
#endif

// ------------------------------------------------------------------ progress

class Progress {
public:
    explicit Progress(const Reference<css::task::XStatusIndicator>& indicator)
        : indicator_(indicator) {
        if (indicator_.is()) {
            indicator_->start("Client Triage", 100);
        }
    }
    ~Progress() {
        try {
            if (indicator_.is()) {
                indicator_->end();
            }
        } catch (const css::uno::Exception&) {
        }
    }
    void at(sal_Int32 percent) {
        if (indicator_.is()) {
            indicator_->setValue(percent);
        }
    }

private:
    Reference<css::task::XStatusIndicator> indicator_;
};

// The run's changes are one undo step; a failure half way undoes what was done.
class UndoStep {
public:
    UndoStep(const Reference<css::frame::XModel>& model, const OUString& title) : model_(model) {
        const Reference<css::document::XUndoManagerSupplier> supplier(model, UNO_QUERY);
        if (supplier.is()) {
            undo_ = supplier->getUndoManager();
            actions_before_ = undo_->getAllUndoActionTitles().getLength();
            undo_->enterUndoContext(title);
        }
        model_->lockControllers();
    }
    void commit() {
        finish();
        committed_ = true;
    }
    ~UndoStep() {
        if (committed_) {
            return;
        }
        try {
            finish();
            // Undo only what this run did, never the user's previous action.
            if (undo_.is() && undo_->getAllUndoActionTitles().getLength() > actions_before_) {
                undo_->undo();
            }
        } catch (const css::uno::Exception&) {
        }
    }

private:
    void finish() {
        if (open_) {
            open_ = false;
            model_->unlockControllers();
            if (undo_.is()) {
                undo_->leaveUndoContext();
            }
        }
    }
    Reference<css::frame::XModel> model_;
    Reference<css::document::XUndoManager> undo_;
    sal_Int32 actions_before_ = 0;
    bool open_ = true;
    bool committed_ = false;
};

} // namespace

// ------------------------------------------------------------------ column overrides

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

// ------------------------------------------------------------------ preview and run

TablePreview preview_table(const Reference<css::frame::XModel>& model, Lang lang) {
    TablePreview preview;
    try {
        const FoundTable table = find_table(model);
        const Reference<css::sheet::XCellRangeAddressable> addressable(
            range_of(table.sheet, table.input), UNO_QUERY_THROW);
        const Reference<css::beans::XPropertySet> props(addressable, UNO_QUERY_THROW);
        OUString address;
        props->getPropertyValue("AbsoluteName") >>= address;
        preview.found = true;
        preview.address = to_utf8(address);
        preview.client_rows = static_cast<std::size_t>(table.input.EndRow - table.input.StartRow);
        preview.headers = table.headers;
        preview.mapping = recognize_headers(table.headers, document_rules(model, lang).synonyms);
        preview.has_previous_output = table.previous_output;
    } catch (const Refused& r) {
        preview.problem = refusal_message(r.refusal, lang, r.details);
    } catch (const css::uno::Exception& e) {
        preview.problem = to_utf8(e.Message);
    }
    return preview;
}

SegmentOutcome segment_table(const Reference<css::uno::XComponentContext>&,
                             const Reference<css::frame::XModel>& model,
                             const ColumnOverrides& overrides, Lang lang,
                             const Reference<css::task::XStatusIndicator>& indicator) {
    SegmentOutcome outcome;
    PhaseLog phases;
    try {
        Progress progress(indicator);
        const FoundTable table = find_table(model);
        if (table.input.EndRow == table.input.StartRow) {
            throw Refused{Refusal::NoDataRows, {}};
        }
        const RuleSet rules = document_rules(model, lang);
        const HeaderMapping mapping = final_mapping(table.headers, rules, overrides);
        if (!mapping.has_required()) {
            throw Refused{Refusal::MissingColumns, problems_text(mapping, lang)};
        }
        check_writable(model, table);
        const CellRangeAddress out = output_area(table);
        const bool replaces_previous = check_output_area(table, out);
        phases.rows(table.input.EndRow - table.input.StartRow);
        phases.mark("find");

        // Read every client row in one call, then segment.
        std::optional<Range> rows =
            read_block(table.sheet, block(table.input, table.input.StartColumn,
                                          table.input.EndColumn - table.input.StartColumn + 1,
                                          table.input.StartRow + 1, table.input.EndRow));
        phases.mark("read");
        progress.at(20);
        FieldColumns fields;
        for (Field f : kAllFields) {
            if (f != Field::Client) {
                if (const auto column = mapping.column(f)) {
                    fields[field_index(f)] = column_of(*rows, *column);
                }
            }
        }
        const std::vector<Any> client_names = cells_of(*rows, mapping.column(Field::Client));
        rows.reset(); // the run's largest block: gone before the output block is built
        const ClientTable client_table =
            client_table_from_fields(std::move(fields), today_serial(model));
        phases.mark("convert");
        const BatchResult result = segment_clients(client_table, batch_settings(rules, lang));
        phases.mark("segment");
        progress.at(50);

        NewStyles new_styles; // before the undo step: removed after it undid a failed run
        UndoStep undo(model, to_ou("Client Triage"));
        write_output(model, table.sheet, out, replaces_previous, result, lang, phases);
        fault_point("output");
        progress.at(75);
        apply_colours(model, table.sheet, out, lang, new_styles);
        fault_point("colours");
        phases.mark("colours");
        write_summary_sheet(model, table.sheet, client_names, client_table, result, lang);
        fault_point("summary");
        phases.mark("summary");
        progress.at(95);
        undo.commit();
        new_styles.keep();
        phases.mark("commit");
        phases.write();

        outcome.done = true;
        outcome.message = result_line(result.summary, lang);
    } catch (const Refused& r) {
        outcome.message = refusal_message(r.refusal, lang, r.details);
    } catch (const RefusedWith& r) {
        outcome.message = r.text.in(lang);
    } catch (const InvalidInput& e) {
        outcome.message = e.what();
    } catch (const css::uno::Exception& e) {
        outcome.message =
            "Client Triage could not finish, nothing was changed: " + to_utf8(e.Message);
    } catch (const std::exception& e) {
        outcome.message =
            std::string("Client Triage could not finish, nothing was changed: ") + e.what();
    }
    return outcome;
}

} // namespace triage::uno
