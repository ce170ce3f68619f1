#include "core/headers.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <set>
#include <string>
#include <vector>

namespace {

using triage::Field;
using triage::HeaderMatch;
using triage::HeaderProblemKind;
using triage::Lang;
using triage::Signal;
using triage::TableKind;

std::optional<Field> field_of_header(const std::string& header) {
    const auto g = triage::guess_header(header);
    if (!g) {
        return std::nullopt;
    }
    return g->field;
}

bool valid_utf8(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = b < 0x80             ? 1
                          : (b & 0xE0) == 0xC0 ? 2
                          : (b & 0xF0) == 0xE0 ? 3
                          : (b & 0xF8) == 0xF0 ? 4
                                               : 0;
        if (len == 0 || i + len > s.size()) {
            return false;
        }
        for (std::size_t k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
                return false;
            }
        }
        i += len;
    }
    return true;
}

// ---------------------------------------------------------------- fields

TEST(HeaderFields, SignalsMapOntoFieldsAndKeys) {
    for (Signal s : triage::kAllSignals) {
        const Field f = triage::field_of(s);
        EXPECT_EQ(triage::signal_of(f), s);
        EXPECT_EQ(triage::field_key(f), triage::signal_key(s));
    }
    EXPECT_EQ(triage::signal_of(Field::Client), std::nullopt);
    EXPECT_EQ(triage::signal_of(Field::ServiceCost), std::nullopt);
    EXPECT_EQ(triage::field_of(Signal::DaysLate), Field::DaysLate);
    EXPECT_EQ(triage::field_of(Signal::RushShare), Field::RushShare);
    EXPECT_EQ(triage::field_key(Field::LastOrderDate), "last_order_date");
    for (std::size_t i = 0; i < triage::kFieldCount; ++i) {
        EXPECT_EQ(triage::field_index(triage::kAllFields[i]), i);
    }
}

TEST(HeaderFields, DisplayNamesInThreeLanguagesAllDistinct) {
    std::set<std::string> en, ru, fi;
    for (Field f : triage::kAllFields) {
        const triage::Localized& n = triage::field_name(f);
        EXPECT_GT(std::strlen(n.en), 0u);
        EXPECT_GT(std::strlen(n.ru), 0u);
        EXPECT_GT(std::strlen(n.fi), 0u);
        en.insert(n.en);
        ru.insert(n.ru);
        fi.insert(n.fi);
    }
    EXPECT_EQ(en.size(), triage::kFieldCount);
    EXPECT_EQ(ru.size(), triage::kFieldCount);
    EXPECT_EQ(fi.size(), triage::kFieldCount);
    EXPECT_STREQ(triage::field_name(Field::Client).in(Lang::Ru), "Клиент");
    EXPECT_STREQ(triage::field_name(Field::Revenue).in(Lang::Fi), "Liikevaihto");
}

// Every synonym in the table is recognised as its own field, so no synonym is claimed by two
// fields (after normalisation) and none normalises to nothing.
TEST(HeaderFields, EverySynonymNamesItsOwnField) {
    std::size_t total = 0;
    for (Field f : triage::kAllFields) {
        const auto synonyms = triage::field_synonyms(f);
        EXPECT_GE(synonyms.size(), 3u) << triage::field_key(f);
        for (TableKind kind : {TableKind::Clients, TableKind::Transactions}) {
            if (!triage::field_applies(f, kind)) {
                continue;
            }
            for (std::string_view syn : synonyms) {
                ++total;
                const auto g = triage::guess_header(syn, {}, kind);
                ASSERT_TRUE(g) << syn;
                EXPECT_EQ(g->field, f) << syn << " is claimed by " << triage::field_key(g->field);
                EXPECT_TRUE(g->match == HeaderMatch::Exact || g->match == HeaderMatch::ExactWeak)
                    << syn;
            }
        }
    }
    EXPECT_GT(total, 300u);
}

// ---------------------------------------------------------------- normalisation

