#include "core/error.hpp"
#include "core/risk.hpp"
#include "invalid_message.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace {

using triage::Band;
using triage::Lang;
using triage::RiskResult;
using triage::Signal;
using triage::SignalValues;

constexpr double kInf = std::numeric_limits<double>::infinity();

SignalValues only(Signal s, double value) {
    SignalValues v{};
    v[triage::signal_index(s)] = value;
    return v;
}

double points_of(const RiskResult& r, Signal s) {
    return r.points[triage::signal_index(s)];
}

TEST(Risk, DefaultRulesAreTheSpecTable) {
    const triage::RiskRules r = triage::default_risk_rules();
    const auto rule = [&](Signal s) { return r[triage::signal_index(s)]; };
    const auto expect = [&](Signal s, double good, double bad, double weight) {
        SCOPED_TRACE(std::string(triage::signal_key(s)));
        EXPECT_DOUBLE_EQ(rule(s).good, good);
        EXPECT_DOUBLE_EQ(rule(s).bad, bad);
        EXPECT_DOUBLE_EQ(rule(s).weight, weight);
    };
    expect(Signal::DaysLate, 0, 60, 3);
    expect(Signal::ReturnRate, 0.05, 0.30, 2);
    expect(Signal::Complaints, 0, 6, 2);
    expect(Signal::DiscountShare, 0.20, 0.80, 1);
    expect(Signal::CostToServe, 0.20, 1.00, 3);
    expect(Signal::ApprovalDays, 3, 30, 1);
    expect(Signal::ScopeCreep, 0.10, 0.50, 2);
    expect(Signal::RushShare, 0.10, 0.60, 1);
}

// A single given signal scores 100 x s: 0 at or below good, 50 half way, 100 at or above bad.
TEST(Risk, EachSignalClampsBetweenGoodAndBad) {
    struct Row {
        Signal signal;
        double below_good, good, middle, bad, above_bad;
    };
    const Row rows[] = {
        {Signal::DaysLate, 0, 0, 30, 60, 365},
        {Signal::ReturnRate, 0.01, 0.05, 0.175, 0.30, 0.9},
        {Signal::Complaints, 0, 0, 3, 6, 40},
        {Signal::DiscountShare, 0.1, 0.20, 0.50, 0.80, 1.0},
        {Signal::CostToServe, 0.05, 0.20, 0.60, 1.00, 3.5},
        {Signal::ApprovalDays, 1, 3, 16.5, 30, 90},
        {Signal::ScopeCreep, 0.02, 0.10, 0.30, 0.50, 2.0},
        {Signal::RushShare, 0.0, 0.10, 0.35, 0.60, 0.99},
    };
    for (const Row& row : rows) {
        SCOPED_TRACE(std::string(triage::signal_key(row.signal)));
        const auto score = [&](double x) { return triage::risk_score(only(row.signal, x)).score; };
        EXPECT_DOUBLE_EQ(score(row.below_good), 0.0);
        EXPECT_DOUBLE_EQ(score(row.good), 0.0);
        EXPECT_NEAR(score(row.middle), 50.0, 1e-9);
        EXPECT_DOUBLE_EQ(score(row.bad), 100.0);
        EXPECT_DOUBLE_EQ(score(row.above_bad), 100.0);
    }
}

