#include "core/batch.hpp"
#include "core/cadence.hpp"
#include "core/error.hpp"
#include "core/headers.hpp"
#include "core/risk.hpp"
#include "core/rules.hpp"
#include "core/tier.hpp"
#include "core/values.hpp"
#include "core/verdict.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

namespace {

using triage::Band;
using triage::BandLimits;
using triage::Field;
using triage::Lang;
using triage::RuleProblem;
using triage::RuleProblemKind;
using triage::RuleSet;
using triage::Signal;
using triage::Tier;
using triage::Verdict;

constexpr Lang kLangs[] = {Lang::En, Lang::Ru, Lang::Fi};

std::vector<RuleProblem> problems_of(const std::string& json) {
    const triage::RulesLoad load = triage::load_rules(json);
    EXPECT_EQ(load.ok(), load.problems.empty());
    EXPECT_EQ(load.rules.has_value(), load.problems.empty());
    return load.problems;
}

std::set<std::string> paths(const std::vector<RuleProblem>& problems) {
    std::set<std::string> out;
    for (const RuleProblem& p : problems) {
        out.insert(p.path);
    }
    return out;
}

const RuleProblem* at(const std::vector<RuleProblem>& problems, const std::string& path) {
    for (const RuleProblem& p : problems) {
        if (p.path == path) {
            return &p;
        }
    }
    return nullptr;
}

// Every message exists in the three languages, and they are not copies of one another.
void expect_localized(const std::vector<RuleProblem>& problems) {
    for (const RuleProblem& p : problems) {
        SCOPED_TRACE(p.path + ": " + p.message(Lang::En));
        for (Lang l : kLangs) {
            EXPECT_FALSE(p.message(l).empty());
        }
        EXPECT_NE(p.message(Lang::En), p.message(Lang::Ru));
        EXPECT_NE(p.message(Lang::En), p.message(Lang::Fi));
    }
}

std::vector<std::string> signal_keys() {
    std::vector<std::string> out;
    for (Signal s : triage::kAllSignals) {
        out.emplace_back(triage::signal_key(s));
    }
    return out;
}

// ---------------------------------------------------------------- defaults and inheritance

TEST(Rules, DefaultsAreTheSpecsValues) {
    const RuleSet r = triage::default_rules();
    EXPECT_EQ(r.shares.a, 0.8);
    EXPECT_EQ(r.shares.b, 0.8);
    const triage::SignalRule days = r.signals[triage::signal_index(Signal::DaysLate)];
    EXPECT_EQ(days.good, 0.0);
    EXPECT_EQ(days.bad, 60.0);
    EXPECT_EQ(days.weight, 3.0);
    const triage::SignalRule scope = r.signals[triage::signal_index(Signal::ScopeCreep)];
    EXPECT_EQ(scope.good, 0.10);
    EXPECT_EQ(scope.bad, 0.50);
    EXPECT_EQ(scope.weight, 2.0);
    EXPECT_EQ(r.bands.medium_from, 30.0);
    EXPECT_EQ(r.bands.high_from, 60.0);
    EXPECT_EQ(r.verdicts.table[0][2], Verdict::Renegotiate); // A high
    EXPECT_EQ(r.verdicts.table[1][0], Verdict::Grow);        // B low
    EXPECT_EQ(r.verdicts.table[2][0], Verdict::LowTouch);    // C low
    EXPECT_EQ(r.verdicts.table[3][1], Verdict::LetGo);       // D medium
    EXPECT_EQ(r.verdicts.lapse.interval_multiple, 2.0);
    EXPECT_EQ(r.verdicts.lapse.days_without_interval, 180.0);
    EXPECT_EQ(r.prospects.gap_days, 3.0);
    EXPECT_EQ(r.prospects.letter_gap_days, 7.0);
    for (const auto& list : r.synonyms) {
        EXPECT_TRUE(list.empty());
    }
    EXPECT_TRUE(triage::validate_rules(r).empty());
}

TEST(Rules, EmptyObjectIsTheDefaults) {
    EXPECT_EQ(triage::parse_rules("{}"), triage::default_rules());
    EXPECT_EQ(triage::parse_rules(" \n{ \"version\": 1 }\n"), triage::default_rules());
    EXPECT_EQ(triage::parse_rules("{\"base\": \"standard\"}"), triage::default_rules());
    // A UTF-8 byte order mark (as some editors write) is fine.
    EXPECT_EQ(triage::parse_rules("\xEF\xBB\xBF{}"), triage::default_rules());
}

TEST(Rules, PartialSetInheritsEverythingElse) {
    const RuleSet r = triage::parse_rules(R"({
        "signals": {"days_late": {"bad": 90}},
        "bands": {"high_from": 70},
        "verdicts": {"C": {"medium": "Low-touch"}},
        "synonyms": {"client": ["Kunde"]}
    })");
    RuleSet expected = triage::default_rules();
    expected.signals[triage::signal_index(Signal::DaysLate)].bad = 90;
    expected.bands.high_from = 70;
    expected.verdicts.table[2][1] = Verdict::LowTouch;
    expected.synonyms[triage::field_index(Field::Client)] = {"Kunde"};
    EXPECT_EQ(r, expected);
    // The untouched parts of a partly given signal keep their values.
    EXPECT_EQ(r.signals[triage::signal_index(Signal::DaysLate)].good, 0.0);
    EXPECT_EQ(r.signals[triage::signal_index(Signal::DaysLate)].weight, 3.0);
}

TEST(Rules, BaseNamesThePresetToInheritFrom) {
    const RuleSet r = triage::parse_rules(R"({"base": "wholesale", "tiers": {"a_share": 0.9}})");
    RuleSet expected = *triage::preset("wholesale");
    expected.shares.a = 0.9;
    EXPECT_EQ(r, expected);
    // A field's synonyms given in the document replace the base's list for that field only.
    const RuleSet s = triage::parse_rules(R"({"base": "wholesale", "synonyms": {"client": []}})");
    EXPECT_TRUE(s.synonyms[triage::field_index(Field::Client)].empty());
    EXPECT_EQ(s.synonyms[triage::field_index(Field::ServiceCost)],
              triage::preset("wholesale")->synonyms[triage::field_index(Field::ServiceCost)]);
}