TEST(HeaderNormalize, CaseSpacesAndPunctuationIgnored) {
    EXPECT_EQ(triage::normalize_header("  Customer_Name! "), "customername");
    EXPECT_EQ(triage::normalize_header("Last-Order Date"), "lastorderdate");
    EXPECT_EQ(triage::normalize_header("КЛИЕНТ"), "клиент");
    EXPECT_EQ(triage::normalize_header("Дата  Последнего\tЗаказа"), "датапоследнегозаказа");
    EXPECT_EQ(triage::normalize_header("Объём"), "объем"); // ё folds to е
    EXPECT_EQ(triage::normalize_header("ЁЖ"), "еж");
    EXPECT_EQ(triage::normalize_header("MYÖHÄSTYMISPÄIVÄT"), "myöhästymispäivät");
    EXPECT_EQ(triage::normalize_header("Å"), "å");
    EXPECT_EQ(triage::normalize_header("Kol-vo, %"), "kolvo");
    EXPECT_EQ(triage::normalize_header("\xC2\xA0Sales\xE2\x80\x94\xE2\x82\xAC"),
              "sales");                                  // nbsp, —, €
    EXPECT_EQ(triage::normalize_header("\xFF\xC3"), ""); // invalid UTF-8
    EXPECT_EQ(triage::normalize_header(""), "");
}

// ---------------------------------------------------------------- single headers

TEST(HeaderGuess, RealisticHeadersInThreeLanguages) {
    struct Case {
        const char* header;
        Field field;
    };
    const std::vector<Case> cases = {
        {"Client", Field::Client},
        {"CUSTOMER", Field::Client},
        {"Customer name", Field::Client},
        {"Name", Field::Client},
        {"Клиент", Field::Client},
        {"Покупатель", Field::Client},
        {"Контрагент", Field::Client},
        {"Asiakas", Field::Client},
        {"Profit", Field::Profit},
        {"Margin", Field::Profit},
        {"Прибыль", Field::Profit},
        {"Маржа", Field::Profit},
        {"Kate", Field::Profit},
        {"Voitto", Field::Profit},
        {"Revenue", Field::Revenue},
        {"Sales", Field::Revenue},
        {"Выручка", Field::Revenue},
        {"Продажи", Field::Revenue},
        {"Liikevaihto", Field::Revenue},
        {"Myynti", Field::Revenue},
        {"Orders", Field::Orders},
        {"Кол-во заказов", Field::Orders},
        {"Tilausten määrä", Field::Orders},
        {"Last order", Field::LastOrderDate},
        {"Last order date", Field::LastOrderDate},
        {"Последний заказ", Field::LastOrderDate},
        {"Viimeisin tilaus", Field::LastOrderDate},
        {"First order date", Field::FirstOrderDate},
        {"Дата первого заказа", Field::FirstOrderDate},
        {"Days since last order", Field::DaysSinceLastOrder},
        {"Recency", Field::DaysSinceLastOrder},
        {"Days between orders", Field::UsualDaysBetweenOrders},
        {"Tilausväli", Field::UsualDaysBetweenOrders},
        {"Service cost", Field::ServiceCost},
        {"Стоимость обслуживания", Field::ServiceCost},
        {"Days late", Field::DaysLate},
        {"Payment delay", Field::DaysLate},
        {"Просрочка", Field::DaysLate},
        {"Myöhästymispäivät", Field::DaysLate},
        {"Returns", Field::ReturnRate},
        {"Return rate", Field::ReturnRate},
        {"Возвраты", Field::ReturnRate},
        {"Palautukset", Field::ReturnRate},
        {"Complaints", Field::Complaints},
        {"Жалобы", Field::Complaints},
        {"Reklamaatiot", Field::Complaints},
        {"Discount share", Field::DiscountShare},
        {"Доля покупок со скидкой", Field::DiscountShare},
        {"Cost to serve", Field::CostToServe},
        {"Approval days", Field::ApprovalDays},
        {"Срок согласования", Field::ApprovalDays},
        {"Scope creep", Field::ScopeCreep},
        {"Бесплатные доработки", Field::ScopeCreep},
        {"Rush orders", Field::RushShare},
        {"Kiiretilaukset", Field::RushShare},
    };
    for (const Case& c : cases) {
        const auto g = triage::guess_header(c.header);
        ASSERT_TRUE(g) << c.header;
        EXPECT_EQ(g->field, c.field) << c.header << " -> " << triage::field_key(g->field);
        EXPECT_EQ(g->match, HeaderMatch::Exact) << c.header;
    }
}