TEST(Risk, SubScoreIsTheClampedShareOfTheWay) {
    const triage::SignalRule rule{3, 30, 1};
    EXPECT_DOUBLE_EQ(triage::sub_score(2, rule), 0.0);
    EXPECT_DOUBLE_EQ(triage::sub_score(12, rule), 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(triage::sub_score(31, rule), 1.0);
    EXPECT_DOUBLE_EQ(triage::sub_score(kInf, rule), 1.0);
}

TEST(Risk, RatiosAboveOneAreValid) {
    EXPECT_DOUBLE_EQ(triage::risk_score(only(Signal::ReturnRate, 1.5)).score, 100.0);
    EXPECT_DOUBLE_EQ(triage::risk_score(only(Signal::ScopeCreep, 4.0)).score, 100.0);
}

TEST(Risk, MissingSignalsAreLeftOutOfBothSums) {
    // days_late 30 (s = 0.5, w = 3) and return_rate 0.05 (s = 0, w = 2): 100 x 1.5 / 5 = 30.
    SignalValues v{};
    v[triage::signal_index(Signal::DaysLate)] = 30;
    v[triage::signal_index(Signal::ReturnRate)] = 0.05;
    const RiskResult r = triage::risk_score(v);
    EXPECT_NEAR(r.score, 30.0, 1e-9);
    EXPECT_TRUE(r.given[triage::signal_index(Signal::DaysLate)]);
    EXPECT_TRUE(r.given[triage::signal_index(Signal::ReturnRate)]);
    EXPECT_FALSE(r.given[triage::signal_index(Signal::Complaints)]);
    EXPECT_EQ(points_of(r, Signal::Complaints), 0.0);

    // The same client with every other signal given as good: 100 x 1.5 / 15 = 10.
    SignalValues all = v;
    all[triage::signal_index(Signal::Complaints)] = 0;
    all[triage::signal_index(Signal::DiscountShare)] = 0.2;
    all[triage::signal_index(Signal::CostToServe)] = 0.2;
    all[triage::signal_index(Signal::ApprovalDays)] = 3;
    all[triage::signal_index(Signal::ScopeCreep)] = 0.1;
    all[triage::signal_index(Signal::RushShare)] = 0.1;
    EXPECT_NEAR(triage::risk_score(all).score, 10.0, 1e-9);
}

TEST(Risk, ContributionsAreWeightedSharesThatAddUpToTheScore) {
    // W = 3 + 2 + 2 + 1 + 3 = 11 over the five given signals.
    SignalValues v{};
    v[triage::signal_index(Signal::DaysLate)] = 45;       // s = 0.75,  w x s = 2.25
    v[triage::signal_index(Signal::ReturnRate)] = 0.18;   // s = 0.52,  w x s = 1.04
    v[triage::signal_index(Signal::Complaints)] = 2;      // s = 1/3,   w x s = 2/3
    v[triage::signal_index(Signal::DiscountShare)] = 0.1; // s = 0
    v[triage::signal_index(Signal::CostToServe)] = 0.6;   // s = 0.5,   w x s = 1.5
    const RiskResult r = triage::risk_score(v);
    EXPECT_NEAR(points_of(r, Signal::DaysLate), 225.0 / 11.0, 1e-9);
    EXPECT_NEAR(points_of(r, Signal::ReturnRate), 104.0 / 11.0, 1e-9);
    EXPECT_NEAR(points_of(r, Signal::Complaints), 200.0 / 33.0, 1e-9);
    EXPECT_EQ(points_of(r, Signal::DiscountShare), 0.0);
    EXPECT_NEAR(points_of(r, Signal::CostToServe), 150.0 / 11.0, 1e-9);
    EXPECT_EQ(points_of(r, Signal::ApprovalDays), 0.0);
    const double expected = 100.0 * (2.25 + 1.04 + 2.0 / 3.0 + 1.5) / 11.0; // 49.606...
    EXPECT_NEAR(r.score, expected, 1e-9);
    double sum = 0;
    for (double p : r.points) {
        sum += p;
    }
    EXPECT_NEAR(sum, r.score, 1e-9);
    EXPECT_EQ(triage::risk_band(r.score), Band::Medium);
}

TEST(Risk, NoSignalIsAnError) {
    const std::string message = invalid_message([] { triage::risk_score(SignalValues{}); });
    EXPECT_NE(message.find("no risk signal"), std::string::npos) << message;
}

TEST(Risk, NegativeSignalIsAnErrorNamingTheSignal) {
    for (Signal s : triage::kAllSignals) {
        const std::string key(triage::signal_key(s));
        const std::string message = invalid_message([&] { triage::risk_score(only(s, -0.5)); });
        EXPECT_NE(message.find(key), std::string::npos) << message;
        EXPECT_NE(message.find("negative"), std::string::npos) << message;
    }
    // A valid signal next to an invalid one does not hide the error.
    SignalValues v = only(Signal::DaysLate, 10);
    v[triage::signal_index(Signal::RushShare)] = -1;
    EXPECT_NE(invalid_message([&] { triage::risk_score(v); }).find("rush_share"),
              std::string::npos);
}

TEST(Risk, NonFiniteSignalIsAnErrorNamingTheSignal) {
    for (double bad : {std::nan(""), kInf, -kInf}) {
        const std::string message =
            invalid_message([&] { triage::risk_score(only(Signal::Complaints, bad)); });
        EXPECT_NE(message.find("complaints"), std::string::npos) << message;
    }
}

TEST(Risk, ZeroIsAValidSignal) {
    const RiskResult r = triage::risk_score(only(Signal::Complaints, 0.0));
    EXPECT_EQ(r.score, 0.0);
    EXPECT_TRUE(r.given[triage::signal_index(Signal::Complaints)]);
}

TEST(Risk, InvalidRulesAreRejected) {
    triage::RiskRules rules = triage::default_risk_rules();
    rules[0].weight = 0;
    EXPECT_THROW(triage::risk_score(only(Signal::ReturnRate, 0.1), rules), triage::InvalidInput);
    rules = triage::default_risk_rules();
    rules[3].bad = rules[3].good;
    EXPECT_THROW(triage::risk_score(only(Signal::ReturnRate, 0.1), rules), triage::InvalidInput);
    rules = triage::default_risk_rules();
    rules[5].good = std::nan("");
    EXPECT_THROW(triage::validate_risk_rules(rules), triage::InvalidInput);
    EXPECT_NO_THROW(triage::validate_risk_rules(triage::default_risk_rules()));
}

TEST(Risk, CustomRulesChangeTheScore) {
    triage::RiskRules rules = triage::default_risk_rules();
    rules[triage::signal_index(Signal::DaysLate)] = {10, 20, 1};
    EXPECT_NEAR(triage::risk_score(only(Signal::DaysLate, 15), rules).score, 50.0, 1e-9);
}

TEST(Risk, BandEdges) {
    EXPECT_EQ(triage::risk_band(0), Band::Low);
    EXPECT_EQ(triage::risk_band(29.999), Band::Low);
    EXPECT_EQ(triage::risk_band(std::nextafter(30.0, 0.0)), Band::Low);
    EXPECT_EQ(triage::risk_band(30), Band::Medium);
    EXPECT_EQ(triage::risk_band(59.999), Band::Medium);
    EXPECT_EQ(triage::risk_band(std::nextafter(60.0, 0.0)), Band::Medium);
    EXPECT_EQ(triage::risk_band(60), Band::High);
    EXPECT_EQ(triage::risk_band(100), Band::High);
}

TEST(Risk, BandRejectsAScoreOutsideZeroToHundred) {
    for (double bad : {-0.001, 100.001, std::nan(""), kInf, -kInf}) {
        EXPECT_THROW(triage::risk_band(bad), triage::InvalidInput) << bad;
    }
}

TEST(Risk, BandLabels) {
    EXPECT_STREQ(triage::band_label(Band::Low, Lang::En), "Low");
    EXPECT_STREQ(triage::band_label(Band::Medium, Lang::En), "Medium");
    EXPECT_STREQ(triage::band_label(Band::High, Lang::En), "High");
    EXPECT_STREQ(triage::band_label(Band::Low, Lang::Ru), "Низкий");
    EXPECT_STREQ(triage::band_label(Band::Medium, Lang::Ru), "Средний");
    EXPECT_STREQ(triage::band_label(Band::High, Lang::Ru), "Высокий");
    EXPECT_STREQ(triage::band_label(Band::Low, Lang::Fi), "Matala");
    EXPECT_STREQ(triage::band_label(Band::Medium, Lang::Fi), "Keskitaso");
    EXPECT_STREQ(triage::band_label(Band::High, Lang::Fi), "Korkea");
}

TEST(Risk, CostToServeFromMoney) {
    EXPECT_DOUBLE_EQ(triage::cost_to_serve_ratio(30, 100), 0.3);
    EXPECT_DOUBLE_EQ(triage::cost_to_serve_ratio(250, 100), 2.5);
    EXPECT_EQ(triage::cost_to_serve_ratio(0, 100), 0.0);
    // Profit <= 0: any cost exceeds it; no cost is no cost.
    EXPECT_EQ(triage::cost_to_serve_ratio(10, 0), triage::kCostExceedsProfit);
    EXPECT_EQ(triage::cost_to_serve_ratio(0.01, -500), triage::kCostExceedsProfit);
    EXPECT_EQ(triage::cost_to_serve_ratio(0, 0), 0.0);
    EXPECT_EQ(triage::cost_to_serve_ratio(0, -500), 0.0);
    // A ratio too large for a double is capped, not infinite.
    EXPECT_EQ(triage::cost_to_serve_ratio(1e300, 1e-300), triage::kCostExceedsProfit);
}

TEST(Risk, CostToServeWithoutProfitScoresFullRisk) {
    const double ratio = triage::cost_to_serve_ratio(10, -5);
    const RiskResult r = triage::risk_score(only(Signal::CostToServe, ratio));
    EXPECT_DOUBLE_EQ(r.score, 100.0);
    // Next to other signals it contributes its full weight: 100 x 3 / (3 + 3) = 50.
    SignalValues v = only(Signal::CostToServe, ratio);
    v[triage::signal_index(Signal::DaysLate)] = 0;
    EXPECT_NEAR(triage::risk_score(v).score, 50.0, 1e-9);
    // Zero cost with no profit is a ratio of 0: no risk from cost to serve.
    EXPECT_EQ(
        triage::risk_score(only(Signal::CostToServe, triage::cost_to_serve_ratio(0, -5))).score,
        0.0);
}

TEST(Risk, CostToServeRejectsBadMoney) {
    const std::string message = invalid_message([] { triage::cost_to_serve_ratio(-1, 100); });
    EXPECT_NE(message.find("service cost"), std::string::npos) << message;
    EXPECT_NE(message.find("negative"), std::string::npos) << message;
    EXPECT_THROW(triage::cost_to_serve_ratio(std::nan(""), 100), triage::InvalidInput);
    EXPECT_THROW(triage::cost_to_serve_ratio(kInf, 100), triage::InvalidInput);
    EXPECT_THROW(triage::cost_to_serve_ratio(5, std::nan("")), triage::InvalidInput);
    EXPECT_THROW(triage::cost_to_serve_ratio(5, -kInf), triage::InvalidInput);
}

TEST(Risk, PropertyContributionsAddUpAndScoreStaysInRange) {
    std::mt19937 rng(20240611);
    std::uniform_real_distribution<double> magnitude(0.0, 1.0);
    std::uniform_int_distribution<int> kind(0, 5);
    const triage::RiskRules rules = triage::default_risk_rules();
    for (int round = 0; round < 20000; ++round) {
        SignalValues v{};
        for (Signal s : triage::kAllSignals) {
            const double bad = rules[triage::signal_index(s)].bad;
            switch (kind(rng)) {
            case 0: // missing
                break;
            case 1: // zero
                v[triage::signal_index(s)] = 0.0;
                break;
            case 2: // far above bad
                v[triage::signal_index(s)] = bad * (1.0 + 1e6 * magnitude(rng));
                break;
            default: // around the good..bad range
                v[triage::signal_index(s)] = 1.5 * bad * magnitude(rng);
                break;
            }
        }
        bool any = false;
        for (const auto& x : v) {
            any = any || x.has_value();
        }
        if (!any) {
            EXPECT_THROW(triage::risk_score(v), triage::InvalidInput);
            continue;
        }
        const RiskResult r = triage::risk_score(v);
        ASSERT_GE(r.score, 0.0);
        ASSERT_LE(r.score, 100.0);
        double sum = 0;
        double weight_sum = 0;
        double weighted = 0;
        for (Signal s : triage::kAllSignals) {
            const std::size_t i = triage::signal_index(s);
            ASSERT_EQ(r.given[i], v[i].has_value());
            ASSERT_GE(r.points[i], 0.0);
            if (!v[i]) {
                ASSERT_EQ(r.points[i], 0.0);
                continue;
            }
            sum += r.points[i];
            weight_sum += rules[i].weight;
            weighted += rules[i].weight * triage::sub_score(*v[i], rules[i]);
        }
        ASSERT_NEAR(sum, r.score, 1e-9);
        ASSERT_NEAR(r.score, 100.0 * weighted / weight_sum, 1e-9);
        ASSERT_NO_THROW(triage::risk_band(r.score));
    }
}

} // namespace
