#include "core/headers.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

namespace triage {

namespace {

// ---------------------------------------------------------------- the data table

// One row per field, in Field order. Synonyms are separated by '|' and compared after
// normalize_header, so case, spaces and punctuation in them do not matter. The weak ones
// are still recognised but lose to a column that matches a plain synonym of the same field.
// The kinds of table a field is read in (a bit per TableKind).
constexpr unsigned kInClients = 1;
constexpr unsigned kInTransactions = 2;
constexpr unsigned kInBoth = kInClients | kInTransactions;

constexpr unsigned kind_bit(TableKind kind) {
    return kind == TableKind::Clients ? kInClients : kInTransactions;
}

struct FieldInfo {
    Field field;
    std::string_view key;
    Localized name;
    std::string_view synonyms;
    std::string_view weak_synonyms;
    unsigned kinds = kInClients;
};

constexpr std::array<FieldInfo, kFieldCount> kFields = {{
    {Field::Client,
     "client",
     {"Client", "Клиент", "Asiakas"},
     "client|customer|name|client name|customer name|company|company name|account|account "
     "name|buyer|клиент|клиенты|покупатель|контрагент|заказчик|наименование|название|"
     "наименование клиента|название клиента|имя клиента|компания|организация|asiakas|"
     "asiakkaan nimi|asiakasnimi|nimi|yritys|yrityksen nimi|ostaja|billing name|contactname|"
     "contact name|buyer name|full name",
     "",
     kInBoth},
    {Field::Revenue,
     "revenue",
     {"Revenue", "Выручка", "Liikevaihto"},
     "revenue|revenues|sales|turnover|total revenue|total sales|net sales|gross sales|sales "
     "amount|sales volume|income|выручка|продажи|оборот|сумма продаж|объем продаж|объём "
     "продаж|доход|доходы|выручка всего|liikevaihto|myynti|kokonaismyynti|myynti yhteensä|"
     "nettomyynti|tulot|invoice amount|order total|order value|line amount|lineamount|"
     "dollar value|total amount|sale amount|сумма документа|сумма заказа|сумма счета|"
     "сумма счёта|сумма продажи|laskun summa|veroton summa|tilauksen summa",
     "amount|monetary|sum|сумма|summa|total|value|subtotal|net|yhteensä",
     kInBoth},
    {Field::Profit,
     "profit",
     {"Profit", "Прибыль", "Voitto"},
     "profit|margin|gross profit|gross margin|net profit|contribution|contribution margin|"
     "profit total|прибыль|маржа|валовая прибыль|маржинальная прибыль|чистая прибыль|"
     "валовая маржа|kate|voitto|myyntikate|bruttokate|katetuotto|nettovoitto|tulos",
     "",
     kInBoth},
    {Field::Orders,
     "orders",
     {"Orders", "Заказы", "Tilaukset"},
     "orders|order count|orders count|number of orders|no of orders|num orders|purchases|"
     "number of purchases|purchase count|transactions|transaction count|frequency|заказы|"
     "заказов|количество заказов|кол-во заказов|число заказов|покупки|количество покупок|"
     "число покупок|частота|tilaukset|tilauksia|tilausten määrä|tilausmäärä|ostot|"
     "ostokerrat|ostojen määrä",
     "deals|сделки|kaupat"},
    {Field::LastOrderDate,
     "last_order_date",
     {"Last order date", "Дата последнего заказа", "Viimeisin tilauspäivä"},
     "last order|last order date|date of last order|last purchase|last purchase date|date of "
     "last purchase|latest order|most recent order|last sale|last sale date|last ordered|"
     "последний заказ|дата последнего заказа|последняя покупка|дата последней покупки|"
     "последняя продажа|дата последней продажи|viimeisin tilaus|viimeisin tilauspäivä|"
     "viimeisin ostopäivä|viimeisin osto|viimeinen tilaus|viimeinen tilauspäivä|"
     "viimeisimmän tilauksen päivä",
     ""},
    {Field::FirstOrderDate,
     "first_order_date",
     {"First order date", "Дата первого заказа", "Ensimmäinen tilauspäivä"},
     "first order|first order date|date of first order|first purchase|first purchase date|"
     "date of first purchase|customer since|client since|первый заказ|дата первого заказа|"
     "первая покупка|дата первой покупки|клиент с|ensimmäinen tilaus|ensimmäinen "
     "tilauspäivä|ensimmäinen ostopäivä|ensimmäinen osto|asiakas alkaen|asiakkuus alkanut",
     ""},
    {Field::DaysSinceLastOrder,
     "days_since_last_order",
     {"Days since last order", "Дней с последнего заказа", "Päiviä viimeisestä tilauksesta"},
     "days since last order|days since last purchase|days since order|days since purchase|"
     "days without orders|days without order|recency|recency days|дней с последнего заказа|"
     "дней с последней покупки|дней без заказов|дней с заказа|давность|давность заказа|"
     "давность покупки|päiviä viimeisestä tilauksesta|päivää viimeisestä tilauksesta|"
     "päiviä viimeisestä ostosta|päivää viimeisestä ostosta|päiviä edellisestä tilauksesta",
     ""},
    {Field::UsualDaysBetweenOrders,
     "usual_days_between_orders",
     {"Usual days between orders", "Обычный интервал между заказами, дней",
      "Tavallinen tilausväli, päivää"},
     "usual days between orders|days between orders|average days between orders|avg days "
     "between orders|usual interval|order interval|purchase interval|order cycle|purchase "
     "cycle|reorder interval|дней между заказами|интервал между заказами|средний интервал "
     "между заказами|обычный интервал|обычный интервал между заказами|цикл заказа|"
     "цикл покупки|интервал заказов|tilausväli|tavallinen tilausväli|keskimääräinen "
     "tilausväli|päiviä tilausten välillä|päivää tilausten välillä|ostoväli|ostosykli",
     ""},
    {Field::ServiceCost,
     "service_cost",
     {"Service cost", "Стоимость обслуживания", "Palvelukustannukset"},
     "service cost|service costs|cost of service|cost of serving|servicing cost|support cost|"
     "support costs|serving cost|стоимость обслуживания|затраты на обслуживание|расходы на "
     "обслуживание|издержки обслуживания|себестоимость обслуживания|palvelukustannukset|"
     "palvelukustannus|palvelukulut|palvelun kustannukset|tukikulut",
     ""},
    {Field::ClientId,
     "client_id",
     {"Client ID", "Код клиента", "Asiakasnumero"},
     "client id|customer id|client code|customer code|client number|customer number|account "
     "id|buyer user id|customer no|client no|partner id|id клиента|код клиента|номер клиента|"
     "код контрагента|инн|asiakasnumero|asiakastunnus|asiakas id|asiakaskoodi|y-tunnus",
     "email|e-mail|customer email|client email|buyer email|emailaddress|email address|"
     "электронная почта|sähköposti",
     kInBoth},
    {Field::OrderId,
     "order_id",
     {"Order or invoice", "Заказ или счёт", "Tilaus tai lasku"},
     "order id|order|order number|order no|order nr|invoice|invoice id|invoice number|invoice "
     "no|invoicenumber|document number|document no|transaction id|receipt number|sale id|"
     "номер заказа|заказ|номер счета|номер счёта|счет|счёт|номер документа|документ|"
     "номер накладной|номер реализации|tilausnumero|tilaus|laskunumero|lasku|laskun numero|"
     "tositenumero|kuittinumero",
     "document|receipt|transaction|документ|tosite",
     kInTransactions},
    {Field::OrderDate,
     "order_date",
     {"Order date", "Дата заказа", "Tilauspäivä"},
     "order date|date|invoice date|sale date|sales date|created at|created|transaction date|"
     "purchase date|document date|date created|created utc|order created|дата|дата заказа|"
     "дата продажи|дата документа|дата счета|дата счёта|дата реализации|дата покупки|"
     "päivämäärä|päiväys|pvm|tilauspäivä|tilauspäivämäärä|laskun päivämäärä|laskupäivä|"
     "laskun päiväys|myyntipäivä|ostopäivä",
     "day|день|päivä",
     kInTransactions},
    {Field::Cost,
     "cost",
     {"Cost", "Себестоимость", "Kustannus"},
     "cost|costs|cost of goods|cost of goods sold|cogs|cost price|purchase cost|unit cost|"
     "product cost|себестоимость|затраты|закупочная цена|стоимость закупки|закупка|"
     "hankintahinta|kustannus|kustannukset|omakustannus|omakustannushinta|ostohinta",
     "",
     kInTransactions},
    {Field::Quantity,
     "quantity",
     {"Quantity", "Количество", "Määrä"},
     "quantity|qty|units|lineitem quantity|number of items|items|количество|кол-во|"
     "количество шт|määrä|kpl|lukumäärä|kappalemäärä",
     "",
     kInTransactions},
    {Field::Discount,
     "discount",
     {"Discount", "Скидка", "Alennus"},
     "discount|discount amount|discount rate|lineitem discount|discount total|cart discount|"
     "discounts|coupon|coupons|coupon code|discount code|promo code|promo|скидка|скидки|"
     "сумма скидки|процент скидки|промокод|купон|alennus|alennukset|alennusprosentti|"
     "alennuskoodi|kuponki|kampanjakoodi",
     "",
     kInTransactions},
    {Field::Returned,
     "returned",
     {"Returned", "Возврат", "Palautettu"},
     "returned|return|returns|refund|refunded|refunded amount|amount refunded|refund amount|"
     "return flag|is returned|partial refunds|возврат|возвраты|возвращен|возвращён|"
     "возвращено|сумма возврата|palautettu|palautus|palautukset|hyvitetty|hyvitys",
     "status|financial status|order status|transaction status|event type|transaction type|"
     "статус|состояние|тип операции|tila|tapahtuman tyyppi",
     kInTransactions},
    {Field::DueDate,
     "due_date",
     {"Due date", "Срок оплаты", "Eräpäivä"},
     "due date|due|payment due|due on|date due|pay by|payment due date|срок оплаты|"
     "оплатить до|дата оплаты по договору|срок платежа|eräpäivä|erääntymispäivä|"
     "maksun eräpäivä",
     "",
     kInTransactions},
    {Field::PaidDate,
     "paid_date",
     {"Paid date", "Дата оплаты", "Maksupäivä"},
     "paid date|paid at|date paid|settled date|settled|settlement date|payment date|paid on|"
     "date of payment|дата оплаты|дата платежа|оплачено|дата поступления оплаты|maksupäivä|"
     "maksupäivämäärä|maksettu|suorituspäivä",
     "",
     kInTransactions},
    {Field::Disputed,
     "disputed",
     {"Disputed", "Претензия", "Reklamaatio"},
     "disputed|dispute|disputes|dispute status|disputed amount|complaint|complaints|claim|"
     "claims|chargeback|оспорено|оспорен|спор|претензия|претензии|жалоба|жалобы|рекламация|"
     "kiistetty|kiista|reklamaatio|reklamaatiot|valitus",
     "",
     kInTransactions},
    {Field::Rush,
     "rush",
     {"Rush order", "Срочный заказ", "Kiiretilaus"},
     "rush|rush order|express|urgent|urgent order|срочно|срочный|срочный заказ|срочность|"
     "kiire|kiireellinen|kiiretilaus|pikatilaus",
     "ship mode|shipping method|delivery method|shipping|способ доставки|доставка|"
     "toimitustapa",
     kInTransactions},
    {Field::DaysLate,
     "days_late",
     {"Days late", "Дней просрочки", "Myöhästymispäivät"},
     "days late|late days|payment delay|payment delay days|average days late|avg days late|"
     "days overdue|overdue days|late payment|late payment days|payment days late|days past "
     "due|delay days|просрочка|дней просрочки|дни просрочки|просрочка дней|просрочка оплаты|"
     "средняя просрочка|задержка оплаты|задержка платежа|просрочка платежа|"
     "myöhästymispäivät|myöhästymispäiviä|maksuviive|maksun viivästys|viivästyspäivät|"
     "päivää myöhässä|päiviä myöhässä|myöhässä|maksuviivepäivät",
     "",
     kInBoth},
    {Field::ReturnRate,
     "return_rate",
     {"Return rate", "Доля возвратов", "Palautusaste"},
     "returns|return|return rate|returns rate|return share|returned share|share of returns|"
     "returned orders share|returned share of orders|возвраты|доля возвратов|процент "
     "возвратов|возвраты доля|возвратов|palautukset|palautusaste|palautusprosentti|"
     "palautusten osuus|palautusosuus",
     ""},
    {Field::Complaints,
     "complaints",
     {"Complaints", "Жалобы", "Reklamaatiot"},
     "complaints|complaint|complaint count|complaints count|number of complaints|claims|"
     "жалобы|жалоб|количество жалоб|число жалоб|претензии|рекламации|reklamaatiot|"
     "reklamaatioita|reklamaatioiden määrä|valitukset|valitusten määrä",
     ""},
    {Field::DiscountShare,
     "discount_share",
     {"Discount share", "Доля покупок со скидкой", "Alennusostojen osuus"},
     "discount share|discounted share|share at discount|discount orders share|discount "
     "purchases|discounted purchases|discounted orders|bought on discount|promo share|"
     "discounts|доля скидок|покупки со скидкой|доля покупок со скидкой|скидки|доля "
     "акционных покупок|акционные покупки|alennusosuus|alennusostot|alennukset|"
     "alennusostojen osuus|tarjousostot|tarjousostojen osuus",
     ""},
    {Field::CostToServe,
     "cost_to_serve",
     {"Cost to serve / profit", "Затраты на обслуживание / прибыль", "Palvelukustannukset / kate"},
     "cost to serve|cost-to-serve ratio|cost to serve ratio|service cost ratio|service cost "
     "share|cost to profit|cost to serve profit|доля затрат на обслуживание|затраты на "
     "обслуживание к прибыли|затраты на обслуживание прибыль|стоимость обслуживания к прибыли|"
     "palvelukustannusten osuus|palvelukustannussuhde|palvelukustannukset kate|"
     "palvelukustannusten osuus katteesta",
     ""},
    {Field::ApprovalDays,
     "approval_days",
     {"Approval days", "Дней на согласование", "Hyväksyntäpäivät"},
     "approval days|days to approve|approval time|approval delay|average approval days|avg "
     "approval days|response days|days to respond|response time|дней на согласование|"
     "согласование|срок согласования|время согласования|дни согласования|время ответа|"
     "hyväksyntäpäivät|hyväksymisaika|hyväksyntäaika|vastausaika|päätösaika",
     ""},
    {Field::ScopeCreep,
     "scope_creep",
     {"Unpaid extra work", "Бесплатные доработки", "Maksuton lisätyö"},
     "scope creep|unpaid extra work|extra work|unpaid work|free extras|extra work share|"
     "unpaid extras|доп работы|дополнительные работы|бесплатные доработки|неоплаченные "
     "работы|доработки|расползание объема|расползание объёма|maksuton lisätyö|lisätyöt|"
     "laajuuden kasvu|ylimääräinen työ|maksuttomat lisätyöt",
     ""},
    {Field::RushShare,
     "rush_share",
     {"Rush orders share", "Доля срочных заказов", "Kiiretilausten osuus"},
     "rush share|rush orders|rush order share|rush orders share|urgent orders|urgent share|"
     "share of rush orders|rush|срочные заказы|доля срочных заказов|срочность|срочные|"
     "kiireelliset tilaukset|kiiretilaukset|kiiretilausten osuus|pikatilaukset|kiireelliset",
     ""},
}};

// Words a header may carry around a synonym without changing its meaning: totals, averages,
// units and currencies. A loose match drops one prefix and/or one suffix.
constexpr std::string_view kLoosePrefixes =
    "total|sum|sum of|avg|average|mean|customer|client|итого|всего|сумма|средняя|средний|"
    "среднее|keskimääräinen|keskim|kokonais|asiakkaan|yhteensä";
constexpr std::string_view kLooseSuffixes =
    "total|sum|avg|average|eur|euro|euros|usd|rub|pct|percent|days|count|per client|per "
    "customer|руб|рублей|тыс|тысруб|итого|всего|дней|дн|клиента|по клиенту|yhteensä|"
    "päivää|pv|kpl|шт|asiakkaalta";

// The lower-case form of a letter or digit, or 0 for anything to drop.
char32_t fold(char32_t c) {
    if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') {
            return c + 0x20;
        }
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        return keep ? c : 0;
    }
    if (c >= 0xC0 && c <= 0xFF) { // Latin-1 letters (Ä Ö Å É ...), not × ÷
        if (c == 0xD7 || c == 0xF7) {
            return 0;
        }
        return c <= 0xDE ? c + 0x20 : c; // ß (0xDF) and the lower-case letters stay
    }
    if (c >= 0x100 && c <= 0x17F) { // Latin Extended-A (Š Ž ...): upper/lower pairs
        const bool even_upper = (c <= 0x137) || (c >= 0x14A && c <= 0x177);
        const bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (even_upper && c % 2 == 0) {
            return c + 1;
        }
        if (odd_upper && c % 2 == 1) {
            return c + 1;
        }
        return c;
    }
    if (c >= 0x400 && c <= 0x4FF) { // Cyrillic
        if (c <= 0x40F) {
            c += 0x50; // Ё Ђ ... -> ё ђ ...
        } else if (c <= 0x42F) {
            c += 0x20; // А..Я -> а..я
        }
        return c == 0x451 ? 0x435 : c; // ё -> е
    }
    return 0;
}