TEST(HeaderGuess, UnitsNotesAndTotalsAreLooseMatches) {
    struct Case {
        const char* header;
        Field field;
    };
    const std::vector<Case> cases = {
        {"Revenue (EUR)", Field::Revenue},    {"Выручка, руб.", Field::Revenue},
        {"Total sales", Field::Revenue},      {"Liikevaihto EUR", Field::Revenue},
        {"Profit: 2024", Field::Profit},      {"Прибыль [тыс. руб.]", Field::Profit},
        {"Avg days late", Field::DaysLate},   {"Days late, avg", Field::DaysLate},
        {"Выручка клиента", Field::Revenue},  {"Средняя просрочка, дней", Field::DaysLate},
        {"Return rate %", Field::ReturnRate}, {"Complaints count", Field::Complaints},
        {"Customer revenue", Field::Revenue},
    };
    for (const Case& c : cases) {
        const auto g = triage::guess_header(c.header);
        ASSERT_TRUE(g) << c.header;
        EXPECT_EQ(g->field, c.field) << c.header << " -> " << triage::field_key(g->field);
    }
    EXPECT_EQ(triage::guess_header("Revenue (EUR)")->match, HeaderMatch::Loose);
    EXPECT_EQ(triage::guess_header("Return rate %")->match, HeaderMatch::Exact); // % is punctuation
}

TEST(HeaderGuess, WeakSynonymsAreMarked) {
    EXPECT_EQ(triage::guess_header("Email")->match, HeaderMatch::ExactWeak);
    EXPECT_EQ(triage::guess_header("Email")->field, Field::ClientId);
    EXPECT_EQ(triage::guess_header("Customer ID")->match, HeaderMatch::Exact);
    EXPECT_EQ(triage::guess_header("Customer ID")->field, Field::ClientId);
    EXPECT_EQ(triage::guess_header("Amount")->field, Field::Revenue);
    EXPECT_EQ(triage::guess_header("Amount")->match, HeaderMatch::ExactWeak);
}

TEST(HeaderGuess, UnrelatedHeadersNameNoField) {
    for (const char* h :
         {"", "   ", "123", "Product Name", "Order ID", "Segment", "Region", "Quantity",
          "Ship Mode", "Город", "Kaupunki", "Notes", "%", "Revenue and profit", "Discount"}) {
        EXPECT_EQ(field_of_header(h), std::nullopt) << h;
    }
}

// ---------------------------------------------------------------- whole header rows

TEST(HeaderRow, EnglishClientTable) {
    const std::vector<std::string> headers = {
        "Client",        "Revenue",     "Profit",     "Orders",         "Last order date",
        "Days late",     "Return rate", "Complaints", "Discount share", "Cost to serve",
        "Approval days", "Scope creep", "Rush share", "Notes"};
    const triage::HeaderMapping m = triage::recognize_headers(headers);
    EXPECT_TRUE(m.problems.empty());
    EXPECT_TRUE(m.has_required());
    EXPECT_EQ(m.column(Field::Client), 0u);
    EXPECT_EQ(m.column(Field::Revenue), 1u);
    EXPECT_EQ(m.column(Field::Profit), 2u);
    EXPECT_EQ(m.column(Field::Orders), 3u);
    EXPECT_EQ(m.column(Field::LastOrderDate), 4u);
    for (std::size_t i = 0; i < triage::kSignalCount; ++i) {
        EXPECT_EQ(m.column(triage::field_of(triage::kAllSignals[i])), 5 + i);
    }
    EXPECT_EQ(m.column(Field::FirstOrderDate), std::nullopt);
    EXPECT_EQ(m.column(Field::ServiceCost), std::nullopt);
}

