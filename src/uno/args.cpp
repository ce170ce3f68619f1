#include "uno/args.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace triage::uno {

namespace {

using css::uno::Any;

std::string must_be_number(const char* what) {
    return std::string(what) + " must be a number";
}
std::string is_required(const char* what) {
    return std::string(what) + " is required";
}

// A range argument, or nullptr for a single value (a 1 x 1 range counts as a single value).
const Range* as_grid(const Any& argument, Range& storage) {
    if (!(argument >>= storage)) {
        return nullptr;
    }
    if (storage.getLength() == 1 && storage[0].getLength() == 1) {
        return nullptr;
    }
    return &storage;
}

// An empty cell of a range (empty text), or an omitted value; without copying the text.
bool is_empty(const Any& value) {
    switch (value.getValueTypeClass()) {
    case css::uno::TypeClass_VOID:
        return true;
    case css::uno::TypeClass_STRING:
        return static_cast<const rtl::OUString*>(value.getValue())->isEmpty();
    default:
        return false;
    }
}

// Whether every range input of row `r` is empty.
bool row_is_empty(sal_Int32 r, const std::vector<const Range*>& grids) {
    for (const Range* grid : grids) {
        if (grid) {
            for (const Any& value : (*grid)[r]) {
                if (!is_empty(value)) {
                    return false;
                }
            }
        }
    }
    return true;
}

// LibreOffice 7.4 turns an array result into its matrix element by element (ScSequenceToMatrix::
// CreateMixedMatrix into a matrix of numbers), and each text or empty element costs time in
// proportion to the rows after it: 1,048,576 rows of empty text (a whole-column reference such
// as A:A) kept the office busy for a minute, 65,536 of them at the top of such a result for ten
// seconds, while numbers cost nothing. Results taller than this therefore leave out their
// trailing rows whose range inputs are all empty (an array formula taller than the result shows
// #N/A below it, as for any shorter array), and show the other rows without input as #N/A, a
// number to Calc; results up to this height show such rows as empty text.
constexpr sal_Int32 kRowsAlwaysKept = 65536;

// The number of result rows: all of them, or up to the last row with a non-empty input.
sal_Int32 result_rows(const Range& shape, const std::vector<const Range*>& grids) {
    const sal_Int32 rows = shape.getLength();
    if (rows <= kRowsAlwaysKept) {
        return rows;
    }
    sal_Int32 used = rows;
    while (used > kRowsAlwaysKept && row_is_empty(used - 1, grids)) {
        --used;
    }
    return used;
}

bool is_range(const Any& argument) {
    return argument.getValueTypeClass() == css::uno::TypeClass_SEQUENCE;
}

Cell single_cell(const Any& argument) {
    if (!is_range(argument)) {
        return cell_of(argument);
    }
    Range range;
    if (argument >>= range) {
        return range.getLength() == 1 && range[0].getLength() == 1 ? cell_of(range[0][0]) : Cell{};
    }
    return cell_of(argument);
}

} // namespace

rtl::OUString to_ou(std::string_view utf8) {
    return rtl::OUString(utf8.data(), static_cast<sal_Int32>(utf8.size()), RTL_TEXTENCODING_UTF8);
}

