// Client Triage core: the one error type the domain raises for bad input.
#pragma once

#include <stdexcept>
#include <string>

namespace triage {

// Raised for input the spec calls invalid (a negative signal, a share outside (0, 1], a
// non-finite number, ...). The message is plain English meant for the user; the UNO shell
// turns it into Calc's invalid-argument error.
class InvalidInput : public std::invalid_argument {
public:
    explicit InvalidInput(const std::string& message) : std::invalid_argument(message) {}
};

// Raised when a model cannot give an answer it can stand behind (an optimiser that does not
// converge, a series that does not): said to the user, never a silent number.
class ModelError : public std::runtime_error {
public:
    explicit ModelError(const std::string& message) : std::runtime_error(message) {}
};

} // namespace triage