// A header for display inside a message: valid UTF-8, no control characters, at most 40
// characters.
std::string display_header(std::string_view header) {
    constexpr std::size_t kMaxChars = 40;
    std::string out;
    std::size_t chars = 0;
    std::size_t i = 0;
    while (i < header.size()) {
        if (chars == kMaxChars) {
            out += "\xE2\x80\xA6"; // …
            break;
        }
        char32_t cp = 0;
        const std::size_t len = decode_utf8(header, i, cp);
        if (len == 0) {
            cp = 0xFFFD;
            i += 1;
        } else {
            i += len;
        }
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            cp = ' ';
        }
        append_utf8(out, cp);
        ++chars;
    }
    return out;
}

// Splits a '|'-separated list.
std::vector<std::string_view> split_list(std::string_view list) {
    std::vector<std::string_view> out;
    while (!list.empty()) {
        const std::size_t bar = list.find('|');
        out.push_back(list.substr(0, bar));
        if (bar == std::string_view::npos) {
            break;
        }
        list.remove_prefix(bar + 1);
    }
    return out;
}

// ---------------------------------------------------------------- the lookup index

struct Entry {
    Field field;
    bool weak;
};

struct Index {
    std::unordered_map<std::string, Entry> synonyms;
    std::vector<std::string> prefixes;
    std::vector<std::string> suffixes;
};

