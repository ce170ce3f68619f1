// What the segmentation tests do to a document besides cells: select, run a command, undo,
// protect, inspect sheets, styles and conditional formats, fill big tables in one call.
#pragma once

#include "office.hpp"

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace office {

struct CommandResult {
    bool success = false;
    std::string message;  // the DispatchResultEvent's Result when it is text
    css::uno::Any result; // the DispatchResultEvent's Result
};

// Selects one range ("A1", "B2:D9") or several ("A1:B2,D4:E5") on a sheet (the first one
// unless told; one range only on another sheet), which the view then shows.
void select(const CalcDoc& doc, const std::string& ranges, int sheet = 0);

// Runs a dispatch command on the document's frame and waits for its result.
CommandResult run_command(const CalcDoc& doc, const std::string& url,
                          const std::vector<std::pair<std::string, std::string>>& arguments = {});

// The segmentation command, silent, with optional column choices ("profit=2").
CommandResult segment(const CalcDoc& doc, const std::string& columns = {});

void undo(const CalcDoc& doc);
void redo(const CalcDoc& doc);
void protect_sheet(const CalcDoc& doc, bool on);
std::vector<std::string> sheet_names(const CalcDoc& doc);

// The conditional format of a range: (Formula1, StyleName) per entry.
std::vector<std::pair<std::string, std::string>>
conditions(const CalcDoc& doc, const std::string& range, int sheet = 0);
// The colour scales of a sheet's conditional formats, each "Cohorts.D3:AX50 #f8696b #ffeb84
// #63be7b" (its range as Calc writes it, its points' colours), in the sheet's order.
std::vector<std::string> colour_scales(const CalcDoc& doc, int sheet);
// A cell style's background colour, or nullopt when there is no such style.
std::optional<int> style_colour(const CalcDoc& doc, const std::string& style);
// Sets a cell style's background colour (as a user restyling it would).
void set_style_colour(const CalcDoc& doc, const std::string& style, int colour);
// How many charts a sheet holds.
int chart_count(const CalcDoc& doc, int sheet);

// The document's Client Triage rules (the user-defined property "ClientTriageRules"), as a
// user or the Rules panel would store them; empty text removes them. Recalculates.
void set_document_rules(const CalcDoc& doc, const std::string& json);
std::string document_rules(const CalcDoc& doc);

using CellValue = std::variant<std::monostate, double, std::string>;
// Writes rows of cells from `top_left` in one call.
void set_rows(const CalcDoc& doc, const std::string& top_left,
              const std::vector<std::vector<CellValue>>& rows, int sheet = 0);
// Reads a range in one call: text of every cell as shown by getDataArray (numbers printed).
std::vector<std::vector<std::string>> get_rows(const CalcDoc& doc, const std::string& range,
                                               int sheet = 0);

} // namespace office
