// A deterministic generator of realistic client tables, for the README example, the office
// benchmark and tests. Header-only, no dependency on the product's core (the unit test checks
// that the headers it writes are recognised).
//
// Determinism: the random numbers come from our own xoshiro256** seeded by splitmix64, and
// every distribution is our own transform (no std:: distributions, which differ between
// standard libraries); values are rounded before they are written, so a table depends only
// on (rows, seed, language, reference date).
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

namespace client_table {

// ---------------------------------------------------------------- random numbers

class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (auto& word : s_) {
            seed += 0x9E3779B97F4A7C15ULL; // splitmix64
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            word = z ^ (z >> 31);
        }
    }

    std::uint64_t next() { // xoshiro256**
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [lo, hi].
    long long integer(long long lo, long long hi) {
        return lo + static_cast<long long>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool chance(double p) { return uniform() < p; }

    // Standard normal (Marsaglia's polar method: only log and sqrt).
    double normal() {
        for (;;) {
            const double u = 2.0 * uniform() - 1.0;
            const double v = 2.0 * uniform() - 1.0;
            const double s = u * u + v * v;
            if (s > 0.0 && s < 1.0) {
                return u * std::sqrt(-2.0 * std::log(s) / s);
            }
        }
    }
    double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }
    // Pareto with minimum xm and tail index alpha (alpha ~1.16 is the "80/20" tail).
    double pareto(double xm, double alpha) {
        return xm * std::exp(-std::log(1.0 - uniform()) / alpha);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<std::uint64_t, 4> s_{};
};

// ---------------------------------------------------------------- dates

// Days since 1970-01-01 of a civil date (proleptic Gregorian), and back.
inline long long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

inline std::string iso_date(long long days) {
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const long long doe = days - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long d = doy - (153 * mp + 2) / 5 + 1;
    const long long m = mp + (mp < 10 ? 3 : -9);
    const long long y = yoe + era * 400 + (m <= 2);
    char buf[80];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", y, m, d);
    return buf;
}

// A spreadsheet date serial (days since 1899-12-30) of days since 1970-01-01.
inline double spreadsheet_serial(long long days) {
    return static_cast<double>(days + 25569);
}

// ---------------------------------------------------------------- the table

enum class Lang { En, Ru };

// The columns, in the order they are written.
enum Column {
    kClient,
    kRevenue,
    kProfit,
    kOrders,
    kLastOrder,
    kFirstOrder,
    kUsualDays,
    kServiceCost,
    kDaysLate,
    kReturnRate,
    kComplaints,
    kDiscountShare,
    kCostToServe,
    kApprovalDays,
    kScopeCreep,
    kRushShare,
    kColumnCount
};

inline std::vector<std::string> headers(Lang lang) {
    if (lang == Lang::Ru) {
        return {"Клиент",
                "Выручка",
                "Прибыль",
                "Количество заказов",
                "Дата последнего заказа",
                "Дата первого заказа",
                "Дней между заказами",
                "Стоимость обслуживания",
                "Дней просрочки",
                "Доля возвратов",
                "Жалобы",
                "Доля покупок со скидкой",
                "Затраты на обслуживание к прибыли",
                "Дней на согласование",
                "Бесплатные доработки",
                "Доля срочных заказов"};
    }
    return {"Client",
            "Revenue",
            "Profit",
            "Orders",
            "Last order date",
            "First order date",
            "Usual days between orders",
            "Service cost",
            "Days late",
            "Return rate",
            "Complaints",
            "Discount share",
            "Cost to serve",
            "Approval days",
            "Unpaid extra work",
            "Rush orders share"};
}

// One client. NaN marks an empty cell.
struct Client {
    std::string name;
    std::array<double, kColumnCount> values{}; // values[kClient] is unused
    bool lapsed = false;
    static bool empty(double v) { return std::isnan(v); }
};

struct Options {
    std::size_t rows = 200;
    std::uint64_t seed = 20261115;
    Lang lang = Lang::En;
    long long today = days_from_civil(2026, 11, 15); // the reference date ("now")
};

namespace detail {

inline double round_to(double v, double step) {
    return std::round(v / step) * step;
}

inline std::string company_name(Rng& rng, Lang lang, std::size_t index) {
    static const char* const en_first[] = {
        "Northwind", "Baltic",  "Aurora", "Harbor", "Granite",  "Silver", "Oak",       "Maple",
        "Summit",    "Pioneer", "Blue",   "Golden", "Lakeside", "Nordic", "Crescent",  "Evergreen",
        "Iron",      "Coastal", "Polar",  "Meadow", "Falcon",   "Cedar",  "Riverside", "Sunrise"};
    static const char* const en_second[] = {
        "Timber",   "Bakery Supply", "Logistics", "Hardware", "Textiles",  "Foods",
        "Printing", "Furniture",     "Dental",    "Motors",   "Pharma",    "Coffee",
        "Builders", "Electric",      "Garden",    "Optics",   "Packaging", "Catering"};
    static const char* const en_suffix[] = {"Ltd", "LLC", "Oy", "Inc.", "GmbH", "AB", "& Sons"};
    static const char* const ru_first[] = {"Северный",  "Балтийский", "Уральский", "Волжский",
                                           "Сибирский", "Невский",    "Западный",  "Южный",
                                           "Восточный", "Столичный",  "Речной",    "Лесной"};
    static const char* const ru_second[] = {"лес", "хлеб",   "текстиль", "металл", "мир",
                                            "дом", "сервис", "транзит",  "альянс", "проект"};
    static const char* const ru_form[] = {"ООО", "АО", "ИП", "ООО", "ООО"};
    const auto pick = [&rng](const auto& list) {
        return list[rng.integer(0, static_cast<long long>(std::size(list)) - 1)];
    };
    std::string name;
    if (lang == Lang::Ru) {
        name = std::string(pick(ru_form)) + " «" + pick(ru_first) + " " + pick(ru_second) + "»";
    } else {
        name = std::string(pick(en_first)) + " " + pick(en_second) + " " + pick(en_suffix);
        if (rng.chance(0.03)) {
            name = std::string(pick(en_first)) + " & Partners, " + pick(en_suffix); // a comma
        } else if (rng.chance(0.02)) {
            name = std::string("\"") + pick(en_first) + "\" " + pick(en_second); // quotes
        }
    }
    // Names repeat in a large table; a number keeps every client distinct.
    return name + " " + std::to_string(index + 1);
}

} // namespace detail

// The clients of a table: a few make most of the profit (Pareto revenue), some lose money,
// some have lapsed, each bad-client behaviour shows up in some rows, and some signal cells are
// empty (not tracked).
inline std::vector<Client> generate(const Options& options) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    Rng rng(options.seed);
    std::vector<Client> clients;
    clients.reserve(options.rows);
    for (std::size_t i = 0; i < options.rows; ++i) {
        Client c;
        c.name = detail::company_name(rng, options.lang, i);
        auto& v = c.values;

        // Money: Pareto revenue, a margin around 20%, 8% loss-makers.
        const double revenue = std::fmin(detail::round_to(rng.pareto(4000.0, 1.2), 10.0), 2.0e7);
        double margin = 0.20 + 0.08 * rng.normal();
        margin = std::fmin(std::fmax(margin, 0.02), 0.55);
        const bool loss_maker = rng.chance(0.08);
        if (loss_maker) {
            margin = -rng.uniform(0.02, 0.30);
        }
        const double profit = detail::round_to(revenue * margin, 10.0);
        v[kRevenue] = revenue;
        v[kProfit] = profit;

        // Orders and dates: an average order of ~2,000, an interval between orders, a few
        // lapsed clients (more than twice their usual interval since the last order).
        const double avg_order = rng.lognormal(2000.0, 0.6);
        const double orders = std::fmax(1.0, std::fmin(400.0, std::round(revenue / avg_order)));
        double usual = std::round(std::fmin(std::fmax(rng.lognormal(30.0, 0.7), 3.0), 365.0));
        c.lapsed = rng.chance(0.12);
        const double since =
            c.lapsed ? std::fmax(usual * rng.uniform(2.2, 6.0), rng.chance(0.5) ? 181.0 : 0.0)
                     : usual * rng.uniform(0.0, 1.5);
        const long long last = options.today - static_cast<long long>(std::round(since));
        const long long first =
            last - static_cast<long long>(std::round(usual * (orders - 1) * rng.uniform(0.9, 1.1)));
        v[kOrders] = orders;
        v[kLastOrder] = spreadsheet_serial(last);
        v[kFirstOrder] = spreadsheet_serial(first);
        v[kUsualDays] = orders > 1 ? usual : nan;

        // The risk signals: a good client's values, then each bad behaviour in some clients.
        double days_late = detail::round_to(std::fmax(0.0, rng.normal() * 4.0 + 3.0), 1.0);
        double return_rate = detail::round_to(rng.uniform(0.0, 0.08), 0.01);
        double complaints = static_cast<double>(rng.integer(0, 2));
        double discount = detail::round_to(rng.uniform(0.0, 0.30), 0.01);
        double cost_ratio = rng.uniform(0.05, 0.30);
        double approval = detail::round_to(rng.uniform(1.0, 6.0), 1.0);
        double scope = detail::round_to(rng.uniform(0.0, 0.12), 0.01);
        double rush = detail::round_to(rng.uniform(0.0, 0.15), 0.01);
        // Each bad behaviour in some clients (in this order, one draw each, then its value).
        const auto behave_badly = [&](int behaviour, Rng& r) {
            switch (behaviour) {
            case 0:
                days_late = detail::round_to(r.uniform(30.0, 95.0), 1.0); // pays late
                break;
            case 1:
                return_rate = detail::round_to(r.uniform(0.18, 0.45), 0.01); // returns goods
                break;
            case 2:
                complaints = static_cast<double>(r.integer(4, 12)); // complains
                break;
            case 3:
                discount = detail::round_to(r.uniform(0.60, 0.95), 0.01); // discount hunter
                break;
            case 4:
                cost_ratio = r.uniform(0.8, 2.0); // costs more to serve than it brings
                break;
            case 5:
                approval = detail::round_to(r.uniform(20.0, 60.0), 1.0); // slow approvals
                break;
            case 6:
                scope = detail::round_to(r.uniform(0.40, 0.90), 0.01); // scope creep
                break;
            default:
                rush = detail::round_to(r.uniform(0.50, 0.90), 0.01); // rush orders
                break;
            }
        };
        constexpr double kBehaviourShare[8] = {0.10, 0.08, 0.08, 0.10, 0.08, 0.07, 0.07, 0.07};
        for (int behaviour = 0; behaviour < 8; ++behaviour) {
            if (rng.chance(kBehaviourShare[behaviour])) {
                behave_badly(behaviour, rng);
            }
        }
        // A few clients are trouble in several ways at once (the classic bad client: pays
        // late, complains, wants discounts...). Their own random stream, so that every other
        // value of the table stays as it was.
        Rng trouble(options.seed ^ (0xD1B54A32D192ED03ULL * (i + 1)));
        if (trouble.chance(0.06)) {
            const long long first_behaviour = trouble.integer(0, 7);
            const long long count = trouble.integer(5, 7); // distinct: 3 is coprime to 8
            for (long long k = 0; k < count; ++k) {
                behave_badly(static_cast<int>((first_behaviour + 3 * k) % 8), trouble);
            }
        }
        // Service cost in money: a share of the gross profit (of revenue for loss-makers).
        const double base = profit > 0 ? profit : revenue * 0.05;
        const double service_cost = detail::round_to(base * cost_ratio, 10.0);
        v[kServiceCost] = service_cost;
        v[kDaysLate] = days_late;
        v[kReturnRate] = return_rate;
        v[kComplaints] = complaints;
        v[kDiscountShare] = discount;
        v[kCostToServe] = profit > 0 ? detail::round_to(service_cost / profit, 0.01) : nan;
        v[kApprovalDays] = approval;
        v[kScopeCreep] = scope;
        v[kRushShare] = rush;
        // Not every business tracks every signal for every client.
        for (int col = kDaysLate; col <= kRushShare; ++col) {
            if (rng.chance(0.06)) {
                v[col] = nan;
            }
        }
        clients.push_back(std::move(c));
    }
    return clients;
}

