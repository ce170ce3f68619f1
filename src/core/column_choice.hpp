// The columns of a table as the run uses them: what header recognition found, changed by the
// user's choices in the sidebar or in the command's "Columns" argument.
#pragma once

#include "core/headers.hpp"
#include "core/lang.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace triage {

// Column choices the user made: for a field, a 0-based column of the table (or -1: no
// column), overriding what header recognition found.
using ColumnOverrides = std::array<std::optional<int>, kFieldCount>;

// "profit=2;days_late=-1;order_id=0" <-> overrides (unknown keys and malformed parts are
// ignored). Keys are field_key().
ColumnOverrides parse_column_overrides(const std::string& text);
std::string format_column_overrides(const ColumnOverrides& overrides);

// The mapping of a header row in a table of the given kind, with the user's choices applied.
// A choice settles the ambiguities: when there is any, only missing required fields remain
// problems.
HeaderMapping apply_column_choices(const std::vector<std::string>& headers,
                                   const ExtraSynonyms& synonyms, TableKind kind,
                                   const ColumnOverrides& overrides);

// The problems of a mapping as one text for the user.
std::string problems_text(const HeaderMapping& mapping, Lang lang);

} // namespace triage