TEST(Rules, VerdictNamesInAnyLanguageOrKey) {
    const RuleSet r = triage::parse_rules(R"({"verdicts": {
        "A": {"low": "grow", "medium": "Удержать", "high": "päästä irti"},
        "D": {"low": "LOW_TOUCH"}}})");
    EXPECT_EQ(r.verdicts.table[0][0], Verdict::Grow);
    EXPECT_EQ(r.verdicts.table[0][1], Verdict::Keep);
    EXPECT_EQ(r.verdicts.table[0][2], Verdict::LetGo);
    EXPECT_EQ(r.verdicts.table[3][0], Verdict::LowTouch);
    EXPECT_EQ(r.verdicts.table[3][1], Verdict::LetGo); // inherited
}

// ---------------------------------------------------------------- validation

TEST(RulesValidation, WrongTypeForEveryNumber) {
    std::string json = R"({"tiers": {"a_share": "x", "b_share": true}, "signals": {)";
    std::set<std::string> expected = {"/tiers/a_share", "/tiers/b_share"};
    bool first = true;
    for (const std::string& key : signal_keys()) {
        json += (first ? "" : ",") + std::string("\"") + key +
                R"(": {"good": null, "bad": [1], "weight": {"w": 1}})";
        first = false;
        for (const char* part : {"good", "bad", "weight"}) {
            expected.insert("/signals/" + key + "/" + part);
        }
    }
    json += R"(}, "bands": {"medium_from": "30", "high_from": false},
        "lapse": {"interval_multiple": "2", "days_without_interval": null},
        "prospects": {"gap_days": [], "letter_gap_days": "7"}, "version": "1"})";
    for (const char* p : {"/bands/medium_from", "/bands/high_from", "/lapse/interval_multiple",
                          "/lapse/days_without_interval", "/prospects/gap_days",
                          "/prospects/letter_gap_days", "/version"}) {
        expected.insert(p);
    }
    const std::vector<RuleProblem> problems = problems_of(json);
    EXPECT_EQ(paths(problems), expected);
    EXPECT_EQ(problems.size(), expected.size()); // every problem once, none left out
    for (const RuleProblem& p : problems) {
        EXPECT_EQ(p.kind, RuleProblemKind::WrongType) << p.path;
    }
    expect_localized(problems);
    EXPECT_NE(at(problems, "/tiers/a_share")->message(Lang::En).find("a number"),
              std::string::npos);
    EXPECT_NE(at(problems, "/tiers/a_share")->message(Lang::En).find("a text"), std::string::npos);
}

TEST(RulesValidation, WrongTypeForObjectsListsAndTexts) {
    const std::vector<RuleProblem> problems = problems_of(R"({
        "base": 7,
        "tiers": 0.8,
        "signals": {"days_late": 60, "complaints": {"bad": 6}},
        "bands": [30, 60],
        "verdicts": {"A": "keep", "B": {"low": 1}},
        "lapse": "2x",
        "prospects": null,
        "synonyms": {"client": "Kunde", "profit": ["Gewinn", 5, ""]}
    })");
    EXPECT_EQ(paths(problems),
              (std::set<std::string>{"/base", "/tiers", "/signals/days_late", "/bands",
                                     "/verdicts/A", "/verdicts/B/low", "/lapse", "/prospects",
                                     "/synonyms/client", "/synonyms/profit/1"}));
    for (const RuleProblem& p : problems) {
        EXPECT_EQ(p.kind, RuleProblemKind::WrongType) << p.path;
    }
    expect_localized(problems);
    // The root must be an object.
    for (const char* root : {"[]", "42", "\"rules\"", "null", "true"}) {
        const std::vector<RuleProblem> p = problems_of(root);
        ASSERT_EQ(p.size(), 1u) << root;
        EXPECT_EQ(p[0].kind, RuleProblemKind::WrongType);
        EXPECT_EQ(p[0].path, "");
    }
    // So must the signals and the synonyms, each reported once at its own path.
    for (const char* key : {"signals", "synonyms"}) {
        const std::vector<RuleProblem> p =
            problems_of(std::string("{\"") + key + "\": [\"days_late\"]}");
        ASSERT_EQ(p.size(), 1u) << key;
        EXPECT_EQ(p[0].kind, RuleProblemKind::WrongType) << key;
        EXPECT_EQ(p[0].path, std::string("/") + key);
    }
}

TEST(RulesValidation, OutOfRangeForEveryNumber) {
    const std::vector<RuleProblem> problems = problems_of(R"({
        "version": 2,
        "tiers": {"a_share": 0, "b_share": 1.5},
        "signals": {
            "days_late": {"good": -1, "bad": -60, "weight": 0},
            "return_rate": {"weight": -2},
            "complaints": {"good": 1e308, "bad": 1e308},
            "discount_share": {"weight": 1e-320}
        },
        "bands": {"medium_from": 0, "high_from": 100.5},
        "lapse": {"interval_multiple": 0, "days_without_interval": -1},
        "prospects": {"gap_days": -3, "letter_gap_days": -0.5}
    })");
    const std::set<std::string> expected = {"/version",
                                            "/tiers/a_share",
                                            "/tiers/b_share",
                                            "/signals/days_late/good",
                                            "/signals/days_late/bad",
                                            "/signals/days_late/weight",
                                            "/signals/return_rate/weight",
                                            "/signals/complaints/bad", // good = bad
                                            "/bands/medium_from",
                                            "/bands/high_from",
                                            "/lapse/interval_multiple",
                                            "/lapse/days_without_interval",
                                            "/prospects/gap_days",
                                            "/prospects/letter_gap_days"};
    EXPECT_EQ(paths(problems), expected);
    EXPECT_EQ(problems.size(), expected.size());
    EXPECT_EQ(at(problems, "/signals/complaints/bad")->kind, RuleProblemKind::Conflict);
    EXPECT_EQ(at(problems, "/tiers/b_share")->kind, RuleProblemKind::OutOfRange);
    expect_localized(problems);
    // The message says what, the range and the value.
    const std::string& m = at(problems, "/tiers/b_share")->message(Lang::En);
    EXPECT_NE(m.find("tier B"), std::string::npos) << m;
    EXPECT_NE(m.find("at most 1"), std::string::npos) << m;
    EXPECT_NE(m.find("1.5"), std::string::npos) << m;
    EXPECT_NE(at(problems, "/signals/days_late/weight")->message(Lang::Ru).find("просрочка"),
              std::string::npos);
    // A tiny positive weight is valid (1e-320 is a subnormal above 0).
}

