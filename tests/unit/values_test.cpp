// Values as exports have them: dates, numbers and flags as text (core/values.hpp).
#include "core/values.hpp"

#include <gtest/gtest.h>

#include <cmath>

using triage::DateOrder;
using triage::DecimalMark;

namespace {

double day(int y, int m, int d) {
    return triage::serial_from_civil(y, m, d);
}

} // namespace

TEST(DaySerials, MatchCalcsDateSerials) {
    EXPECT_EQ(day(1899, 12, 30), 0);
    EXPECT_EQ(day(1899, 12, 31), 1);
    EXPECT_EQ(day(1900, 3, 1), 61); // Calc, unlike Excel, has no 29 Feb 1900
    EXPECT_EQ(day(2025, 1, 1), 45658);
    EXPECT_EQ(day(2006, 12, 31), 39082);
    EXPECT_EQ(triage::iso_date(45658), "2025-01-01");
    EXPECT_EQ(triage::iso_date(45658.75), "2025-01-01"); // the time of day is dropped
    for (double s = -1000; s < 80000; s += 37) {
        const triage::CivilDate c = triage::civil_from_serial(s);
        EXPECT_EQ(day(c.year, c.month, c.day), s);
    }
    EXPECT_FALSE(triage::valid_civil(2023, 2, 29));
    EXPECT_TRUE(triage::valid_civil(2024, 2, 29));
    EXPECT_FALSE(triage::valid_civil(2024, 13, 1));
}

TEST(DateText, IsoWithOrWithoutTimeAndZone) {
    const double d = day(2026, 4, 5);
    for (const char* text :
         {"2026-04-05", " 2026-04-05 ", "2026-04-05 21:06:21 +0400", "2026-04-05T21:06:21Z",
          "2026-04-05T21:06:21.123+03:00", "2026/04/05", "20260405"}) {
        EXPECT_EQ(triage::parse_date_text(text, DateOrder::MonthFirst), d) << text;
        EXPECT_EQ(triage::parse_date_text(text, DateOrder::DayFirst), d) << text;
    }
}

TEST(DateText, DotsAreDayFirstSlashesFollowTheOrder) {
    EXPECT_EQ(triage::parse_date_text("05.04.2026", DateOrder::MonthFirst), day(2026, 4, 5));
    EXPECT_EQ(triage::parse_date_text("5.4.26", DateOrder::MonthFirst), day(2026, 4, 5));
    EXPECT_EQ(triage::parse_date_text("01.01.2025 0:00:00", DateOrder::MonthFirst),
              day(2025, 1, 1));
    EXPECT_EQ(triage::parse_date_text("03/01/23", DateOrder::DayFirst), day(2023, 1, 3));
    EXPECT_EQ(triage::parse_date_text("03/01/23", DateOrder::MonthFirst), day(2023, 3, 1));
    EXPECT_EQ(triage::parse_date_text("12/30/25", DateOrder::MonthFirst), day(2025, 12, 30));
    EXPECT_EQ(triage::parse_date_text("1/2/2013", DateOrder::MonthFirst), day(2013, 1, 2));
    EXPECT_EQ(triage::parse_date_text("30-12-2025", DateOrder::DayFirst), day(2025, 12, 30));
    EXPECT_EQ(triage::parse_date_text("01/02/29", DateOrder::DayFirst), day(2029, 2, 1));
    EXPECT_EQ(triage::parse_date_text("01/02/30", DateOrder::DayFirst), day(1930, 2, 1));
}

TEST(DateText, NotDates) {
    for (const char* text :
         {"", "yesterday", "2026-13-01", "2026-02-30", "31/31/2020", "12/30/25", "1/2/3", "2026-04",
          "2026-04-05x", "123456789", "20261301", "05.04.2026 garbage", "US-2023-103800", "--"}) {
        EXPECT_FALSE(triage::parse_date_text(text, DateOrder::DayFirst)) << text;
    }
}

TEST(DateText, OrderEvidence) {
    EXPECT_EQ(triage::date_order_evidence("13/01/23"), DateOrder::DayFirst);
    EXPECT_EQ(triage::date_order_evidence("01/13/23"), DateOrder::MonthFirst);
    EXPECT_EQ(triage::date_order_evidence("01/02/23"), std::nullopt);
    EXPECT_EQ(triage::date_order_evidence("13.01.2023"), std::nullopt); // dots always day first
    EXPECT_EQ(triage::date_order_evidence("2023-01-13"), std::nullopt);
}

TEST(DateNumber, CellsAndYyyymmdd) {
    EXPECT_EQ(triage::date_from_number(45658.5), 45658);
    EXPECT_EQ(triage::date_from_number(19970101), day(1997, 1, 1));
    EXPECT_FALSE(triage::date_from_number(19971301));
    EXPECT_FALSE(triage::date_from_number(19970101.5));
    EXPECT_FALSE(triage::date_from_number(-3));
    EXPECT_FALSE(triage::date_from_number(NAN));
    EXPECT_FALSE(triage::date_from_number(5e6)); // beyond the year 9999
}

