// The real files of ../shared/data as a user opens them in Calc: a writable copy, opened with
// the CSV filter's options. Tests skip with a message when ../shared/data is absent.
#pragma once

#include "office.hpp"

#include <unistd.h>

#include <filesystem>
#include <string>

namespace office {

inline const std::string kSharedData = TRIAGE_SHARED_DATA;

// Text import options of Calc's CSV filter: separator, quote, UTF-8, from line 1, language.
inline std::string csv_options(const std::string& separator, int language) {
    return separator + ",34,76,1,," + std::to_string(language) + ",false,true";
}

inline CalcDoc::LoadOptions csv(const std::string& separator, int language) {
    return CalcDoc::LoadOptions{"Text - txt - csv (StarCalc)", csv_options(separator, language)};
}

// A copy of a shared file in a temporary folder: the shared data is read-only, and Calc opens
// a read-only file read-only (the product then refuses, as it should).
inline std::string writable_copy(const std::string& path) {
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("ct-orders-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::filesystem::path copy = dir / std::filesystem::path(path).filename();
    std::filesystem::copy_file(path, copy, std::filesystem::copy_options::overwrite_existing);
    // The office runs as another user (unopkg refuses root): it must be able to write.
    std::filesystem::permissions(dir, std::filesystem::perms::all);
    std::filesystem::permissions(
        copy, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                  std::filesystem::perms::group_read | std::filesystem::perms::group_write |
                  std::filesystem::perms::others_read | std::filesystem::perms::others_write);
    return copy.string();
}

} // namespace office

#define REQUIRE_FILE(path)                                                                         \
    if (!std::filesystem::exists(path)) {                                                          \
        GTEST_SKIP() << "../shared/data not found: " << (path);                                    \
    }