// ---------------------------------------------------------------- CSV (RFC 4180)

inline std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (char ch : text) {
        if (ch == '"') {
            out += '"';
        }
        out += ch;
    }
    return out + "\"";
}

// A number as the CSV shows it: up to two decimals, no trailing zeros.
inline std::string number_text(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') {
        s.pop_back();
    }
    if (!s.empty() && s.back() == '.') {
        s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

inline std::string cell_text(const Client& c, int col) {
    if (col == kClient) {
        return c.name;
    }
    const double v = c.values[static_cast<std::size_t>(col)];
    if (Client::empty(v)) {
        return {};
    }
    if (col == kLastOrder || col == kFirstOrder) {
        return iso_date(static_cast<long long>(v) - 25569);
    }
    return number_text(v);
}

// The whole table as CSV: UTF-8, comma-separated, CRLF line ends (RFC 4180), a header row.
inline void write_csv(std::ostream& out, const std::vector<Client>& clients, Lang lang) {
    const std::vector<std::string> head = headers(lang);
    for (std::size_t i = 0; i < head.size(); ++i) {
        out << (i ? "," : "") << csv_field(head[i]);
    }
    out << "\r\n";
    for (const Client& c : clients) {
        for (int col = 0; col < kColumnCount; ++col) {
            out << (col ? "," : "") << csv_field(cell_text(c, col));
        }
        out << "\r\n";
    }
}

} // namespace client_table
