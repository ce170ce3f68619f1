#include "core/reasons.hpp"
#include "core/risk.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace {

using triage::Lang;
using triage::Reason;
using triage::RiskResult;
using triage::Signal;
using triage::SignalValues;

SignalValues values(std::initializer_list<std::pair<Signal, double>> given) {
    SignalValues v{};
    for (const auto& [s, x] : given) {
        v[triage::signal_index(s)] = x;
    }
    return v;
}

std::string describe(Signal s, double x, Lang lang) {
    return triage::describe_signal_value(s, x, lang);
}

TEST(Reasons, SpecExampleInEnglish) {
    const std::vector<Reason> reasons = {{Signal::DaysLate, 45, 17.3},
                                         {Signal::ReturnRate, 0.18, 4.2}};
    EXPECT_EQ(triage::format_reasons(reasons, Lang::En),
              "late payment 45 days (+17); returns 18% (+4)");
}

TEST(Reasons, SpecExampleInRussianAndFinnish) {
    const std::vector<Reason> reasons = {{Signal::DaysLate, 45, 17.3},
                                         {Signal::ReturnRate, 0.18, 4.2}};
    EXPECT_EQ(triage::format_reasons(reasons, Lang::Ru),
              "просрочка оплаты 45 дней (+17); возвраты 18% (+4)");
    EXPECT_EQ(triage::format_reasons(reasons, Lang::Fi),
              "maksuviive 45 päivää (+17); palautukset 18 % (+4)");
}

TEST(Reasons, EmptyWhenNothingContributes) {
    EXPECT_EQ(triage::format_reasons({}, Lang::En), "");
    const SignalValues v = values({{Signal::DaysLate, 0}, {Signal::ReturnRate, 0.05}});
    const RiskResult r = triage::risk_score(v);
    EXPECT_TRUE(triage::top_reasons(v, r).empty());
    EXPECT_EQ(triage::format_reasons(triage::top_reasons(v, r), Lang::Ru), "");
    EXPECT_FALSE(triage::top_signal(r).has_value());
}

TEST(Reasons, LargestFirstAtMostThree) {
    // W = 3 + 2 + 2 + 1 + 3 + 1 = 12. Points: days_late 45 -> 100 x 2.25 / 12 = 18.75;
    // return_rate 0.30 -> 100 x 2 / 12 = 16.67; complaints 3 -> 100 x 1 / 12 = 8.33;
    // discount_share 0.8 -> 100 x 1 / 12 = 8.33; cost_to_serve 0.2 -> 0;
    // rush_share 0.6 -> 100 x 1 / 12 = 8.33.
    const SignalValues v = values({{Signal::DaysLate, 45},
                                   {Signal::ReturnRate, 0.30},
                                   {Signal::Complaints, 3},
                                   {Signal::DiscountShare, 0.8},
                                   {Signal::CostToServe, 0.2},
                                   {Signal::RushShare, 0.6}});
    const RiskResult r = triage::risk_score(v);
    const std::vector<Reason> top = triage::top_reasons(v, r);
    ASSERT_EQ(top.size(), 3u);
    EXPECT_EQ(top[0].signal, Signal::DaysLate);
    EXPECT_EQ(top[0].value, 45);
    EXPECT_NEAR(top[0].points, 18.75, 1e-9);
    EXPECT_EQ(top[1].signal, Signal::ReturnRate);
    EXPECT_EQ(top[2].signal, Signal::Complaints);
    EXPECT_EQ(triage::format_reasons(top, Lang::En),
              "late payment 45 days (+19); returns 30% (+17); 3 complaints (+8)");
    EXPECT_EQ(triage::top_signal(r), Signal::DaysLate);

    // All contributing signals: the three-way tie of complaints, discount_share and
    // rush_share (8.33 each) keeps the table order; cost_to_serve (0 points) is not a reason.
    const std::vector<Reason> all = triage::top_reasons(v, r, 10);
    ASSERT_EQ(all.size(), 5u);
    EXPECT_EQ(all[2].signal, Signal::Complaints);
    EXPECT_EQ(all[3].signal, Signal::DiscountShare);
    EXPECT_EQ(all[4].signal, Signal::RushShare);
    EXPECT_EQ(all[2].points, all[3].points);
    EXPECT_EQ(all[3].points, all[4].points);
    EXPECT_EQ(triage::top_reasons(v, r, 0).size(), 0u);
    EXPECT_EQ(triage::top_reasons(v, r, 1).size(), 1u);
}