// One index per kind of table: a header may name different fields in the two kinds.
const Index& index(TableKind kind) {
    static const std::array<Index, 2> built = [] {
        std::array<Index, 2> both;
        for (TableKind k : {TableKind::Clients, TableKind::Transactions}) {
            Index& idx = both[static_cast<std::size_t>(k)];
            for (const FieldInfo& info : kFields) {
                if ((info.kinds & kind_bit(k)) == 0) {
                    continue;
                }
                for (bool weak : {false, true}) {
                    for (std::string_view syn :
                         split_list(weak ? info.weak_synonyms : info.synonyms)) {
                        std::string key = normalize_header(syn);
                        if (!key.empty()) {
                            // The first row that claims a synonym keeps it; the unit tests
                            // check that no synonym is claimed twice within one kind.
                            idx.synonyms.try_emplace(std::move(key), Entry{info.field, weak});
                        }
                    }
                }
            }
            for (std::string_view p : split_list(kLoosePrefixes)) {
                idx.prefixes.push_back(normalize_header(p));
            }
            for (std::string_view s : split_list(kLooseSuffixes)) {
                idx.suffixes.push_back(normalize_header(s));
            }
        }
        return both;
    }();
    return built[static_cast<std::size_t>(kind)];
}

// A user's extra synonyms by normalized key (see ExtraSynonyms), for one kind of table.
struct ExtraIndex {
    TableKind kind = TableKind::Clients;
    std::unordered_map<std::string, Entry> synonyms;
};