TEST(NumberText, CurrenciesSeparatorsAndSigns) {
    struct Case {
        const char* text;
        DecimalMark mark;
        double value;
    };
    const Case cases[] = {
        {"$1,149.00", DecimalMark::Point, 1149},
        {"($33.62)", DecimalMark::Point, -33.62},
        {"-$0.36", DecimalMark::Point, -0.36},
        {"55\xC2\xA0"
         "448,00",
         DecimalMark::Point, 55448}, // no-break space, decimal comma
        {"55 448,00", DecimalMark::Point, 55448},
        {"1 149,00 \xE2\x82\xBD", DecimalMark::Point, 1149}, // ₽
        {"1 149,00 \xE2\x82\xAC", DecimalMark::Point, 1149}, // €
        {"1149,50 руб.", DecimalMark::Point, 1149.5},
        {"1.149,50", DecimalMark::Point, 1149.5},
        {"1,149", DecimalMark::Point, 1149},
        {"1,149", DecimalMark::Comma, 1.149},
        {"1,5", DecimalMark::Point, 1.5},
        {"0,125", DecimalMark::Point, 0.125},
        {"1.234.567", DecimalMark::Point, 1234567},
        {"16.448", DecimalMark::Point, 16.448},
        {"20%", DecimalMark::Point, 0.2},
        {"5-", DecimalMark::Point, -5},
        {"\xE2\x88\x92"
         "7",
         DecimalMark::Point, -7}, // U+2212
        {"EUR 12.50", DecimalMark::Point, 12.5},
        {"1'234.50", DecimalMark::Point, 1234.5},
        {"+3", DecimalMark::Point, 3},
        {".5", DecimalMark::Point, 0.5},
    };
    for (const Case& c : cases) {
        const auto v = triage::parse_number_text(c.text, c.mark);
        ASSERT_TRUE(v) << c.text;
        EXPECT_DOUBLE_EQ(*v, c.value) << c.text;
    }
}

TEST(NumberText, NotNumbers) {
    for (const char* text : {"", "abc", "1,2,3.4.5", "12 34", "1 2345", "$", "1.2.3,4,5", "--5",
                             "1e5", "5 apples", "()", "1,23,456", "12-34"}) {
        EXPECT_FALSE(triage::parse_number_text(text, DecimalMark::Point)) << text;
    }
}

TEST(NumberText, DecimalMarkEvidence) {
    EXPECT_EQ(triage::decimal_mark_evidence("1,5"), DecimalMark::Comma);
    EXPECT_EQ(triage::decimal_mark_evidence("1 149,00"), DecimalMark::Comma);
    EXPECT_EQ(triage::decimal_mark_evidence("1.149,00"), DecimalMark::Comma);
    EXPECT_EQ(triage::decimal_mark_evidence("1,149.00"), DecimalMark::Point);
    EXPECT_EQ(triage::decimal_mark_evidence("1.5"), DecimalMark::Point);
    EXPECT_EQ(triage::decimal_mark_evidence("1,149"), std::nullopt);
    EXPECT_EQ(triage::decimal_mark_evidence("1149"), std::nullopt);
}

TEST(Flags, YesNoInThreeLanguages) {
    for (const char* yes : {"Yes", "TRUE", "1", "да", "Да", "kyllä", "KYLLÄ", "x", "y"}) {
        EXPECT_EQ(triage::parse_flag_text(yes), true) << yes;
    }
    for (const char* no : {"No", "false", "0", "нет", "ei", "EI", "-", " n "}) {
        EXPECT_EQ(triage::parse_flag_text(no), false) << no;
    }
    EXPECT_EQ(triage::parse_flag_text("paid"), std::nullopt);
}

TEST(Words, StatusWordsAndTotals) {
    using triage::StatusWord;
    EXPECT_EQ(triage::status_word("refunded"), StatusWord::Returned);
    EXPECT_EQ(triage::status_word("partially_refunded"), StatusWord::Returned);
    EXPECT_EQ(triage::status_word("Credit Memo"), StatusWord::Returned);
    EXPECT_EQ(triage::status_word("Возврат"), StatusWord::Returned);
    EXPECT_EQ(triage::status_word("hyvitetty"), StatusWord::Returned);
    EXPECT_EQ(triage::status_word("Disputed"), StatusWord::Disputed);
    EXPECT_EQ(triage::status_word("претензия"), StatusWord::Disputed);
    EXPECT_EQ(triage::status_word("Express"), StatusWord::Rush);
    EXPECT_EQ(triage::status_word("срочно"), StatusWord::Rush);
    EXPECT_EQ(triage::status_word("paid"), StatusWord::None);
    EXPECT_TRUE(triage::is_total_label("Total"));
    EXPECT_TRUE(triage::is_total_label("Total for Acme Ltd"));
    EXPECT_TRUE(triage::is_total_label("Grand Total"));
    EXPECT_TRUE(triage::is_total_label("Итого:"));
    EXPECT_TRUE(triage::is_total_label("Yhteensä"));
    EXPECT_FALSE(triage::is_total_label("Totally Awesome Ltd"));
    EXPECT_FALSE(triage::is_total_label("Acme Total Supply"));
    EXPECT_EQ(triage::trim_text("\xC2\xA0 abc \xE2\x80\xAF"), "abc");
}