void assign_utf8(std::string& out, const rtl::OUString& text) {
    // ASCII, the most common text of a sheet, without the converter and its temporary.
    const sal_Unicode* chars = text.getStr();
    const sal_Int32 length = text.getLength();
    out.resize(static_cast<std::size_t>(length));
    for (sal_Int32 i = 0; i < length; ++i) {
        if (chars[i] >= 0x80) {
            const rtl::OString bytes = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
            out.assign(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
            return;
        }
        out[static_cast<std::size_t>(i)] = static_cast<char>(chars[i]);
    }
}

std::string to_utf8(const rtl::OUString& text) {
    std::string out;
    assign_utf8(out, text);
    return out;
}

void throw_invalid(const std::string& message) {
    throw css::lang::IllegalArgumentException(to_ou(message), nullptr, 0);
}

Cell cell_of(const Any& value) {
    Cell cell;
    switch (value.getValueTypeClass()) {
    case css::uno::TypeClass_VOID:
        return cell;
    case css::uno::TypeClass_STRING: {
        rtl::OUString text;
        value >>= text;
        if (!text.isEmpty()) {
            cell.kind = Cell::Kind::Text;
            cell.text = to_utf8(text);
        }
        return cell;
    }
    default:
        if (value >>= cell.number) {
            cell.kind = Cell::Kind::Number;
        } else {
            cell.kind = Cell::Kind::Text; // a type no function takes: treated as text
        }
        return cell;
    }
}

std::optional<double> number_or_empty(const Cell& cell, const char* what) {
    switch (cell.kind) {
    case Cell::Kind::Empty:
        return std::nullopt;
    case Cell::Kind::Number:
        return cell.number;
    case Cell::Kind::Text:
        break;
    }
    throw_invalid(must_be_number(what));
}

double required_number(const Cell& cell, const char* what) {
    const auto number = number_or_empty(cell, what);
    if (!number) {
        throw_invalid(is_required(what));
    }
    return *number;
}

std::string required_text(const Cell& cell, const char* what) {
    switch (cell.kind) {
    case Cell::Kind::Empty:
        break;
    case Cell::Kind::Number: {
        const double n = cell.number;
        if (std::isfinite(n) && n == std::floor(n) && std::fabs(n) < 1e15) {
            return std::to_string(static_cast<long long>(n));
        }
        return std::to_string(n);
    }
    case Cell::Kind::Text:
        return cell.text;
    }
    throw_invalid(is_required(what));
}

std::vector<double> population(const Range& range) {
    std::vector<double> numbers;
    for (const auto& row : range) {
        for (const Any& value : row) {
            double number = 0;
            if (value.getValueTypeClass() != css::uno::TypeClass_STRING && (value >>= number)) {
                numbers.push_back(number);
            }
        }
    }
    return numbers;
}

std::optional<double> optional_number(const Any& argument, const char* what) {
    Range range;
    if ((argument >>= range) && (range.getLength() != 1 || range[0].getLength() != 1)) {
        throw_invalid(std::string(what) + " must be a single value, not a range");
    }
    return number_or_empty(single_cell(argument), what);
}

namespace {

// Calc keeps an error inside an array as a quiet NaN whose low 32 bits are the error code;
// PutDouble of such a value shows the error in the cell.
Any error_value(std::uint32_t code) {
    const std::uint64_t bits = 0x7FF8000000000000ULL | code;
    double value = 0;
    std::memcpy(&value, &bits, sizeof value);
    return Any(value);
}

} // namespace

Any error_element() {
    return error_value(502); // Err:502, invalid argument
}

Any not_available_element() {
    return error_value(0x7FFF); // #N/A
}

Any elementwise(const std::vector<Any>& arguments,
                const std::function<Any(const std::vector<Cell>&)>& one) {
    if (std::none_of(arguments.begin(), arguments.end(), is_range)) {
        // Single values only (the per-row call): no ranges to look at.
        std::vector<Cell> cells;
        cells.reserve(arguments.size());
        for (const Any& argument : arguments) {
            cells.push_back(cell_of(argument));
        }
        return one(cells);
    }
    std::vector<Range> storage(arguments.size());
    std::vector<const Range*> grids(arguments.size(), nullptr);
    std::vector<Cell> cells(arguments.size());
    const Range* shape = nullptr;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        grids[i] = as_grid(arguments[i], storage[i]);
        if (!grids[i]) {
            cells[i] = single_cell(arguments[i]);
            continue;
        }
        if (!shape) {
            shape = grids[i];
            continue;
        }
        bool same = shape->getLength() == grids[i]->getLength();
        for (sal_Int32 r = 0; same && r < shape->getLength(); ++r) {
            same = (*shape)[r].getLength() == (*grids[i])[r].getLength();
        }
        if (!same) {
            throw_invalid("the ranges must all have the same shape");
        }
    }
    if (!shape) {
        return one(cells);
    }
    Range result(result_rows(*shape, grids));
    const Any no_input =
        result.getLength() > kRowsAlwaysKept ? not_available_element() : Any(rtl::OUString());
    auto* rows = result.getArray();
    // Rows without input share one sequence (a reference count, not a copy each).
    css::uno::Sequence<Any> empty_row;
    for (sal_Int32 r = 0; r < result.getLength(); ++r) {
        const sal_Int32 columns = (*shape)[r].getLength();
        if (row_is_empty(r, grids)) {
            if (empty_row.getLength() != columns) {
                empty_row = css::uno::Sequence<Any>(columns);
                std::fill_n(empty_row.getArray(), columns, no_input);
            }
            rows[r] = empty_row;
            continue;
        }
        rows[r].realloc(columns);
        auto* out = rows[r].getArray();
        for (sal_Int32 c = 0; c < columns; ++c) {
            bool all_empty = true;
            for (std::size_t i = 0; i < arguments.size(); ++i) {
                if (grids[i]) {
                    cells[i] = cell_of((*grids[i])[r][c]);
                    all_empty = all_empty && cells[i].kind == Cell::Kind::Empty;
                }
            }
            if (all_empty) {
                out[c] = no_input;
                continue;
            }
            try {
                out[c] = one(cells);
            } catch (const css::lang::IllegalArgumentException&) {
                out[c] = error_element();
            } catch (const InvalidInput&) {
                out[c] = error_element();
            } catch (const ModelError&) {
                out[c] = error_element();
            }
        }
    }
    return Any(result);
}