TEST(HeaderRow, RussianAndFinnishTables) {
    const triage::HeaderMapping ru = triage::recognize_headers(
        {"№", "Контрагент", "Выручка, руб.", "Маржа", "Последний заказ", "Просрочка, дней",
         "Возвраты", "Жалобы", "Затраты на обслуживание"});
    EXPECT_TRUE(ru.problems.empty());
    EXPECT_EQ(ru.column(Field::Client), 1u);
    EXPECT_EQ(ru.column(Field::Revenue), 2u);
    EXPECT_EQ(ru.column(Field::Profit), 3u);
    EXPECT_EQ(ru.column(Field::LastOrderDate), 4u);
    EXPECT_EQ(ru.column(Field::DaysLate), 5u);
    EXPECT_EQ(ru.column(Field::ReturnRate), 6u);
    EXPECT_EQ(ru.column(Field::Complaints), 7u);
    EXPECT_EQ(ru.column(Field::ServiceCost), 8u);

    const triage::HeaderMapping fi =
        triage::recognize_headers({"ASIAKAS", "Liikevaihto (€)", "Kate", "Viimeisin tilaus",
                                   "Myöhästymispäivät", "Reklamaatiot", "Palautusaste"});
    EXPECT_TRUE(fi.problems.empty());
    EXPECT_EQ(fi.column(Field::Client), 0u);
    EXPECT_EQ(fi.column(Field::Revenue), 1u);
    EXPECT_EQ(fi.column(Field::Profit), 2u);
    EXPECT_EQ(fi.column(Field::LastOrderDate), 3u);
    EXPECT_EQ(fi.column(Field::DaysLate), 4u);
    EXPECT_EQ(fi.column(Field::Complaints), 5u);
    EXPECT_EQ(fi.column(Field::ReturnRate), 6u);
}

TEST(HeaderRow, SuperstoreHeadersNameTheClientAndItsId) {
    // The header row of ../shared/data/superstore/superstore_orders.csv.
    const std::vector<std::string> headers = {
        "Row ID",        "Order ID",   "Order Date", "Ship Date",    "Ship Mode",    "Customer ID",
        "Customer Name", "Segment",    "Country",    "City",         "State",        "Postal Code",
        "Region",        "Product ID", "Category",   "Sub-Category", "Product Name", "Sales",
        "Quantity",      "Discount",   "Profit"};
    const triage::HeaderMapping m = triage::recognize_headers(headers);
    EXPECT_EQ(m.column(Field::Client), 6u);
    EXPECT_EQ(m.column(Field::ClientId), 5u);
    EXPECT_EQ(m.key_column(TableKind::Clients), 6u);
    EXPECT_EQ(m.column(Field::Revenue), 17u);
    EXPECT_EQ(m.column(Field::Profit), 20u);
    EXPECT_EQ(m.column(Field::OrderId), std::nullopt); // not a client table's field
    EXPECT_TRUE(m.problems.empty());

    const triage::HeaderMapping t = triage::recognize_headers(headers, {}, TableKind::Transactions);
    EXPECT_EQ(t.column(Field::OrderId), 1u);
    EXPECT_EQ(t.column(Field::OrderDate), 2u);
    EXPECT_EQ(t.column(Field::Rush), 4u); // Ship Mode: "Same Day" is a rush order
    EXPECT_EQ(t.column(Field::ClientId), 5u);
    EXPECT_EQ(t.column(Field::Client), 6u);
    EXPECT_EQ(t.key_column(TableKind::Transactions), 5u);
    EXPECT_EQ(t.column(Field::Revenue), 17u);
    EXPECT_EQ(t.column(Field::Quantity), 18u);
    EXPECT_EQ(t.column(Field::Discount), 19u);
    EXPECT_EQ(t.column(Field::Profit), 20u);
    EXPECT_TRUE(t.problems.empty());
    EXPECT_EQ(triage::detect_table_kind(headers, {}, false), TableKind::Transactions);
}

