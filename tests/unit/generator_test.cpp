// The example table generator (examples/client_table.hpp): its headers are recognised by the
// product, its tables are deterministic and have the skew and the bad behaviours the README
// example is meant to show, and the committed examples/clients.csv is what it generates.
#include "client_table.hpp"

#include "core/batch.hpp"
#include "core/headers.hpp"
#include "core/rules.hpp"
#include "core/segmentation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <iterator>
#include <numeric>
#include <sstream>

namespace {

using client_table::Client;
using client_table::Lang;
using triage::Field;

// The field each generated column must be recognised as.
const std::array<Field, client_table::kColumnCount> kExpected = {
    Field::Client,
    Field::Revenue,
    Field::Profit,
    Field::Orders,
    Field::LastOrderDate,
    Field::FirstOrderDate,
    Field::UsualDaysBetweenOrders,
    Field::ServiceCost,
    Field::DaysLate,
    Field::ReturnRate,
    Field::Complaints,
    Field::DiscountShare,
    Field::CostToServe,
    Field::ApprovalDays,
    Field::ScopeCreep,
    Field::RushShare,
};

void expect_recognised(Lang lang) {
    const triage::HeaderMapping mapping = triage::recognize_headers(client_table::headers(lang));
    EXPECT_TRUE(mapping.problems.empty()) << mapping.problems.front().message(triage::Lang::En);
    for (std::size_t col = 0; col < kExpected.size(); ++col) {
        EXPECT_EQ(mapping.column(kExpected[col]), col)
            << "field " << triage::field_key(kExpected[col]) << ", header "
            << client_table::headers(lang)[col];
    }
}

std::string csv_of(const client_table::Options& options) {
    std::ostringstream out;
    client_table::write_csv(out, client_table::generate(options), options.lang);
    return out.str();
}

TEST(Generator, EnglishHeadersAreRecognisedWithoutProblems) {
    expect_recognised(Lang::En);
}

TEST(Generator, RussianHeadersAreRecognisedWithoutProblems) {
    expect_recognised(Lang::Ru);
}

TEST(Generator, SameSeedSameBytesOtherSeedOtherTable) {
    client_table::Options options;
    options.rows = 500;
    const std::string first = csv_of(options);
    EXPECT_EQ(first, csv_of(options));
    options.seed += 1;
    EXPECT_NE(first, csv_of(options));
}

TEST(Generator, RandomNumbersAreOurOwnAndFixed) {
    // xoshiro256** seeded by splitmix64: fixed by the algorithm, not by the standard library.
    client_table::Rng rng(0);
    EXPECT_EQ(rng.next(), 0x99EC5F36CB75F2B4ULL);
    client_table::Rng again(0);
    for (int i = 0; i < 1000; ++i) {
        const double u = again.uniform();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
    }
}

TEST(Generator, DatesRoundTrip) {
    EXPECT_EQ(client_table::days_from_civil(1970, 1, 1), 0);
    EXPECT_EQ(client_table::iso_date(client_table::days_from_civil(2024, 2, 29)), "2024-02-29");
    // 2026-11-15 is serial 46341 in Calc and Excel.
    EXPECT_EQ(client_table::spreadsheet_serial(client_table::days_from_civil(2026, 11, 15)),
              46341.0);
}

TEST(Generator, TableHasParetoSkewLossMakersLapsedClientsAndEveryBadBehaviour) {
    client_table::Options options;
    options.rows = 2000;
    const std::vector<Client> clients = client_table::generate(options);
    ASSERT_EQ(clients.size(), 2000u);

    std::vector<double> positive;
    std::size_t losses = 0;
    std::size_t lapsed = 0;
    for (const Client& c : clients) {
        const double p = c.values[client_table::kProfit];
        if (p > 0) {
            positive.push_back(p);
        } else if (p < 0) {
            ++losses;
        }
        lapsed += c.lapsed ? 1 : 0;
        EXPECT_LE(c.values[client_table::kFirstOrder], c.values[client_table::kLastOrder]);
        EXPECT_GE(c.values[client_table::kOrders], 1.0);
    }
    std::sort(positive.begin(), positive.end(), std::greater<>());
    const double total = std::accumulate(positive.begin(), positive.end(), 0.0);
    const double top =
        std::accumulate(positive.begin(), positive.begin() + positive.size() / 5, 0.0);
    EXPECT_GT(top / total, 0.6) << "the top 20% of clients make most of the profit";
    EXPECT_GT(losses, 60u);
    EXPECT_LT(losses, 300u);
    EXPECT_GT(lapsed, 100u);

    // Each signal's "bad" value (SPEC section 2) is reached by some clients, and some cells
    // are empty.
    const std::array<double, 8> bad = {60, 0.30, 6, 0.80, 1.00, 30, 0.50, 0.60};
    for (int s = 0; s < 8; ++s) {
        std::size_t at_bad = 0;
        std::size_t empty = 0;
        for (const Client& c : clients) {
            const double v = c.values[static_cast<std::size_t>(client_table::kDaysLate + s)];
            empty += Client::empty(v) ? 1 : 0;
            at_bad += (!Client::empty(v) && v >= bad[static_cast<std::size_t>(s)]) ? 1 : 0;
            EXPECT_TRUE(Client::empty(v) || v >= 0) << "signals are never negative";
        }
        EXPECT_GT(at_bad, 20u) << "signal " << s;
        EXPECT_GT(empty, 20u) << "signal " << s;
    }
}

// The README's example shows every verdict the product gives, Let go included.
TEST(Generator, ExampleTableGetsEveryVerdict) {
    const client_table::Options options;
    const auto clients = client_table::generate(options);
    triage::FieldColumns fields;
    for (int col = 1; col < client_table::kColumnCount; ++col) {
        auto& column = fields[triage::field_index(kExpected[static_cast<std::size_t>(col)])];
        for (const Client& c : clients) {
            const double v = c.values[static_cast<std::size_t>(col)];
            column.push_back(Client::empty(v) ? std::nullopt : std::optional<double>(v));
        }
    }
    const auto table = triage::client_table_from_fields(
        std::move(fields), static_cast<double>(client_table::spreadsheet_serial(options.today)));
    const auto result =
        triage::segment_clients(table, triage::batch_settings(triage::default_rules()));
    EXPECT_EQ(result.summary.errors, 0u);
    for (triage::Verdict v : triage::kAllVerdicts) {
        EXPECT_GE(result.summary.of(v).clients, 2u) << triage::verdict_label(v, triage::Lang::En);
    }
}

TEST(Generator, CsvQuotesCommasAndQuotes) {
    EXPECT_EQ(client_table::csv_field("Oak Timber Ltd 1"), "Oak Timber Ltd 1");
    EXPECT_EQ(client_table::csv_field("Oak & Partners, Oy 2"), "\"Oak & Partners, Oy 2\"");
    EXPECT_EQ(client_table::csv_field("\"Oak\" Foods 3"), "\"\"\"Oak\"\" Foods 3\"");
    EXPECT_EQ(client_table::number_text(0.3), "0.3");
    EXPECT_EQ(client_table::number_text(41000), "41000");
    EXPECT_EQ(client_table::number_text(-1250.5), "-1250.5");
}

TEST(Generator, CommittedExampleIsTheGeneratedTable) {
    std::ifstream in(TRIAGE_SOURCE_DIR "/examples/clients.csv", std::ios::binary);
    ASSERT_TRUE(in) << "examples/clients.csv";
    const std::string committed((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
    EXPECT_EQ(committed, csv_of(client_table::Options{}))
        << "run examples/regenerate.sh to regenerate examples/clients.csv";
}

} // namespace