TEST(RulesValidation, BoundariesThatAreValid) {
    EXPECT_TRUE(triage::load_rules(R"({"tiers": {"a_share": 1, "b_share": 1e-9},
        "signals": {"days_late": {"good": 60, "bad": 0}, "complaints": {"weight": 0.001}},
        "bands": {"medium_from": 0.5, "high_from": 100},
        "lapse": {"interval_multiple": 0.5, "days_without_interval": 0},
        "prospects": {"gap_days": 0, "letter_gap_days": 0}})")
                    .ok());
}

TEST(RulesValidation, GoodEqualBadIsReportedWhereTheUserWroteIt) {
    // Only "bad" given, equal to the default good: reported at bad.
    EXPECT_EQ(paths(problems_of(R"({"signals": {"days_late": {"bad": 0}}})")),
              std::set<std::string>{"/signals/days_late/bad"});
    // Only "good" given, equal to the default bad: reported at good.
    const auto p = problems_of(R"({"signals": {"days_late": {"good": 60}}})");
    EXPECT_EQ(paths(p), std::set<std::string>{"/signals/days_late/good"});
    EXPECT_EQ(p[0].kind, RuleProblemKind::Conflict);
    EXPECT_NE(p[0].message(Lang::En).find("60"), std::string::npos);
}

TEST(RulesValidation, BandLimitsMustBeOrdered) {
    auto p = problems_of(R"({"bands": {"medium_from": 70}})");
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].path, "/bands/medium_from");
    EXPECT_EQ(p[0].kind, RuleProblemKind::Conflict);
    p = problems_of(R"({"bands": {"high_from": 30}})"); // equal to medium_from
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].path, "/bands/high_from");
    p = problems_of(R"({"bands": {"medium_from": 50, "high_from": 40}})");
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].path, "/bands/high_from");
    EXPECT_NE(p[0].message(Lang::En).find("50"), std::string::npos);
    // medium_from = 100 leaves no room for high risk.
    EXPECT_EQ(paths(problems_of(R"({"bands": {"medium_from": 100, "high_from": 100}})")),
              std::set<std::string>{"/bands/medium_from"});
}

TEST(RulesValidation, UnknownKeysAtEveryLevel) {
    const std::vector<RuleProblem> problems = problems_of(R"({
        "colour": "red",
        "a/b~c": 1,
        "tiers": {"c_share": 0.5},
        "signals": {"days_lat": {"bad": 1}, "days_late": {"worst": 90}},
        "bands": {"low": 10},
        "verdicts": {"E": {}, "a": {}, "A": {"extreme": "keep"}},
        "lapse": {"days": 10},
        "prospects": {"calls": 3},
        "synonyms": {"phone": ["tel"]}
    })");
    EXPECT_EQ(paths(problems),
              (std::set<std::string>{"/colour", "/a~1b~0c", "/tiers/c_share", "/signals/days_lat",
                                     "/signals/days_late/worst", "/bands/low", "/verdicts/E",
                                     "/verdicts/a", "/verdicts/A/extreme", "/lapse/days",
                                     "/prospects/calls", "/synonyms/phone"}));
    for (const RuleProblem& p : problems) {
        EXPECT_EQ(p.kind, RuleProblemKind::UnknownKey) << p.path;
    }
    expect_localized(problems);
    // The message lists the keys that are allowed there.
    const std::string& m = at(problems, "/signals/days_lat")->message(Lang::En);
    EXPECT_NE(m.find("days_late"), std::string::npos) << m;
    EXPECT_NE(m.find("rush_share"), std::string::npos) << m;
    EXPECT_NE(at(problems, "/synonyms/phone")->message(Lang::Fi).find("usual_days_between_orders"),
              std::string::npos);
}

TEST(RulesValidation, DuplicateKeysAreReportedWithTheirPath) {
    const std::vector<RuleProblem> problems =
        problems_of(R"({"tiers": {"a_share": 0.7, "a_share": 0.9}, "bands": {}, "bands": {}})");
    EXPECT_EQ(paths(problems), (std::set<std::string>{"/tiers/a_share", "/bands"}));
    for (const RuleProblem& p : problems) {
        EXPECT_EQ(p.kind, RuleProblemKind::DuplicateKey);
    }
    expect_localized(problems);
}

TEST(RulesValidation, VerdictNamesAndWinBack) {
    const std::vector<RuleProblem> problems = problems_of(
        R"({"verdicts": {"A": {"low": "fire them"}, "B": {"medium": "Win back", "high": ""}}})");
    EXPECT_EQ(paths(problems),
              (std::set<std::string>{"/verdicts/A/low", "/verdicts/B/medium", "/verdicts/B/high"}));
    EXPECT_EQ(at(problems, "/verdicts/A/low")->kind, RuleProblemKind::UnknownName);
    EXPECT_NE(at(problems, "/verdicts/A/low")->message(Lang::En).find("\"fire them\""),
              std::string::npos);
    EXPECT_EQ(at(problems, "/verdicts/B/high")->kind, RuleProblemKind::UnknownName);
    EXPECT_EQ(at(problems, "/verdicts/B/medium")->kind, RuleProblemKind::OutOfRange);
    expect_localized(problems);
}

TEST(RulesValidation, UnknownBasePreset) {
    const std::vector<RuleProblem> problems = problems_of(R"({"base": "bakery"})");
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].path, "/base");
    EXPECT_EQ(problems[0].kind, RuleProblemKind::UnknownName);
    EXPECT_NE(problems[0].message(Lang::En).find("online_shop"), std::string::npos);
}