TEST(HeaderRow, AccountsReceivableHeadersAreAnInvoiceList) {
    // ../shared/data/accounts-receivable/invoices.csv: an invoice table, not a client table.
    const std::vector<std::string> headers = {"countryCode",   "customerID",   "PaperlessDate",
                                              "invoiceNumber", "InvoiceDate",  "DueDate",
                                              "InvoiceAmount", "Disputed",     "SettledDate",
                                              "PaperlessBill", "DaysToSettle", "DaysLate"};
    EXPECT_EQ(triage::detect_table_kind(headers, {}, false), TableKind::Transactions);
    const triage::HeaderMapping m = triage::recognize_headers(headers, {}, TableKind::Transactions);
    EXPECT_EQ(m.column(Field::ClientId), 1u);
    EXPECT_EQ(m.column(Field::Client), std::nullopt);
    EXPECT_EQ(m.key_column(TableKind::Transactions), 1u);
    EXPECT_EQ(m.column(Field::OrderId), 3u);
    EXPECT_EQ(m.column(Field::OrderDate), 4u);
    EXPECT_EQ(m.column(Field::DueDate), 5u);
    EXPECT_EQ(m.column(Field::Revenue), 6u);
    EXPECT_EQ(m.column(Field::Disputed), 7u);
    EXPECT_EQ(m.column(Field::PaidDate), 8u);
    EXPECT_EQ(m.column(Field::DaysLate), 11u);
    EXPECT_TRUE(m.has_required());
    EXPECT_TRUE(m.problems.empty());
}

TEST(HeaderRow, TableKindFollowsTheHeadersAndRepeats) {
    const std::vector<std::string> clients = {"Client", "Profit", "Last order date", "Days late"};
    EXPECT_EQ(triage::detect_table_kind(clients, {}, false), TableKind::Clients);
    EXPECT_EQ(triage::detect_table_kind(clients, {}, true), TableKind::Transactions);
    // An order date with a per-client field beside it is still a client table.
    EXPECT_EQ(triage::detect_table_kind({"Client", "Date", "Revenue", "Orders"}, {}, false),
              TableKind::Clients);
    EXPECT_EQ(triage::detect_table_kind({"Контрагент", "Дата", "Сумма"}, {}, false),
              TableKind::Transactions);
    EXPECT_EQ(triage::detect_table_kind({"Asiakas", "Laskunumero", "Summa"}, {}, false),
              TableKind::Transactions);
    EXPECT_EQ(triage::table_kind_from_key("transactions"), TableKind::Transactions);
    EXPECT_EQ(triage::table_kind_from_key(triage::table_kind_key(TableKind::Clients)),
              TableKind::Clients);
    EXPECT_EQ(triage::table_kind_from_key("orders"), std::nullopt);
}

TEST(HeaderRow, TwoEqualCandidatesAssignNeither) {
    const triage::HeaderMapping m =
        triage::recognize_headers({"Client", "Profit", "Revenue", "Margin"});
    EXPECT_EQ(m.column(Field::Profit), std::nullopt);
    EXPECT_EQ(m.column(Field::Revenue), 2u);
    EXPECT_TRUE(m.has_required()); // revenue is enough
    ASSERT_EQ(m.problems.size(), 1u);
    const triage::HeaderProblem& p = m.problems[0];
    EXPECT_EQ(p.kind, HeaderProblemKind::Ambiguous);
    EXPECT_EQ(p.field, Field::Profit);
    EXPECT_EQ(p.columns, (std::vector<std::size_t>{1, 3}));
    EXPECT_NE(p.message(Lang::En).find("2 \"Profit\", 4 \"Margin\""), std::string::npos)
        << p.message(Lang::En);
    EXPECT_NE(p.message(Lang::En).find("None of them is used"), std::string::npos);
    EXPECT_NE(p.message(Lang::Ru).find("«Прибыль»"), std::string::npos) << p.message(Lang::Ru);
    EXPECT_NE(p.message(Lang::Fi).find("Mitään ei käytetä"), std::string::npos);
}