ExtraIndex extra_index(const ExtraSynonyms& extra, TableKind kind) {
    ExtraIndex idx{kind, {}};
    for (Field field : kAllFields) {
        if (!field_applies(field, kind)) {
            continue;
        }
        for (const std::string& syn : extra[field_index(field)]) {
            std::string key = normalize_header(syn);
            if (!key.empty()) {
                idx.synonyms.try_emplace(std::move(key), Entry{field, false});
            }
        }
    }
    return idx;
}

TableKind kind_of(const ExtraIndex* extra) {
    return extra != nullptr ? extra->kind : TableKind::Clients;
}

std::optional<Entry> lookup(const std::string& key, const ExtraIndex* extra) {
    if (key.empty()) {
        return std::nullopt;
    }
    if (extra != nullptr) {
        const auto it = extra->synonyms.find(key);
        if (it != extra->synonyms.end()) {
            return it->second;
        }
    }
    const auto& map = index(kind_of(extra)).synonyms;
    const auto it = map.find(key);
    if (it == map.end()) {
        return std::nullopt;
    }
    return it->second;
}

bool starts_with(const std::string& s, const std::string& p) {
    return s.size() > p.size() && s.compare(0, p.size(), p) == 0;
}

bool ends_with(const std::string& s, const std::string& p) {
    return s.size() > p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0;
}

