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

} // namespace triage
