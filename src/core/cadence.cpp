#include "core/cadence.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <cmath>
#include <sstream>
#include <string>

namespace triage {

namespace {

constexpr std::array<Localized, kProspectStepCount> kStepNames = {{
    {"Call 1", "Звонок 1", "Soitto 1"},
    {"Call 2", "Звонок 2", "Soitto 2"},
    {"Call 3", "Звонок 3", "Soitto 3"},
    {"Letter", "Письмо", "Kirje"},
    {"Close", "Закрыть", "Sulje"},
}};

void validate_gap(double gap, const char* what) {
    if (!std::isfinite(gap) || gap < 0) {
        throw InvalidInput(std::string(what) + " must be a finite number of days >= 0, got " +
                           number_text(gap));
    }
}

} // namespace

void validate_gaps(const CadenceGaps& gaps) {
    validate_gap(gaps.gap_days, "the gap between calls");
    validate_gap(gaps.letter_gap_days, "the gap before the letter");
}

int validate_steps_done(double steps_done) {
    if (!std::isfinite(steps_done) || std::floor(steps_done) != steps_done || steps_done < 0) {
        throw InvalidInput("steps done must be a whole number >= 0, got " +
                           number_text(steps_done));
    }
    return steps_done >= 4 ? 4 : static_cast<int>(steps_done);
}

ProspectStep prospect_step(double steps_done) {
    return static_cast<ProspectStep>(validate_steps_done(steps_done));
}

std::array<double, kDatedProspectSteps> prospect_step_dates(double first_contact,
                                                            const CadenceGaps& gaps) {
    if (!std::isfinite(first_contact)) {
        throw InvalidInput("the first contact must be a finite date, got " +
                           number_text(first_contact));
    }
    validate_gaps(gaps);
    const double call2 = first_contact + gaps.gap_days;
    const double call3 = call2 + gaps.gap_days;
    const double letter = call3 + gaps.letter_gap_days;
    if (!std::isfinite(letter)) {
        throw InvalidInput("the prospect's dates are out of range");
    }
    return {first_contact, call2, call3, letter};
}

std::optional<double> prospect_next_date(double first_contact, double steps_done,
                                         const CadenceGaps& gaps) {
    const int done = validate_steps_done(steps_done);
    const auto dates = prospect_step_dates(first_contact, gaps);
    if (done >= static_cast<int>(kDatedProspectSteps)) {
        return std::nullopt;
    }
    return dates[static_cast<std::size_t>(done)];
}

const Localized& prospect_step_name(ProspectStep step) {
    return kStepNames[static_cast<std::size_t>(step)];
}

} // namespace triage