// The header without bracketed notes and without anything after the first ',', ';' or ':'
// ("Revenue (EUR)", "Выручка, руб.", "Profit: 2024" -> "Revenue", "Выручка", "Profit").
std::string header_core(std::string_view header) {
    std::string out;
    int depth = 0;
    for (char ch : header) {
        if (ch == '(' || ch == '[' || ch == '{') {
            ++depth;
        } else if (ch == ')' || ch == ']' || ch == '}') {
            depth = depth > 0 ? depth - 1 : 0;
        } else if (depth == 0) {
            if (ch == ',' || ch == ';' || ch == ':') {
                break;
            }
            out += ch;
        }
    }
    return out;
}

// The one field a set of candidate forms names, or nullopt if none or several.
std::optional<Entry> unique_entry(const std::vector<std::string>& forms, const ExtraIndex* extra) {
    std::optional<Entry> found;
    for (const std::string& form : forms) {
        const std::optional<Entry> e = lookup(form, extra);
        if (!e) {
            continue;
        }
        if (found && found->field != e->field) {
            return std::nullopt; // two fields equally well: none
        }
        if (!found || (found->weak && !e->weak)) {
            found = e;
        }
    }
    return found;
}

std::optional<Entry> loose_lookup(const std::string& core, const ExtraIndex* extra) {
    if (core.empty()) {
        return std::nullopt;
    }
    if (auto e = lookup(core, extra)) {
        return e;
    }
    const Index& idx = index(kind_of(extra));
    std::vector<std::string> stripped_one;
    std::vector<std::string> stripped_both;
    std::vector<std::string> without_prefix;
    for (const std::string& p : idx.prefixes) {
        if (starts_with(core, p)) {
            without_prefix.push_back(core.substr(p.size()));
        }
    }
    stripped_one = without_prefix;
    for (const std::string& s : idx.suffixes) {
        if (ends_with(core, s)) {
            stripped_one.push_back(core.substr(0, core.size() - s.size()));
        }
        for (const std::string& rest : without_prefix) {
            if (ends_with(rest, s)) {
                stripped_both.push_back(rest.substr(0, rest.size() - s.size()));
            }
        }
    }
    if (auto e = unique_entry(stripped_one, extra)) {
        return e;
    }
    // A header with two readings at one level names no field; do not try harder then.
    for (const std::string& form : stripped_one) {
        if (lookup(form, extra)) {
            return std::nullopt;
        }
    }
    return unique_entry(stripped_both, extra);
}

