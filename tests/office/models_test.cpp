// The buying models' worksheet functions in a real Calc, against the published CDNOW figures
// (../shared/data/cdnow/README.md): the sample's 6,919 purchase lines opened as a user opens
// the file, summarised with CLIENT_REPEAT_SUMMARY for the 39-week calibration period, fitted
// with CLIENT_BGNBD_FIT and CLIENT_SPEND_FIT, and used per row.
#include "office.hpp"
#include "shared_data.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

namespace {

using office::CalcDoc;

const std::string kSample = office::kSharedData + "/cdnow/CDNOW_sample.txt";
const std::string kSummaryCsv =
    office::kSharedData + "/cdnow/cdnow_customers_summary_with_transactions.csv";

// CDNOW_sample.txt opened with spaces as separators: A is empty (each line starts with a
// space), B the master id, C the sample id, D the date as YYYYMMDD, E the CDs, F the dollars.
// The summary goes to H1:L2357, the BG/NBD fit to N1:R1, the Gamma-Gamma fit to T1:X1.
class CdnowInCalc : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!std::filesystem::exists(kSample)) {
            return;
        }
        doc_ = new CalcDoc(office::file_url(office::writable_copy(kSample)),
                           office::csv("32/MRG", 1033));
        doc_->set_array_formula(
            "H1:L2357", "=CLIENT_REPEAT_SUMMARY(C1:C6919;D1:D6919;F1:F6919;DATE(1997;9;30))");
        doc_->set_array_formula("N1:R1", "=CLIENT_BGNBD_FIT(I1:I2357;J1:J2357;K1:K2357)");
        doc_->set_array_formula("T1:X1", "=CLIENT_SPEND_FIT(I1:I2357;L1:L2357)");
    }
    static void TearDownTestSuite() {
        delete doc_;
        doc_ = nullptr;
    }
    void SetUp() override {
        REQUIRE_FILE(kSample);
        ASSERT_NE(doc_, nullptr);
    }
    static CalcDoc* doc_;
};

CalcDoc* CdnowInCalc::doc_ = nullptr;

TEST_F(CdnowInCalc, TheSummaryHasEveryCustomerAsLifetimesMakesIt) {
    const CalcDoc& doc = *doc_;
    ASSERT_EQ(doc.text("C1"), "1") << "the sample id is not in column C";
    EXPECT_EQ(doc.error("H2357"), 0);
    EXPECT_EQ(doc.error("H2358"), 0); // beyond the formula: nothing
    // Totals the README gives: 2,457 repeat purchases, 946 repeat buyers.
    doc.set_formula("Z1", "=SUM(I1:I2357)");
    doc.set_formula("Z2", "=COUNTIF(I1:I2357;\">0\")");
    doc.set_formula("Z3", "=SUMPRODUCT(H1:H2357)"); // 1 + ... + 2357
    EXPECT_EQ(doc.value("Z1"), 2457);
    EXPECT_EQ(doc.value("Z2"), 946);
    EXPECT_EQ(doc.value("Z3"), 2357.0 * 2358 / 2);
    // Customer 1 (lifetimes' csv: x 2, t_x 30.43, T 38.86, zbar 22.35, rounded from
    // (29.73 + 14.96) / 2 = 22.345: the first purchase's 29.33 is left out).
    doc.set_formula("Z4", "=MATCH(1;H1:H2357;0)");
    const std::string row = std::to_string(static_cast<int>(doc.value("Z4")));
    EXPECT_EQ(doc.value("I" + row), 2);
    EXPECT_NEAR(doc.value("J" + row), 30.43, 0.005);
    EXPECT_NEAR(doc.value("K" + row), 38.86, 0.005);
    EXPECT_NEAR(doc.value("L" + row), 22.345, 1e-9);
}

// Fader, Hardie & Lee (2005): r = 0.2426, alpha = 4.414, a = 0.7929, b = 2.426, LL -9582.43.
TEST_F(CdnowInCalc, BgNbdFitIsThePublishedOne) {
    const CalcDoc& doc = *doc_;
    EXPECT_NEAR(doc.value("N1"), 0.2426, 0.00005);
    EXPECT_NEAR(doc.value("O1"), 4.414, 0.0005);
    EXPECT_NEAR(doc.value("P1"), 0.7929, 0.00005);
    EXPECT_NEAR(doc.value("Q1"), 2.426, 0.0005);
    EXPECT_NEAR(doc.value("R1"), -9582.43, 0.005);
}

// Fader, Hardie & Lee (2005), "RFM and CLV": p = 6.25, q = 3.74, v = 15.44 on the 946.
TEST_F(CdnowInCalc, GammaGammaFitIsThePublishedOne) {
    const CalcDoc& doc = *doc_;
    EXPECT_NEAR(doc.value("T1"), 6.25, 0.005);
    EXPECT_NEAR(doc.value("U1"), 3.74, 0.005);
    EXPECT_NEAR(doc.value("V1"), 15.44, 0.005);
    EXPECT_EQ(doc.value("W1"), 946);
    EXPECT_EQ(doc.value("X1"), 0);
}

