#include "uno/run_instruments.hpp"

#include "uno/uno_names.hpp"

#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>

#include <cstdlib>
#include <cstring>

namespace triage::uno {

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

} // namespace triage::uno
