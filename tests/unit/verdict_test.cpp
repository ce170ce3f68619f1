#include "core/error.hpp"
#include "core/verdict.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>
#include <string>

namespace {

using triage::Band;
using triage::Lang;
using triage::Signal;
using triage::Tier;
using triage::Verdict;

constexpr Lang kLangs[] = {Lang::En, Lang::Ru, Lang::Fi};

TEST(Verdict, TierByBandTable) {
    struct Cell {
        Tier tier;
        Band band;
        Verdict verdict;
    };
    const Cell cells[] = {
        {Tier::A, Band::Low, Verdict::Keep},
        {Tier::A, Band::Medium, Verdict::Keep},
        {Tier::A, Band::High, Verdict::Renegotiate},
        {Tier::B, Band::Low, Verdict::Grow},
        {Tier::B, Band::Medium, Verdict::Renegotiate},
        {Tier::B, Band::High, Verdict::Renegotiate},
        {Tier::C, Band::Low, Verdict::LowTouch},
        {Tier::C, Band::Medium, Verdict::Renegotiate},
        {Tier::C, Band::High, Verdict::LetGo},
        {Tier::D, Band::Low, Verdict::Renegotiate},
        {Tier::D, Band::Medium, Verdict::LetGo},
        {Tier::D, Band::High, Verdict::LetGo},
    };
    for (const Cell& c : cells) {
        SCOPED_TRACE(std::string(1, triage::tier_letter(c.tier)) + " " +
                     triage::band_label(c.band, Lang::En));
        EXPECT_EQ(triage::verdict_for(c.tier, c.band), c.verdict);
        // Recent clients (not lapsed) follow the table too.
        EXPECT_EQ(triage::verdict_for(c.tier, c.band, 10.0, 30.0), c.verdict);
        EXPECT_EQ(triage::verdict_for(c.tier, c.band, 10.0), c.verdict);
    }
}

TEST(Verdict, WinBackOverridesForLapsedTierAOrBUnlessHighRisk) {
    // 100 days since the last order, usually every 30: lapsed.
    EXPECT_EQ(triage::verdict_for(Tier::A, Band::Low, 100, 30), Verdict::WinBack);
    EXPECT_EQ(triage::verdict_for(Tier::A, Band::Medium, 100, 30), Verdict::WinBack);
    EXPECT_EQ(triage::verdict_for(Tier::A, Band::High, 100, 30), Verdict::Renegotiate);
    EXPECT_EQ(triage::verdict_for(Tier::B, Band::Low, 100, 30), Verdict::WinBack);
    EXPECT_EQ(triage::verdict_for(Tier::B, Band::Medium, 100, 30), Verdict::WinBack);
    EXPECT_EQ(triage::verdict_for(Tier::B, Band::High, 100, 30), Verdict::Renegotiate);
    // Tiers C and D are never won back.
    EXPECT_EQ(triage::verdict_for(Tier::C, Band::Low, 100, 30), Verdict::LowTouch);
    EXPECT_EQ(triage::verdict_for(Tier::C, Band::Medium, 100, 30), Verdict::Renegotiate);
    EXPECT_EQ(triage::verdict_for(Tier::D, Band::Low, 1000, 30), Verdict::Renegotiate);
    EXPECT_EQ(triage::verdict_for(Tier::D, Band::High, 1000), Verdict::LetGo);
}

TEST(Verdict, WinBackWithoutAUsualInterval) {
    EXPECT_EQ(triage::verdict_for(Tier::A, Band::Low, 181), Verdict::WinBack);
    EXPECT_EQ(triage::verdict_for(Tier::A, Band::Low, 180), Verdict::Keep);
    EXPECT_EQ(triage::verdict_for(Tier::B, Band::Medium, 181, std::nullopt), Verdict::WinBack);
    EXPECT_EQ(triage::verdict_for(Tier::B, Band::Low, 180, std::nullopt), Verdict::Grow);
    // No days since the last order: never lapsed.
    EXPECT_EQ(triage::verdict_for(Tier::A, Band::Low, std::nullopt, 30), Verdict::Keep);
}

TEST(Verdict, LapsedIsStrictlyMoreThanTwiceTheUsualInterval) {
    EXPECT_FALSE(triage::is_lapsed(60, 30)); // exactly 2x
    EXPECT_TRUE(triage::is_lapsed(60.5, 30));
    EXPECT_TRUE(triage::is_lapsed(61, 30));
    EXPECT_FALSE(triage::is_lapsed(0, 30));
    // A known interval wins over the 180-day rule in both directions.
    EXPECT_TRUE(triage::is_lapsed(100, 30));
    EXPECT_FALSE(triage::is_lapsed(250, 150));
    EXPECT_TRUE(triage::is_lapsed(301, 150));
    EXPECT_FALSE(triage::is_lapsed(300, 150));
}

TEST(Verdict, LapsedWithAnUnknownIntervalIsMoreThan180Days) {
    EXPECT_FALSE(triage::is_lapsed(180));
    EXPECT_TRUE(triage::is_lapsed(180.01));
    EXPECT_TRUE(triage::is_lapsed(181, std::nullopt));
    // An interval of 0 (one order, or all orders on one day) counts as unknown.
    EXPECT_FALSE(triage::is_lapsed(180, 0.0));
    EXPECT_TRUE(triage::is_lapsed(181, 0.0));
    EXPECT_EQ(triage::verdict_for(Tier::A, Band::Medium, 181, 0.0), Verdict::WinBack);
    EXPECT_EQ(triage::verdict_for(Tier::A, Band::Medium, 179, 0.0), Verdict::Keep);
    EXPECT_FALSE(triage::is_lapsed(std::nullopt, std::nullopt));
    EXPECT_FALSE(triage::is_lapsed(std::nullopt, 5.0));
}

TEST(Verdict, InvalidDaysAreRejected) {
    const double nan = std::nan("");
    const double inf = std::numeric_limits<double>::infinity();
    for (double bad : {-1.0, -0.001, nan, inf, -inf}) {
        EXPECT_THROW(triage::is_lapsed(bad, 30.0), triage::InvalidInput) << bad;
        EXPECT_THROW(triage::is_lapsed(100.0, bad), triage::InvalidInput) << bad;
        EXPECT_THROW(triage::verdict_for(Tier::A, Band::Low, bad), triage::InvalidInput) << bad;
        EXPECT_THROW(triage::verdict_for(Tier::C, Band::Low, 10.0, bad), triage::InvalidInput)
            << bad;
    }
    try {
        triage::is_lapsed(-5.0, 30.0);
        FAIL() << "no exception";
    } catch (const triage::InvalidInput& e) {
        EXPECT_NE(std::string(e.what()).find("days since the last order"), std::string::npos);
    }
}

TEST(Verdict, LabelsAreTheSpecs) {
    struct Row {
        Verdict verdict;
        const char* en;
        const char* ru;
        const char* fi;
    };
    const Row rows[] = {
        {Verdict::Keep, "Keep", "Удержать", "Pidä"},
        {Verdict::Grow, "Grow", "Развивать", "Kasvata"},
        {Verdict::LowTouch, "Low-touch", "Автоматизировать", "Kevyt palvelu"},
        {Verdict::Renegotiate, "Renegotiate", "Пересмотреть условия", "Neuvottele ehdot"},
        {Verdict::WinBack, "Win back", "Вернуть", "Voita takaisin"},
        {Verdict::LetGo, "Let go", "Отпустить", "Päästä irti"},
    };
    for (const Row& r : rows) {
        EXPECT_STREQ(triage::verdict_label(r.verdict, Lang::En), r.en);
        EXPECT_STREQ(triage::verdict_label(r.verdict, Lang::Ru), r.ru);
        EXPECT_STREQ(triage::verdict_label(r.verdict, Lang::Fi), r.fi);
    }
}

TEST(Verdict, LabelsRoundTripInEveryLanguage) {
    for (Verdict v : triage::kAllVerdicts) {
        for (Lang lang : kLangs) {
            EXPECT_EQ(triage::parse_verdict(triage::verdict_label(v, lang)), v)
                << triage::verdict_label(v, lang);
        }
        EXPECT_EQ(triage::parse_verdict(triage::verdict_key(v)), v) << triage::verdict_key(v);
    }
}

TEST(Verdict, ParseIgnoresCaseIncludingCyrillicAndFinnishLetters) {
    EXPECT_EQ(triage::parse_verdict("KEEP"), Verdict::Keep);
    EXPECT_EQ(triage::parse_verdict("keep"), Verdict::Keep);
    EXPECT_EQ(triage::parse_verdict("УДЕРЖАТЬ"), Verdict::Keep);
    EXPECT_EQ(triage::parse_verdict("удержать"), Verdict::Keep);
    EXPECT_EQ(triage::parse_verdict("ПЕРЕСМОТРЕТЬ УСЛОВИЯ"), Verdict::Renegotiate);
    EXPECT_EQ(triage::parse_verdict("пересмотреть условия"), Verdict::Renegotiate);
    EXPECT_EQ(triage::parse_verdict("оТПУСТИТЬ"), Verdict::LetGo);
    EXPECT_EQ(triage::parse_verdict("АВТОМАТИЗИРОВАТЬ"), Verdict::LowTouch);
    EXPECT_EQ(triage::parse_verdict("PÄÄSTÄ IRTI"), Verdict::LetGo);
    EXPECT_EQ(triage::parse_verdict("päästä irti"), Verdict::LetGo);
    EXPECT_EQ(triage::parse_verdict("PIDÄ"), Verdict::Keep);
    EXPECT_EQ(triage::parse_verdict("KEVYT PALVELU"), Verdict::LowTouch);
    EXPECT_EQ(triage::parse_verdict("voita TAKAISIN"), Verdict::WinBack);
}

TEST(Verdict, ParseToleratesSpacesAndHyphens) {
    EXPECT_EQ(triage::parse_verdict("  Keep  "), Verdict::Keep);
    EXPECT_EQ(triage::parse_verdict("\tGrow\r\n"), Verdict::Grow);
    EXPECT_EQ(triage::parse_verdict("low touch"), Verdict::LowTouch);
    EXPECT_EQ(triage::parse_verdict("lowtouch"), Verdict::LowTouch);
    EXPECT_EQ(triage::parse_verdict("Low_Touch"), Verdict::LowTouch);
    EXPECT_EQ(triage::parse_verdict("win-back"), Verdict::WinBack);
    EXPECT_EQ(triage::parse_verdict("WINBACK"), Verdict::WinBack);
    EXPECT_EQ(triage::parse_verdict("let\xC2\xA0go"), Verdict::LetGo); // no-break space
    EXPECT_EQ(triage::parse_verdict(" пересмотреть  условия "), Verdict::Renegotiate);
}

TEST(Verdict, ParseRejectsAnythingElse) {
    EXPECT_EQ(triage::parse_verdict(""), std::nullopt);
    EXPECT_EQ(triage::parse_verdict("   "), std::nullopt);
    EXPECT_EQ(triage::parse_verdict("-"), std::nullopt);
    EXPECT_EQ(triage::parse_verdict("Keeps"), std::nullopt);
    EXPECT_EQ(triage::parse_verdict("A"), std::nullopt);
    EXPECT_EQ(triage::parse_verdict("Удержать!"), std::nullopt);
    // Malformed UTF-8 is simply not a label.
    EXPECT_EQ(triage::parse_verdict("\xFF\xFE"), std::nullopt);
    EXPECT_EQ(triage::parse_verdict("\xD0"), std::nullopt);
    EXPECT_EQ(triage::parse_verdict("Keep\xE2\x82"), std::nullopt);
    EXPECT_EQ(triage::parse_verdict(std::string_view("Keep\0", 5)), std::nullopt);
}

TEST(Verdict, GenericNextStepsAreTheSpecs) {
    EXPECT_STREQ(triage::generic_next_step(Verdict::Keep, Lang::En),
                 "protect: priority service, a personal manager, regular check-ins");
    EXPECT_STREQ(triage::generic_next_step(Verdict::Grow, Lang::En),
                 "develop: offer more products and services, aim for tier A");
    EXPECT_STREQ(triage::generic_next_step(Verdict::LowTouch, Lang::En),
                 "automate: self-service and e-mail offers, no personal time");
    EXPECT_STREQ(triage::generic_next_step(Verdict::WinBack, Lang::En),
                 "call personally: find what changed (lost contact, a broken promise, a lower "
                 "price elsewhere), offer a targeted bonus");
    EXPECT_STREQ(triage::generic_next_step(Verdict::LetGo, Lang::En),
                 "part politely through the usual channel: explain the mismatch, suggest an "
                 "alternative, settle open items");
    // Renegotiate's generic step stands alone in a cell (CLIENT_ACTION): no "see below".
    const std::string renegotiate = triage::generic_next_step(Verdict::Renegotiate, Lang::En);
    EXPECT_EQ(renegotiate.rfind("change the terms", 0), 0u);
    EXPECT_EQ(renegotiate.find("see below"), std::string::npos);
    EXPECT_STREQ(triage::generic_next_step(Verdict::Keep, Lang::Ru),
                 "беречь: приоритетное обслуживание, персональный менеджер, регулярные "
                 "контакты");
    EXPECT_STREQ(triage::generic_next_step(Verdict::LetGo, Lang::Fi),
                 "eroa kohteliaasti tutun yhteyskanavan kautta: kerro, miksi yhteistyö ei "
                 "sovi, ehdota vaihtoehtoa, hoida avoimet asiat");
}

TEST(Verdict, SpecificNextStepsAreTheSpecs) {
    const auto en = [](std::optional<Signal> s) {
        return std::string(triage::specific_next_step(s, Lang::En));
    };
    EXPECT_EQ(en(Signal::DaysLate),
              "prepayment of 30-50%, no deferred payment, pause work while invoices are overdue");
    EXPECT_EQ(en(Signal::ReturnRate), "tighter return terms, the client pays return shipping");
    EXPECT_EQ(en(Signal::Complaints),
              "one contact person and a clear escalation path; written scope");
    EXPECT_EQ(en(Signal::DiscountShare),
              "no extra discounts; loyalty benefits only on full-price orders");
    EXPECT_EQ(en(Signal::CostToServe),
              "tiered service levels: extra support hours, delivery and set-up are paid");
    EXPECT_EQ(en(Signal::ApprovalDays),
              "deadlines tied to approvals in the contract; work pauses while waiting");
    EXPECT_EQ(en(Signal::ScopeCreep), "fixed scope, paid change requests");
    EXPECT_EQ(en(Signal::RushShare), "a rush surcharge and published lead times");
    EXPECT_EQ(en(std::nullopt), "raise the minimum order, remove free extras (delivery, "
                                "set-up, warranty), review the price");
    EXPECT_STREQ(triage::specific_next_step(Signal::ScopeCreep, Lang::Ru),
                 "фиксированный объём работ, платные изменения");
    EXPECT_STREQ(triage::specific_next_step(Signal::ScopeCreep, Lang::Fi),
                 "kiinteä laajuus, maksulliset muutospyynnöt");
}

TEST(Verdict, EveryTextExistsInEveryLanguageAndIsTranslated) {
    std::set<std::string> seen;
    const auto check = [&](const char* en, const char* ru, const char* fi) {
        ASSERT_NE(en, nullptr);
        ASSERT_NE(ru, nullptr);
        ASSERT_NE(fi, nullptr);
        EXPECT_FALSE(std::string(en).empty());
        EXPECT_NE(std::string(en), std::string(ru));
        EXPECT_NE(std::string(en), std::string(fi));
        EXPECT_NE(std::string(ru), std::string(fi));
        for (const char* t : {en, ru, fi}) {
            EXPECT_TRUE(seen.insert(t).second) << "duplicate text: " << t;
        }
    };
    for (Verdict v : triage::kAllVerdicts) {
        check(triage::verdict_label(v, Lang::En), triage::verdict_label(v, Lang::Ru),
              triage::verdict_label(v, Lang::Fi));
        check(triage::generic_next_step(v, Lang::En), triage::generic_next_step(v, Lang::Ru),
              triage::generic_next_step(v, Lang::Fi));
    }
    for (Signal s : triage::kAllSignals) {
        check(triage::specific_next_step(s, Lang::En), triage::specific_next_step(s, Lang::Ru),
              triage::specific_next_step(s, Lang::Fi));
    }
    check(triage::specific_next_step(std::nullopt, Lang::En),
          triage::specific_next_step(std::nullopt, Lang::Ru),
          triage::specific_next_step(std::nullopt, Lang::Fi));
}

TEST(Verdict, NextStepForRenegotiateIsTheTopSignalsStep) {
    EXPECT_EQ(triage::next_step(Verdict::Renegotiate, Signal::DaysLate, Lang::En),
              "prepayment of 30-50%, no deferred payment, pause work while invoices are overdue");
    EXPECT_EQ(triage::next_step(Verdict::Renegotiate, std::nullopt, Lang::En),
              "raise the minimum order, remove free extras (delivery, set-up, warranty), "
              "review the price");
    EXPECT_EQ(triage::next_step(Verdict::Renegotiate, Signal::RushShare, Lang::Ru),
              "наценка за срочность и опубликованные сроки выполнения");
}

TEST(Verdict, NextStepForOtherVerdictsIsGenericWithAHint) {
    EXPECT_EQ(triage::next_step(Verdict::Keep, std::nullopt, Lang::En),
              "protect: priority service, a personal manager, regular check-ins");
    EXPECT_EQ(triage::next_step(Verdict::Keep, Signal::ScopeCreep, Lang::En),
              "protect: priority service, a personal manager, regular check-ins. Also: fixed "
              "scope, paid change requests");
    EXPECT_EQ(triage::next_step(Verdict::Grow, Signal::ScopeCreep, Lang::Ru),
              "развивать: предлагать больше товаров и услуг, цель — категория A. Также: "
              "фиксированный объём работ, платные изменения");
    EXPECT_EQ(triage::next_step(Verdict::LowTouch, Signal::ScopeCreep, Lang::Fi),
              "automatisoi: itsepalvelu ja sähköpostitarjoukset, ei henkilökohtaista aikaa. "
              "Lisäksi: kiinteä laajuus, maksulliset muutospyynnöt");
    for (Verdict v : triage::kAllVerdicts) {
        for (Lang lang : kLangs) {
            if (v == Verdict::Renegotiate) {
                continue;
            }
            EXPECT_EQ(triage::next_step(v, std::nullopt, lang), triage::generic_next_step(v, lang));
            const std::string hinted = triage::next_step(v, Signal::Complaints, lang);
            EXPECT_EQ(hinted.rfind(triage::generic_next_step(v, lang), 0), 0u);
            const std::string specific = triage::specific_next_step(Signal::Complaints, lang);
            EXPECT_EQ(hinted.substr(hinted.size() - specific.size()), specific);
        }
    }
}

TEST(Verdict, KeysAreStable) {
    EXPECT_STREQ(triage::verdict_key(Verdict::Keep), "keep");
    EXPECT_STREQ(triage::verdict_key(Verdict::Grow), "grow");
    EXPECT_STREQ(triage::verdict_key(Verdict::LowTouch), "low_touch");
    EXPECT_STREQ(triage::verdict_key(Verdict::Renegotiate), "renegotiate");
    EXPECT_STREQ(triage::verdict_key(Verdict::WinBack), "win_back");
    EXPECT_STREQ(triage::verdict_key(Verdict::LetGo), "let_go");
}

} // namespace