TEST(HeaderRow, AnExactSynonymBeatsALooseOne) {
    const triage::HeaderMapping m =
        triage::recognize_headers({"Customer", "Revenue (EUR)", "Revenue", "Profit"});
    EXPECT_EQ(m.column(Field::Revenue), 2u);
    ASSERT_EQ(m.problems.size(), 1u);
    EXPECT_EQ(m.problems[0].kind, HeaderProblemKind::Ambiguous);
    EXPECT_EQ(m.problems[0].field, Field::Revenue);
    EXPECT_EQ(m.problems[0].columns, (std::vector<std::size_t>{1, 2}));
}

TEST(HeaderRow, DuplicatedHeaderIsAmbiguousAndMissingRequiredIsReported) {
    const triage::HeaderMapping m = triage::recognize_headers({"Profit", "Profit", "Notes"});
    EXPECT_EQ(m.column(Field::Profit), std::nullopt);
    ASSERT_EQ(m.problems.size(), 3u);
    EXPECT_EQ(m.problems[0].kind, HeaderProblemKind::Ambiguous);
    EXPECT_EQ(m.problems[1].kind, HeaderProblemKind::MissingClient);
    EXPECT_EQ(m.problems[1].field, Field::Client);
    EXPECT_EQ(m.problems[2].kind, HeaderProblemKind::MissingProfitOrRevenue);
    for (const auto& p : m.problems) {
        for (Lang lang : {Lang::En, Lang::Ru, Lang::Fi}) {
            EXPECT_FALSE(p.message(lang).empty());
        }
    }
    EXPECT_NE(m.problems[1].message(Lang::Ru).find("клиент"), std::string::npos);
}

TEST(HeaderRow, EmptyRowMissesBothRequiredFields) {
    const triage::HeaderMapping m = triage::recognize_headers({});
    ASSERT_EQ(m.problems.size(), 2u);
    EXPECT_EQ(m.problems[0].kind, HeaderProblemKind::MissingClient);
    EXPECT_EQ(m.problems[1].kind, HeaderProblemKind::MissingProfitOrRevenue);
}

TEST(HeaderRow, MissingRequiredForAnEditedMapping) {
    std::array<std::optional<std::size_t>, triage::kFieldCount> columns{};
    EXPECT_EQ(triage::missing_required(columns).size(), 2u);
    columns[triage::field_index(Field::Client)] = 0;
    columns[triage::field_index(Field::Revenue)] = 3;
    EXPECT_TRUE(triage::missing_required(columns).empty());
}

TEST(HeaderRow, MessagesStayValidAndShortForHostileHeaders) {
    const std::string long_header = "Profit (" + std::string(500, 'x') + ")";
    std::vector<std::string> headers = {"Client", "Profit", "\xFFProfit\x01", long_header,
                                        "Profit"};
    for (int i = 0; i < 20; ++i) {
        headers.push_back("Profit");
    }
    const triage::HeaderMapping m = triage::recognize_headers(headers);
    ASSERT_FALSE(m.problems.empty());
    const triage::HeaderProblem& p = m.problems[0];
    EXPECT_EQ(p.field, Field::Profit);
    EXPECT_EQ(p.columns.size(), 24u);
    for (Lang lang : {Lang::En, Lang::Ru, Lang::Fi}) {
        EXPECT_TRUE(valid_utf8(p.message(lang)));
        EXPECT_LT(p.message(lang).size(), 600u);
        EXPECT_EQ(p.message(lang).find('\x01'), std::string::npos);
    }
}

} // namespace