TEST(RulesValidation, Synonyms) {
    const std::vector<RuleProblem> problems = problems_of(R"({"synonyms": {
        "client": ["Kunde", " - ", "Umsatz"],
        "revenue": ["UMSATZ", "Erlös"],
        "days_late": ["Zahlungsverzug", "zahlungs-verzug"]
    }})");
    // " - " names nothing; "UMSATZ" for revenue clashes with "Umsatz" for client. The same
    // text twice for one field is harmless.
    EXPECT_EQ(paths(problems),
              (std::set<std::string>{"/synonyms/client/1", "/synonyms/revenue/0"}));
    EXPECT_EQ(at(problems, "/synonyms/client/1")->kind, RuleProblemKind::OutOfRange);
    EXPECT_EQ(at(problems, "/synonyms/revenue/0")->kind, RuleProblemKind::Conflict);
    expect_localized(problems);
    // A clash with a synonym of the base preset is reported at the user's synonym, also when
    // its field comes first (services_b2b has "change requests" for scope_creep).
    EXPECT_EQ(paths(problems_of(
                  R"({"base": "services_b2b", "synonyms": {"client": ["Change requests"]}})")),
              std::set<std::string>{"/synonyms/client/0"});
}

TEST(RulesValidation, EveryProblemOfADocumentAtOnce) {
    const std::vector<RuleProblem> problems = problems_of(R"({
        "tiers": {"a_share": 2},
        "signals": {"days_late": {"bad": "sixty"}, "rush": {}},
        "bands": {"medium_from": 80},
        "verdicts": {"A": {"low": "Keep it"}},
        "synonyms": {"client": [""]}
    })");
    EXPECT_EQ(paths(problems), (std::set<std::string>{"/tiers/a_share", "/signals/days_late/bad",
                                                      "/signals/rush", "/bands/medium_from",
                                                      "/verdicts/A/low", "/synonyms/client/0"}));
}

TEST(RulesValidation, ParseRulesThrowsRulesErrorWithAllProblems) {
    try {
        triage::parse_rules(R"({"tiers": {"a_share": 0, "b_share": 0}})");
        FAIL() << "expected RulesError";
    } catch (const triage::RulesError& e) {
        EXPECT_EQ(e.problems().size(), 2u);
        const std::string what = e.what();
        EXPECT_NE(what.find("/tiers/a_share"), std::string::npos) << what;
        EXPECT_NE(what.find("/tiers/b_share"), std::string::npos) << what;
    }
    // It is an InvalidInput like every other rejection of the core.
    EXPECT_THROW(triage::parse_rules("{"), triage::InvalidInput);
}

// ---------------------------------------------------------------- hostile texts

TEST(RulesHostile, InvalidSyntaxGivesTheBytePosition) {
    auto p = problems_of("{\n  \"tiers\": {\"a_share\": 0.8,}\n}");
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].kind, RuleProblemKind::Syntax);
    EXPECT_EQ(p[0].path, "");
    // The '}' after the comma is byte 30, on line 2, column 28.
    EXPECT_NE(p[0].message(Lang::En).find("byte 30 (line 2, column 28)"), std::string::npos)
        << p[0].message(Lang::En);
    EXPECT_NE(p[0].message(Lang::Ru).find("строка 2"), std::string::npos);
    expect_localized(p);
    for (const char* bad : {"", "   ", "{", "}", "{\"a\" 1}", "{\"tiers\": {}} extra", "[1,]",
                            "{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": 'x'}", "// c\n{}",
                            "{\"a\": \"\xFF\"}", "{\"a\": \"\\uD800\"}"}) {
        SCOPED_TRACE(bad);
        p = problems_of(bad);
        ASSERT_EQ(p.size(), 1u);
        EXPECT_EQ(p[0].kind, RuleProblemKind::Syntax);
    }
    // A NUL byte before the document.
    p = problems_of(std::string("\0{}", 3));
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].kind, RuleProblemKind::Syntax);
    EXPECT_NE(p[0].message(Lang::En).find("byte 1 "), std::string::npos) << p[0].message(Lang::En);
    // A number beyond the range of double.
    p = problems_of(R"({"bands": {"high_from": 1e400}})");
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].kind, RuleProblemKind::Syntax);
    EXPECT_NE(p[0].message(Lang::En).find("too large"), std::string::npos);
}

TEST(RulesHostile, HugeTextIsRefusedUnread) {
    std::string json = "{\"synonyms\": {\"client\": [";
    while (json.size() <= triage::kMaxRulesBytes) {
        json += "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",";
    }
    json += "\"a\"]}}";
    const std::vector<RuleProblem> p = problems_of(json);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].kind, RuleProblemKind::TooLarge);
    EXPECT_NE(p[0].message(Lang::En).find(std::to_string(json.size())), std::string::npos);
    expect_localized(p);
    // Exactly at the limit is read.
    std::string padded = "{}";
    padded.resize(triage::kMaxRulesBytes, ' ');
    EXPECT_TRUE(triage::load_rules(padded).ok());
}

TEST(RulesHostile, DeepNestingIsRefusedWithoutRecursion) {
    for (std::size_t depth : {std::size_t{17}, std::size_t{1000}, std::size_t{500000}}) {
        SCOPED_TRACE(depth);
        const std::string open(depth, '[');
        std::string objects;
        const std::size_t object_depth = std::min<std::size_t>(depth, 50000); // within 1 MiB
        for (std::size_t i = 0; i < object_depth; ++i) {
            objects += "{\"a\":";
        }
        for (const std::string& json :
             {open, open + std::string(depth, ']'),
              "{\"synonyms\": {\"client\": " + open + std::string(depth, ']') + "}}", objects,
              objects + "1" + std::string(object_depth, '}')}) {
            const std::vector<RuleProblem> p = problems_of(json);
            ASSERT_EQ(p.size(), 1u);
            EXPECT_EQ(p[0].kind, RuleProblemKind::TooDeep);
        }
    }
    // Objects nested 16 deep are read (and then reported as unknown or wrong, not too deep).
    std::string nested;
    for (int i = 0; i < 15; ++i) {
        nested += "{\"x\":";
    }
    nested += "{}" + std::string(15, '}');
    const std::vector<RuleProblem> p = problems_of(nested);
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].kind, RuleProblemKind::UnknownKey);
}