TEST(Reasons, TieForTheTopSignalGoesToTheTableOrder) {
    // return_rate and complaints both at bad with weight 2: equal points.
    const SignalValues v = values({{Signal::Complaints, 6}, {Signal::ReturnRate, 0.3}});
    const RiskResult r = triage::risk_score(v);
    EXPECT_EQ(triage::top_signal(r), Signal::ReturnRate);
    EXPECT_EQ(triage::top_reasons(v, r, 1)[0].signal, Signal::ReturnRate);
}

TEST(Reasons, EveryUnitInEnglish) {
    EXPECT_EQ(describe(Signal::DaysLate, 45, Lang::En), "late payment 45 days");
    EXPECT_EQ(describe(Signal::DaysLate, 1, Lang::En), "late payment 1 day");
    EXPECT_EQ(describe(Signal::DaysLate, 12.26, Lang::En), "late payment 12.3 days");
    EXPECT_EQ(describe(Signal::DaysLate, 1.04, Lang::En), "late payment 1 day");
    EXPECT_EQ(describe(Signal::ReturnRate, 0.125, Lang::En), "returns 12.5%");
    EXPECT_EQ(describe(Signal::ReturnRate, 1.5, Lang::En), "returns 150%");
    EXPECT_EQ(describe(Signal::Complaints, 1, Lang::En), "1 complaint");
    EXPECT_EQ(describe(Signal::Complaints, 4, Lang::En), "4 complaints");
    EXPECT_EQ(describe(Signal::DiscountShare, 0.6, Lang::En), "discount purchases 60%");
    EXPECT_EQ(describe(Signal::CostToServe, 0.45, Lang::En), "cost to serve 0.45 of profit");
    EXPECT_EQ(describe(Signal::CostToServe, 1.5, Lang::En), "cost to serve 1.5 of profit");
    EXPECT_EQ(describe(Signal::ApprovalDays, 12, Lang::En), "approvals take 12 days");
    EXPECT_EQ(describe(Signal::ScopeCreep, 0.35, Lang::En), "unpaid extra work 0.35 of contract");
    EXPECT_EQ(describe(Signal::RushShare, 0.3, Lang::En), "rush orders 30%");
}

TEST(Reasons, EveryUnitInRussian) {
    EXPECT_EQ(describe(Signal::ReturnRate, 0.125, Lang::Ru), "возвраты 12,5%");
    EXPECT_EQ(describe(Signal::DiscountShare, 0.6, Lang::Ru), "покупки со скидкой 60%");
    EXPECT_EQ(describe(Signal::CostToServe, 0.45, Lang::Ru),
              "затраты на обслуживание 0,45 от прибыли");
    EXPECT_EQ(describe(Signal::ApprovalDays, 12, Lang::Ru), "согласование занимает 12 дней");
    EXPECT_EQ(describe(Signal::ScopeCreep, 0.35, Lang::Ru),
              "бесплатные доработки 0,35 от договора");
    EXPECT_EQ(describe(Signal::RushShare, 0.3, Lang::Ru), "срочные заказы 30%");
}

