// The repeat-buying summary, the Gamma-Gamma model and CLV against the published CDNOW
// figures (../shared/data/cdnow/README.md; lifetimes' docs/Quickstart.md).
#include "cdnow.hpp"
#include "core/bgnbd.hpp"
#include "core/buying_forecast.hpp"
#include "core/clv.hpp"
#include "core/error.hpp"
#include "core/gamma_gamma.hpp"
#include "core/repeat_buying.hpp"
#include "core/rules.hpp"
#include "core/transactions.hpp"
#include "core/verdict.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <sstream>

namespace {

using triage::InvalidInput;
using triage::Purchase;
using triage::RepeatBuying;

std::vector<RepeatBuying> cdnow_calibration(bool master) {
    const cdnow::Transactions t = cdnow::transactions(master);
    return triage::summarise_repeat_buying(t.purchases, t.clients, cdnow::calibration_end(), 7);
}

TEST(RepeatBuying, CdnowSampleGivesLifetimesSummary) {
    const auto clients = cdnow_calibration(false);
    const auto published = cdnow::summary_with_spend();
    ASSERT_EQ(clients.size(), 2357u);
    ASSERT_EQ(published.size(), 2357u);
    double repeat = 0;
    std::size_t buyers = 0;
    for (std::size_t i = 0; i < clients.size(); ++i) {
        SCOPED_TRACE("customer " + std::to_string(i + 1));
        ASSERT_TRUE(clients[i].bought);
        EXPECT_EQ(clients[i].summary.x, published[i].x);
        EXPECT_NEAR(clients[i].summary.t_x, published[i].t_x, 0.005);
        EXPECT_NEAR(clients[i].summary.T, published[i].T, 0.005);
        EXPECT_NEAR(clients[i].monetary, published[i].zbar, 0.0051); // the csv is in cents
        repeat += clients[i].summary.x;
        buyers += clients[i].summary.x > 0;
    }
    EXPECT_EQ(repeat, 2457);
    EXPECT_EQ(buyers, 946u);
}

TEST(RepeatBuying, CdnowMasterCounts) {
    const auto clients = cdnow_calibration(true);
    ASSERT_EQ(clients.size(), 23570u);
    double repeat = 0;
    std::size_t buyers = 0, zero_spend = 0;
    for (const RepeatBuying& c : clients) {
        repeat += c.summary.x;
        buyers += c.summary.x > 0;
        zero_spend += c.summary.x > 0 && c.monetary == 0;
    }
    EXPECT_EQ(repeat, 24337);
    EXPECT_EQ(buyers, 9451u);
    EXPECT_EQ(zero_spend, 1u);
}

TEST(RepeatBuying, SameDayPurchasesAreOneAndLaterOnesDoNotCount) {
    // Client 0: day 10 (twice, 5 + 7), 10.75 (same day, 1), 24 (20), 31 (30), 50 after the end.
    // Client 1: nothing. Client 2: one day only.
    const std::vector<Purchase> purchases = {{0, 24, 20},   {0, 10, 5},  {2, 30.5, 9}, {0, 10, 7},
                                             {0, 10.75, 1}, {0, 31, 30}, {0, 50, 100}};
    const auto out = triage::summarise_repeat_buying(purchases, 3, 45, 7);
    ASSERT_EQ(out.size(), 3u);
    EXPECT_TRUE(out[0].bought);
    EXPECT_EQ(out[0].summary.x, 2);
    EXPECT_DOUBLE_EQ(out[0].summary.t_x, 3.0); // 21 days
    EXPECT_DOUBLE_EQ(out[0].summary.T, 5.0);   // 35 days
    EXPECT_DOUBLE_EQ(out[0].monetary, 25.0);   // (20 + 30) / 2: the first day is left out
    EXPECT_EQ(out[0].first_day, 10);
    EXPECT_FALSE(out[1].bought);
    EXPECT_TRUE(out[2].bought);
    EXPECT_EQ(out[2].summary.x, 0);
    EXPECT_EQ(out[2].summary.t_x, 0);
    EXPECT_DOUBLE_EQ(out[2].summary.T, 15.0 / 7);
    EXPECT_EQ(out[2].monetary, 0);
    const auto days = triage::summarise_repeat_buying(purchases, 3, 45, 1);
    EXPECT_DOUBLE_EQ(days[0].summary.T, 35);
    EXPECT_NO_THROW(triage::validate_summary(days[0].summary));

    // The same purchases in order of client and day (as the aggregation hands them over) are
    // read without a sorted copy and give the same summaries.
    std::vector<Purchase> in_order = purchases;
    std::sort(in_order.begin(), in_order.end(), [](const Purchase& a, const Purchase& b) {
        return a.client != b.client ? a.client < b.client : a.day < b.day;
    });
    const auto sorted = triage::summarise_repeat_buying(in_order, 3, 45, 7);
    for (std::size_t c = 0; c < 3; ++c) {
        EXPECT_EQ(sorted[c].bought, out[c].bought);
        EXPECT_EQ(sorted[c].summary.x, out[c].summary.x);
        EXPECT_EQ(sorted[c].summary.t_x, out[c].summary.t_x);
        EXPECT_EQ(sorted[c].summary.T, out[c].summary.T);
        EXPECT_EQ(sorted[c].monetary, out[c].monetary);
        EXPECT_EQ(sorted[c].first_day, out[c].first_day);
    }
}

TEST(RepeatBuying, BadPurchasesAreRejected) {
    EXPECT_THROW(triage::summarise_repeat_buying({{3, 1, 1}}, 3, 5, 1), InvalidInput);
    EXPECT_THROW(triage::summarise_repeat_buying({{0, NAN, 1}}, 1, 5, 1), InvalidInput);
    EXPECT_THROW(triage::summarise_repeat_buying({{0, 1, INFINITY}}, 1, 5, 1), InvalidInput);
    EXPECT_THROW(triage::summarise_repeat_buying({}, 1, 5, 0), InvalidInput);
    EXPECT_THROW(triage::summarise_repeat_buying({}, 1, NAN, 7), InvalidInput);
}

std::vector<triage::SpendSummary> spend(const std::vector<RepeatBuying>& clients) {
    std::vector<triage::SpendSummary> out;
    for (const RepeatBuying& c : clients) {
        out.push_back({c.summary.x, c.monetary});
    }
    return out;
}

// Fader, Hardie & Lee (2005), "RFM and CLV": p = 6.25, q = 3.74, v = 15.44 on the 946.
TEST(GammaGamma, FitsTheCdnowRepeatBuyersAsPublished) {
    const triage::GammaGammaFit fit = triage::fit_gamma_gamma(spend(cdnow_calibration(false)));
    EXPECT_EQ(fit.used, 946u);
    EXPECT_EQ(fit.without_repeat, 1411u);
    EXPECT_EQ(fit.non_positive_spend, 0u);
    EXPECT_NEAR(fit.params.p, 6.25, 0.005);
    EXPECT_NEAR(fit.params.q, 3.74, 0.005);
    EXPECT_NEAR(fit.params.v, 15.44, 0.005);
}

TEST(GammaGamma, MasterLeavesOutTheZeroSpendAndCountsIt) {
    const triage::GammaGammaFit fit = triage::fit_gamma_gamma(spend(cdnow_calibration(true)));
    EXPECT_EQ(fit.used, 9450u);
    EXPECT_EQ(fit.non_positive_spend, 1u);
    EXPECT_EQ(fit.without_repeat, 23570u - 9451u);
    EXPECT_GT(fit.params.q, 1);
}

// lifetimes' docs/Quickstart.md fits on the cent-rounded csv and prints the expected average
// profit and the 12-month CLV (monthly discount 0.01) of customers 1-10. Its CLV call leaves
// the time unit at lifetimes' default ("D": 30 units a month) although the data are in weeks,
// so those figures take 30 units per month.
struct CsvModels {
    std::vector<cdnow::SummaryRow> rows = cdnow::summary_with_spend();
    triage::BgNbdParams bgnbd;
    triage::GammaGammaParams gg;
    CsvModels() {
        std::vector<triage::RepeatSummary> summaries;
        std::vector<triage::SpendSummary> spends;
        for (const auto& r : rows) {
            summaries.push_back({r.x, r.t_x, r.T});
            spends.push_back({r.x, r.zbar});
        }
        bgnbd = triage::fit_bgnbd(summaries).params;
        gg = triage::fit_gamma_gamma(spends).params;
    }
    triage::SpendSummary spend(std::size_t id) const { return {rows[id - 1].x, rows[id - 1].zbar}; }
    triage::RepeatSummary summary(std::size_t id) const {
        return {rows[id - 1].x, rows[id - 1].t_x, rows[id - 1].T};
    }
};

const CsvModels& csv_models() {
    static const CsvModels models;
    return models;
}

TEST(GammaGamma, ExpectedSpendAsLifetimesPrintsIt) {
    const CsvModels& m = csv_models();
    EXPECT_NEAR(m.gg.v, 15.45, 0.005); // lifetimes: "p: 6.25, q: 3.74, v: 15.45"
    const std::pair<std::size_t, double> printed[] = {
        {1, 24.658619}, {2, 18.911489}, {3, 35.170981}, {6, 71.462843}, {9, 27.282408}};
    for (const auto& [id, value] : printed) {
        SCOPED_TRACE("customer " + std::to_string(id));
        EXPECT_NEAR(triage::gamma_gamma_expected_spend(m.gg, m.spend(id)), value, 0.0005);
    }
}

TEST(Clv, TwelveMonthsAsLifetimesPrintsIt) {
    const CsvModels& m = csv_models();
    const std::pair<std::size_t, double> printed[] = {
        {1, 140.096211}, {2, 18.943467}, {3, 38.180574}, {6, 1003.868107}, {9, 167.418216}};
    for (const auto& [id, value] : printed) {
        SCOPED_TRACE("customer " + std::to_string(id));
        const double spend = triage::gamma_gamma_expected_spend(m.gg, m.spend(id));
        EXPECT_NEAR(triage::customer_lifetime_value(m.bgnbd, m.summary(id), spend, 12, 0.01, 30),
                    value, value * 2e-5);
    }
}

TEST(Clv, IsTheDiscountedSumOfTheMonthsExpectedPurchases) {
    const CsvModels& m = csv_models();
    const triage::RepeatSummary c = m.summary(6);
    const double weeks = triage::kWeeksPerMonth;
    EXPECT_EQ(triage::customer_lifetime_value(m.bgnbd, c, 50, 0, 0.01, weeks), 0);
    // Undiscounted, the months add up to the expected purchases over the whole horizon.
    EXPECT_NEAR(triage::customer_lifetime_value(m.bgnbd, c, 50, 12, 0, weeks),
                50 * triage::bgnbd_expected_purchases(m.bgnbd, c, 12 * weeks), 1e-9);
    const double one = triage::customer_lifetime_value(m.bgnbd, c, 50, 1, 0.01, weeks);
    EXPECT_NEAR(one, 50 * triage::bgnbd_expected_purchases(m.bgnbd, c, weeks) / 1.01, 1e-12);
    EXPECT_LT(triage::customer_lifetime_value(m.bgnbd, c, 50, 12, 0.05, weeks),
              triage::customer_lifetime_value(m.bgnbd, c, 50, 12, 0.01, weeks));
}

TEST(GammaGamma, BadInputIsRejectedOrLeftOut) {
    EXPECT_THROW(triage::fit_gamma_gamma({}), InvalidInput);
    EXPECT_THROW(triage::fit_gamma_gamma({{0, 0}, {0, 0}}), InvalidInput);
    EXPECT_THROW(triage::fit_gamma_gamma({{2, 0}, {3, -5}}), InvalidInput); // none positive
    EXPECT_THROW(triage::fit_gamma_gamma({{-1, 10}}), InvalidInput);
    EXPECT_THROW(triage::fit_gamma_gamma({{1, NAN}}), InvalidInput);
    const triage::GammaGammaParams g{6, 4, 15};
    EXPECT_THROW(triage::gamma_gamma_expected_spend({6, 1, 15}, {1, 10}), InvalidInput);
    EXPECT_THROW(triage::gamma_gamma_expected_spend({0, 4, 15}, {1, 10}), InvalidInput);
    EXPECT_THROW(triage::gamma_gamma_expected_spend(g, {1, -10}), InvalidInput);
    EXPECT_THROW(triage::gamma_gamma_expected_spend(g, {-1, 10}), InvalidInput);
    // A one-time buyer gets the population's mean spend, p v / (q - 1).
    EXPECT_DOUBLE_EQ(triage::gamma_gamma_expected_spend(g, {0, 0}), 6.0 * 15 / 3);
}

TEST(Clv, BadInputIsRejected) {
    const triage::BgNbdParams p{0.24, 4.4, 0.79, 2.4};
    const triage::RepeatSummary c{2, 30, 38};
    EXPECT_THROW(triage::customer_lifetime_value(p, c, 10, 1.5, 0.01, 4.345), InvalidInput);
    EXPECT_THROW(triage::customer_lifetime_value(p, c, 10, -1, 0.01, 4.345), InvalidInput);
    EXPECT_THROW(triage::customer_lifetime_value(p, c, 10, 12, -0.01, 4.345), InvalidInput);
    EXPECT_THROW(triage::customer_lifetime_value(p, c, 10, 12, 0.01, 0), InvalidInput);
    EXPECT_THROW(triage::customer_lifetime_value(p, c, NAN, 12, 0.01, 4.345), InvalidInput);
    EXPECT_THROW(triage::customer_lifetime_value(p, {2, 40, 38}, 10, 12, 0.01, 4.345),
                 InvalidInput);
}

} // namespace

