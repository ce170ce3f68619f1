// The batch on real data: the 804 customers of the "Sample - Superstore" orders
// (../shared/data/superstore, see its README). The expected figures were computed
// independently with Python's csv module from the same files (tier cut-offs by the spec's
// walk, the risk of the two signals, the verdict table).
#include "core/batch.hpp"

#include "csv.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace {

using triage::Signal;
using triage::Tier;
using triage::Verdict;

const std::string kDir = std::string(TRIAGE_SHARED_DATA) + "/superstore/";

// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// "03/01/23" (DD/MM/YY, 20YY) as a day number.
std::int64_t parse_date(const std::string& text) {
    if (text.size() != 8 || text[2] != '/' || text[5] != '/') {
        throw std::runtime_error("not a DD/MM/YY date: " + text);
    }
    const int day = std::stoi(text.substr(0, 2));
    const int month = std::stoi(text.substr(3, 2));
    const int year = 2000 + std::stoi(text.substr(6, 2));
    return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

struct Customer {
    std::string id;
    double profit = 0;
    double sales = 0;
    double discounted_sales = 0; // sales of lines with Discount > 0
    std::set<std::string> orders;
    std::size_t returned = 0; // orders of this customer that were returned
    std::int64_t first = 0;
    std::int64_t last = 0;

    double discount_share() const { return discounted_sales / sales; }
    double return_rate() const { return static_cast<double>(returned) / orders.size(); }
};

struct Superstore {
    std::size_t lines = 0;
    std::vector<Customer> customers; // in order of first appearance
    std::int64_t last_order = 0;     // of all customers: the analysis date
};

Superstore load() {
    const auto orders_text = triage::test::read_file(kDir + "superstore_orders.csv");
    const auto returns_text = triage::test::read_file(kDir + "superstore_returns.csv");
    if (!orders_text || !returns_text) {
        throw std::runtime_error("cannot read the superstore files");
    }
    const auto returns = triage::test::parse_csv(*returns_text);
    std::unordered_set<std::string> returned;
    const std::size_t returned_id = triage::test::column_of(returns.at(0), "Order ID");
    for (std::size_t i = 1; i < returns.size(); ++i) {
        returned.insert(returns[i].at(returned_id));
    }

    const auto rows = triage::test::parse_csv(*orders_text);
    const auto& header = rows.at(0);
    using triage::test::column_of;
    const std::size_t order_id = column_of(header, "Order ID");
    const std::size_t order_date = column_of(header, "Order Date");
    const std::size_t customer_id = column_of(header, "Customer ID");
    const std::size_t sales = column_of(header, "Sales");
    const std::size_t discount = column_of(header, "Discount");
    const std::size_t profit = column_of(header, "Profit");

    Superstore store;
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        const auto& row = rows[r];
        if (row.size() != header.size()) {
            throw std::runtime_error("line " + std::to_string(r) + " has " +
                                     std::to_string(row.size()) + " fields");
        }
        ++store.lines;
        const auto [at, added] = index.emplace(row[customer_id], store.customers.size());
        if (added) {
            store.customers.emplace_back();
            store.customers.back().id = row[customer_id];
        }
        Customer& c = store.customers[at->second];
        const double line_sales = std::stod(row[sales]);
        c.profit += std::stod(row[profit]);
        c.sales += line_sales;
        if (std::stod(row[discount]) > 0.0) {
            c.discounted_sales += line_sales;
        }
        const std::int64_t date = parse_date(row[order_date]);
        c.first = c.orders.empty() ? date : std::min(c.first, date);
        c.last = c.orders.empty() ? date : std::max(c.last, date);
        c.orders.insert(row[order_id]);
        store.last_order = std::max(store.last_order, date);
    }
    for (Customer& c : store.customers) {
        c.returned = static_cast<std::size_t>(
            std::count_if(c.orders.begin(), c.orders.end(),
                          [&](const std::string& o) { return returned.count(o) > 0; }));
    }
    return store;
}

// value = profit, revenue = sales, return rate and discount share, days since the last order
// (to the last order date of the file) and the usual interval (first to last order over
// orders - 1; unknown for a single order).
triage::ClientTable table_of(const Superstore& store) {
    triage::ClientTable table;
    auto& returns = table.signals[triage::signal_index(Signal::ReturnRate)];
    auto& discounts = table.signals[triage::signal_index(Signal::DiscountShare)];
    for (const Customer& c : store.customers) {
        table.value.push_back(c.profit);
        table.revenue.push_back(c.sales);
        returns.push_back(c.return_rate());
        discounts.push_back(c.discount_share());
        table.days_since_last_order.push_back(static_cast<double>(store.last_order - c.last));
        table.usual_days_between_orders.push_back(
            c.orders.size() > 1 ? std::optional<double>(static_cast<double>(c.last - c.first) /
                                                        static_cast<double>(c.orders.size() - 1))
                                : std::nullopt);
    }
    return table;
}

