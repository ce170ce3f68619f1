// The Cohorts sheet of a transaction table (issue "Cohorts and tier movement"): retention and
// revenue by cohort with a three-colour scale each, the average retention curve and its chart.
#pragma once

#include "uno/undo_step.hpp"

#include "core/cohorts.hpp"
#include "core/lang.hpp"
#include "core/tier_movement.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>

namespace triage::uno {

// Replaces the product's Cohorts sheet (product_sheets.hpp) with `table`, and the movement
// matrix of the clients' tiers over the last `months` months against the ones before. The
// tables' cells take three colours by thirds through named styles (added to `new_styles`).
css::uno::Reference<css::sheet::XSpreadsheet>
write_cohort_sheet(const css::uno::Reference<css::frame::XModel>& model, const CohortTable& table,
                   const TierMovements& movement, int months, Lang lang, NewStyles& new_styles);

} // namespace triage::uno
