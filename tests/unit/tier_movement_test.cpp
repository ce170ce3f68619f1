#include "core/error.hpp"
#include "core/tier_movement.hpp"

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