TEST(RulesHostile, AnObjectOfManyKeysIsReadWhole) {
    // Almost 1 MiB of one object's keys (80,000, the last one given twice): its members are
    // placed as they come (ordered_json's operator[] searched them one by one: 4.5 s).
    std::string json = "{\"x\": {";
    for (int i = 0; i < 80000; ++i) {
        json += (i > 0 ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
    }
    json += ", \"k79999\": 0}, \"tiers\": {\"a_share\": 2}}";
    ASSERT_LE(json.size(), triage::kMaxRulesBytes);
    const std::vector<RuleProblem> p = problems_of(json);
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p[0].kind, RuleProblemKind::DuplicateKey);
    EXPECT_EQ(p[0].path, "/x/k79999");
    EXPECT_EQ(p[1].kind, RuleProblemKind::UnknownKey);
    EXPECT_EQ(p[1].path, "/x");
    EXPECT_EQ(p[2].kind, RuleProblemKind::OutOfRange);
    EXPECT_EQ(p[2].path, "/tiers/a_share");
    // Many keys in an object the schema knows: each one reported, the rest of it still read.
    json = "{\"bands\": {\"medium_from\": 100";
    for (int i = 0; i < 20000; ++i) {
        json += ", \"b" + std::to_string(i) + "\": 1";
    }
    json += "}}";
    const std::vector<RuleProblem> q = problems_of(json);
    ASSERT_EQ(q.size(), 20001u);
    EXPECT_EQ(q[0].path, "/bands/b0");
    EXPECT_EQ(q[19999].path, "/bands/b19999");
    EXPECT_EQ(q[20000].path, "/bands/medium_from"); // the range check, after the keys
}

TEST(RulesHostile, ManyProblemsAreSummedUpInTheirText) {
    std::string json = "{";
    for (int i = 0; i < 25; ++i) {
        json += (i > 0 ? ", \"u" : "\"u") + std::to_string(i) + "\": 1";
    }
    json += "}";
    std::vector<RuleProblem> p = problems_of(json);
    ASSERT_EQ(p.size(), 25u);
    const std::string en = triage::rule_problems_text(p, Lang::En, "\n");
    EXPECT_EQ(std::count(en.begin(), en.end(), '\n'), 20) << en; // 20 problems, then the rest
    EXPECT_EQ(en.substr(0, en.find('\n')), "/u0: " + p[0].message(Lang::En));
    EXPECT_NE(en.find("/u19: "), std::string::npos);
    EXPECT_EQ(en.find("/u20: "), std::string::npos);
    EXPECT_EQ(en.substr(en.rfind('\n') + 1), "\xE2\x80\xA6 and 5 more.");
    EXPECT_NE(triage::rule_problems_text(p, Lang::Ru, " ").find("и ещё 5"), std::string::npos);
    EXPECT_NE(triage::rule_problems_text(p, Lang::Fi, " ").find("ja 5 muuta"), std::string::npos);
    // Twenty or fewer are all named; a problem of the whole text has no path.
    p.resize(20);
    EXPECT_EQ(triage::rule_problems_text(p, Lang::En, "\n").find("more"), std::string::npos);
    const std::vector<RuleProblem> syntax = problems_of("{");
    EXPECT_EQ(triage::rule_problems_text(syntax, Lang::En, " "), syntax[0].message(Lang::En));
    // The exception's text is the same summary.
    try {
        triage::parse_rules(json);
        FAIL() << "expected RulesError";
    } catch (const triage::RulesError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "invalid rules: " + triage::rule_problems_text(e.problems(), Lang::En, " "));
    }
}

TEST(RulesHostile, OddTextsInMessagesStayReadable) {
    // A key with control characters and a long key are shown, cut and cleaned, in the message.
    const std::string key = "\\u0001" + std::string(500, 'k');
    const std::vector<RuleProblem> p = problems_of("{\"" + key + "\": 1}");
    ASSERT_EQ(p.size(), 1u);
    EXPECT_EQ(p[0].kind, RuleProblemKind::UnknownKey);
    EXPECT_LT(p[0].message(Lang::En).size(), 400u);
    EXPECT_EQ(p[0].message(Lang::En).find('\x01'), std::string::npos);
}

// ---------------------------------------------------------------- JSON round trips

TEST(RulesJson, RoundTripIsExact) {
    RuleSet odd = triage::default_rules();
    odd.shares = {0.1 + 0.2, 1.0 / 3.0};
    odd.signals[0] = {1e-300, 123456.789, 0.7};
    odd.signals[7] = {0.6, 0.1, 5e-324}; // bad below good, the smallest weight
    odd.bands = {29.999999999999996, 60.00000000000001};
    odd.verdicts.table[2][1] = Verdict::LowTouch;
    odd.verdicts.lapse = {std::nextafter(2.0, 3.0), 0.0, std::nullopt};
    odd.prospects = {2.5, 1e6};
    odd.synonyms[triage::field_index(Field::Client)] = {"Kunde", "Клиент №", "Asiakas \"x\"/y"};
    odd.synonyms[triage::field_index(Field::RushShare)] = {"Eilaufträge"};
    ASSERT_TRUE(triage::validate_rules(odd).empty());

    std::vector<RuleSet> sets = {triage::default_rules(), odd};
    for (const triage::Preset& p : triage::presets()) {
        sets.push_back(p.rules);
    }
    for (const RuleSet& r : sets) {
        const std::string json = triage::rules_to_json(r);
        SCOPED_TRACE(json);
        const RuleSet back = triage::parse_rules(json);
        EXPECT_EQ(back, r);
        EXPECT_EQ(triage::rules_to_json(back), json);
    }
}

TEST(RulesJson, WritesEveryKeyOfTheSchema) {
    const std::string json = triage::rules_to_json(triage::default_rules());
    for (const char* key : {"\"version\": 1",
                            "\"tiers\"",
                            "\"a_share\": 0.8",
                            "\"b_share\"",
                            "\"signals\"",
                            "\"days_late\"",
                            "\"rush_share\"",
                            "\"good\"",
                            "\"bad\"",
                            "\"weight\"",
                            "\"bands\"",
                            "\"medium_from\": 30",
                            "\"high_from\": 60",
                            "\"verdicts\"",
                            "\"low_touch\"",
                            "\"let_go\"",
                            "\"lapse\"",
                            "\"interval_multiple\": 2",
                            "\"days_without_interval\": 180",
                            "\"prospects\"",
                            "\"gap_days\": 3",
                            "\"letter_gap_days\": 7",
                            "\"synonyms\": {}"}) {
        EXPECT_NE(json.find(key), std::string::npos) << key << "\n" << json;
    }
    EXPECT_EQ(json.find("\"base\""), std::string::npos);
}