TEST(Reasons, EveryUnitInFinnish) {
    EXPECT_EQ(describe(Signal::DaysLate, 1, Lang::Fi), "maksuviive 1 päivä");
    EXPECT_EQ(describe(Signal::DaysLate, 2.5, Lang::Fi), "maksuviive 2,5 päivää");
    EXPECT_EQ(describe(Signal::ReturnRate, 0.125, Lang::Fi), "palautukset 12,5 %");
    EXPECT_EQ(describe(Signal::Complaints, 1, Lang::Fi), "1 valitus");
    EXPECT_EQ(describe(Signal::Complaints, 4, Lang::Fi), "4 valitusta");
    EXPECT_EQ(describe(Signal::DiscountShare, 0.6, Lang::Fi), "alennusostot 60 %");
    EXPECT_EQ(describe(Signal::CostToServe, 0.45, Lang::Fi), "palvelukulut 0,45 katteesta");
    EXPECT_EQ(describe(Signal::ApprovalDays, 12, Lang::Fi), "hyväksyntä kestää 12 päivää");
    EXPECT_EQ(describe(Signal::ScopeCreep, 0.35, Lang::Fi), "maksuton lisätyö 0,35 sopimuksesta");
    EXPECT_EQ(describe(Signal::RushShare, 0.3, Lang::Fi), "kiiretilaukset 30 %");
}

TEST(Reasons, RussianPluralOfDays) {
    const auto days = [](double n) { return describe(Signal::DaysLate, n, Lang::Ru); };
    EXPECT_EQ(days(1), "просрочка оплаты 1 день");
    EXPECT_EQ(days(2), "просрочка оплаты 2 дня");
    EXPECT_EQ(days(4), "просрочка оплаты 4 дня");
    EXPECT_EQ(days(5), "просрочка оплаты 5 дней");
    EXPECT_EQ(days(11), "просрочка оплаты 11 дней");
    EXPECT_EQ(days(12), "просрочка оплаты 12 дней");
    EXPECT_EQ(days(14), "просрочка оплаты 14 дней");
    EXPECT_EQ(days(21), "просрочка оплаты 21 день");
    EXPECT_EQ(days(22), "просрочка оплаты 22 дня");
    EXPECT_EQ(days(45), "просрочка оплаты 45 дней");
    EXPECT_EQ(days(101), "просрочка оплаты 101 день");
    EXPECT_EQ(days(111), "просрочка оплаты 111 дней");
    EXPECT_EQ(days(4.5), "просрочка оплаты 4,5 дня");
    EXPECT_EQ(days(0.96), "просрочка оплаты 1 день"); // shown rounded, so singular
}

TEST(Reasons, RussianPluralOfComplaints) {
    const auto complaints = [](double n) { return describe(Signal::Complaints, n, Lang::Ru); };
    EXPECT_EQ(complaints(1), "1 жалоба");
    EXPECT_EQ(complaints(3), "3 жалобы");
    EXPECT_EQ(complaints(5), "5 жалоб");
    EXPECT_EQ(complaints(13), "13 жалоб");
    EXPECT_EQ(complaints(21), "21 жалоба");
    EXPECT_EQ(complaints(2.5), "2,5 жалобы");
}

TEST(Reasons, CostExceedingProfitIsSaidInWords) {
    const double ratio = triage::cost_to_serve_ratio(500, -20);
    EXPECT_EQ(describe(Signal::CostToServe, ratio, Lang::En), "cost to serve exceeds profit");
    EXPECT_EQ(describe(Signal::CostToServe, ratio, Lang::Ru),
              "затраты на обслуживание превышают прибыль");
    EXPECT_EQ(describe(Signal::CostToServe, ratio, Lang::Fi), "palvelukulut ylittävät katteen");
    const SignalValues v = values({{Signal::CostToServe, ratio}, {Signal::DaysLate, 0}});
    const RiskResult r = triage::risk_score(v);
    EXPECT_EQ(triage::format_reasons(triage::top_reasons(v, r), Lang::En),
              "cost to serve exceeds profit (+50)");
}