// ---------------------------------------------------------------- messages

std::string column_list(const std::vector<std::size_t>& columns,
                        const std::vector<std::string>& headers, const char* open,
                        const char* close) {
    constexpr std::size_t kMaxListed = 5;
    std::string out;
    for (std::size_t k = 0; k < columns.size() && k < kMaxListed; ++k) {
        if (k > 0) {
            out += ", ";
        }
        out += std::to_string(columns[k] + 1) + " " + open + display_header(headers[columns[k]]) +
               close;
    }
    if (columns.size() > kMaxListed) {
        out += ", \xE2\x80\xA6"; // …
    }
    return out;
}

std::array<std::string, 3> ambiguous_messages(Field field, const std::vector<std::size_t>& columns,
                                              std::optional<std::size_t> chosen,
                                              const std::vector<std::string>& headers) {
    const Localized& name = field_name(field);
    std::array<std::string, 3> m;
    m[0] = "Several columns look like \"" + std::string(name.en) +
           "\": " + column_list(columns, headers, "\"", "\"") + ". ";
    m[1] = "Несколько столбцов похожи на «" + std::string(name.ru) +
           "»: " + column_list(columns, headers, "«", "»") + ". ";
    m[2] = "Useampi sarake näyttää kentältä \"" + std::string(name.fi) +
           "\": " + column_list(columns, headers, "\"", "\"") + ". ";
    if (chosen) {
        const std::string col = std::to_string(*chosen + 1);
        const std::string head = display_header(headers[*chosen]);
        m[0] += "Using column " + col + " \"" + head + "\"; change it if that is wrong.";
        m[1] += "Выбран столбец " + col + " «" + head + "»; измените, если это неверно.";
        m[2] += "Käytetään saraketta " + col + " \"" + head + "\"; vaihda, jos se on väärin.";
    } else {
        m[0] += "None of them is used: choose the right one.";
        m[1] += "Ни один не выбран: укажите нужный столбец.";
        m[2] += "Mitään ei käytetä: valitse oikea sarake.";
    }
    return m;
}

