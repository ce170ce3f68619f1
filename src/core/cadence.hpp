// Prospects: three calls and a letter (SPEC section 5).
#pragma once

#include "core/lang.hpp"

#include <array>
#include <cstddef>
#include <optional>

namespace triage {

// The steps of the cadence, in order; Close is what follows the letter.
enum class ProspectStep { Call1, Call2, Call3, Letter, Close };

constexpr std::size_t kProspectStepCount = 5;
// The steps that have a date (all but Close).
constexpr std::size_t kDatedProspectSteps = 4;

struct CadenceGaps {
    double gap_days = 3;        // between call 1 and call 2, and between call 2 and call 3
    double letter_gap_days = 7; // between call 3 and the letter
};

// Throws InvalidInput unless both gaps are finite and >= 0. A gap of 0 (two steps on the
// same day) and fractional gaps (date serials with a time of day) are allowed.
void validate_gaps(const CadenceGaps& gaps);

// Throws InvalidInput unless steps_done is a finite whole number >= 0; returns it as a count
// (values beyond 4 all mean "closed" and are clamped to 4).
int validate_steps_done(double steps_done);

// The step that follows steps_done steps: Call1 (0), Call2 (1), Call3 (2), Letter (3),
// Close (4 or more). Throws InvalidInput as validate_steps_done.
ProspectStep prospect_step(double steps_done);

// The dates of call 1, call 2, call 3 and the letter from the first contact day d:
// d, d + gap, d + 2 gap, d + 2 gap + letter_gap. Day numbers are plain doubles so Calc date
// serials pass straight through. Throws InvalidInput for a non-finite first contact, invalid
// gaps, or dates that overflow to infinity.
std::array<double, kDatedProspectSteps> prospect_step_dates(double first_contact,
                                                            const CadenceGaps& gaps = {});

// The date of the next step after steps_done steps (0: the first contact itself), or nullopt
// once the letter is sent (steps_done >= 4: the prospect is closed). Validates everything,
// also when the answer is nullopt.
std::optional<double> prospect_next_date(double first_contact, double steps_done,
                                         const CadenceGaps& gaps = {});

// "Call 1", "Call 2", "Call 3", "Letter", "Close" and their ru / fi names.
const Localized& prospect_step_name(ProspectStep step);

} // namespace triage
