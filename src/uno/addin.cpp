// The Calc add-in: one UNO object whose methods are the worksheet functions. It converts
// arguments, calls the core and converts results back; the texts the Function Wizard shows
// come from the function table.

#include "uno/args.hpp"
#include "uno/components.hpp"
#include "uno/document_rules.hpp"
#include "uno/function_table.hpp"
#include "uno/model_functions.hpp"
#include "uno/ui_language.hpp"
#include "uno/uno_names.hpp"

#include "core/cadence.hpp"
#include "core/lang.hpp"
#include "core/population_cache.hpp"
#include "core/reasons.hpp"
#include "core/rfm.hpp"
#include "core/risk.hpp"
#include "core/tier.hpp"
#include "core/tier_movement.hpp"
#include "core/verdict.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/sheet/LocalizedName.hpp>
#include <com/sun/star/sheet/XAddIn.hpp>
#include <com/sun/star/sheet/XCompatibilityNames.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase5.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/clienttriage/XClientTriage.hpp>
#include <uno/lbnames.h>
#include <uno/mapping.hxx>

#include <atomic>
#include <cmath>
#include <memory>
#include <mutex>
#include <string>

namespace triage::uno {

namespace {

constexpr const char* kImplementationName = "org.clienttriage.ClientTriageAddIn";
constexpr const char* kServiceName = "org.clienttriage.ClientTriage";
constexpr const char* kAddInService = "com.sun.star.sheet.AddIn";

// Prepared populations kept between calls: a column of per-row formulas over one range
// prepares it once.
constexpr std::size_t kCachedPopulations = 16;
constexpr std::size_t kCachedPopulationBytes = 64u << 20;

Sequence<OUString> supported_services() {
    Sequence<OUString> names(2);
    names.getArray()[0] = OUString::createFromAscii(kServiceName);
    names.getArray()[1] = OUString::createFromAscii(kAddInService);
    return names;
}

// The document's shares, or the ones the formula gives.
TierShares shares_from(const Any& a_share, const Any& b_share, TierShares shares) {
    if (const auto a = optional_number(a_share, "a_share")) {
        shares.a = *a;
    }
    if (const auto b = optional_number(b_share, "b_share")) {
        shares.b = *b;
    }
    validate_shares(shares);
    return shares;
}

SignalValues signals_from(const std::vector<Cell>& cells) {
    SignalValues values;
    for (Signal s : kAllSignals) {
        const std::string key(signal_key(s));
        values[signal_index(s)] = number_or_empty(cells[signal_index(s)], key.c_str());
    }
    return values;
}

std::vector<Any> signal_arguments(const Any& days_late, const Any& return_rate,
                                  const Any& complaints, const Any& discount_share,
                                  const Any& cost_to_serve, const Any& approval_days,
                                  const Any& scope_creep, const Any& rush_share) {
    return {days_late,     return_rate,   complaints,  discount_share,
            cost_to_serve, approval_days, scope_creep, rush_share};
}

int whole_number(double value, const char* what, int low, int high) {
    if (!(value >= low && value <= high) || value != static_cast<double>(static_cast<int>(value))) {
        throw_invalid(std::string(what) + " must be a whole number from " + std::to_string(low) +
                      " to " + std::to_string(high));
    }
    return static_cast<int>(value);
}

// A population argument as a range: a range as it is, a single value as a range of one
// (given as a population, a single value is a population of one client).
Range population_range(const Any& argument, const char* what) {
    Range range;
    if (argument >>= range) {
        return range;
    }
    if (!argument.hasValue()) {
        throw_invalid(std::string(what) + " is required");
    }
    range.realloc(1);
    range.getArray()[0] = Sequence<Any>(&argument, 1);
    return range;
}

// Calc's last date, 32767-12-31, as a serial (days since 1899-12-30). Serials further from 0
// than this are no dates Calc can show (TEXT gives #FMT), and at magnitudes such as 1E+300 a
// gap of days is lost to rounding: PROSPECT_NEXT(1E+300;1) would give the first contact
// itself, a silently wrong date.
constexpr double kLastCalcDate = 11274306;

void require_calendar_date(double serial, const char* what) {
    if (!(std::fabs(serial) <= kLastCalcDate)) {
        throw_invalid(std::string(what) + " must be a date serial from -11274306 to 11274306 " +
                      "(32767-12-31, Calc's last date)");
    }
}

// The Function Wizard's methods declare no exception: should one fail (only an allocation
// can), it answers with empty text instead of letting a C++ exception into the office.
template <class Body> OUString text_or_empty(Body&& body) noexcept {
    try {
        return body();
    } catch (...) {
        return OUString();
    }
}

Any text_result(const std::string& utf8) {
    return Any(to_ou(utf8));
}

Any tier_text(Tier tier) {
    static const OUString letters[] = {OUString("A"), OUString("B"), OUString("C"), OUString("D")};
    return Any(letters[static_cast<int>(tier)]);
}

// The two lines of CLIENT_TIER_CUTOFFS's result, in a row or a column of two cells.
TierCutoffs cutoffs_from_cells(const Range& cells) {
    std::optional<double> lines[2];
    int count = 0;
    for (const auto& row : cells) {
        for (const Any& value : row) {
            if (count < 2) {
                lines[count] = number_or_empty(cell_of(value), count == 0 ? "the smallest A value"
                                                                          : "the smallest B value");
            }
            ++count;
        }
    }
    if (count != 2) {
        throw_invalid("cutoffs must be the two cells CLIENT_TIER_CUTOFFS gives");
    }
    return tier_cutoffs_from_lines(lines[0], lines[1]);
}

class ClientTriageAddIn
    : public cppu::WeakImplHelper5<org::clienttriage::XClientTriage, css::sheet::XAddIn,
                                   css::sheet::XCompatibilityNames, css::lang::XServiceName,
                                   css::lang::XServiceInfo> {
public:
    explicit ClientTriageAddIn(const Reference<css::uno::XComponentContext>& context)
        : context_(context), tier_cache_(kCachedPopulations, kCachedPopulationBytes),
          rfm_cache_(kCachedPopulations, kCachedPopulationBytes) {
        // The mapping queries and acquires this object: held meanwhile, so that a release to
        // zero does not delete it half made.
        // Only the first instance (Calc's, made when the office starts) is kept bridged: the
        // proxy keeps it alive, and a macro's own instances must not pile up.
        static std::atomic<bool> bridged_one{false};
        if (!bridged_one.exchange(true)) {
            osl_atomic_increment(&m_refCount);
            keep_bridged();
            osl_atomic_decrement(&m_refCount);
        }
    }

    // XClientTriage
    Any SAL_CALL clientTier(const Reference<css::beans::XPropertySet>& document, const Any& value,
                            const Range& values, const Any& a_share, const Any& b_share) override {
        return guarded([&] {
            const auto cutoffs =
                prepared_cutoffs(values, shares_from(a_share, b_share, rules_of(document)->shares));
            return elementwise({value}, [&](const std::vector<Cell>& cells) {
                return tier_text(tier_of(required_number(cells[0], "value"), *cutoffs));
            });
        });
    }

    Any SAL_CALL clientTierCutoffs(const Reference<css::beans::XPropertySet>& document,
                                   const Range& values, const Any& a_share,
                                   const Any& b_share) override {
        return guarded([&] {
            const auto cutoffs =
                prepared_cutoffs(values, shares_from(a_share, b_share, rules_of(document)->shares));
            Range result(1);
            result.getArray()[0].realloc(2);
            if (cutoffs->has_positive()) {
                result.getArray()[0].getArray()[0] <<= cutoffs->a_min;
                result.getArray()[0].getArray()[1] <<= cutoffs->b_min;
            } else { // no positive value, no lines: two empty cells
                result.getArray()[0].getArray()[0] <<= OUString();
                result.getArray()[0].getArray()[1] <<= OUString();
            }
            return Any(result);
        });
    }

    Any SAL_CALL clientTierByCutoffs(const Any& value, const Range& cutoffs) override {
        return guarded([&] {
            const TierCutoffs lines = cutoffs_from_cells(cutoffs);
            return elementwise({value}, [&](const std::vector<Cell>& cells) {
                return tier_text(tier_of(required_number(cells[0], "value"), lines));
            });
        });
    }

    Any SAL_CALL clientTierMovement(const Reference<css::beans::XPropertySet>& document,
                                    const Any& value_before, const Range& values_before,
                                    const Any& value_now, const Range& values_now,
                                    const Any& a_share, const Any& b_share) override {
        return guarded([&] {
            const TierShares shares = shares_from(a_share, b_share, rules_of(document)->shares);
            const auto before = prepared_cutoffs(values_before, shares);
            const auto now = prepared_cutoffs(values_now, shares);
            const Lang language = labels_lang();
            return elementwise({value_before, value_now}, [&](const std::vector<Cell>& cells) {
                const auto tier_in = [](const std::optional<double>& value,
                                        const TierCutoffs& cutoffs) -> std::optional<Tier> {
                    if (value) {
                        return tier_of(*value, cutoffs);
                    }
                    return std::nullopt;
                };
                return text_result(
                    movement_text(tier_in(number_or_empty(cells[0], "value_before"), *before),
                                  tier_in(number_or_empty(cells[1], "value_now"), *now), language));
            });
        });
    }

    Any SAL_CALL clientRisk(const Reference<css::beans::XPropertySet>& document,
                            const Any& days_late, const Any& return_rate, const Any& complaints,
                            const Any& discount_share, const Any& cost_to_serve,
                            const Any& approval_days, const Any& scope_creep,
                            const Any& rush_share) override {
        return guarded([&] {
            const auto rules = rules_of(document);
            return elementwise(
                signal_arguments(days_late, return_rate, complaints, discount_share, cost_to_serve,
                                 approval_days, scope_creep, rush_share),
                [&](const std::vector<Cell>& cells) {
                    return Any(risk_score(signals_from(cells), rules->signals).score);
                });
        });
    }

    Any SAL_CALL clientReasons(const Reference<css::beans::XPropertySet>& document,
                               const Any& days_late, const Any& return_rate, const Any& complaints,
                               const Any& discount_share, const Any& cost_to_serve,
                               const Any& approval_days, const Any& scope_creep,
                               const Any& rush_share) override {
        return guarded([&] {
            const Lang language = labels_lang();
            const auto rules = rules_of(document);
            return elementwise(
                signal_arguments(days_late, return_rate, complaints, discount_share, cost_to_serve,
                                 approval_days, scope_creep, rush_share),
                [&](const std::vector<Cell>& cells) {
                    const SignalValues values = signals_from(cells);
                    const RiskResult risk = risk_score(values, rules->signals);
                    return text_result(format_reasons(top_reasons(values, risk), language));
                });
        });
    }

    Any SAL_CALL clientVerdict(const Reference<css::beans::XPropertySet>& document, const Any& tier,
                               const Any& risk, const Any& days_since_last_order,
                               const Any& usual_days_between_orders) override {
        return guarded([&] {
            const Lang language = labels_lang();
            const auto rules = rules_of(document);
            return elementwise(
                {tier, risk, days_since_last_order, usual_days_between_orders},
                [&](const std::vector<Cell>& cells) {
                    const auto parsed = parse_tier(required_text(cells[0], "tier"));
                    if (!parsed) {
                        throw_invalid("tier must be A, B, C or D");
                    }
                    // A client without risk data has no known risk: the low band.
                    const auto score = number_or_empty(cells[1], "risk");
                    const Band band = score ? risk_band(*score, rules->bands) : Band::Low;
                    const Verdict verdict = verdict_for(
                        *parsed, band, number_or_empty(cells[2], "days_since_last_order"),
                        number_or_empty(cells[3], "usual_days_between_orders"), rules->verdicts);
                    return Any(OUString::fromUtf8(verdict_label(verdict, language)));
                });
        });
    }

    Any SAL_CALL clientAction(const Reference<css::beans::XPropertySet>&,
                              const Any& verdict) override {
        return guarded([&] {
            const Lang language = labels_lang();
            return elementwise({verdict}, [&](const std::vector<Cell>& cells) {
                const auto parsed = parse_verdict(required_text(cells[0], "verdict"));
                if (!parsed) {
                    throw_invalid("verdict must be a verdict label such as Keep or Let go");
                }
                return Any(OUString::fromUtf8(generic_next_step(*parsed, language)));
            });
        });
    }

    Any SAL_CALL clientRfm(const Reference<css::beans::XPropertySet>&, const Any& recency,
                           const Any& frequency, const Any& monetary, const Any& recency_population,
                           const Any& frequency_population, const Any& monetary_population,
                           const Any& bins) override {
        return guarded([&] {
            const int bin_count =
                whole_number(optional_number(bins, "bins").value_or(kDefaultRfmBins), "bins",
                             kMinRfmBins, kMaxRfmBins);
            // Left out, the three populations are the scored clients themselves (the array
            // form over whole columns then hands Calc three columns to convert, not six).
            const bool given = recency_population.hasValue() || frequency_population.hasValue() ||
                               monetary_population.hasValue();
            if (!given && recency.getValueTypeClass() != css::uno::TypeClass_SEQUENCE) {
                throw_invalid("recency_values, frequency_values and monetary_values are required "
                              "for a single client");
            }
            const Range recency_values =
                population_range(given ? recency_population : recency, "recency_values");
            const Range frequency_values =
                population_range(given ? frequency_population : frequency, "frequency_values");
            const Range monetary_values =
                population_range(given ? monetary_population : monetary, "monetary_values");
            // The three populations describe the same clients, row by row.
            require_same_shape(recency_values, "recency_values", frequency_values,
                               "frequency_values");
            require_same_shape(recency_values, "recency_values", monetary_values,
                               "monetary_values");
            const auto breaks =
                prepared_breaks(recency_values, frequency_values, monetary_values, bin_count);
            return elementwise({recency, frequency, monetary}, [&](const std::vector<Cell>& cells) {
                const RfmScores scores = rfm_scores(required_number(cells[0], "recency"),
                                                    required_number(cells[1], "frequency"),
                                                    required_number(cells[2], "monetary"), *breaks);
                return Any(static_cast<double>(scores.score()));
            });
        });
    }

    Any SAL_CALL clientSegment(const Reference<css::beans::XPropertySet>&,
                               const Any& rfm_score) override {
        return guarded([&] {
            const Lang language = labels_lang();
            return elementwise({rfm_score}, [&](const std::vector<Cell>& cells) {
                const RfmSegment segment =
                    rfm_segment_of_score(required_number(cells[0], "rfm_score"));
                return Any(OUString::fromUtf8(rfm_segment_name(segment).in(language)));
            });
        });
    }

    Any SAL_CALL prospectNext(const Reference<css::beans::XPropertySet>& document,
                              const Any& first_contact, const Any& steps_done, const Any& gap_days,
                              const Any& letter_gap_days) override {
        return guarded([&] {
            const CadenceGaps defaults = rules_of(document)->prospects;
            return elementwise(
                {first_contact, steps_done, gap_days, letter_gap_days},
                [&](const std::vector<Cell>& cells) {
                    CadenceGaps gaps = defaults;
                    gaps.gap_days = number_or_empty(cells[2], "gap_days").value_or(gaps.gap_days);
                    gaps.letter_gap_days =
                        number_or_empty(cells[3], "letter_gap_days").value_or(gaps.letter_gap_days);
                    const double first_contact = required_number(cells[0], "first_contact");
                    require_calendar_date(first_contact, "first_contact");
                    const auto next = prospect_next_date(
                        first_contact, required_number(cells[1], "steps_done"), gaps);
                    if (next) {
                        require_calendar_date(*next, "the date of the next step");
                    }
                    return next ? Any(*next) : Any(OUString());
                });
        });
    }

    Any SAL_CALL prospectStep(const Reference<css::beans::XPropertySet>&,
                              const Any& steps_done) override {
        return guarded([&] {
            const Lang language = labels_lang();
            return elementwise({steps_done}, [&](const std::vector<Cell>& cells) {
                const ProspectStep step = prospect_step(required_number(cells[0], "steps_done"));
                return Any(OUString::fromUtf8(prospect_step_name(step).in(language)));
            });
        });
    }

    // The buying models (model_functions.hpp).
    Any SAL_CALL clientRepeatSummary(const Range& clients, const Range& dates, const Any& amounts,
                                     const Any& end_date, const Any& days_per_unit) override {
        return guarded([&] {
            return models::repeat_summary(clients, dates, amounts, end_date, days_per_unit);
        });
    }

    Any SAL_CALL clientBgNbdFit(const Range& x, const Range& t_x, const Range& T) override {
        return guarded([&] { return models::bgnbd_fit(x, t_x, T); });
    }

    Any SAL_CALL clientPAlive(const Any& x, const Any& t_x, const Any& T,
                              const Range& model) override {
        return guarded([&] { return models::p_alive(x, t_x, T, model); });
    }

    Any SAL_CALL clientExpectedOrders(const Any& x, const Any& t_x, const Any& T, const Any& t,
                                      const Range& model) override {
        return guarded([&] { return models::expected_orders(x, t_x, T, t, model); });
    }

    Any SAL_CALL clientSpendFit(const Range& x, const Range& monetary) override {
        return guarded([&] { return models::spend_fit(x, monetary); });
    }

    Any SAL_CALL clientExpectedSpend(const Any& x, const Any& monetary,
                                     const Range& spend_model) override {
        return guarded([&] { return models::expected_spend(x, monetary, spend_model); });
    }

    Any SAL_CALL clientClv(const Any& x, const Any& t_x, const Any& T, const Any& monetary,
                           const Range& model, const Range& spend_model, const Any& months,
                           const Any& discount_rate, const Any& units_per_month) override {
        return guarded([&] {
            return models::clv(x, t_x, T, monetary, model, spend_model, months, discount_rate,
                               units_per_month);
        });
    }

    // XAddIn
    OUString SAL_CALL getProgrammaticFuntionName(const OUString& display) override {
        return text_or_empty([&] {
            const FunctionInfo* f = find_function_by_display(to_utf8(display), lang());
            return f ? OUString::createFromAscii(f->programmatic) : OUString();
        });
    }
    OUString SAL_CALL getDisplayFunctionName(const OUString& programmatic) override {
        return text_or_empty([&] {
            const FunctionInfo* f = find(programmatic);
            return f ? text(f->display) : OUString();
        });
    }
    OUString SAL_CALL getFunctionDescription(const OUString& programmatic) override {
        return text_or_empty([&] {
            const FunctionInfo* f = find(programmatic);
            return f ? text(f->description) : OUString();
        });
    }
    OUString SAL_CALL getDisplayArgumentName(const OUString& programmatic,
                                             sal_Int32 argument) override {
        return text_or_empty([&] {
            const ArgumentInfo* a = find_argument(programmatic, argument);
            return a ? text(a->name) : OUString();
        });
    }
    OUString SAL_CALL getArgumentDescription(const OUString& programmatic,
                                             sal_Int32 argument) override {
        return text_or_empty([&] {
            const ArgumentInfo* a = find_argument(programmatic, argument);
            return a ? text(a->description) : OUString();
        });
    }
    OUString SAL_CALL getProgrammaticCategoryName(const OUString&) override {
        return OUString::createFromAscii(kCategory);
    }
    OUString SAL_CALL getDisplayCategoryName(const OUString&) override {
        return text_or_empty([&] { return text(kCategoryDisplay); });
    }

    // XLocalizable
    void SAL_CALL setLocale(const css::lang::Locale& locale) override {
        try {
            locale_language_ = to_utf8(locale.Language);
            lang_.store(lang_from_tag(locale_language_));
        } catch (...) {
            lang_.store(Lang::En); // cannot fail but for an allocation: English texts then
        }
    }
    css::lang::Locale SAL_CALL getLocale() override {
        css::lang::Locale locale;
        locale.Language = text_or_empty([&] { return to_ou(locale_language_); });
        return locale;
    }

    // XCompatibilityNames
    Sequence<css::sheet::LocalizedName> SAL_CALL getCompatibilityNames(const OUString&) override {
        return {};
    }

    // XServiceName
    OUString SAL_CALL getServiceName() override { return OUString::createFromAscii(kServiceName); }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override {
        return OUString::createFromAscii(kImplementationName);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return supported_services(); }

private:
    // Calc calls an add-in function through core reflection, which maps the add-in into the
    // UNO environment for every call: without a proxy there already, the bridge makes one,
    // registers it under a lock, and revokes and frees it after the call (an eighth of a
    // per-row formula's time, BENCHMARKS.md 2b). A proxy made here and kept is found instead.
    // It holds the add-in, which Calc keeps until the office ends anyway; nothing is released
    // then. (A later instance, e.g. after the extension is installed again, is only slower.)
    void keep_bridged() noexcept {
        try {
            const css::uno::Mapping to_uno(CPPU_CURRENT_LANGUAGE_BINDING_NAME, UNO_LB_UNO);
            if (to_uno.is()) {
                bridged_ =
                    to_uno.mapInterface(static_cast<org::clienttriage::XClientTriage*>(this),
                                        cppu::UnoType<org::clienttriage::XClientTriage>::get());
            }
        } catch (...) {
            bridged_ = nullptr; // only slower
        }
    }

    // The rules of the document a formula is in (the defaults when it has none); invalid
    // stored rules give the invalid-argument error with their problems, never wrong results.
    std::shared_ptr<const RuleSet> rules_of(const Reference<css::beans::XPropertySet>& document) {
        try {
            return rules_cache_.of(document);
        } catch (const RulesError& e) {
            throw_invalid(invalid_rules_message(e, labels_lang()));
        }
    }

    // The language of the Function Wizard's texts: the locale Calc sets.
    Lang lang() const { return lang_.load(); }

    // The language of labels and texts in cells: the office's UI language (read once).
    Lang labels_lang() {
        std::call_once(labels_lang_once_, [this] {
            const std::string locale = office_ui_locale(context_);
            labels_lang_ = locale.empty() ? lang() : lang_from_tag(locale);
        });
        return labels_lang_;
    }

    std::shared_ptr<const TierCutoffs> prepared_cutoffs(const Range& values,
                                                        const TierShares& shares) {
        std::vector<double> key = population(values);
        key.push_back(shares.a);
        key.push_back(shares.b);
        return tier_cache_.get(key, [&] {
            return tier_cutoffs(std::vector<double>(key.begin(), key.end() - 2), shares);
        });
    }

    std::shared_ptr<const RfmBreaks> prepared_breaks(const Range& recency, const Range& frequency,
                                                     const Range& monetary, int bins) {
        std::vector<double> r = population(recency);
        std::vector<double> f = population(frequency);
        std::vector<double> m = population(monetary);
        std::vector<double> key;
        key.reserve(r.size() + f.size() + m.size() + 4);
        for (const auto* part : {&r, &f, &m}) {
            key.insert(key.end(), part->begin(), part->end());
        }
        for (double trailer : {static_cast<double>(r.size()), static_cast<double>(f.size()),
                               static_cast<double>(m.size()), static_cast<double>(bins)}) {
            key.push_back(trailer);
        }
        return rfm_cache_.get(
            key, [&] { return rfm_breaks(std::move(r), std::move(f), std::move(m), bins); });
    }
    OUString text(const Localized& localized) const { return to_ou(localized.in(lang())); }

    static const FunctionInfo* find(const OUString& programmatic) {
        return find_function(to_utf8(programmatic));
    }
    // The method's parameter `argument`: for a function that takes the document, parameter 0
    // is the document Calc passes itself and parameter i the (i-1)-th of the table.
    static const ArgumentInfo* find_argument(const OUString& programmatic, sal_Int32 argument) {
        const FunctionInfo* f = find(programmatic);
        if (!f) {
            return nullptr;
        }
        const sal_Int32 index = f->takes_document ? argument - 1 : argument;
        if (index < 0 || static_cast<std::size_t>(index) >= f->arguments.size()) {
            return nullptr;
        }
        return &f->arguments[static_cast<std::size_t>(index)];
    }

    const Reference<css::uno::XComponentContext> context_;
    void* bridged_ = nullptr; // this add-in's kept UNO proxy (keep_bridged)
    std::once_flag labels_lang_once_;
    Lang labels_lang_ = Lang::En;
    RulesCache rules_cache_;
    PopulationCache<TierCutoffs> tier_cache_;
    PopulationCache<RfmBreaks> rfm_cache_;
    std::atomic<Lang> lang_{Lang::En};
    std::string locale_language_ = "en";
};

} // namespace

const Implementation kAddIn = {kImplementationName, supported_services,
                               create_with_context<ClientTriageAddIn>};

} // namespace triage::uno