class SuperstoreBatch : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!triage::test::read_file(kDir + "superstore_orders.csv")) {
            return;
        }
        store_ = new Superstore(load());
    }
    static void TearDownTestSuite() {
        delete store_;
        store_ = nullptr;
    }
    void SetUp() override {
        if (store_ == nullptr) {
            GTEST_SKIP() << "../shared/data not found (" << kDir
                         << "superstore_orders.csv): the real-data test needs the shared "
                            "data folder beside the project";
        }
    }
    const Customer& customer(const std::string& id) const {
        for (const Customer& c : store_->customers) {
            if (c.id == id) {
                return c;
            }
        }
        throw std::runtime_error("no customer " + id);
    }
    std::size_t row_of(const std::string& id) const {
        for (std::size_t i = 0; i < store_->customers.size(); ++i) {
            if (store_->customers[i].id == id) {
                return i;
            }
        }
        throw std::runtime_error("no customer " + id);
    }
    static Superstore* store_;
};

Superstore* SuperstoreBatch::store_ = nullptr;

TEST_F(SuperstoreBatch, FileShape) {
    EXPECT_EQ(store_->lines, 10194u);
    EXPECT_EQ(store_->customers.size(), 804u);
    std::set<std::string> orders;
    std::size_t returned = 0;
    for (const Customer& c : store_->customers) {
        orders.insert(c.orders.begin(), c.orders.end());
        returned += c.returned;
    }
    EXPECT_EQ(orders.size(), 5111u);
    // 296 returned orders; two orders are shared by two customers each, so the per-customer
    // counts may add up to slightly more.
    EXPECT_GE(returned, 296u);
    EXPECT_LE(returned, 298u);
    EXPECT_EQ(store_->last_order, days_from_civil(2026, 12, 30));
}

TEST_F(SuperstoreBatch, CustomerAggregatesMatchAnIndependentComputation) {
    struct Expected {
        const char* id;
        double profit;
        double sales;
        double discount_share;
        std::size_t returned;
        std::size_t orders;
        std::int64_t last;
    };
    // From Python (csv module, float sums in file order).
    const Expected expected[] = {
        {"DP-13000", 241.4524, 1050.636, 0.39961128307044497, 0, 9, days_from_civil(2026, 8, 26)},
        {"TC-20980", 8981.3239, 19052.218000000004, 0.006936620187738771, 1, 5,
         days_from_civil(2025, 11, 26)},
        {"CS-12505", -6626.3895, 5690.055, 0.8907971891308606, 0, 6, days_from_civil(2026, 11, 2)},
        {"MV-17485", 189.0258, 1560.0500000000002, 0.556341142912086, 3, 9,
         days_from_civil(2026, 12, 3)},
    };
    for (const Expected& e : expected) {
        SCOPED_TRACE(e.id);
        const Customer& c = customer(e.id);
        EXPECT_NEAR(c.profit, e.profit, 1e-9);
        EXPECT_NEAR(c.sales, e.sales, 1e-9);
        EXPECT_NEAR(c.discount_share(), e.discount_share, 1e-12);
        EXPECT_EQ(c.returned, e.returned);
        EXPECT_EQ(c.orders.size(), e.orders);
        EXPECT_EQ(c.last, e.last);
    }
    // The best and the worst customer by profit.
    const auto by_profit = [](const Customer& a, const Customer& b) { return a.profit < b.profit; };
    EXPECT_EQ(std::max_element(store_->customers.begin(), store_->customers.end(), by_profit)->id,
              "TC-20980");
    EXPECT_EQ(std::min_element(store_->customers.begin(), store_->customers.end(), by_profit)->id,
              "CS-12505");
}