TEST(Reasons, PointsAreRoundedAndASmallContributionShowsBelowOne) {
    EXPECT_EQ(triage::format_reasons({{Signal::Complaints, 1, 0.4}}, Lang::En),
              "1 complaint (+<1)");
    EXPECT_EQ(triage::format_reasons({{Signal::Complaints, 1, 0.5}}, Lang::En), "1 complaint (+1)");
    EXPECT_EQ(triage::format_reasons({{Signal::Complaints, 6, 100}}, Lang::Fi),
              "6 valitusta (+100)");
    EXPECT_EQ(triage::format_reasons({{Signal::Complaints, 6, 99.5}}, Lang::Ru), "6 жалоб (+100)");
}

TEST(Reasons, EndToEndInThreeLanguages) {
    // W = 3 + 2 = 5: days_late 45 -> 100 x 2.25 / 5 = 45; return 0.18 -> 100 x 1.04 / 5 = 20.8.
    const SignalValues v = values({{Signal::DaysLate, 45}, {Signal::ReturnRate, 0.18}});
    const RiskResult r = triage::risk_score(v);
    const std::vector<Reason> top = triage::top_reasons(v, r);
    EXPECT_EQ(triage::format_reasons(top, Lang::En),
              "late payment 45 days (+45); returns 18% (+21)");
    EXPECT_EQ(triage::format_reasons(top, Lang::Ru),
              "просрочка оплаты 45 дней (+45); возвраты 18% (+21)");
    EXPECT_EQ(triage::format_reasons(top, Lang::Fi),
              "maksuviive 45 päivää (+45); palautukset 18 % (+21)");
}

TEST(Reasons, LabelsExistInEveryLanguage) {
    for (Signal s : triage::kAllSignals) {
        const std::string en = triage::signal_label(s, Lang::En);
        const std::string ru = triage::signal_label(s, Lang::Ru);
        const std::string fi = triage::signal_label(s, Lang::Fi);
        EXPECT_FALSE(en.empty());
        EXPECT_NE(en, ru);
        EXPECT_NE(en, fi);
    }
    EXPECT_STREQ(triage::signal_label(Signal::DaysLate, Lang::En), "late payment");
}

TEST(Reasons, PropertyReasonsAreTheLargestPositiveContributions) {
    std::mt19937 rng(99);
    std::uniform_real_distribution<double> share(0.0, 1.2);
    std::uniform_int_distribution<int> coin(0, 2);
    for (int round = 0; round < 5000; ++round) {
        SignalValues v{};
        for (Signal s : triage::kAllSignals) {
            if (coin(rng) != 0) {
                const double bad = triage::default_risk_rules()[triage::signal_index(s)].bad;
                v[triage::signal_index(s)] = bad * share(rng);
            }
        }
        v[0] = v[0].value_or(0.0);
        const RiskResult r = triage::risk_score(v);
        const std::vector<Reason> top = triage::top_reasons(v, r);
        int positive = 0;
        for (double p : r.points) {
            positive += p > 0 ? 1 : 0;
        }
        ASSERT_EQ(top.size(), static_cast<std::size_t>(std::min(positive, 3)));
        for (std::size_t k = 0; k < top.size(); ++k) {
            ASSERT_GT(top[k].points, 0.0);
            ASSERT_EQ(top[k].points, r.points[triage::signal_index(top[k].signal)]);
            ASSERT_EQ(top[k].value, *v[triage::signal_index(top[k].signal)]);
            if (k > 0) {
                ASSERT_GE(top[k - 1].points, top[k].points);
            }
        }
        if (!top.empty()) {
            ASSERT_EQ(triage::top_signal(r), top[0].signal);
            for (double p : r.points) {
                ASSERT_LE(p, top[0].points);
            }
        }
        const std::string text = triage::format_reasons(top, Lang::Ru);
        ASSERT_EQ(text.empty(), top.empty());
    }
}

} // namespace
