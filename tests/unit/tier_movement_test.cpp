#include "core/error.hpp"
#include "core/rules.hpp"
#include "core/tier_movement.hpp"
#include "core/values.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace {

using triage::Tier;

TEST(TierMovement, TextsInTheThreeLanguages) {
    EXPECT_EQ(triage::movement_text(Tier::A, Tier::B, triage::Lang::En), "A -> B");
    EXPECT_EQ(triage::movement_text(std::nullopt, Tier::A, triage::Lang::En), "new -> A");
    EXPECT_EQ(triage::movement_text(Tier::B, std::nullopt, triage::Lang::En), "B -> lost");
    EXPECT_EQ(triage::movement_text(Tier::B, std::nullopt, triage::Lang::Ru), "B -> ушёл");
    EXPECT_EQ(triage::movement_text(std::nullopt, Tier::C, triage::Lang::Fi), "uusi -> C");
    EXPECT_EQ(triage::movement_text(std::nullopt, std::nullopt, triage::Lang::En), "");
}

TEST(TierMovement, MovedDownIsAnAOrBClientGoingLowerOrLost) {
    EXPECT_TRUE(triage::moved_down(Tier::A, Tier::B));
    EXPECT_TRUE(triage::moved_down(Tier::B, Tier::D));
    EXPECT_TRUE(triage::moved_down(Tier::A, std::nullopt));
    EXPECT_FALSE(triage::moved_down(Tier::A, Tier::A));
    EXPECT_FALSE(triage::moved_down(Tier::B, Tier::A));
    EXPECT_FALSE(triage::moved_down(Tier::C, Tier::D)); // not a client to act on first
    EXPECT_FALSE(triage::moved_down(std::nullopt, Tier::C));
}

// Each period is tiered over its own population (the spec's example: 50, 30, 10, 5, 3, 2 is
// A A B B B C), and the matrix's rows and columns add up to each period's clients.
TEST(TierMovement, EachPeriodOverItsOwnPopulation) {
    const std::vector<std::optional<double>> before = {50, 30, 10, 5, 3, 2, std::nullopt};
    const std::vector<std::optional<double>> now = {2, 30, std::nullopt, 5, 50, 3, 10};
    const triage::TierMovements m = triage::tier_movements(before, now);
    EXPECT_EQ(triage::movement_text(m.before[0], m.now[0], triage::Lang::En), "A -> C");
    EXPECT_EQ(triage::movement_text(m.before[2], m.now[2], triage::Lang::En), "B -> lost");
    EXPECT_EQ(triage::movement_text(m.before[6], m.now[6], triage::Lang::En), "new -> B");
    EXPECT_EQ(triage::movement_text(m.before[4], m.now[4], triage::Lang::En), "B -> A");
    std::size_t before_clients = 0, now_clients = 0;
    for (std::size_t r = 0; r < triage::kMovementSize; ++r) {
        for (std::size_t c = 0; c < triage::kMovementSize; ++c) {
            before_clients += r < 4 ? m.matrix.clients[r][c] : 0;
            now_clients += c < 4 ? m.matrix.clients[r][c] : 0;
        }
    }
    EXPECT_EQ(before_clients, 6u);
    EXPECT_EQ(now_clients, 6u);
    EXPECT_EQ(m.matrix.clients[0][2], 1u); // A -> C
    EXPECT_EQ(m.matrix.value[0][2], 2);    // its value now
    EXPECT_EQ(m.matrix.clients[1][4], 1u); // B -> lost
    EXPECT_EQ(m.matrix.value[1][4], 10);   // its value before
    EXPECT_EQ(m.matrix.clients[4][1], 1u); // new -> B
}

TEST(TierMovement, BadInputIsRejected) {
    EXPECT_THROW(triage::tier_movements({1.0}, {1.0, 2.0}), triage::InvalidInput);
    EXPECT_THROW(triage::tier_movements({NAN}, {1.0}), triage::InvalidInput);
    EXPECT_THROW(triage::tier_movements({1.0}, {1.0}, {1.5, 0.8}), triage::InvalidInput);
}

} // namespace

namespace {

// The last 12 months to the analysis date (2026-06-30) are 2025-07-01 .. 2026-06-30, the 12
// before them 2024-07-01 .. 2025-06-30; orders outside both do not count.
TEST(TierMovement, PeriodProfitsFromDatedOrders) {
    const auto on = [](int y, int m, int d) { return triage::serial_from_civil(y, m, d); };
    const std::vector<triage::Purchase> orders = {
        {0, on(2024, 7, 1), 100, 10}, {0, on(2025, 6, 30), 100, 5}, {0, on(2025, 7, 1), 100, 7},
        {1, on(2026, 6, 30), 50, 3},  {1, on(2026, 7, 1), 50, 100}, {2, on(2024, 6, 30), 1, 99},
        {2, on(2025, 1, 15), 20, -4}};
    const triage::PeriodProfits p = triage::period_profits(orders, 4, on(2026, 6, 30));
    EXPECT_EQ(p.now_from, on(2025, 7, 1));
    EXPECT_EQ(p.before_from, on(2024, 7, 1));
    EXPECT_EQ(p.before[0], 15.0);
    EXPECT_EQ(p.now[0], 7.0);
    EXPECT_FALSE(p.before[1]);
    EXPECT_EQ(p.now[1], 3.0); // the order after the analysis date does not count
    EXPECT_EQ(p.before[2], -4.0);
    EXPECT_FALSE(p.now[2]);
    EXPECT_FALSE(p.before[3]);
    // A day the earlier month lacks: the month to 2026-03-30 starts the day after the analysis
    // date (03-31) less a month, 02-31, that is 02-28.
    const triage::PeriodProfits m = triage::period_profits(orders, 4, on(2026, 3, 30), 1);
    EXPECT_EQ(triage::iso_date(m.now_from), "2026-02-28");
    EXPECT_EQ(triage::iso_date(m.before_from), "2026-01-31");
    EXPECT_THROW(triage::period_profits(orders, 4, on(2026, 6, 30), 0), triage::InvalidInput);
}

TEST(TierMovement, TheRulesCarryTheMonths) {
    EXPECT_EQ(triage::default_rules().movement_months, 12);
    const triage::RuleSet r = triage::parse_rules(R"({"movement": {"months": 6}})");
    EXPECT_EQ(r.movement_months, 6);
    EXPECT_EQ(triage::parse_rules(triage::rules_to_json(r)).movement_months, 6);
    EXPECT_THROW(triage::parse_rules(R"({"movement": {"months": 0}})"), triage::InvalidInput);
    EXPECT_THROW(triage::parse_rules(R"({"movement": {"months": 1.5}})"), triage::InvalidInput);
}

} // namespace

namespace {

TEST(TierMovement, SlippingClientsAreTheAThenTheBThatMovedDown) {
    triage::TierMovements m;
    m.before = {Tier::B, Tier::A, Tier::A, Tier::C, std::nullopt, Tier::B, Tier::A};
    m.now = {Tier::C, Tier::A, std::nullopt, Tier::D, Tier::A, Tier::A, Tier::B};
    EXPECT_EQ(triage::slipping_clients(m), (std::vector<std::size_t>{2, 6, 0}));
    EXPECT_NE(triage::movement_label(triage::MovementText::Slipping, 6, triage::Lang::En)
                  .find("in the last 6 months"),
              std::string::npos);
}

} // namespace