namespace {

// The CDNOW sample as an export: one line per purchase, the date as YYYYMMDD text.
triage::OrderLines cdnow_export() {
    triage::OrderLines lines;
    std::ifstream in(cdnow::path("CDNOW_sample.txt"));
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string master_id, sample_id, date, cds, dollars;
        fields >> master_id >> sample_id >> date >> cds >> dollars;
        lines.of(triage::Field::ClientId).push_back(triage::RawCell::of_text(sample_id));
        lines.of(triage::Field::OrderDate).push_back(triage::RawCell::of_text(date));
        lines.of(triage::Field::Revenue).push_back(triage::RawCell::of_number(std::stod(dollars)));
    }
    return lines;
}

// The segmentation's aggregation gives each client lifetimes' summary at the analysis date.
TEST(RepeatBuying, OrdersAggregationGivesTheSummaryAtTheAnalysisDate) {
    triage::OrderSettings settings;
    settings.analysis_date = cdnow::calibration_end();
    const triage::ClientsFromOrders clients = triage::aggregate_orders(cdnow_export(), settings);
    const auto published = cdnow::summary_with_spend();
    ASSERT_EQ(clients.clients(), 2357u);
    ASSERT_EQ(clients.repeat_buying.size(), 2357u);
    for (std::size_t r = 0; r < clients.clients(); ++r) {
        const std::size_t id = std::stoul(std::string(clients.key[r]));
        SCOPED_TRACE("customer " + std::string(clients.key[r]));
        const RepeatBuying& c = clients.repeat_buying[r];
        ASSERT_TRUE(c.bought);
        EXPECT_EQ(c.summary.x, published[id - 1].x);
        EXPECT_NEAR(c.summary.t_x, published[id - 1].t_x, 0.005);
        EXPECT_NEAR(c.summary.T, published[id - 1].T, 0.005);
        EXPECT_NEAR(c.monetary, published[id - 1].zbar, 0.0051);
    }
    // Without an analysis date the period ends at the last order (1998-06-30): all 78 weeks.
    const triage::ClientsFromOrders all = triage::aggregate_orders(cdnow_export());
    double repeat = 0;
    for (const RepeatBuying& c : all.repeat_buying) {
        repeat += c.summary.x;
    }
    EXPECT_EQ(repeat, 2457 + 1882); // calibration + holdout repeat purchase-days (README)
}

} // namespace