TEST(RulesJson, ValidateRulesChecksSetsBuiltInCode) {
    RuleSet r = triage::default_rules();
    r.shares.a = std::numeric_limits<double>::quiet_NaN();
    r.signals[triage::signal_index(Signal::Complaints)].weight =
        std::numeric_limits<double>::infinity();
    r.bands = {60, 30};
    r.verdicts.table[0][0] = Verdict::WinBack;
    r.prospects.gap_days = -1;
    EXPECT_EQ(
        paths(triage::validate_rules(r)),
        (std::set<std::string>{"/tiers/a_share", "/signals/complaints/weight", "/bands/high_from",
                               "/verdicts/A/low", "/prospects/gap_days"}));
    EXPECT_THROW(triage::batch_settings(r), triage::RulesError);
    // Weights each finite but adding up to infinity.
    RuleSet heavy = triage::default_rules();
    for (auto& rule : heavy.signals) {
        rule.weight = std::numeric_limits<double>::max();
    }
    EXPECT_EQ(paths(triage::validate_rules(heavy)), std::set<std::string>{"/signals"});
}

// ---------------------------------------------------------------- presets

TEST(RulesPresets, FourPresetsValidNamedAndDifferent) {
    const std::vector<triage::Preset>& all = triage::presets();
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].key, "standard");
    EXPECT_EQ(all[0].rules, triage::default_rules());
    EXPECT_EQ(std::string(all[1].name.en), "Services (B2B)");
    EXPECT_EQ(std::string(all[2].name.en), "Online shop");
    EXPECT_EQ(std::string(all[3].name.en), "Wholesale");
    std::set<std::string> names;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const triage::Preset& p = all[i];
        SCOPED_TRACE(std::string(p.key));
        EXPECT_TRUE(triage::validate_rules(p.rules).empty());
        EXPECT_EQ(triage::preset(p.key), p.rules);
        for (Lang l : kLangs) {
            EXPECT_TRUE(names.insert(p.name.in(l)).second) << p.name.in(l);
            EXPECT_GT(std::string(p.description.in(l)).size(), 20u);
        }
        for (std::size_t j = 0; j < i; ++j) {
            EXPECT_NE(p.rules, all[j].rules) << all[j].key;
        }
        // Each preset can be named as the base of a document.
        EXPECT_EQ(triage::parse_rules("{\"base\": \"" + std::string(p.key) + "\"}"), p.rules);
    }
    EXPECT_FALSE(triage::preset("Standard").has_value());
    EXPECT_FALSE(triage::preset("").has_value());
}

TEST(RulesPresets, TheChoicesTheDocsDescribe) {
    const auto w = [](const RuleSet& r, Signal s) { return r.signals[triage::signal_index(s)]; };
    const RuleSet std_rules = triage::default_rules();
    const RuleSet services = *triage::preset("services_b2b");
    const RuleSet shop = *triage::preset("online_shop");
    const RuleSet wholesale = *triage::preset("wholesale");
    // Services: scope creep and approvals weigh more, returns little.
    EXPECT_GT(w(services, Signal::ScopeCreep).weight, w(std_rules, Signal::ScopeCreep).weight);
    EXPECT_GT(w(services, Signal::ApprovalDays).weight, w(std_rules, Signal::ApprovalDays).weight);
    EXPECT_LT(w(services, Signal::ReturnRate).weight, w(std_rules, Signal::ReturnRate).weight);
    // Online shop: returns and discounts weigh more, days late little.
    EXPECT_GT(w(shop, Signal::ReturnRate).weight, w(std_rules, Signal::ReturnRate).weight);
    EXPECT_GT(w(shop, Signal::DiscountShare).weight, w(std_rules, Signal::DiscountShare).weight);
    EXPECT_LT(w(shop, Signal::DaysLate).weight, w(std_rules, Signal::DaysLate).weight);
    // Wholesale: days late and cost to serve weigh most; a smaller tier A.
    for (Signal s : triage::kAllSignals) {
        EXPECT_LE(w(wholesale, s).weight, w(wholesale, Signal::DaysLate).weight);
        EXPECT_LE(w(wholesale, s).weight, w(wholesale, Signal::CostToServe).weight);
    }
    EXPECT_LT(wholesale.shares.a, std_rules.shares.a);
}

TEST(RulesPresets, PresetSynonymsAreRecognised) {
    for (const triage::Preset& p : triage::presets()) {
        for (Field f : triage::kAllFields) {
            for (const std::string& syn : p.rules.synonyms[triage::field_index(f)]) {
                SCOPED_TRACE(std::string(p.key) + ": " + syn);
                const auto g = triage::guess_header(syn, p.rules.synonyms);
                ASSERT_TRUE(g.has_value());
                EXPECT_EQ(g->field, f);
                EXPECT_EQ(g->match, triage::HeaderMatch::Exact);
            }
        }
    }
}

// ---------------------------------------------------------------- rules change results