// Client 1516 of the BTYD vignette, from its row of the summary: 25.757 purchases expected in
// 52 weeks, P(alive) 0.96885.
TEST_F(CdnowInCalc, Client1516FromItsSummaryRow) {
    const CalcDoc& doc = *doc_;
    const auto of_1516 = [](int column) {
        return "VLOOKUP(1516;$H$1:$L$2357;" + std::to_string(column) + ";0)";
    };
    const std::string xtT = of_1516(2) + ";" + of_1516(3) + ";" + of_1516(4);
    doc.set_formula("Z10", "=CLIENT_P_ALIVE(" + xtT + ";$N$1:$R$1)");
    doc.set_formula("Z11", "=CLIENT_EXPECTED_ORDERS(" + xtT + ";52;$N$1:$R$1)");
    EXPECT_NEAR(doc.value("Z10"), 0.96885, 0.00001);
    EXPECT_NEAR(doc.value("Z11"), 25.757, 0.001);
    // The parameters may also be given as the four numbers.
    doc.set_formula("Z12", "=CLIENT_P_ALIVE(26;216/7;217/7;N1:Q1)");
    EXPECT_NEAR(doc.value("Z12"), 0.96885, 0.00001);
}

// The BTYD vignette's "increasing frequency paradox": t_x = 20, T = 39 (published to five
// digits from the vignette's own fit, which differs from the paper's in the fourth digit).
TEST_F(CdnowInCalc, IncreasingFrequencyParadoxAsAnArray) {
    const CalcDoc& doc = *doc_;
    doc.set_array_formula("Z20:AC20", "=CLIENT_EXPECTED_ORDERS({10;15;20;25};20;39;52;N1:R1)");
    EXPECT_NEAR(doc.value("Z20"), 0.34746, 0.34746 * 2e-4);
    EXPECT_NEAR(doc.value("AA20"), 0.042834, 0.042834 * 2e-4);
    EXPECT_NEAR(doc.value("AB20"), 0.0041590, 0.0041590 * 2e-4);
    EXPECT_NEAR(doc.value("AC20"), 0.00035837, 0.00035837 * 2e-4);
}

// Per-row formulas over the whole population agree with the array form.
TEST_F(CdnowInCalc, PerRowAndArrayFormsAgree) {
    const CalcDoc& doc = *doc_;
    doc.set_array_formula("AH1:AH2357", "=CLIENT_P_ALIVE(I1:I2357;J1:J2357;K1:K2357;N1:R1)");
    for (int row = 1; row <= 2357; ++row) {
        const std::string r = std::to_string(row);
        doc.set_formula("AI" + r, "=CLIENT_P_ALIVE(I" + r + ";J" + r + ";K" + r + ";$N$1:$R$1)");
    }
    doc.set_formula("AJ1", "=SUMPRODUCT(ABS(AH1:AH2357-AI1:AI2357))");
    doc.set_formula("AJ2", "=MIN(AH1:AH2357)");
    doc.set_formula("AJ3", "=MAX(AH1:AH2357)");
    EXPECT_LT(doc.value("AJ1"), 1e-12);
    EXPECT_GT(doc.value("AJ2"), 0);
    EXPECT_EQ(doc.value("AJ3"), 1); // the one-time buyers
}

TEST_F(CdnowInCalc, ClvAndExpectedSpend) {
    const CalcDoc& doc = *doc_;
    // A one-time buyer's expected spend is the population's mean, p v / (q - 1).
    doc.set_formula("Z30", "=CLIENT_EXPECTED_SPEND(0;0;T1:X1)");
    doc.set_formula("Z31", "=T1*V1/(U1-1)");
    EXPECT_NEAR(doc.value("Z30"), doc.value("Z31"), 1e-9);
    // Twelve months at 1% a month in weeks; undiscounted it is the spend times the purchases
    // expected in 12 months of 4.345 weeks.
    doc.set_formula("Z32", "=CLIENT_CLV(26;216/7;217/7;40;N1:R1;T1:X1;12;0)");
    doc.set_formula("Z33", "=CLIENT_EXPECTED_SPEND(26;40;T1:X1)*"
                           "CLIENT_EXPECTED_ORDERS(26;216/7;217/7;12*4.345;N1:R1)");
    EXPECT_NEAR(doc.value("Z32"), doc.value("Z33"), 1e-6);
    doc.set_formula("Z34", "=CLIENT_CLV(26;216/7;217/7;40;N1:R1;T1:X1)");
    EXPECT_LT(doc.value("Z34"), doc.value("Z32"));
    EXPECT_GT(doc.value("Z34"), doc.value("Z32") * 0.9);
}

