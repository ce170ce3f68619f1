// The Cohorts sheet of a transaction table (issue "Cohorts and tier movement"): retention and
// revenue by cohort with a three-colour scale each, the average retention curve and its chart.
#pragma once

#include "uno/run_instruments.hpp"

#include "core/cohorts.hpp"
#include "core/lang.hpp"
#include "core/tier_movement.hpp"

#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

namespace triage::uno {

// Replaces the product's Cohorts sheet (product_sheets.hpp) with `table`, and the movement
// matrix of the clients' tiers over the last `months` months against the ones before. Both
// tables get a red-to-green colour scale (colour_scale.hpp). Marks the phases
// "cohort_table" (computed), "scales" (the new sheet and its scales) and "cohorts" (written).
css::uno::Reference<css::sheet::XSpreadsheet>
write_cohort_sheet(const css::uno::Reference<css::uno::XComponentContext>& context,
                   const css::uno::Reference<css::frame::XModel>& model, const CohortTable& table,
                   const TierMovements& movement, int months, Lang lang, PhaseLog& phases);

} // namespace triage::uno
