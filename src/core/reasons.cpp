#include "core/reasons.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace triage {

namespace {

// ---------------------------------------------------------------- grammar data

// How a language picks the form of a noun after a number.
enum class PluralRule {
    OneOther,   // English, Finnish: exactly 1 -> one, anything else -> many
    EastSlavic, // Russian: 1, 21, 31 -> one; 2-4, 22-24 -> few; 0, 5-20, 11-14 -> many;
                // a fraction -> few ("1,5 дня")
};

enum class PluralForm { One, Few, Many };

constexpr std::array<PluralRule, 3> kPluralRules = {
    PluralRule::OneOther,   // en
    PluralRule::EastSlavic, // ru
    PluralRule::OneOther,   // fi
};

struct PluralNoun {
    Localized one;
    Localized few;
    Localized many;
    const char* in(PluralForm form, Lang lang) const {
        switch (form) {
        case PluralForm::One:
            return one.in(lang);
        case PluralForm::Few:
            return few.in(lang);
        case PluralForm::Many:
            break;
        }
        return many.in(lang);
    }
};

constexpr PluralNoun kDays = {
    {"day", "день", "päivä"},
    {"days", "дня", "päivää"},
    {"days", "дней", "päivää"},
};

constexpr PluralNoun kComplaints = {
    {"complaint", "жалоба", "valitus"},
    {"complaints", "жалобы", "valitusta"},
    {"complaints", "жалоб", "valitusta"},
};

constexpr Localized kDecimalSeparator = {".", ",", ","};
constexpr Localized kPercent = {"{}%", "{}%", "{} %"}; // Finnish writes a space before %
constexpr Localized kNumberAndNoun = {"{} {}", "{} {}", "{} {}"};

// ---------------------------------------------------------------- the signals' texts

enum class Unit { Days, Percent, Count, Ratio };

struct SignalText {
    Localized label;  // short name
    Localized phrase; // "{}" stands for the value with its unit
    Unit unit;
};

// One row per signal, in the spec's table order (signal_index()).
constexpr std::array<SignalText, kSignalCount> kSignalTexts = {{
    {{"late payment", "просрочка оплаты", "maksuviive"},
     {"late payment {}", "просрочка оплаты {}", "maksuviive {}"},
     Unit::Days},
    {{"returns", "возвраты", "palautukset"},
     {"returns {}", "возвраты {}", "palautukset {}"},
     Unit::Percent},
    {{"complaints", "жалобы", "valitukset"}, {"{}", "{}", "{}"}, Unit::Count},
    {{"discount purchases", "покупки со скидкой", "alennusostot"},
     {"discount purchases {}", "покупки со скидкой {}", "alennusostot {}"},
     Unit::Percent},
    {{"cost to serve", "затраты на обслуживание", "palvelukulut"},
     {"cost to serve {} of profit", "затраты на обслуживание {} от прибыли",
      "palvelukulut {} katteesta"},
     Unit::Ratio},
    {{"slow approvals", "долгие согласования", "hitaat hyväksynnät"},
     {"approvals take {}", "согласование занимает {}", "hyväksyntä kestää {}"},
     Unit::Days},
    {{"unpaid extra work", "бесплатные доработки", "maksuton lisätyö"},
     {"unpaid extra work {} of contract", "бесплатные доработки {} от договора",
      "maksuton lisätyö {} sopimuksesta"},
     Unit::Ratio},
    {{"rush orders", "срочные заказы", "kiiretilaukset"},
     {"rush orders {}", "срочные заказы {}", "kiiretilaukset {}"},
     Unit::Percent},
}};

// cost_to_serve == kCostExceedsProfit: the profit is <= 0, there is no ratio to show.
constexpr Localized kCostExceedsProfitText = {"cost to serve exceeds profit",
                                              "затраты на обслуживание превышают прибыль",
                                              "palvelukulut ylittävät katteen"};

constexpr std::string_view kReasonSeparator = "; ";
constexpr std::string_view kUnderOnePoint = "<1";

// ---------------------------------------------------------------- helpers

// `value` with at most `decimals` decimals, trailing zeros dropped, in the language's
// decimal notation: 45, 4.5, 0.45 / 4,5.
std::string format_number(double value, int decimals, Lang lang) {
    const int size = std::snprintf(nullptr, 0, "%.*f", decimals, value);
    if (size <= 0) {
        return "?";
    }
    std::string text(static_cast<std::size_t>(size) + 1, '\0');
    std::snprintf(text.data(), text.size(), "%.*f", decimals, value);
    text.resize(static_cast<std::size_t>(size));
    const std::size_t point = text.find('.');
    if (point != std::string::npos) {
        while (text.back() == '0') {
            text.pop_back();
        }
        if (text.back() == '.') {
            text.pop_back();
        } else {
            text.replace(point, 1, kDecimalSeparator.in(lang));
        }
    }
    if (text == "-0") {
        text = "0";
    }
    return text;
}

// The noun form for a number as shown (so "1.0" shown as "1" takes the singular).
PluralForm plural_form(std::string_view shown, Lang lang) {
    const bool fraction = shown.find_first_not_of("0123456789") != std::string_view::npos;
    const PluralRule rule = kPluralRules[static_cast<std::size_t>(lang)];
    if (rule == PluralRule::OneOther) {
        return shown == "1" ? PluralForm::One : PluralForm::Many;
    }
    if (fraction) {
        return PluralForm::Few;
    }
    const int last = shown.back() - '0';
    const int tens = shown.size() >= 2 ? shown[shown.size() - 2] - '0' : 0;
    if (tens == 1) {
        return PluralForm::Many;
    }
    if (last == 1) {
        return PluralForm::One;
    }
    if (last >= 2 && last <= 4) {
        return PluralForm::Few;
    }
    return PluralForm::Many;
}

std::string with_noun(double value, const PluralNoun& noun, Lang lang) {
    const std::string number = format_number(value, 1, lang);
    return fill_placeholders(kNumberAndNoun.in(lang),
                             {number, noun.in(plural_form(number, lang), lang)});
}

std::string format_value(Unit unit, double value, Lang lang) {
    switch (unit) {
    case Unit::Days:
        return with_noun(value, kDays, lang);
    case Unit::Count:
        return with_noun(value, kComplaints, lang);
    case Unit::Percent:
        return fill_placeholders(kPercent.in(lang), {format_number(value * 100.0, 1, lang)});
    case Unit::Ratio:
        break;
    }
    return format_number(value, 2, lang);
}

std::string format_points(double points) {
    const double rounded = std::round(points);
    if (rounded < 1.0) {
        return std::string(kUnderOnePoint);
    }
    return format_number(rounded, 0, Lang::En);
}

} // namespace