TEST_F(CdnowInCalc, BadInputIsAnErrorPerElement) {
    const CalcDoc& doc = *doc_;
    // x negative, t_x > T, x > 0 with t_x = 0, x = 0 with t_x > 0; then a good one.
    doc.set_array_formula("Z40:AD40",
                          "=CLIENT_P_ALIVE({-1;2;2;0;2};{0;40;0;5;10};{30;39;39;39;39};N1:R1)");
    for (const char* cell : {"Z40", "AA40", "AB40", "AC40"}) {
        EXPECT_EQ(doc.error(cell), office::kErrIllegalArgument) << cell;
    }
    EXPECT_EQ(doc.error("AD40"), 0);
    EXPECT_GT(doc.value("AD40"), 0);
    // A model that is not one: too few cells, a negative parameter.
    doc.set_formula("Z45", "=CLIENT_P_ALIVE(2;10;39;N1:O1)");
    doc.set_formula("Z46", "=CLIENT_P_ALIVE(2;10;39;{0.2;-4;0.8;2.4})");
    EXPECT_EQ(doc.error("Z45"), office::kErrIllegalArgument);
    EXPECT_EQ(doc.error("Z46"), office::kErrIllegalArgument);
    // CLV: months not whole.
    doc.set_formula("Z47", "=CLIENT_CLV(2;10;39;20;N1:R1;T1:X1;1.5)");
    EXPECT_EQ(doc.error("Z47"), office::kErrIllegalArgument);
}

// Fits that the data cannot give say so: no repeat buyer; a zero spend is left out and
// counted; a row with x but no T is refused.
TEST(BuyingModelsInCalc, FitsOnSmallPopulations) {
    CalcDoc doc;
    doc.set_column("A1", {0, 0, 0});
    doc.set_column("B1", {0, 0, 0});
    doc.set_column("C1", {10, 20, 30});
    doc.set_array_formula("E1:I1", "=CLIENT_BGNBD_FIT(A1:A3;B1:B3;C1:C3)");
    EXPECT_EQ(doc.error("E1"), office::kErrIllegalArgument);
    doc.set_column("A5", {2, 3, 1, 4, 2, 5, 1});
    doc.set_column("B5", {20, 15, 0, 40, 10, 0, 12});
    doc.set_array_formula("E5:I5", "=CLIENT_SPEND_FIT(A5:A11;B5:B11)");
    EXPECT_EQ(doc.value("H5"), 5);
    EXPECT_EQ(doc.value("I5"), 2); // the two repeat buyers with a mean spend of 0
    doc.set_text("K1", "x");
    doc.set_text("L1", "t_x");
    doc.set_text("M1", "T");
    doc.set_column("K2", {1, 2});
    doc.set_column("L2", {5, 6});
    doc.set_value("M2", 10); // M3 empty: row 3 has x and t_x but no T
    doc.set_array_formula("E13:I13", "=CLIENT_BGNBD_FIT(K1:K3;L1:L3;M1:M3)");
    EXPECT_EQ(doc.error("E13"), office::kErrIllegalArgument);
}

// lifetimes' docs/Quickstart.md: fitted on the cent-rounded summary csv, the expected average
// profit and the 12-month CLV at 1% a month of customers 1, 2, 3, 6 and 9 (its CLV call keeps
// lifetimes' default of 30 time units a month).
TEST(BuyingModelsInCalc, LifetimesQuickstartClv) {
    REQUIRE_FILE(kSummaryCsv);
    CalcDoc doc(office::file_url(office::writable_copy(kSummaryCsv)), office::csv("44", 1033));
    ASSERT_EQ(doc.text("A1"), "ID");
    doc.set_array_formula("G1:K1", "=CLIENT_BGNBD_FIT(B2:B2358;C2:C2358;D2:D2358)");
    doc.set_array_formula("G2:K2", "=CLIENT_SPEND_FIT(B2:B2358;E2:E2358)");
    const std::pair<int, double> spend[] = {
        {1, 24.658619}, {2, 18.911489}, {3, 35.170981}, {6, 71.462843}, {9, 27.282408}};
    const std::pair<int, double> clv[] = {
        {1, 140.096211}, {2, 18.943467}, {3, 38.180574}, {6, 1003.868107}, {9, 167.418216}};
    for (int i = 0; i < 5; ++i) {
        const std::string r = std::to_string(spend[i].first + 1);
        const std::string out = std::to_string(i + 4);
        doc.set_formula("G" + out, "=CLIENT_EXPECTED_SPEND(B" + r + ";E" + r + ";G2:K2)");
        doc.set_formula("H" + out, "=CLIENT_CLV(B" + r + ";C" + r + ";D" + r + ";E" + r +
                                       ";G1:K1;G2:K2;12;0.01;30)");
        EXPECT_NEAR(doc.value("G" + out), spend[i].second, 0.0005) << "customer " << spend[i].first;
        EXPECT_NEAR(doc.value("H" + out), clv[i].second, clv[i].second * 2e-5)
            << "customer " << clv[i].first;
    }
}

} // namespace