TEST(RulesEffect, BandLimitsMoveAVerdict) {
    // Risk 35: medium by default (B -> Renegotiate), low when medium risk begins at 40.
    EXPECT_EQ(triage::risk_band(35), Band::Medium);
    const RuleSet r = triage::parse_rules(R"({"bands": {"medium_from": 40, "high_from": 80}})");
    EXPECT_EQ(triage::risk_band(35, r.bands), Band::Low);
    EXPECT_EQ(triage::risk_band(79.9, r.bands), Band::Medium);
    EXPECT_EQ(triage::risk_band(80, r.bands), Band::High);
    EXPECT_EQ(triage::verdict_for(Tier::B, triage::risk_band(35)), Verdict::Renegotiate);
    EXPECT_EQ(triage::verdict_for(Tier::B, triage::risk_band(35, r.bands)), Verdict::Grow);
    EXPECT_THROW(triage::risk_band(35, BandLimits{60, 30}), triage::InvalidInput);
    EXPECT_THROW(triage::risk_band(35, BandLimits{0, 30}), triage::InvalidInput);
    EXPECT_THROW(triage::risk_band(35, BandLimits{30, 101}), triage::InvalidInput);

    // The same through a whole batch: days_late 21 of 60 -> risk 35.
    triage::ClientTable table;
    table.value = {100.0, 10.0, 1.0}; // tiers A, B, C
    table.signals[triage::signal_index(Signal::DaysLate)] = {0.0, 21.0, 0.0};
    const triage::BatchResult def = triage::segment_clients(table);
    const triage::BatchResult custom =
        triage::segment_clients(table, triage::batch_settings(r, Lang::En));
    ASSERT_TRUE(def.rows[1].ok());
    EXPECT_EQ(def.rows[1].tier(), Tier::B);
    EXPECT_EQ(def.rows[1].band(), Band::Medium);
    EXPECT_EQ(def.rows[1].verdict(), Verdict::Renegotiate);
    EXPECT_EQ(custom.rows[1].band(), Band::Low);
    EXPECT_EQ(custom.rows[1].verdict(), Verdict::Grow);
    EXPECT_EQ(custom.summary.of(Verdict::Grow).clients, 1u);
}

TEST(RulesEffect, AVerdictTableCell) {
    const RuleSet r = triage::parse_rules(R"({"verdicts": {"C": {"medium": "low-touch"}}})");
    EXPECT_EQ(triage::verdict_for(Tier::C, Band::Medium), Verdict::Renegotiate);
    EXPECT_EQ(triage::verdict_for(Tier::C, Band::Medium, std::nullopt, std::nullopt, r.verdicts),
              Verdict::LowTouch);
    // The other cells stay.
    EXPECT_EQ(triage::verdict_for(Tier::C, Band::High, std::nullopt, std::nullopt, r.verdicts),
              Verdict::LetGo);
    // The online shop preset makes the same choice.
    const RuleSet shop = *triage::preset("online_shop");
    EXPECT_EQ(triage::verdict_for(Tier::C, Band::Medium, std::nullopt, std::nullopt, shop.verdicts),
              Verdict::LowTouch);
    // A table with Win back in it is refused where it is used.
    triage::VerdictRules bad;
    bad.table[0][0] = Verdict::WinBack;
    EXPECT_THROW(triage::verdict_for(Tier::A, Band::Low, std::nullopt, std::nullopt, bad),
                 triage::InvalidInput);
}

TEST(RulesEffect, LapseRule) {
    // 150 days without an order, usual interval unknown: not lapsed under the spec's 180.
    EXPECT_FALSE(triage::is_lapsed(150.0));
    EXPECT_EQ(triage::verdict_for(Tier::A, Band::Low, 150.0), Verdict::Keep);
    const RuleSet r = triage::parse_rules(R"({"lapse": {"days_without_interval": 120}})");
    EXPECT_TRUE(triage::is_lapsed(150.0, std::nullopt, r.verdicts.lapse));
    EXPECT_FALSE(triage::is_lapsed(120.0, std::nullopt, r.verdicts.lapse));
    EXPECT_EQ(triage::verdict_for(Tier::A, Band::Low, 150.0, std::nullopt, r.verdicts),
              Verdict::WinBack);
    // The multiple: 50 days since, usually 20: lapsed under x2, not under x3.
    EXPECT_TRUE(triage::is_lapsed(50.0, 20.0));
    const RuleSet x3 = triage::parse_rules(R"({"lapse": {"interval_multiple": 3}})");
    EXPECT_FALSE(triage::is_lapsed(50.0, 20.0, x3.verdicts.lapse));
    EXPECT_EQ(triage::verdict_for(Tier::B, Band::Low, 50.0, 20.0, x3.verdicts), Verdict::Grow);
    EXPECT_THROW(triage::is_lapsed(50.0, 20.0, triage::LapseRule{0.0, 180.0, std::nullopt}),
                 triage::InvalidInput);
    EXPECT_THROW(triage::is_lapsed(50.0, 20.0, triage::LapseRule{2.0, -1.0, std::nullopt}),
                 triage::InvalidInput);

    // Through a batch.
    triage::ClientTable table;
    table.value = {100.0, 90.0};
    table.days_since_last_order = {10.0, 150.0};
    EXPECT_EQ(triage::segment_clients(table).rows[1].verdict(), Verdict::Keep);
    EXPECT_EQ(triage::segment_clients(table, triage::batch_settings(r)).rows[1].verdict(),
              Verdict::WinBack);
}

TEST(RulesEffect, ExtraSynonymIsRecognised) {
    const std::vector<std::string> headers = {"Kunde", "Umsatz", "Zahlungsverzug"};
    const triage::HeaderMapping plain = triage::recognize_headers(headers);
    EXPECT_FALSE(plain.column(Field::Client).has_value());
    EXPECT_FALSE(plain.has_required());

    const RuleSet r = triage::parse_rules(R"({"synonyms": {
        "client": ["Kunde"], "revenue": ["Umsatz"], "days_late": ["Zahlungsverzug"]}})");
    const triage::HeaderMapping mapped = triage::recognize_headers(headers, r.synonyms);
    EXPECT_EQ(mapped.column(Field::Client), 0u);
    EXPECT_EQ(mapped.column(Field::Revenue), 1u);
    EXPECT_EQ(mapped.column(Field::DaysLate), 2u);
    EXPECT_TRUE(mapped.has_required());
    EXPECT_TRUE(mapped.problems.empty());
    // Matching ignores case and punctuation, and a unit around the synonym is dropped as for
    // the built-in ones.
    EXPECT_EQ(triage::guess_header("KUNDE:", r.synonyms)->field, Field::Client);
    const auto loose = triage::guess_header("Umsatz, EUR", r.synonyms);
    ASSERT_TRUE(loose.has_value());
    EXPECT_EQ(loose->field, Field::Revenue);
    EXPECT_EQ(loose->match, triage::HeaderMatch::Loose);
    // The built-in synonyms still work beside the extra ones.
    EXPECT_EQ(triage::recognize_headers({"Client", "Profit"}, r.synonyms).column(Field::Profit),
              1u);
    // A user's synonym wins over a built-in one of another field.
    triage::ExtraSynonyms own{};
    own[triage::field_index(Field::Revenue)] = {"Amount"}; // built-in: a weak revenue synonym
    own[triage::field_index(Field::Orders)] = {"Name"};    // built-in: a client synonym
    EXPECT_EQ(triage::guess_header("name", own)->field, Field::Orders);
    EXPECT_EQ(triage::guess_header("amount", own)->match, triage::HeaderMatch::Exact);
    EXPECT_EQ(triage::guess_header("name")->field, Field::Client);
}