void require_same_shape(const Range& first, const char* first_name, const Range& second,
                        const char* second_name) {
    bool same = first.getLength() == second.getLength();
    for (sal_Int32 r = 0; same && r < first.getLength(); ++r) {
        same = first[r].getLength() == second[r].getLength();
    }
    if (!same) {
        throw_invalid(std::string(second_name) + " must have the same shape as " + first_name);
    }
}

std::vector<std::vector<double>> aligned_numbers(const std::vector<const Range*>& ranges,
                                                 const std::vector<const char*>& names) {
    const Range& first = *ranges.front();
    for (std::size_t k = 1; k < ranges.size(); ++k) {
        require_same_shape(first, names[0], *ranges[k], names[k]);
    }
    std::vector<std::vector<double>> rows;
    std::vector<double> row(ranges.size());
    std::size_t element = 0;
    for (sal_Int32 r = 0; r < first.getLength(); ++r) {
        for (sal_Int32 c = 0; c < first[r].getLength(); ++c) {
            ++element;
            std::size_t numbers = 0;
            for (std::size_t k = 0; k < ranges.size(); ++k) {
                const Cell cell = cell_of((*ranges[k])[r][c]);
                if (cell.kind == Cell::Kind::Number) {
                    row[k] = cell.number;
                    ++numbers;
                }
            }
            if (numbers == ranges.size()) {
                rows.push_back(row);
            } else if (numbers > 0) {
                throw_invalid("element " + std::to_string(element) + ": " + names[0] +
                              " and the ranges beside it must all hold numbers or none");
            }
        }
    }
    return rows;
}

std::vector<double> leading_numbers(const Range& cells, std::size_t count, std::size_t most,
                                    const char* what) {
    std::vector<double> out;
    std::size_t seen = 0;
    for (const auto& row : cells) {
        for (const Any& value : row) {
            if (++seen <= count) {
                out.push_back(required_number(cell_of(value), what));
            }
        }
    }
    if (seen < count || seen > most) {
        throw_invalid(std::string(what) + " must be " + std::to_string(count) + " to " +
                      std::to_string(most) + " cells");
    }
    return out;
}

} // namespace triage::uno