TEST_F(SuperstoreBatch, SegmentsAllCustomers) {
    const triage::ClientTable table = table_of(*store_);
    const triage::BatchResult r = triage::segment_clients(table);
    const triage::BatchSummary& s = r.summary;
    ASSERT_EQ(r.rows.size(), 804u);
    EXPECT_EQ(s.rows, 804u);
    EXPECT_EQ(s.segmented, 804u);
    EXPECT_EQ(s.errors, 0u);

    // The cut-offs and counts Python's independent walk gives.
    EXPECT_DOUBLE_EQ(s.cutoffs.a_min, 435.82739999999995);
    EXPECT_DOUBLE_EQ(s.cutoffs.b_min, 167.67090000000005);
    EXPECT_EQ(s.of(Tier::A).clients, 258u);
    EXPECT_EQ(s.of(Tier::B).clients, 211u);
    EXPECT_EQ(s.of(Tier::C).clients, 176u);
    EXPECT_EQ(s.of(Tier::D).clients, 159u);
    EXPECT_EQ(s.of(Verdict::Keep).clients, 217u);
    EXPECT_EQ(s.of(Verdict::Grow).clients, 109u);
    EXPECT_EQ(s.of(Verdict::LowTouch).clients, 82u);
    EXPECT_EQ(s.of(Verdict::Renegotiate).clients, 213u);
    EXPECT_EQ(s.of(Verdict::WinBack).clients, 41u);
    EXPECT_EQ(s.of(Verdict::LetGo).clients, 142u);
    EXPECT_NEAR(s.of(Tier::A).profit, 291499.1809000002, 1e-6);
    EXPECT_NEAR(s.of(Tier::B).profit, 57991.68579999999, 1e-6);
    EXPECT_NEAR(s.of(Tier::C).profit, 14351.036899999996, 1e-6);
    EXPECT_NEAR(s.of(Tier::D).profit, -71545.08899999996, 1e-6);

    // Counts and sums add up.
    std::size_t by_tier = 0;
    std::size_t by_verdict = 0;
    double profit_by_tier = 0;
    double profit_by_verdict = 0;
    double revenue_by_tier = 0;
    for (const auto& g : s.by_tier) {
        by_tier += g.clients;
        profit_by_tier += g.profit;
        revenue_by_tier += g.revenue;
    }
    for (const auto& g : s.by_verdict) {
        by_verdict += g.clients;
        profit_by_verdict += g.profit;
    }
    EXPECT_EQ(by_tier, 804u);
    EXPECT_EQ(by_verdict, 804u);
    EXPECT_NEAR(profit_by_tier, 292296.8146000004, 1e-6);
    EXPECT_NEAR(profit_by_verdict, 292296.8146000004, 1e-6);
    EXPECT_NEAR(revenue_by_tier, 2326534.3543000007, 1e-5);

    // Per row: tiers follow the cut-offs, loss-making customers are D, the signals are shares.
    std::size_t negative = 0;
    for (std::size_t i = 0; i < r.rows.size(); ++i) {
        const Customer& c = store_->customers[i];
        const triage::RowResult& row = r.rows[i];
        SCOPED_TRACE(c.id);
        ASSERT_TRUE(row.ok());
        const Tier expected = c.profit < 0                  ? Tier::D
                              : c.profit >= s.cutoffs.a_min ? Tier::A
                              : c.profit >= s.cutoffs.b_min ? Tier::B
                                                            : Tier::C;
        EXPECT_EQ(row.tier(), expected);
        negative += c.profit < 0 ? 1 : 0;
        EXPECT_GE(c.discount_share(), 0.0);
        EXPECT_LE(c.discount_share(), 1.0);
        EXPECT_GE(c.return_rate(), 0.0);
        EXPECT_LE(c.return_rate(), 1.0);
        ASSERT_TRUE(row.risk().has_value());
        EXPECT_GE(*row.risk(), 0.0);
        EXPECT_LE(*row.risk(), 100.0);
        if (row.verdict() == Verdict::WinBack) {
            EXPECT_TRUE(row.tier() == Tier::A || row.tier() == Tier::B);
        }
    }
    EXPECT_EQ(negative, 159u);
    EXPECT_EQ(s.of(Tier::D).clients, negative);
}

TEST_F(SuperstoreBatch, SomeCustomersEndToEnd) {
    const triage::ClientTable table = table_of(*store_);
    const triage::BatchResult r = triage::segment_clients(table);
    struct Expected {
        const char* id;
        Tier tier;
        double risk;
        Verdict verdict;
    };
    // Python: risk = 100 x (2 s(return rate) + s(discount share)) / 3.
    const Expected expected[] = {
        {"DP-13000", Tier::B, 11.08951572613583, Verdict::Grow},
        {"TC-20980", Tier::A, 40.00000000000001, Verdict::WinBack}, // 399 days > 2 x 187.5
        {"CS-12505", Tier::D, 33.33333333333333, Verdict::LetGo},
        {"MV-17485", Tier::B, 86.46339682844922, Verdict::Renegotiate},
    };
    for (const Expected& e : expected) {
        SCOPED_TRACE(e.id);
        const triage::RowResult& row = r.rows[row_of(e.id)];
        EXPECT_EQ(row.tier(), e.tier);
        EXPECT_NEAR(*row.risk(), e.risk, 1e-9);
        EXPECT_EQ(row.verdict(), e.verdict);
    }
    const triage::RowResult& mv = r.rows[row_of("MV-17485")];
    EXPECT_EQ(r.reasons_text(mv), "returns 33.3% (+67); discount purchases 55.6% (+20)");
    EXPECT_EQ(r.next_step_text(mv), "tighter return terms, the client pays return shipping");
}

} // namespace