HeaderProblem missing_client() {
    return {HeaderProblemKind::MissingClient,
            Field::Client,
            {},
            {"No client column was found: choose the column that names the clients.",
             "Не найден столбец с клиентами: укажите столбец с названиями клиентов.",
             "Asiakassaraketta ei löytynyt: valitse sarake, jossa on asiakkaiden nimet."}};
}

HeaderProblem missing_value() {
    return {HeaderProblemKind::MissingProfitOrRevenue,
            Field::Profit,
            {},
            {"No profit or revenue column was found: choose one of them (profit is used when "
             "there are both).",
             "Не найден столбец прибыли или выручки: укажите один из них (если есть оба, "
             "используется прибыль).",
             "Voitto- tai liikevaihtosaraketta ei löytynyt: valitse jompikumpi (jos molemmat "
             "ovat, käytetään voittoa)."}};
}

} // namespace

std::string_view field_key(Field field) {
    return kFields[field_index(field)].key;
}

const Localized& field_name(Field field) {
    return kFields[field_index(field)].name;
}

std::vector<std::string_view> field_synonyms(Field field) {
    const FieldInfo& info = kFields[field_index(field)];
    std::vector<std::string_view> out = split_list(info.synonyms);
    for (std::string_view w : split_list(info.weak_synonyms)) {
        out.push_back(w);
    }
    return out;
}

std::string normalize_header(std::string_view header) {
    std::string out;
    out.reserve(header.size());
    std::size_t i = 0;
    while (i < header.size()) {
        char32_t cp = 0;
        const std::size_t len = decode_utf8(header, i, cp);
        if (len == 0) {
            i += 1; // invalid UTF-8: drop the byte
            continue;
        }
        i += len;
        const char32_t folded = fold(cp);
        if (folded != 0) {
            append_utf8(out, folded);
        }
    }
    return out;
}

namespace {

std::optional<HeaderGuess> guess_with(std::string_view header, const ExtraIndex* extra) {
    if (const std::optional<Entry> e = lookup(normalize_header(header), extra)) {
        return HeaderGuess{e->field, e->weak ? HeaderMatch::ExactWeak : HeaderMatch::Exact};
    }
    if (const std::optional<Entry> e = loose_lookup(normalize_header(header_core(header)), extra)) {
        return HeaderGuess{e->field, e->weak ? HeaderMatch::LooseWeak : HeaderMatch::Loose};
    }
    return std::nullopt;
}

HeaderMapping recognize_with(const std::vector<std::string>& headers, const ExtraIndex* extra);

} // namespace

std::optional<HeaderGuess> guess_header(std::string_view header) {
    return guess_with(header, nullptr);
}

std::optional<HeaderGuess> guess_header(std::string_view header, const ExtraSynonyms& extra,
                                        TableKind kind) {
    const ExtraIndex idx = extra_index(extra, kind);
    return guess_with(header, &idx);
}

bool field_applies(Field field, TableKind kind) {
    return (kFields[field_index(field)].kinds & kind_bit(kind)) != 0;
}

