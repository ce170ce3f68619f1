// A document's own rule set: formulas and the segmentation follow it, it travels with the
// file, and a malformed one gives a clear error instead of wrong results.
#include "office.hpp"
#include "sheet_ops.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using office::CalcDoc;

TEST(DocumentRules, FormulasFollowTheDocumentsRules) {
    CalcDoc doc;
    doc.set_formula("A1", "=CLIENT_VERDICT(\"B\";40)"); // medium under the defaults
    doc.set_formula("A2", "=CLIENT_RISK(45)");          // 45 / 60 of the way: 75
    doc.set_formula("A3", "=PROSPECT_NEXT(100;1)");     // + 3 days
    doc.set_column("B1", {50, 30, 10, 5, 3, 2});
    doc.set_formula("A4", "=CLIENT_TIER(B3;B1:B6)"); // 10 is B with a_share 0.8
    EXPECT_EQ(doc.text("A1"), "Renegotiate");
    EXPECT_NEAR(doc.value("A2"), 75, 1e-9);
    EXPECT_EQ(doc.value("A3"), 103);
    EXPECT_EQ(doc.text("A4"), "B");

    office::set_document_rules(doc, R"({"bands": {"medium_from": 50, "high_from": 80},
                                        "signals": {"days_late": {"bad": 90}},
                                        "prospects": {"gap_days": 5},
                                        "tiers": {"a_share": 0.9}})");
    EXPECT_EQ(doc.text("A1"), "Grow"); // 40 is low risk now
    EXPECT_NEAR(doc.value("A2"), 50, 1e-9);
    EXPECT_EQ(doc.value("A3"), 105);
    EXPECT_EQ(doc.text("A4"), "A"); // T = 100, line 90: 10 has 80 before it

    // A share given in the formula still wins over the document's.
    doc.set_formula("A5", "=CLIENT_TIER(B3;B1:B6;0.8)");
    EXPECT_EQ(doc.text("A5"), "B");

    // Back to the defaults.
    office::set_document_rules(doc, "");
    EXPECT_EQ(doc.text("A1"), "Renegotiate");
    EXPECT_EQ(doc.text("A4"), "B");
}

TEST(DocumentRules, APresetAsBase) {
    CalcDoc doc;
    // 60 days late, 5% returns: 100 x 3 / 5 under the defaults.
    doc.set_formula("A1", "=CLIENT_RISK(60;0.05)");
    EXPECT_NEAR(doc.value("A1"), 60, 1e-9);
    // An online shop is paid up front (days late weigh 0.5, bad at 30) and watches returns
    // (weight 4, good at 10%): 100 x 0.5 / 4.5.
    office::set_document_rules(doc, R"({"base": "online_shop"})");
    EXPECT_NEAR(doc.value("A1"), 100 * 0.5 / 4.5, 1e-9);
}

TEST(DocumentRules, AMalformedRuleSetGivesAClearErrorNotWrongResults) {
    CalcDoc doc;
    doc.set_formula("A1", "=CLIENT_VERDICT(\"A\";10)");
    EXPECT_EQ(doc.text("A1"), "Keep");
    office::set_document_rules(doc, R"({"bands": {"medium_from": 70, "high_from": 20}})");
    EXPECT_EQ(doc.error("A1"), office::kErrIllegalArgument);
    office::set_document_rules(doc, "{not json");
    EXPECT_EQ(doc.error("A1"), office::kErrIllegalArgument);

    // The segmentation refuses too, with the problem, and changes nothing.
    office::set_rows(doc, "C1",
                     {{std::string("Client"), std::string("Profit")}, {std::string("Acme"), 10.0}});
    office::select(doc, "C1");
    const auto result = office::segment(doc);
    EXPECT_FALSE(result.success);
    EXPECT_NE(result.message.find("rules stored in this document are invalid"), std::string::npos)
        << result.message;
    EXPECT_EQ(doc.text("E1"), "");
}

TEST(DocumentRules, TheSegmentationFollowsTheDocumentsRules) {
    CalcDoc doc;
    office::set_rows(doc, "A1",
                     {{std::string("Kunde"), std::string("Profit"), std::string("Days late")},
                      {std::string("Acme"), 1000.0, 20.0},
                      {std::string("Beta"), 10.0, 0.0}});
    office::select(doc, "A1");
    // "Kunde" is no client header by default.
    EXPECT_FALSE(office::segment(doc).success);
    office::set_document_rules(doc, R"({"synonyms": {"client": ["Kunde"]},
                                        "verdicts": {"A": {"medium": "renegotiate"}},
                                        "bands": {"medium_from": 20}})");
    const auto result = office::segment(doc);
    ASSERT_TRUE(result.success) << result.message;
    // Risk 33.3 is medium under both, and A-medium is Renegotiate in this document.
    EXPECT_EQ(doc.text("F2"), "Renegotiate");
}

TEST(DocumentRules, TheRulesSurviveAnOdsRoundTrip) {
    const std::string path = office::Office::get().profile_dir() + "/rules.ods";
    const std::string rules = R"({"bands": {"medium_from": 50, "high_from": 80}})";
    {
        CalcDoc doc;
        office::set_document_rules(doc, rules);
        doc.set_formula("A1", "=CLIENT_VERDICT(\"B\";40)");
        EXPECT_EQ(doc.text("A1"), "Grow");
        doc.save_as(path, "calc8");
    }
    CalcDoc reopened(office::file_url(path));
    EXPECT_EQ(office::document_rules(reopened), rules);
    reopened.set_formula("A2", "=CLIENT_VERDICT(\"B\";40)");
    EXPECT_EQ(reopened.text("A2"), "Grow");
}

} // namespace
