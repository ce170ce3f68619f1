#include "core/cadence.hpp"
#include "core/error.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace {

using triage::CadenceGaps;
using triage::InvalidInput;
using triage::Lang;
using triage::ProspectStep;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// 2024-03-01 as a Calc date serial.
constexpr double kFirst = 45352;

TEST(Cadence, NextDateForEachStepWithTheDefaultGaps) {
    EXPECT_EQ(triage::prospect_next_date(kFirst, 0), kFirst);
    EXPECT_EQ(triage::prospect_next_date(kFirst, 1), kFirst + 3);
    EXPECT_EQ(triage::prospect_next_date(kFirst, 2), kFirst + 6);
    EXPECT_EQ(triage::prospect_next_date(kFirst, 3), kFirst + 13);
    EXPECT_EQ(triage::prospect_next_date(kFirst, 4), std::nullopt);
    EXPECT_EQ(triage::prospect_next_date(kFirst, 5), std::nullopt);
    EXPECT_EQ(triage::prospect_next_date(kFirst, 1e12), std::nullopt);
}

TEST(Cadence, AllFourDates) {
    const auto dates = triage::prospect_step_dates(kFirst);
    EXPECT_EQ(dates[0], kFirst);
    EXPECT_EQ(dates[1], kFirst + 3);
    EXPECT_EQ(dates[2], kFirst + 6);
    EXPECT_EQ(dates[3], kFirst + 13);
}

TEST(Cadence, CustomGaps) {
    const CadenceGaps gaps{2, 10};
    EXPECT_EQ(triage::prospect_next_date(kFirst, 1, gaps), kFirst + 2);
    EXPECT_EQ(triage::prospect_next_date(kFirst, 2, gaps), kFirst + 4);
    EXPECT_EQ(triage::prospect_next_date(kFirst, 3, gaps), kFirst + 14);
    // Zero gaps put every step on the first contact day; fractional gaps keep the time.
    EXPECT_EQ(triage::prospect_next_date(kFirst, 3, CadenceGaps{0, 0}), kFirst);
    EXPECT_EQ(triage::prospect_next_date(kFirst + 0.5, 1, CadenceGaps{1.25, 7}), kFirst + 1.75);
}

TEST(Cadence, DateSerialsPassThrough) {
    // Calc's serial 0 (1899-12-30) and earlier days are ordinary finite numbers.
    EXPECT_EQ(triage::prospect_next_date(0, 3), 13);
    EXPECT_EQ(triage::prospect_next_date(-100, 1), -97);
}

TEST(Cadence, StepsDoneMustBeAWholeNumberAtLeastZero) {
    for (double bad : {-1.0, 0.5, 2.999, kNaN, kInf, -kInf}) {
        EXPECT_THROW(triage::prospect_next_date(kFirst, bad), InvalidInput) << bad;
        EXPECT_THROW(triage::prospect_step(bad), InvalidInput) << bad;
    }
    try {
        triage::prospect_step(1.5);
        FAIL() << "no exception";
    } catch (const InvalidInput& e) {
        EXPECT_NE(std::string(e.what()).find("whole number"), std::string::npos) << e.what();
    }
}

TEST(Cadence, GapsMustBeFiniteAndNotNegative) {
    for (const CadenceGaps& bad :
         {CadenceGaps{-1, 7}, CadenceGaps{3, -0.5}, CadenceGaps{kNaN, 7}, CadenceGaps{3, kInf}}) {
        EXPECT_THROW(triage::validate_gaps(bad), InvalidInput);
        EXPECT_THROW(triage::prospect_step_dates(kFirst, bad), InvalidInput);
        // Also when the prospect is already closed: bad input is never silently accepted.
        EXPECT_THROW(triage::prospect_next_date(kFirst, 4, bad), InvalidInput);
    }
}

TEST(Cadence, FirstContactMustBeFiniteAndDatesMustNotOverflow) {
    EXPECT_THROW(triage::prospect_next_date(kNaN, 0), InvalidInput);
    EXPECT_THROW(triage::prospect_next_date(kInf, 0), InvalidInput);
    EXPECT_THROW(triage::prospect_step_dates(1e308, CadenceGaps{1e308, 1e308}), InvalidInput);
}

TEST(Cadence, StepAfterStepsDone) {
    EXPECT_EQ(triage::prospect_step(0), ProspectStep::Call1);
    EXPECT_EQ(triage::prospect_step(1), ProspectStep::Call2);
    EXPECT_EQ(triage::prospect_step(2), ProspectStep::Call3);
    EXPECT_EQ(triage::prospect_step(3), ProspectStep::Letter);
    EXPECT_EQ(triage::prospect_step(4), ProspectStep::Close);
    EXPECT_EQ(triage::prospect_step(40), ProspectStep::Close);
    EXPECT_EQ(triage::validate_steps_done(1e300), 4);
}

TEST(Cadence, StepNames) {
    EXPECT_STREQ(triage::prospect_step_name(ProspectStep::Call1).in(Lang::En), "Call 1");
    EXPECT_STREQ(triage::prospect_step_name(ProspectStep::Call2).in(Lang::En), "Call 2");
    EXPECT_STREQ(triage::prospect_step_name(ProspectStep::Call3).in(Lang::En), "Call 3");
    EXPECT_STREQ(triage::prospect_step_name(ProspectStep::Letter).in(Lang::En), "Letter");
    EXPECT_STREQ(triage::prospect_step_name(ProspectStep::Close).in(Lang::En), "Close");
    EXPECT_STREQ(triage::prospect_step_name(ProspectStep::Call2).in(Lang::Ru), "Звонок 2");
    EXPECT_STREQ(triage::prospect_step_name(ProspectStep::Letter).in(Lang::Ru), "Письмо");
    EXPECT_STREQ(triage::prospect_step_name(ProspectStep::Call3).in(Lang::Fi), "Soitto 3");
    EXPECT_STREQ(triage::prospect_step_name(ProspectStep::Close).in(Lang::Fi), "Sulje");
}

} // namespace
