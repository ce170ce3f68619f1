// Three-colour scales (red, yellow, green) on blocks of a product sheet: Calc's own colour
// scale conditional format, which the user can edit or restyle in Format > Conditional.
#pragma once

#include "uno/product_sheets.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>
#include <vector>

namespace triage::uno {

// A flat OpenDocument spreadsheet with one sheet `sheet_name` whose only content is a colour
// scale on each of `areas` (their sheet numbers ignored): lowest red, the median yellow,
// highest green.
std::string colour_scale_template(const std::string& sheet_name,
                                  const std::vector<css::table::CellRangeAddress>& areas);

// Gives each of `areas` of the product sheet of `role` (just inserted by the run, still empty)
// a three-colour scale. Call it before anything is written there: the cells of the block that
// holds the areas are replaced.
//
// Calc's API cannot make a colour scale: on 7.4 to 25.2 ScCondFormatObj::createEntry makes one
// without points (ScColorScaleFormat::EnsureSize is empty) and setting its points crashes the
// office. So the scales come from a template read by the ODF import (a hidden document loaded
// from memory), copied to a scratch sheet with importSheet and from there onto the sheet with
// copyRange, which carries conditional formats, then removed. Calc records the copy and the
// removal for undo, not the import: an undo action of the product's own stands for it, so that
// undo leaves no scratch sheet behind and redo brings the scales back.
void add_colour_scales(const css::uno::Reference<css::uno::XComponentContext>& context,
                       const css::uno::Reference<css::frame::XModel>& model, ProductSheet role,
                       const std::vector<css::table::CellRangeAddress>& areas);

} // namespace triage::uno