const char* signal_label(Signal signal, Lang lang) {
    return kSignalTexts[signal_index(signal)].label.in(lang);
}

std::string describe_signal_value(Signal signal, double value, Lang lang) {
    if (signal == Signal::CostToServe && value >= kCostExceedsProfit) {
        return kCostExceedsProfitText.in(lang);
    }
    const SignalText& text = kSignalTexts[signal_index(signal)];
    return fill_placeholders(text.phrase.in(lang), {format_value(text.unit, value, lang)});
}

std::vector<Reason> top_reasons(const SignalValues& values, const RiskResult& result,
                                std::size_t max) {
    std::vector<Reason> reasons;
    for (Signal s : kAllSignals) {
        const std::size_t i = signal_index(s);
        if (result.points[i] > 0.0) {
            reasons.push_back({s, values[i].value_or(0.0), result.points[i]});
        }
    }
    std::stable_sort(reasons.begin(), reasons.end(),
                     [](const Reason& a, const Reason& b) { return a.points > b.points; });
    if (reasons.size() > max) {
        reasons.resize(max);
    }
    return reasons;
}

std::optional<Signal> top_signal(const RiskResult& result) {
    std::optional<Signal> top;
    double best = 0.0;
    for (Signal s : kAllSignals) {
        const double points = result.points[signal_index(s)];
        if (points > best) {
            best = points;
            top = s;
        }
    }
    return top;
}

std::string format_reasons(const std::vector<Reason>& reasons, Lang lang) {
    std::string out;
    for (const Reason& r : reasons) {
        if (!out.empty()) {
            out += kReasonSeparator;
        }
        out += describe_signal_value(r.signal, r.value, lang);
        out += " (+";
        out += format_points(r.points);
        out += ')';
    }
    return out;
}

} // namespace triage
