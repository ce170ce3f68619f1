// Reading and writing blocks of a sheet in one call each, and turning the cells that
// getDataArray gives into the core's columns (numbers, empty cells, text). Also the document's
// day numbers (its null date and today).
#pragma once

#include "uno/args.hpp"

#include "core/batch.hpp"
#include "core/headers.hpp"
#include "core/transactions.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace triage::uno {

css::uno::Reference<css::table::XCellRange>
range_of(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
         const css::table::CellRangeAddress& a);

// The address of a block of `columns` columns from `first_column`, rows first_row..last_row,
// on the sheet of `like`.
css::table::CellRangeAddress block(const css::table::CellRangeAddress& like, sal_Int32 first_column,
                                   sal_Int32 columns, sal_Int32 first_row, sal_Int32 last_row);

Range read_block(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                 const css::table::CellRangeAddress& a);

// A cell as a header text: a string as it is, a number in its shortest form.
std::string cell_text(const css::uno::Any& cell);
std::vector<std::string> row_texts(const Range& range, sal_Int32 row);
bool all_empty(const std::vector<std::string>& texts);

// The last cell of the sheet's used area (the end of the area holding content).
css::table::CellRangeAddress
end_of_used_area(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);

// The cells of column `column` of the data rows (void where a row is shorter); none without
// a column.
std::vector<css::uno::Any> cells_of(const Range& rows, std::optional<std::size_t> column);

// Column `column` of the data rows: numbers, nullopt for empty cells, NaN for text and
// errors (a cell with an error comes as void from getDataArray).
Column column_of(const Range& rows, std::size_t column);

// The data rows of a transaction table as the aggregation reads them (transactions.hpp),
// straight from the block getDataArray gave, a cell at a time: numbers (date cells moved by
// `date_shift` days onto the core's day numbers), texts (converted to UTF-8 into a buffer per
// field), empty cells and errors. The block must outlive it.
class BlockLines : public LineSource {
public:
    BlockLines(const Range& rows, const HeaderMapping& mapping, double date_shift);
    std::size_t lines() const override { return static_cast<std::size_t>(rows_.getLength()); }
    bool has(Field field) const override { return columns_[field_index(field)] >= 0; }
    CellView cell(std::size_t line, Field field) const override;
    CellView peek(std::size_t line, Field field) const override;

private:
    CellView read(std::size_t line, Field field, std::string& buffer) const;
    const Range& rows_;
    std::array<sal_Int32, kFieldCount> columns_{};
    std::array<double, kFieldCount> shift_{};
    mutable std::array<std::string, kFieldCount> texts_;
    mutable std::string peeked_;
};

// The document's null date as a core day number (0 for Calc's default 1899-12-30): a date
// cell's value + this is the core's day number.
double null_date_shift(const css::uno::Reference<css::frame::XModel>& model);

// Sets the widths of `count` columns from `first` so that their header and their values (the
// first rows of `data`, from its column `data_first`) can be read: from 4 to 60 characters,
// plus `extra_chars` (room for an AutoFilter button beside the header).
void set_readable_widths(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet,
                         sal_Int32 first, sal_Int32 count,
                         const css::uno::Sequence<css::uno::Sequence<css::uno::Any>>& data,
                         sal_Int32 data_first, sal_Int32 extra_chars = 0);

// Today as a core day number (values.hpp).
double today_day();

} // namespace triage::uno
