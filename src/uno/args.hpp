// Conversion between Calc's add-in argument types and plain C++ values. Every function
// here reports bad input by throwing IllegalArgumentException with a plain message.
#pragma once

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>
#include <rtl/ustring.hxx>

#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace triage::uno {

using Range = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

rtl::OUString to_ou(const std::string& utf8);
std::string to_utf8(const rtl::OUString& text);

[[noreturn]] void throw_invalid(const std::string& message);

// The numbers of a population range; empty and text cells are skipped.
std::vector<double> population(const Range& range);

// An optional number: omitted, an empty cell or empty text give nullopt; a number, or a
// single cell holding one, gives it; anything else is invalid (`what` names the argument).
std::optional<double> optional_number(const css::uno::Any& argument, const char* what);

// Applies `one` to a value argument that may be a single value or a range. A range gives an
// array of the same shape (a single cell gives a single value); an empty cell gives empty
// text; text that is not a number is invalid (`what` names the argument).
css::uno::Any map_value(const css::uno::Any& argument, const char* what,
                        const std::function<css::uno::Any(double)>& one);

// Runs `body`, turning every C++ exception (domain errors, std::bad_alloc, ...) into the
// IllegalArgumentException the UNO method declares, so nothing else escapes into the office.
template <class Body> auto guarded(Body&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const css::lang::IllegalArgumentException&) {
        throw;
    } catch (const std::exception& e) {
        throw_invalid(e.what());
    } catch (...) {
        throw_invalid("unexpected internal error");
    }
}

} // namespace triage::uno