bool HeaderMapping::has_required() const {
    return (column(Field::Client) || column(Field::ClientId)) &&
           (column(Field::Profit) || column(Field::Revenue));
}

std::optional<std::size_t> HeaderMapping::key_column(TableKind kind) const {
    if (kind == TableKind::Transactions && column(Field::ClientId)) {
        return column(Field::ClientId);
    }
    return column(Field::Client) ? column(Field::Client) : column(Field::ClientId);
}

std::vector<HeaderProblem>
missing_required(const std::array<std::optional<std::size_t>, kFieldCount>& columns) {
    std::vector<HeaderProblem> out;
    if (!columns[field_index(Field::Client)] && !columns[field_index(Field::ClientId)]) {
        out.push_back(missing_client());
    }
    if (!columns[field_index(Field::Profit)] && !columns[field_index(Field::Revenue)]) {
        out.push_back(missing_value());
    }
    return out;
}

HeaderMapping recognize_headers(const std::vector<std::string>& headers) {
    return recognize_with(headers, nullptr);
}

HeaderMapping recognize_headers(const std::vector<std::string>& headers,
                                const ExtraSynonyms& extra_synonyms, TableKind kind) {
    const ExtraIndex idx = extra_index(extra_synonyms, kind);
    return recognize_with(headers, &idx);
}

TableKind detect_table_kind(const std::vector<std::string>& headers,
                            const ExtraSynonyms& extra_synonyms, bool key_repeats) {
    if (key_repeats) {
        return TableKind::Transactions;
    }
    const HeaderMapping lines = recognize_headers(headers, extra_synonyms, TableKind::Transactions);
    if (!lines.column(Field::OrderId) && !lines.column(Field::OrderDate)) {
        return TableKind::Clients;
    }
    const HeaderMapping clients = recognize_headers(headers, extra_synonyms, TableKind::Clients);
    for (Field f : kAllFields) {
        const bool per_client =
            field_applies(f, TableKind::Clients) && !field_applies(f, TableKind::Transactions);
        if (per_client && clients.column(f)) {
            return TableKind::Clients;
        }
    }
    return TableKind::Transactions;
}

std::string_view table_kind_key(TableKind kind) {
    return kind == TableKind::Clients ? "clients" : "transactions";
}

std::optional<TableKind> table_kind_from_key(std::string_view key) {
    for (TableKind kind : {TableKind::Clients, TableKind::Transactions}) {
        if (table_kind_key(kind) == key) {
            return kind;
        }
    }
    return std::nullopt;
}

namespace {

HeaderMapping recognize_with(const std::vector<std::string>& headers, const ExtraIndex* extra) {
    std::array<std::vector<std::pair<std::size_t, HeaderMatch>>, kFieldCount> candidates;
    for (std::size_t col = 0; col < headers.size(); ++col) {
        if (const std::optional<HeaderGuess> g = guess_with(headers[col], extra)) {
            candidates[field_index(g->field)].emplace_back(col, g->match);
        }
    }
    HeaderMapping mapping;
    for (Field field : kAllFields) {
        const auto& found = candidates[field_index(field)];
        if (found.empty()) {
            continue;
        }
        if (found.size() == 1) {
            mapping.columns[field_index(field)] = found.front().first;
            continue;
        }
        HeaderMatch best = HeaderMatch::LooseWeak;
        for (const auto& c : found) {
            best = std::min(best, c.second);
        }
        std::optional<std::size_t> chosen;
        std::size_t at_best = 0;
        std::vector<std::size_t> columns;
        for (const auto& c : found) {
            columns.push_back(c.first);
            if (c.second == best) {
                ++at_best;
                chosen = c.first;
            }
        }
        if (at_best != 1) {
            chosen.reset();
        }
        mapping.columns[field_index(field)] = chosen;
        HeaderProblem problem{HeaderProblemKind::Ambiguous, field, columns,
                              ambiguous_messages(field, columns, chosen, headers)};
        mapping.problems.push_back(std::move(problem));
    }
    for (HeaderProblem& p : missing_required(mapping.columns)) {
        mapping.problems.push_back(std::move(p));
    }
    return mapping;
}

} // namespace

} // namespace triage
