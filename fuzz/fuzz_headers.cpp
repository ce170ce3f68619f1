// libFuzzer target: header recognition must not crash, hang or hit UB on any header row, and
// its answer must be consistent.
#include "core/headers.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Cells are separated by tab, newline or NUL, as when a header row is pasted as text.
    std::vector<std::string> headers(1);
    for (std::size_t i = 0; i < size; ++i) {
        const char ch = static_cast<char>(data[i]);
        if (ch == '\t' || ch == '\n' || ch == '\0') {
            headers.emplace_back();
        } else {
            headers.back() += ch;
        }
    }
    const triage::HeaderMapping mapping = triage::recognize_headers(headers);

    // Every mapped column exists and no column serves two fields.
    std::vector<bool> used(headers.size(), false);
    for (const auto& column : mapping.columns) {
        if (column) {
            if (*column >= headers.size() || used[*column]) {
                std::abort();
            }
            used[*column] = true;
        }
    }
    for (const triage::HeaderProblem& p : mapping.problems) {
        for (std::size_t c : p.columns) {
            if (c >= headers.size()) {
                std::abort();
            }
        }
        for (triage::Lang lang : {triage::Lang::En, triage::Lang::Ru, triage::Lang::Fi}) {
            if (p.message(lang).empty()) {
                std::abort();
            }
        }
    }
    for (const std::string& h : headers) {
        const std::string normalized = triage::normalize_header(h);
        if (normalized.size() > 2 * h.size()) {
            std::abort();
        }
        (void)triage::guess_header(h);
    }
    return 0;
}