namespace {

// The segmentation's forecast on the CDNOW sample at the end of the calibration period: the
// published fit, and per client the same numbers the worksheet functions give.
TEST(BuyingForecast, CdnowSampleAsTheSegmentationSeesIt) {
    triage::OrderSettings settings;
    settings.analysis_date = cdnow::calibration_end();
    const triage::ClientsFromOrders clients = triage::aggregate_orders(cdnow_export(), settings);
    const triage::BuyingForecast f = triage::forecast_buying(clients.repeat_buying);
    ASSERT_TRUE(f.fitted);
    ASSERT_TRUE(f.has_clv);
    EXPECT_NEAR(f.bgnbd.r, 0.2426, 0.00005);
    EXPECT_NEAR(f.bgnbd.b, 2.426, 0.0005);
    EXPECT_NEAR(f.spend.p, 6.25, 0.005);
    EXPECT_EQ(triage::forecast_note(f, triage::Lang::En), "");
    const auto row =
        std::find(clients.key.begin(), clients.key.end(), "1516") - clients.key.begin();
    const RepeatBuying& c = clients.repeat_buying[row];
    EXPECT_NEAR(f.p_alive[row], 0.96885, 0.00001);
    EXPECT_DOUBLE_EQ(f.expected_orders[row],
                     triage::bgnbd_expected_purchases(f.bgnbd, c.summary, 12 * 4.345));
    const double spend = triage::gamma_gamma_expected_spend(f.spend, {c.summary.x, c.monetary});
    EXPECT_NEAR(f.clv[row],
                triage::customer_lifetime_value(f.bgnbd, c.summary, spend, 12, 0.01, 4.345),
                1e-9 * f.clv[row]);
    // The lapse column for the batch.
    triage::ClientTable table;
    table.value.assign(clients.clients(), 1.0);
    triage::attach_p_alive(table, f);
    ASSERT_EQ(table.p_alive.size(), clients.clients());
    EXPECT_NEAR(*table.p_alive[row], 0.96885, 0.00001);
}

TEST(BuyingForecast, APopulationWithoutRepeatBuyersSaysSo) {
    std::vector<RepeatBuying> once(3);
    for (RepeatBuying& c : once) {
        c.bought = true;
        c.summary = {0, 0, 10};
    }
    const triage::BuyingForecast f = triage::forecast_buying(once);
    EXPECT_TRUE(f.attempted);
    EXPECT_FALSE(f.fitted);
    EXPECT_EQ(f.why_not, triage::NotFitted::NoRepeatBuyers);
    EXPECT_NE(triage::forecast_note(f, triage::Lang::Ru).find("CLV"), std::string::npos);
    EXPECT_NE(triage::forecast_note(f, triage::Lang::En).find("no client ordered again"),
              std::string::npos);
    triage::ClientTable table;
    triage::attach_p_alive(table, f);
    EXPECT_TRUE(table.p_alive.empty());
    // No dated orders at all: nothing to say.
    EXPECT_EQ(triage::forecast_note(triage::forecast_buying({}), triage::Lang::En), "");
}

// "Win back when P(alive) is below a threshold": the threshold decides where P(alive) is known,
// the interval rule where it is not.
TEST(BuyingForecast, LapseRuleByPAlive) {
    triage::LapseRule rule;
    rule.p_alive_below = 0.5;
    EXPECT_TRUE(triage::is_lapsed(10.0, 30.0, rule, 0.3));   // recent, but probably gone
    EXPECT_FALSE(triage::is_lapsed(400.0, 30.0, rule, 0.9)); // long silent, probably alive
    EXPECT_TRUE(triage::is_lapsed(400.0, 30.0, rule));       // unknown: the interval rule
    EXPECT_TRUE(triage::is_lapsed(400.0, 30.0, {}, 0.9));    // no threshold: the interval rule
    EXPECT_THROW(triage::is_lapsed(10.0, 30.0, rule, 1.5), InvalidInput);
    rule.p_alive_below = 0.0;
    EXPECT_THROW(triage::is_lapsed(10.0, 30.0, rule, 0.5), InvalidInput);
    // Through the batch: an A client with a low P(alive) is Win back.
    triage::ClientTable table;
    table.value = {100.0, 1.0};
    table.days_since_last_order = {5.0, 5.0};
    table.p_alive = {0.2, 0.2};
    triage::BatchSettings settings;
    settings.verdicts.lapse.p_alive_below = 0.5;
    const triage::BatchResult result = triage::segment_clients(table, settings);
    EXPECT_EQ(result.rows[0].verdict(), triage::Verdict::WinBack);
    settings.verdicts.lapse.p_alive_below.reset();
    EXPECT_EQ(triage::segment_clients(table, settings).rows[0].verdict(), triage::Verdict::Keep);
}

// The rule set keeps the threshold: read, checked, written.
TEST(BuyingForecast, RulesCarryThePAliveThreshold) {
    const triage::RuleSet rules =
        triage::parse_rules(R"({"version": 1, "lapse": {"p_alive_below": 0.3}})");
    ASSERT_TRUE(rules.verdicts.lapse.p_alive_below);
    EXPECT_EQ(*rules.verdicts.lapse.p_alive_below, 0.3);
    EXPECT_EQ(*triage::parse_rules(triage::rules_to_json(rules)).verdicts.lapse.p_alive_below, 0.3);
    EXPECT_FALSE(triage::parse_rules(R"({"version": 1, "lapse": {"p_alive_below": null}})")
                     .verdicts.lapse.p_alive_below);
    EXPECT_THROW(triage::parse_rules(R"({"version": 1, "lapse": {"p_alive_below": 1.5}})"),
                 InvalidInput);
}

} // namespace

