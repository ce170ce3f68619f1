#include "uno/args.hpp"

#include <cmath>

namespace triage::uno {

namespace {

using css::uno::Any;
using css::uno::TypeClass_DOUBLE;
using css::uno::TypeClass_STRING;
using css::uno::TypeClass_VOID;

enum class CellKind { Empty, Number, Text };

CellKind kind_of(const Any& cell, double& number) {
    switch (cell.getValueTypeClass()) {
    case TypeClass_VOID:
        return CellKind::Empty;
    case TypeClass_STRING: {
        rtl::OUString text;
        cell >>= text;
        return text.isEmpty() ? CellKind::Empty : CellKind::Text;
    }
    default:
        return (cell >>= number) ? CellKind::Number : CellKind::Text;
    }
}

std::string must_be_number(const char* what) {
    return std::string(what) + " must be a number";
}

} // namespace

rtl::OUString to_ou(const std::string& utf8) {
    return rtl::OUString(utf8.data(), static_cast<sal_Int32>(utf8.size()), RTL_TEXTENCODING_UTF8);
}

std::string to_utf8(const rtl::OUString& text) {
    const rtl::OString bytes = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
}

void throw_invalid(const std::string& message) {
    throw css::lang::IllegalArgumentException(to_ou(message), nullptr, 0);
}

std::vector<double> population(const Range& range) {
    std::vector<double> numbers;
    for (const auto& row : range) {
        for (const Any& cell : row) {
            double number = 0;
            if (kind_of(cell, number) == CellKind::Number) {
                numbers.push_back(number);
            }
        }
    }
    return numbers;
}

std::optional<double> optional_number(const Any& argument, const char* what) {
    Range range;
    if (argument >>= range) {
        if (range.getLength() != 1 || range[0].getLength() != 1) {
            throw_invalid(std::string(what) + " must be a single value, not a range");
        }
        return optional_number(range[0][0], what);
    }
    double number = 0;
    switch (kind_of(argument, number)) {
    case CellKind::Empty:
        return std::nullopt;
    case CellKind::Number:
        return number;
    case CellKind::Text:
        break;
    }
    throw_invalid(must_be_number(what));
}

namespace {

// One cell of a value argument: empty gives empty text, a number gives `one(number)`.
Any map_cell(const Any& cell, const char* what, const std::function<Any(double)>& one) {
    double number = 0;
    switch (kind_of(cell, number)) {
    case CellKind::Empty:
        return Any(rtl::OUString());
    case CellKind::Number:
        return one(number);
    case CellKind::Text:
        break;
    }
    throw_invalid(must_be_number(what));
}

} // namespace

Any map_value(const Any& argument, const char* what, const std::function<Any(double)>& one) {
    if (!argument.hasValue()) {
        throw_invalid(std::string(what) + " is required");
    }
    Range range;
    if (!(argument >>= range)) {
        return map_cell(argument, what, one);
    }
    if (range.getLength() == 1 && range[0].getLength() == 1) {
        return map_cell(range[0][0], what, one);
    }
    Range out(range.getLength());
    auto* out_rows = out.getArray();
    for (sal_Int32 r = 0; r < range.getLength(); ++r) {
        const auto& row = range[r];
        out_rows[r].realloc(row.getLength());
        auto* out_cells = out_rows[r].getArray();
        for (sal_Int32 c = 0; c < row.getLength(); ++c) {
            out_cells[c] = map_cell(row[c], what, one);
        }
    }
    return Any(out);
}

} // namespace triage::uno
