// Conversion between Calc's add-in argument types and plain C++ values. Bad input is
// reported by throwing IllegalArgumentException with a plain message (Calc: Err:502).
#pragma once

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triage::uno {

using Range = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

rtl::OUString to_ou(std::string_view utf8);
std::string to_utf8(const rtl::OUString& text);
// The same into an existing buffer (no allocation once it is large enough).
void assign_utf8(std::string& out, const rtl::OUString& text);

[[noreturn]] void throw_invalid(const std::string& message);

// One cell of an argument as the functions see it.
struct Cell {
    enum class Kind { Empty, Number, Text };
    Kind kind = Kind::Empty;
    double number = 0;
    std::string text; // UTF-8, for Kind::Text
};

Cell cell_of(const css::uno::Any& value);

// The number in a cell; nullopt when it is empty; invalid when it holds text.
std::optional<double> number_or_empty(const Cell& cell, const char* what);
// The number in a cell; invalid when it is empty or holds text.
double required_number(const Cell& cell, const char* what);
// The text in a cell (a number is taken as its plain text); invalid when empty.
std::string required_text(const Cell& cell, const char* what);

// The numbers of a population range; empty and text cells are skipped.
//
// A range argument reaches the add-in only after Calc has converted every cell of the
// reference into it (ScInterpreter::ScExternal, ScRangeToSequence::FillMixedArray), and UNO
// has copied it on the way: about 270 ns and 54 bytes a referenced cell, whatever the cells
// hold (BENCHMARKS.md, wide references). Nothing of the add-in runs before that, so nothing
// here can refuse or shrink a reference: a whole sheet ($Sheet1.1:1048576, 17 billion cells)
// exhausts the office's memory before the call, while 16 whole columns take 5 s and 0.9 GB
// and work (README, limits). An XCellRange parameter would avoid the conversion but refuses
// literals and computed arrays, which the functions take.
std::vector<double> population(const Range& range);

// An optional single-value argument: omitted, an empty cell or empty text give nullopt; a
// number, or a single cell holding one, gives it; anything else is invalid.
std::optional<double> optional_number(const css::uno::Any& argument, const char* what);

// Ranges that describe the same clients row by row must have one shape (a population one row
// short is a typo, not a smaller population): invalid ("<second_name> must have the same shape
// as <first_name>") otherwise.
void require_same_shape(const Range& first, const char* first_name, const Range& second,
                        const char* second_name);

// Equally shaped ranges read element by element (row-major) into rows of numbers, one number
// per range: an element empty (or text) in every range is skipped (a gap, a header); one
// holding numbers in some ranges only is invalid, as are ranges of different shapes. `names`
// name the ranges in messages.
std::vector<std::vector<double>> aligned_numbers(const std::vector<const Range*>& ranges,
                                                 const std::vector<const char*>& names);

// The first `count` cells of a small range (row-major) as numbers, e.g. a model's parameters
// from the row a fit returned: the range must have `count` to `most` cells.
std::vector<double> leading_numbers(const Range& cells, std::size_t count, std::size_t most,
                                    const char* what);

// Element-wise application of a worksheet function whose arguments may each be a single value
// or a range. Ranges must all have one shape (single cells and omitted arguments are used for
// every element); the result has that shape, or is a single value when no argument is a
// range. In a range result an element whose range inputs are all empty is empty text (#N/A in
// results taller than 65,536 rows, see args.cpp), and an element with invalid input shows
// Calc's invalid-argument error without failing the others.
css::uno::Any elementwise(const std::vector<css::uno::Any>& arguments,
                          const std::function<css::uno::Any(const std::vector<Cell>&)>& one);

// The value Calc shows as Err:502 inside an array result.
css::uno::Any error_element();
// The value Calc shows as #N/A inside an array result.
css::uno::Any not_available_element();

// Runs `body`, turning every C++ exception (domain errors, std::bad_alloc, ...) into the
// IllegalArgumentException the UNO method declares, so nothing else escapes into the office.
template <class Body> auto guarded(Body&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const css::lang::IllegalArgumentException&) {
        throw;
    } catch (const std::exception& e) {
        throw_invalid(e.what());
    } catch (const css::uno::Exception& e) {
        throw_invalid(to_utf8(e.Message));
    } catch (...) {
        throw_invalid("unexpected internal error");
    }
}

} // namespace triage::uno