namespace {

// A client table's orders, first and last order dates give the repeat buying.
TEST(BuyingForecast, ClientTableColumnsGiveTheRepeatBuying) {
    triage::FieldColumns fields;
    const auto at = [&](triage::Field f) -> triage::Column& {
        return fields[triage::field_index(f)];
    };
    // Rows: 5 orders over 70 days; 1 order; 3 orders on one day; no dates; a last order after
    // the analysis date; a last order before the first (not a history).
    at(triage::Field::Orders) = {5.0, 1.0, 3.0, 2.0, 2.0, 2.0};
    at(triage::Field::FirstOrderDate) = {1000.0, 1050.0, 1060.0, std::nullopt, 1000.0, 1090.0};
    at(triage::Field::LastOrderDate) = {1070.0, 1050.0, 1060.0, std::nullopt, 1150.0, 1080.0};
    at(triage::Field::Revenue) = {500.0, 40.0, 90.0, 10.0, 30.0, 20.0};
    const auto out = triage::repeat_buying_from_fields(fields, 1140.0);
    ASSERT_EQ(out.size(), 6u);
    EXPECT_TRUE(out[0].bought);
    EXPECT_EQ(out[0].summary.x, 4);
    EXPECT_DOUBLE_EQ(out[0].summary.t_x, 10);
    EXPECT_DOUBLE_EQ(out[0].summary.T, 20);
    EXPECT_DOUBLE_EQ(out[0].monetary, 100); // revenue per order
    EXPECT_EQ(out[1].summary.x, 0);
    EXPECT_DOUBLE_EQ(out[1].summary.T, 90.0 / 7);
    EXPECT_EQ(out[1].monetary, 0);
    EXPECT_EQ(out[2].summary.x, 0); // several orders on one day are one purchase
    EXPECT_EQ(out[2].summary.t_x, 0);
    EXPECT_FALSE(out[3].bought);
    EXPECT_DOUBLE_EQ(out[4].summary.T, out[4].summary.t_x); // T is at least t_x
    EXPECT_FALSE(out[5].bought);
    for (const RepeatBuying& c : out) {
        if (c.bought) {
            EXPECT_NO_THROW(triage::validate_summary(c.summary));
        }
    }
    // Without the first order date: nothing.
    at(triage::Field::FirstOrderDate).clear();
    EXPECT_TRUE(triage::repeat_buying_from_fields(fields, 1140.0).empty());
}

// A previous run's columns: the five output columns, or those and the models' three.
TEST(BuyingForecast, PreviousRunsModelColumnsAreRecognised) {
    std::vector<std::string> headers = {"Client",  "Profit", "Tier",     "Risk",
                                        "Verdict", "Why",    "Next step"};
    EXPECT_EQ(triage::trailing_output_columns(headers), 5u);
    headers.insert(headers.end(), {"P(alive)", "Ожидаемые заказы, 12 мес.", "CLV, 12 kk"});
    EXPECT_EQ(triage::trailing_output_columns(headers), 8u);
    headers.back() = "CLV";
    EXPECT_EQ(triage::trailing_output_columns(headers), 0u);
}

} // namespace