TEST(RulesEffect, PresetChangesATier) {
    // 70, 10, 10, 10: under a_share 0.8 the 10s are A (70 is below 80 when they start);
    // under wholesale's 0.7 they are B.
    const std::vector<double> values = {70, 10, 10, 10};
    const RuleSet wholesale = *triage::preset("wholesale");
    EXPECT_EQ(triage::tier_of(10, triage::tier_cutoffs(values)), Tier::A);
    EXPECT_EQ(triage::tier_of(10, triage::tier_cutoffs(values, wholesale.shares)), Tier::B);

    triage::ClientTable table;
    for (double v : values) {
        table.value.push_back(v);
    }
    const triage::BatchResult def =
        triage::segment_clients(table, triage::batch_settings(triage::default_rules()));
    const triage::BatchResult w = triage::segment_clients(table, triage::batch_settings(wholesale));
    EXPECT_EQ(def.rows[1].tier(), Tier::A);
    EXPECT_EQ(w.rows[1].tier(), Tier::B);
    EXPECT_EQ(w.summary.of(Tier::B).clients, 3u);
}

TEST(RulesEffect, PresetChangesRiskAndCadence) {
    // 45 days late alone: 75 of 100 under the spec (45 / 60), all of it in the online shop
    // (bad at 30) and in wholesale (bad at 45).
    triage::SignalValues v{};
    v[triage::signal_index(Signal::DaysLate)] = 45.0;
    EXPECT_DOUBLE_EQ(triage::risk_score(v).score, 75.0);
    EXPECT_DOUBLE_EQ(triage::risk_score(v, triage::preset("online_shop")->signals).score, 100.0);
    // With returns too, the shop's weights put the returns ahead.
    v[triage::signal_index(Signal::ReturnRate)] = 0.25;
    const triage::RiskResult shop = triage::risk_score(v, triage::preset("online_shop")->signals);
    EXPECT_GT(shop.points[triage::signal_index(Signal::ReturnRate)],
              shop.points[triage::signal_index(Signal::DaysLate)]);
    const triage::RiskResult spec = triage::risk_score(v);
    EXPECT_LT(spec.points[triage::signal_index(Signal::ReturnRate)],
              spec.points[triage::signal_index(Signal::DaysLate)]);
    // Services call every 5 days and write 10 days after the third call.
    const RuleSet services = *triage::preset("services_b2b");
    EXPECT_EQ(triage::prospect_next_date(1000, 3), 1013.0);
    EXPECT_EQ(triage::prospect_next_date(1000, 3, services.prospects), 1020.0);
}

TEST(RulesEffect, DefaultSettingsFromRulesMatchTheDefaultBatch) {
    triage::ClientTable table;
    table.value = {500, 300, 100, 50, 30, 20, 0, -40};
    table.signals[triage::signal_index(Signal::DaysLate)] = {0.0,  45.0, std::nullopt, 10.0,
                                                             60.0, 5.0,  0.0,          30.0};
    table.days_since_last_order = {400.0, 10.0, 10.0, 500.0, 10.0, 10.0, 10.0, 10.0};
    const triage::BatchResult a = triage::segment_clients(table);
    const triage::BatchResult b =
        triage::segment_clients(table, triage::batch_settings(triage::default_rules()));
    ASSERT_EQ(a.rows.size(), b.rows.size());
    for (std::size_t i = 0; i < a.rows.size(); ++i) {
        EXPECT_EQ(a.rows[i].tier(), b.rows[i].tier());
        EXPECT_EQ(a.rows[i].band(), b.rows[i].band());
        EXPECT_EQ(a.rows[i].verdict(), b.rows[i].verdict());
        EXPECT_EQ(a.rows[i].risk(), b.rows[i].risk());
    }
    EXPECT_EQ(a.rows[0].verdict(), Verdict::WinBack);
}

} // namespace

TEST(RulesAnalysisDate, ReadWrittenAndChecked) {
    EXPECT_EQ(triage::default_rules().analysis_date, std::nullopt);
    const triage::RuleSet r = triage::parse_rules(R"({"analysis_date": "2006-12-31"})");
    ASSERT_TRUE(r.analysis_date);
    EXPECT_EQ(*r.analysis_date, triage::serial_from_civil(2006, 12, 31));
    EXPECT_EQ(triage::parse_rules(triage::rules_to_json(r)), r);
    EXPECT_NE(triage::rules_to_json(r).find("\"analysis_date\": \"2006-12-31\""),
              std::string::npos);
    EXPECT_EQ(triage::parse_rules(R"({"analysis_date": null})").analysis_date, std::nullopt);
    EXPECT_NE(triage::rules_to_json(triage::default_rules()).find("\"analysis_date\": null"),
              std::string::npos);

    const triage::RulesLoad bad = triage::load_rules(R"({"analysis_date": "31.12.2006"})");
    ASSERT_EQ(bad.problems.size(), 1u);
    EXPECT_EQ(bad.problems[0].kind, triage::RuleProblemKind::OutOfRange);
    EXPECT_EQ(bad.problems[0].path, "/analysis_date");
    EXPECT_NE(bad.problems[0].message(triage::Lang::En).find("YYYY-MM-DD"), std::string::npos);
    const triage::RulesLoad wrong = triage::load_rules(R"({"analysis_date": 39082})");
    ASSERT_EQ(wrong.problems.size(), 1u);
    EXPECT_EQ(wrong.problems[0].kind, triage::RuleProblemKind::WrongType);
    EXPECT_EQ(triage::load_rules(R"({"analysis_date": "2023-02-29"})").problems.size(), 1u);
}
