#include "uno/sheet_io.hpp"

#include "uno/uno_names.hpp"

#include "core/values.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/util/Date.hpp>

#include <algorithm>
#include <ctime>
#include <limits>
#include <sstream>

namespace triage::uno {

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

BlockLines::BlockLines(const Range& rows, const HeaderMapping& mapping, double date_shift)
    : rows_(rows) {
    for (Field f : kAllFields) {
        const auto column =
            field_applies(f, TableKind::Transactions) ? mapping.column(f) : std::nullopt;
        columns_[field_index(f)] = column ? static_cast<sal_Int32>(*column) : -1;
        const bool date = f == Field::OrderDate || f == Field::DueDate || f == Field::PaidDate;
        shift_[field_index(f)] = date ? date_shift : 0.0;
    }
}

CellView BlockLines::cell(std::size_t line, Field field) const {
    return read(line, field, texts_[field_index(field)]);
}

CellView BlockLines::peek(std::size_t line, Field field) const {
    return read(line, field, peeked_);
}

CellView BlockLines::read(std::size_t line, Field field, std::string& buffer) const {
    const auto& row = rows_[static_cast<sal_Int32>(line)];
    const sal_Int32 column = columns_[field_index(field)];
    if (column < 0 || column >= row.getLength()) {
        return {};
    }
    const Any& cell = row[column];
    double number = 0;
    if (cell >>= number) {
        return {RawCell::Kind::Number, number + shift_[field_index(field)], {}};
    }
    if (cell.getValueTypeClass() == css::uno::TypeClass_STRING) {
        const OUString& text = *static_cast<const OUString*>(cell.getValue());
        if (text.isEmpty()) {
            return {};
        }
        assign_utf8(buffer, text);
        return {RawCell::Kind::Text, 0, buffer};
    }
    return {RawCell::Kind::Error, 0, {}};
}

double null_date_shift(const Reference<css::frame::XModel>& model) {
    const Reference<css::beans::XPropertySet> props(model, UNO_QUERY);
    css::util::Date date;
    if (props.is() && (props->getPropertyValue("NullDate") >>= date)) {
        return serial_from_civil(date.Year, date.Month, date.Day);
    }
    return 0;
}

double today_day() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return serial_from_civil(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

namespace {

constexpr sal_Int32 kWidthSampleRows = 500;
constexpr sal_Int32 kMinChars = 4;
constexpr sal_Int32 kMaxChars = 60;
constexpr sal_Int32 kCharWidth = 210; // 1/100 mm per character of the default font
constexpr sal_Int32 kPadding = 300;

sal_Int32 shown_chars(const Any& cell) {
    OUString text;
    if (cell >>= text) {
        return text.getLength();
    }
    double number = 0;
    if (cell >>= number) {
        return 10; // a number, a date or a percentage as Calc shows it
    }
    return 0;
}

} // namespace

void set_readable_widths(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 first,
                         sal_Int32 count, const Sequence<Sequence<Any>>& data, sal_Int32 data_first,
                         sal_Int32 extra_chars) {
    const Reference<css::table::XColumnRowRange> columns(sheet, UNO_QUERY_THROW);
    const Reference<css::table::XTableColumns> all = columns->getColumns();
    for (sal_Int32 c = 0; c < count; ++c) {
        sal_Int32 chars = kMinChars;
        for (sal_Int32 r = 0; r < data.getLength() && r < kWidthSampleRows; ++r) {
            if (data_first + c < data[r].getLength()) {
                chars = std::max(chars, shown_chars(data[r][data_first + c]));
            }
        }
        chars = std::min(chars, kMaxChars) + extra_chars;
        const Reference<css::beans::XPropertySet> column(all->getByIndex(first + c),
                                                         UNO_QUERY_THROW);
        column->setPropertyValue("Width", Any(chars * kCharWidth + kPadding));
    }
}

} // namespace triage::uno
