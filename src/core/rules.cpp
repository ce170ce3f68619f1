#include "core/rules.hpp"

#include "core/values.hpp"

#include "core/reasons.hpp"
#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <set>
#include <unordered_map>
#include <utility>

namespace triage {

namespace {

// ordered_json keeps the keys in the order of the text, so problems follow the document and
// rules_to_json() writes the keys in schema order.
using Json = nlohmann::ordered_json;
using Texts = std::array<std::string, 3>;

template <class F> Texts each_lang(F f) {
    return {f(Lang::En), f(Lang::Ru), f(Lang::Fi)};
}

// ---------------------------------------------------------------- the schema's names

constexpr std::array<std::string_view, 4> kTierKeys = {"A", "B", "C", "D"};
constexpr std::array<std::string_view, 3> kBandKeys = {"low", "medium", "high"};

// A key escaped for a JSON Pointer (RFC 6901): "~" -> "~0", "/" -> "~1".
std::string pointer_token(std::string_view key) {
    std::string out;
    for (char ch : key) {
        if (ch == '~') {
            out += "~0";
        } else if (ch == '/') {
            out += "~1";
        } else {
            out += ch;
        }
    }
    return out;
}

std::string child(const std::string& path, std::string_view key) {
    return path + "/" + pointer_token(key);
}

std::string child(const std::string& path, std::size_t index) {
    return path + "/" + std::to_string(index);
}

// A text from the rules shown inside a message: valid UTF-8 is kept (control characters
// become spaces), anything else becomes U+FFFD, and it is cut at 60 bytes.
std::string shown_text(std::string_view text) {
    constexpr std::size_t kMax = 60;
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (out.size() >= kMax) {
            out += "\xE2\x80\xA6"; // …
            break;
        }
        char32_t cp = 0;
        const std::size_t len = decode_utf8(text, i, cp);
        if (len == 0) {
            out += "\xEF\xBF\xBD"; // U+FFFD
            i += 1;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F) {
            out += ' ';
        } else {
            out.append(text.substr(i, len));
        }
        i += len;
    }
    return out;
}

std::string quoted(std::string_view text, Lang lang) {
    return lang == Lang::Ru ? "«" + shown_text(text) + "»" : "\"" + shown_text(text) + "\"";
}

std::string joined(std::initializer_list<std::string_view> keys) {
    std::string out;
    for (std::string_view k : keys) {
        out += out.empty() ? "" : ", ";
        out += k;
    }
    return out;
}

// ---------------------------------------------------------------- messages

constexpr Localized kTypeNumber = {"a number", "число", "luku"};
constexpr Localized kTypeObject = {"an object { ... }", "объект { ... }", "objekti { ... }"};
constexpr Localized kTypeText = {"a text", "текст", "teksti"};
constexpr Localized kBadAnalysisDate = {
    "The analysis date must be a date written YYYY-MM-DD (or null: the latest order date, today "
    "for a client table); it is {}.",
    "Дата анализа должна быть датой в виде ГГГГ-ММ-ДД (или null: последняя дата заказа, для "
    "таблицы клиентов сегодня); указано {}.",
    "Analyysipäivän on oltava päivämäärä muodossa VVVV-KK-PP (tai null: viimeisin tilauspäivä, "
    "asiakastaulukossa tämä päivä); se on {}."};

// A date written YYYY-MM-DD as a core day number.
std::optional<double> iso_day(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    return parse_date_text(text, DateOrder::DayFirst);
}
constexpr Localized kTypeList = {"a list [ ... ]", "список [ ... ]", "lista [ ... ]"};
constexpr Localized kTypeBool = {"true or false", "true или false", "true tai false"};
constexpr Localized kTypeNull = {"null", "null", "null"};

const Localized& type_name(const Json& j) {
    if (j.is_object()) {
        return kTypeObject;
    }
    if (j.is_array()) {
        return kTypeList;
    }
    if (j.is_string()) {
        return kTypeText;
    }
    if (j.is_boolean()) {
        return kTypeBool;
    }
    if (j.is_number()) {
        return kTypeNumber;
    }
    return kTypeNull;
}

// The ranges of the schema.
constexpr Localized kRangeShare = {"above 0 and at most 1", "больше 0 и не больше 1",
                                   "yli 0 ja enintään 1"};
constexpr Localized kRangePositive = {"a finite number above 0", "конечное число больше 0",
                                      "äärellinen luku, yli 0"};
constexpr Localized kRangeNonNegative = {
    "a finite number, 0 or more", "конечное число, 0 или больше", "äärellinen luku, 0 tai enemmän"};
constexpr Localized kRangeMediumFrom = {"above 0 and below 100", "больше 0 и меньше 100",
                                        "yli 0 ja alle 100"};
constexpr Localized kRangeHighFrom = {"above 0 and at most 100", "больше 0 и не больше 100",
                                      "yli 0 ja enintään 100"};
constexpr Localized kRangeVersion = {"1", "1", "1"};

// What a value is, for "{what} must be {range}; it is {value}".
constexpr Localized kWhatVersion = {"The version of the rules format", "Версия формата правил",
                                    "Sääntömuodon versio"};
constexpr Localized kWhatAShare = {"The share of the profit that tier A makes",
                                   "Доля прибыли категории A", "A-luokan osuus voitosta"};
constexpr Localized kWhatBShare = {"The share of the remaining profit that tier B makes",
                                   "Доля оставшейся прибыли категории B",
                                   "B-luokan osuus jäljelle jäävästä voitosta"};
constexpr Localized kWhatGood = {"The good value of {}", "Хорошее значение для «{}»",
                                 "Hyvä arvo kentälle \"{}\""};
constexpr Localized kWhatBad = {"The bad value of {}", "Плохое значение для «{}»",
                                "Huono arvo kentälle \"{}\""};
constexpr Localized kWhatWeight = {"The weight of {}", "Вес сигнала «{}»", "Paino kentälle \"{}\""};
constexpr Localized kWhatMediumFrom = {"The risk where the medium band begins",
                                       "Риск, с которого начинается средний уровень",
                                       "Riski, josta keskitaso alkaa"};
constexpr Localized kWhatHighFrom = {"The risk where the high band begins",
                                     "Риск, с которого начинается высокий уровень",
                                     "Riski, josta korkea taso alkaa"};
constexpr Localized kWhatMultiple = {
    "The multiple of the usual interval between orders after which a client is lapsed",
    "Во сколько раз пауза должна превысить обычный интервал между заказами, чтобы клиент "
    "считался ушедшим",
    "Kerroin, jolla tavallinen tilausväli ylittyy ennen kuin asiakas katsotaan menetetyksi"};
constexpr Localized kWhatDaysWithout = {
    "The days without an order after which a client without a usual interval is lapsed",
    "Число дней без заказов, после которых клиент без обычного интервала считается ушедшим",
    "Päivät ilman tilausta, joiden jälkeen asiakas ilman tavallista tilausväliä katsotaan "
    "menetetyksi"};
constexpr Localized kWhatPAliveBelow = {
    "The probability of still being a client (P(alive)) below which a client is lapsed",
    "Вероятность активности (P(alive)), ниже которой клиент считается ушедшим",
    "Aktiivisuuden todennäköisyys (P(alive)), jonka alittava asiakas katsotaan menetetyksi"};
constexpr Localized kWhatMovementMonths = {
    "The months of each period the tier movement compares",
    "Число месяцев в каждом из сравниваемых периодов движения по уровням",
    "Kuukausia kummassakin jaksossa, joita luokkien muutos vertaa"};
constexpr Localized kRangeMonths = {"a whole number from 1 to 120", "целое число от 1 до 120",
                                    "kokonaisluku 1–120"};
constexpr Localized kWhatGap = {"The days between two calls to a prospect",
                                "Число дней между звонками потенциальному клиенту",
                                "Päivät kahden soiton välillä"};
constexpr Localized kWhatLetterGap = {"The days between the third call and the letter",
                                      "Число дней между третьим звонком и письмом",
                                      "Päivät kolmannen soiton ja kirjeen välillä"};

constexpr Localized kOutOfRange = {"{} must be {}; it is {}.", "{}: нужно {}, указано {}.",
                                   "{}: sallittu {}, annettu {}."};
constexpr Localized kWrongType = {"Expected {} here, found {}.",
                                  "Здесь ожидается {}, а найдено: {}.",
                                  "Tähän odotetaan: {}; annettu: {}."};
constexpr Localized kUnknownKey = {"Unknown key {}; the keys here are: {}.",
                                   "Неизвестный ключ {}; здесь допустимы: {}.",
                                   "Tuntematon avain {}; tässä sallitut avaimet: {}."};
constexpr Localized kDuplicateKey = {
    "The key {} is given twice here; give each key once.",
    "Ключ {} указан здесь дважды; укажите каждый ключ один раз.",
    "Avain {} on annettu tässä kahdesti; anna kukin avain kerran."};
constexpr Localized kTooLarge = {
    "The rules are too large: {} bytes; rules of at most {} bytes (1 MiB) are read.",
    "Правила слишком большие: {} байт; читаются правила не больше {} байт (1 МиБ).",
    "Säännöt ovat liian suuret: {} tavua; enintään {} tavun (1 MiB) säännöt luetaan."};
constexpr Localized kTooDeep = {
    "The rules nest lists and objects deeper than {} levels; a rule set needs 3.",
    "В правилах списки и объекты вложены глубже {} уровней; правилам нужно 3.",
    "Säännöissä listat ja objektit ovat sisäkkäin yli {} tasoa; säännöt tarvitsevat 3."};
constexpr Localized kSyntax = {
    "This is not valid JSON: the error is at byte {} (line {}, column {}).",
    "Это не корректный JSON: ошибка в байте {} (строка {}, столбец {}).",
    "Tämä ei ole kelvollista JSONia: virhe tavussa {} (rivi {}, sarake {})."};
constexpr Localized kNumberTooLarge = {
    "A number at byte {} (line {}, column {}) is too large to be read.",
    "Число в байте {} (строка {}, столбец {}) слишком большое.",
    "Tavun {} (rivi {}, sarake {}) luku on liian suuri luettavaksi."};
constexpr Localized kGoodEqualsBad = {
    "The good and the bad value of {} must differ; both are {}.",
    "Хорошее и плохое значения для «{}» должны различаться; оба равны {}.",
    "Kentän \"{}\" hyvän ja huonon arvon on oltava eri; molemmat ovat {}."};
constexpr Localized kWeightSum = {
    "The weights add up to more than a number can hold; use smaller weights.",
    "Сумма весов больше, чем может вместить число; уменьшите веса.",
    "Painojen summa on suurempi kuin luku voi olla; käytä pienempiä painoja."};
constexpr Localized kBandOrder = {
    "Medium risk must begin below high risk: medium_from is {}, high_from is {}.",
    "Средний риск должен начинаться ниже высокого: medium_from = {}, high_from = {}.",
    "Keskitason riskin on alettava alempaa kuin korkean: medium_from on {}, high_from on {}."};
constexpr Localized kWinBackCell = {
    "Win back cannot be a cell of the verdict table: it is given to lapsed clients of tier A "
    "and B only.",
    "«Вернуть» не может стоять в таблице решений: это решение дается только ушедшим клиентам "
    "категорий A и B.",
    "\"Voita takaisin\" ei voi olla päätöstaulukon solu: se annetaan vain menetetyille A- ja "
    "B-luokan asiakkaille."};
constexpr Localized kUnknownVerdict = {
    "{} is not a verdict; use keep, grow, low_touch, renegotiate or let_go (or their names in "
    "English, Russian or Finnish).",
    "{} — не решение; используйте keep, grow, low_touch, renegotiate или let_go (или их "
    "названия на русском, английском или финском).",
    "{} ei ole päätös; käytä arvoja keep, grow, low_touch, renegotiate tai let_go (tai niiden "
    "nimiä suomeksi, englanniksi tai venäjäksi)."};
constexpr Localized kUnknownPeriod = {"{} is not a cohort period; use month or quarter.",
                                      "{} — не период когорт; укажите month или quarter.",
                                      "{} ei ole kohorttijakso; käytä month tai quarter."};
constexpr Localized kUnknownPreset = {"{} is not a preset; use one of: {}.",
                                      "{} — нет такого набора правил; используйте: {}.",
                                      "{} ei ole valmis sääntöjoukko; käytä jotakin näistä: {}."};
constexpr Localized kEmptySynonym = {"A synonym must contain at least one letter or digit.",
                                     "Синоним должен содержать хотя бы одну букву или цифру.",
                                     "Synonyymissä on oltava vähintään yksi kirjain tai numero."};
constexpr Localized kSynonymTwice = {
    "{} is a synonym of both {} and {}; a header can name one field only.",
    "{} указан синонимом и для «{}», и для «{}»; заголовок может обозначать только одно поле.",
    "{} on sekä kentän \"{}\" että kentän \"{}\" synonyymi; otsikko voi tarkoittaa vain yhtä "
    "kenttää."};
constexpr Localized kRootType = {"The rules must be one JSON object { ... }; found {}.",
                                 "Правила должны быть одним JSON-объектом { ... }; найдено: {}.",
                                 "Sääntöjen on oltava yksi JSON-objekti { ... }; annettu: {}."};

std::string signal_what(const Localized& pattern, Signal s, Lang lang) {
    return fill_placeholders(pattern.in(lang), {std::string(signal_label(s, lang)) + " (" +
                                                std::string(signal_key(s)) + ")"});
}

// ---------------------------------------------------------------- problems

class Problems {
public:
    explicit Problems(std::vector<RuleProblem>& out) : out_(out) {}

    void add(RuleProblemKind kind, std::string path, Texts messages) {
        out_.push_back({kind, std::move(path), std::move(messages)});
    }

    // "{what} must be {range}; it is {value}."
    template <class What>
    void out_of_range(const std::string& path, What what, const Localized& range, double value) {
        add(RuleProblemKind::OutOfRange, path, each_lang([&](Lang l) {
                return fill_placeholders(kOutOfRange.in(l),
                                         {what(l), range.in(l), number_text(value)});
            }));
    }

    void wrong_type(const std::string& path, const Localized& expected, const Json& found) {
        add(RuleProblemKind::WrongType, path, each_lang([&](Lang l) {
                return fill_placeholders(kWrongType.in(l),
                                         {expected.in(l), type_name(found).in(l)});
            }));
    }

private:
    std::vector<RuleProblem>& out_;
};

// Line and column (1-based, in bytes) of the byte at `position` (1-based: nlohmann's count of
// the bytes read when it stopped).
std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t position) {
    std::size_t line = 1;
    std::size_t column = 1;
    const std::size_t end = std::min(position > 0 ? position - 1 : 0, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

// ---------------------------------------------------------------- the parser

// Builds the document like nlohmann's own DOM parser, and besides: refuses nesting deeper than
// kMaxRulesDepth (the parse stops at once, so memory stays bounded), reports keys given twice
// in one object with their path, and keeps the position of a syntax error instead of throwing.
class RulesSax : public nlohmann::json_sax<Json> {
public:
    explicit RulesSax(Problems& problems) : problems_(problems) {}

    Json root;
    bool too_deep = false;
    bool failed = false;
    std::size_t error_position = 0;
    int error_id = 0;

    bool null() override { return put(Json(nullptr)) != nullptr; }
    bool boolean(bool val) override { return put(Json(val)) != nullptr; }
    bool number_integer(number_integer_t val) override { return put(Json(val)) != nullptr; }
    bool number_unsigned(number_unsigned_t val) override { return put(Json(val)) != nullptr; }
    bool number_float(number_float_t val, const string_t&) override {
        return put(Json(val)) != nullptr;
    }
    bool string(string_t& val) override { return put(Json(std::move(val))) != nullptr; }
    bool binary(binary_t&) override { return false; } // JSON text has no binary values

    bool start_object(std::size_t) override { return open(Json::object()); }
    bool key(string_t& val) override {
        Frame& f = frames_.back();
        f.key = val;
        if (!f.keys.insert(val).second) {
            problems_.add(RuleProblemKind::DuplicateKey, path(), each_lang([&](Lang l) {
                              return fill_placeholders(kDuplicateKey.in(l), {quoted(val, l)});
                          }));
        }
        return true;
    }
    bool end_object() override {
        frames_.pop_back();
        return true;
    }
    bool start_array(std::size_t) override { return open(Json::array()); }
    bool end_array() override {
        frames_.pop_back();
        return true;
    }
    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& ex) override {
        failed = true;
        error_position = position;
        error_id = ex.id;
        return false;
    }

private:
    struct Frame {
        Json* value;
        std::set<std::string> keys; // of an object
        std::string key;            // the current key of an object
    };

    // The path of the value being read (an array's open child is its last element).
    std::string path() const {
        std::string p;
        for (const Frame& f : frames_) {
            if (f.value->is_object()) {
                p = child(p, f.key);
            } else {
                p = child(p, f.value->empty() ? 0 : f.value->size() - 1);
            }
        }
        return p;
    }

    // Stores a value where the parse is and returns it. A parent never grows while one of its
    // children is open, so the frames' pointers stay valid.
    Json* put(Json&& value) {
        if (frames_.empty()) {
            root = std::move(value);
            return &root;
        }
        Json& parent = *frames_.back().value;
        if (parent.is_object()) {
            Json& slot = parent[frames_.back().key];
            slot = std::move(value);
            return &slot;
        }
        parent.push_back(std::move(value));
        return &parent.back();
    }

    bool open(Json&& container) {
        if (frames_.size() >= kMaxRulesDepth) {
            too_deep = true;
            return false;
        }
        Json* at = put(std::move(container));
        frames_.push_back({at, {}, {}});
        return true;
    }

    Problems& problems_;
    std::vector<Frame> frames_;
};

// ---------------------------------------------------------------- reading the document

// Reads the values of a parsed document over a base rule set, reporting unknown keys and wrong
// types; the ranges are checked afterwards on the result (check_ranges()). Remembers which
// paths the document gave, so a conflict is reported where the user wrote it.
class Reader {
public:
    explicit Reader(Problems& problems) : problems_(problems) {}

    std::set<std::string> given;

    RuleSet read(const Json& root) {
        RuleSet rules = default_rules();
        if (!root.is_object()) {
            problems_.add(RuleProblemKind::WrongType, "", each_lang([&](Lang l) {
                              return fill_placeholders(kRootType.in(l), {type_name(root).in(l)});
                          }));
            return rules;
        }
        unknown_keys(root, "",
                     {"version", "base", "tiers", "signals", "bands", "verdicts", "lapse",
                      "prospects", "synonyms", "analysis_date", "cohorts", "movement"});
        if (const Json* v = find(root, "version")) {
            if (!v->is_number()) {
                problems_.wrong_type("/version", kTypeNumber, *v);
            } else if (v->get<double>() != 1.0) {
                problems_.out_of_range(
                    "/version", [](Lang l) { return std::string(kWhatVersion.in(l)); },
                    kRangeVersion, v->get<double>());
            }
        }
        if (const Json* v = find(root, "base")) {
            if (!v->is_string()) {
                problems_.wrong_type("/base", kTypeText, *v);
            } else if (std::optional<RuleSet> base = preset(v->get_ref<const std::string&>())) {
                rules = std::move(*base);
            } else {
                std::string keys;
                for (const Preset& p : presets()) {
                    keys += keys.empty() ? "" : ", ";
                    keys += p.key;
                }
                problems_.add(RuleProblemKind::UnknownName, "/base", each_lang([&](Lang l) {
                                  return fill_placeholders(
                                      kUnknownPreset.in(l),
                                      {quoted(v->get_ref<const std::string&>(), l), keys});
                              }));
            }
        }
        if (const Json* tiers = object(root, "", "tiers", {"a_share", "b_share"})) {
            number(*tiers, "/tiers", "a_share", rules.shares.a);
            number(*tiers, "/tiers", "b_share", rules.shares.b);
        }
        read_signals(root, rules.signals);
        if (const Json* bands = object(root, "", "bands", {"medium_from", "high_from"})) {
            number(*bands, "/bands", "medium_from", rules.bands.medium_from);
            number(*bands, "/bands", "high_from", rules.bands.high_from);
        }
        read_verdicts(root, rules.verdicts.table);
        if (const Json* lapse =
                object(root, "", "lapse",
                       {"interval_multiple", "days_without_interval", "p_alive_below"})) {
            number(*lapse, "/lapse", "interval_multiple", rules.verdicts.lapse.interval_multiple);
            number(*lapse, "/lapse", "days_without_interval",
                   rules.verdicts.lapse.days_without_interval);
            // null or absent: the interval rule alone
            if (const Json* v = find(*lapse, "p_alive_below"); v != nullptr && !v->is_null()) {
                double below = 0;
                number(*lapse, "/lapse", "p_alive_below", below);
                if (v->is_number()) {
                    rules.verdicts.lapse.p_alive_below = below;
                }
            }
        }
        if (const Json* prospects =
                object(root, "", "prospects", {"gap_days", "letter_gap_days"})) {
            number(*prospects, "/prospects", "gap_days", rules.prospects.gap_days);
            number(*prospects, "/prospects", "letter_gap_days", rules.prospects.letter_gap_days);
        }
        if (const Json* cohorts = object(root, "", "cohorts", {"period"})) {
            if (const Json* v = find(*cohorts, "period")) {
                const std::string text = v->is_string() ? v->get<std::string>() : std::string();
                if (!v->is_string()) {
                    problems_.wrong_type("/cohorts/period", kTypeText, *v);
                } else if (const auto period = cohort_period_from_key(text)) {
                    rules.cohort_period = *period;
                } else {
                    problems_.add(
                        RuleProblemKind::UnknownName, "/cohorts/period", each_lang([&](Lang l) {
                            return fill_placeholders(kUnknownPeriod.in(l), {quoted(text, l)});
                        }));
                }
            }
        }
        if (const Json* movement = object(root, "", "movement", {"months"})) {
            number(*movement, "/movement", "months", rules.movement_months);
        }
        read_synonyms(root, rules.synonyms);
        if (const Json* v = find(root, "analysis_date")) {
            if (v->is_null()) {
                rules.analysis_date.reset();
            } else if (!v->is_string()) {
                problems_.wrong_type("/analysis_date", kTypeText, *v);
            } else if (const auto day = iso_day(v->get_ref<const std::string&>())) {
                rules.analysis_date = *day;
            } else {
                problems_.add(RuleProblemKind::OutOfRange, "/analysis_date", each_lang([&](Lang l) {
                                  return fill_placeholders(
                                      kBadAnalysisDate.in(l),
                                      {quoted(v->get_ref<const std::string&>(), l)});
                              }));
            }
        }
        return rules;
    }

private:
    static const Json* find(const Json& obj, std::string_view key) {
        const auto it = obj.find(std::string(key));
        return it == obj.end() ? nullptr : &*it;
    }

    void unknown_keys(const Json& obj, const std::string& path,
                      std::initializer_list<std::string_view> known) {
        for (const auto& item : obj.items()) {
            bool found = false;
            for (std::string_view k : known) {
                found = found || k == item.key();
            }
            if (!found) {
                const std::string list = joined(known);
                problems_.add(
                    RuleProblemKind::UnknownKey, child(path, item.key()), each_lang([&](Lang l) {
                        return fill_placeholders(kUnknownKey.in(l), {quoted(item.key(), l), list});
                    }));
            }
        }
    }

    // The object at parent[key] with its unknown keys reported, or nullptr when it is missing or
    // not an object (reported).
    const Json* object(const Json& parent, const std::string& parent_path, std::string_view key,
                       std::initializer_list<std::string_view> known) {
        const Json* v = find(parent, key);
        if (v == nullptr) {
            return nullptr;
        }
        const std::string path = child(parent_path, key);
        if (!v->is_object()) {
            problems_.wrong_type(path, kTypeObject, *v);
            return nullptr;
        }
        unknown_keys(*v, path, known);
        return v;
    }

    void number(const Json& obj, const std::string& obj_path, std::string_view key,
                double& target) {
        const Json* v = find(obj, key);
        if (v == nullptr) {
            return;
        }
        const std::string path = child(obj_path, key);
        if (!v->is_number()) {
            problems_.wrong_type(path, kTypeNumber, *v);
            return;
        }
        target = v->get<double>();
        given.insert(path);
    }

    void read_signals(const Json& root, RiskRules& rules) {
        const Json* signals = find(root, "signals");
        if (signals == nullptr) {
            return;
        }
        if (!signals->is_object()) {
            problems_.wrong_type("/signals", kTypeObject, *signals);
            return;
        }
        unknown_keys(*signals, "/signals",
                     {signal_key(Signal::DaysLate), signal_key(Signal::ReturnRate),
                      signal_key(Signal::Complaints), signal_key(Signal::DiscountShare),
                      signal_key(Signal::CostToServe), signal_key(Signal::ApprovalDays),
                      signal_key(Signal::ScopeCreep), signal_key(Signal::RushShare)});
        for (Signal s : kAllSignals) {
            const std::string path = child("/signals", signal_key(s));
            if (const Json* rule =
                    object(*signals, "/signals", signal_key(s), {"good", "bad", "weight"})) {
                SignalRule& r = rules[signal_index(s)];
                number(*rule, path, "good", r.good);
                number(*rule, path, "bad", r.bad);
                number(*rule, path, "weight", r.weight);
            }
        }
    }

    void read_verdicts(const Json& root, VerdictTable& table) {
        const Json* verdicts = object(root, "", "verdicts", {"A", "B", "C", "D"});
        if (verdicts == nullptr) {
            return;
        }
        for (std::size_t t = 0; t < kTierKeys.size(); ++t) {
            const std::string row_path = child("/verdicts", kTierKeys[t]);
            const Json* row =
                object(*verdicts, "/verdicts", kTierKeys[t], {"low", "medium", "high"});
            if (row == nullptr) {
                continue;
            }
            for (std::size_t b = 0; b < kBandKeys.size(); ++b) {
                const Json* cell = find(*row, kBandKeys[b]);
                if (cell == nullptr) {
                    continue;
                }
                const std::string path = child(row_path, kBandKeys[b]);
                if (!cell->is_string()) {
                    problems_.wrong_type(path, kTypeText, *cell);
                    continue;
                }
                const std::string& name = cell->get_ref<const std::string&>();
                if (const std::optional<Verdict> v = parse_verdict(name)) {
                    table[t][b] = *v;
                    given.insert(path);
                } else {
                    problems_.add(RuleProblemKind::UnknownName, path, each_lang([&](Lang l) {
                                      return fill_placeholders(kUnknownVerdict.in(l),
                                                               {quoted(name, l)});
                                  }));
                }
            }
        }
    }

    void read_synonyms(const Json& root, ExtraSynonyms& synonyms) {
        const Json* all = find(root, "synonyms");
        if (all == nullptr) {
            return;
        }
        if (!all->is_object()) {
            problems_.wrong_type("/synonyms", kTypeObject, *all);
            return;
        }
        for (const auto& item : all->items()) {
            std::optional<Field> field;
            for (Field f : kAllFields) {
                if (field_key(f) == item.key()) {
                    field = f;
                }
            }
            const std::string path = child("/synonyms", item.key());
            if (!field) {
                std::string list;
                for (Field f : kAllFields) {
                    list += list.empty() ? "" : ", ";
                    list += field_key(f);
                }
                problems_.add(
                    RuleProblemKind::UnknownKey, path, each_lang([&](Lang l) {
                        return fill_placeholders(kUnknownKey.in(l), {quoted(item.key(), l), list});
                    }));
                continue;
            }
            const Json& list = item.value();
            if (!list.is_array()) {
                problems_.wrong_type(path, kTypeList, list);
                continue;
            }
            std::vector<std::string> texts;
            bool ok = true;
            for (std::size_t i = 0; i < list.size(); ++i) {
                if (!list[i].is_string()) {
                    problems_.wrong_type(child(path, i), kTypeText, list[i]);
                    ok = false;
                    continue;
                }
                texts.push_back(list[i].get<std::string>());
            }
            if (ok) {
                synonyms[field_index(*field)] = std::move(texts);
                given.insert(path);
            }
        }
    }

    Problems& problems_;
};

// ---------------------------------------------------------------- ranges

bool finite_at_least_zero(double x) {
    return std::isfinite(x) && x >= 0.0;
}

bool finite_above_zero(double x) {
    return std::isfinite(x) && x > 0.0;
}

// The range and conflict checks of a whole rule set. `given` (may be null) names the paths the
// document gave: a conflict between two values is reported at the one the user wrote (the
// second one when they wrote both or neither).
void check_ranges(const RuleSet& rules, const std::set<std::string>* given, Problems& problems) {
    const auto was_given = [&](const std::string& path) {
        return given == nullptr || given->count(path) > 0;
    };
    const auto plain = [](const Localized& what) {
        return [&what](Lang l) { return std::string(what.in(l)); };
    };
    const auto share_ok = [](double x) { return std::isfinite(x) && x > 0.0 && x <= 1.0; };
    if (!share_ok(rules.shares.a)) {
        problems.out_of_range("/tiers/a_share", plain(kWhatAShare), kRangeShare, rules.shares.a);
    }
    if (!share_ok(rules.shares.b)) {
        problems.out_of_range("/tiers/b_share", plain(kWhatBShare), kRangeShare, rules.shares.b);
    }

    bool weights_ok = true;
    double weight_sum = 0.0;
    for (Signal s : kAllSignals) {
        const SignalRule& r = rules.signals[signal_index(s)];
        const std::string path = child("/signals", signal_key(s));
        const auto what = [s](const Localized& pattern) {
            return [s, &pattern](Lang l) { return signal_what(pattern, s, l); };
        };
        const bool good_ok = finite_at_least_zero(r.good);
        const bool bad_ok = finite_at_least_zero(r.bad);
        if (!good_ok) {
            problems.out_of_range(path + "/good", what(kWhatGood), kRangeNonNegative, r.good);
        }
        if (!bad_ok) {
            problems.out_of_range(path + "/bad", what(kWhatBad), kRangeNonNegative, r.bad);
        }
        if (good_ok && bad_ok && r.good == r.bad) {
            const bool at_good = was_given(path + "/good") && !was_given(path + "/bad");
            problems.add(RuleProblemKind::Conflict, path + (at_good ? "/good" : "/bad"),
                         each_lang([&](Lang l) {
                             return fill_placeholders(kGoodEqualsBad.in(l),
                                                      {std::string(signal_label(s, l)) + " (" +
                                                           std::string(signal_key(s)) + ")",
                                                       number_text(r.good)});
                         }));
        }
        if (!finite_above_zero(r.weight)) {
            problems.out_of_range(path + "/weight", what(kWhatWeight), kRangePositive, r.weight);
            weights_ok = false;
        } else {
            weight_sum += r.weight;
        }
    }
    if (weights_ok && !std::isfinite(weight_sum)) {
        problems.add(RuleProblemKind::OutOfRange, "/signals",
                     each_lang([](Lang l) { return std::string(kWeightSum.in(l)); }));
    }

    const BandLimits& bands = rules.bands;
    const bool medium_ok =
        std::isfinite(bands.medium_from) && bands.medium_from > 0.0 && bands.medium_from < 100.0;
    const bool high_ok =
        std::isfinite(bands.high_from) && bands.high_from > 0.0 && bands.high_from <= 100.0;
    if (!medium_ok) {
        problems.out_of_range("/bands/medium_from", plain(kWhatMediumFrom), kRangeMediumFrom,
                              bands.medium_from);
    }
    if (!high_ok) {
        problems.out_of_range("/bands/high_from", plain(kWhatHighFrom), kRangeHighFrom,
                              bands.high_from);
    }
    if (medium_ok && high_ok && !(bands.medium_from < bands.high_from)) {
        const bool at_medium = was_given("/bands/medium_from") && !was_given("/bands/high_from");
        problems.add(RuleProblemKind::Conflict,
                     at_medium ? "/bands/medium_from" : "/bands/high_from", each_lang([&](Lang l) {
                         return fill_placeholders(kBandOrder.in(l), {number_text(bands.medium_from),
                                                                     number_text(bands.high_from)});
                     }));
    }

    for (std::size_t t = 0; t < kTierKeys.size(); ++t) {
        for (std::size_t b = 0; b < kBandKeys.size(); ++b) {
            const Verdict v = rules.verdicts.table[t][b];
            const std::string path = child(child("/verdicts", kTierKeys[t]), kBandKeys[b]);
            if (v == Verdict::WinBack) {
                problems.add(RuleProblemKind::OutOfRange, path,
                             each_lang([](Lang l) { return std::string(kWinBackCell.in(l)); }));
            } else if (static_cast<std::size_t>(v) >= kVerdictCount) {
                problems.add(RuleProblemKind::UnknownName, path, each_lang([&](Lang l) {
                                 return fill_placeholders(kUnknownVerdict.in(l), {quoted("?", l)});
                             }));
            }
        }
    }

    const LapseRule& lapse = rules.verdicts.lapse;
    if (!finite_above_zero(lapse.interval_multiple)) {
        problems.out_of_range("/lapse/interval_multiple", plain(kWhatMultiple), kRangePositive,
                              lapse.interval_multiple);
    }
    if (!finite_at_least_zero(lapse.days_without_interval)) {
        problems.out_of_range("/lapse/days_without_interval", plain(kWhatDaysWithout),
                              kRangeNonNegative, lapse.days_without_interval);
    }
    if (!(rules.movement_months >= 1 && rules.movement_months <= 120 &&
          rules.movement_months == std::floor(rules.movement_months))) {
        problems.out_of_range("/movement/months", plain(kWhatMovementMonths), kRangeMonths,
                              rules.movement_months);
    }
    if (lapse.p_alive_below && !share_ok(*lapse.p_alive_below)) {
        problems.out_of_range("/lapse/p_alive_below", plain(kWhatPAliveBelow), kRangeShare,
                              *lapse.p_alive_below);
    }
    if (!finite_at_least_zero(rules.prospects.gap_days)) {
        problems.out_of_range("/prospects/gap_days", plain(kWhatGap), kRangeNonNegative,
                              rules.prospects.gap_days);
    }
    if (!finite_at_least_zero(rules.prospects.letter_gap_days)) {
        problems.out_of_range("/prospects/letter_gap_days", plain(kWhatLetterGap),
                              kRangeNonNegative, rules.prospects.letter_gap_days);
    }

    // Synonyms: each must name something, and one text names one field only.
    // A clash is reported at the list the document gave (the later one when it gave both or
    // neither), so a user's synonym that clashes with a base preset's is reported at the user's.
    std::unordered_map<std::string, std::pair<Field, std::size_t>> owner;
    for (Field f : kAllFields) {
        const std::vector<std::string>& list = rules.synonyms[field_index(f)];
        const std::string list_path = child("/synonyms", field_key(f));
        for (std::size_t i = 0; i < list.size(); ++i) {
            const std::string path = child(list_path, i);
            const std::string key = normalize_header(list[i]);
            if (key.empty()) {
                problems.add(RuleProblemKind::OutOfRange, path,
                             each_lang([](Lang l) { return std::string(kEmptySynonym.in(l)); }));
                continue;
            }
            const auto [it, inserted] = owner.emplace(key, std::make_pair(f, i));
            if (!inserted && it->second.first != f) {
                const Field first = it->second.first;
                const std::string first_path =
                    child(child("/synonyms", field_key(first)), it->second.second);
                const bool at_first =
                    !was_given(list_path) && was_given(child("/synonyms", field_key(first)));
                problems.add(
                    RuleProblemKind::Conflict, at_first ? first_path : path, each_lang([&](Lang l) {
                        return fill_placeholders(
                            kSynonymTwice.in(l),
                            {quoted(list[i], l), field_name(first).in(l), field_name(f).in(l)});
                    }));
            }
        }
    }
}

// ---------------------------------------------------------------- writing

Json to_json(const RuleSet& rules) {
    Json out = Json::object();
    out["version"] = 1;
    out["tiers"] = {{"a_share", rules.shares.a}, {"b_share", rules.shares.b}};
    Json signals = Json::object();
    for (Signal s : kAllSignals) {
        const SignalRule& r = rules.signals[signal_index(s)];
        Json rule = Json::object();
        rule["good"] = r.good;
        rule["bad"] = r.bad;
        rule["weight"] = r.weight;
        signals[std::string(signal_key(s))] = std::move(rule);
    }
    out["signals"] = std::move(signals);
    out["bands"] = {{"medium_from", rules.bands.medium_from}, {"high_from", rules.bands.high_from}};
    Json verdicts = Json::object();
    for (std::size_t t = 0; t < kTierKeys.size(); ++t) {
        Json row = Json::object();
        for (std::size_t b = 0; b < kBandKeys.size(); ++b) {
            row[std::string(kBandKeys[b])] = verdict_key(rules.verdicts.table[t][b]);
        }
        verdicts[std::string(kTierKeys[t])] = std::move(row);
    }
    out["verdicts"] = std::move(verdicts);
    out["lapse"] = {{"interval_multiple", rules.verdicts.lapse.interval_multiple},
                    {"days_without_interval", rules.verdicts.lapse.days_without_interval},
                    {"p_alive_below", rules.verdicts.lapse.p_alive_below
                                          ? Json(*rules.verdicts.lapse.p_alive_below)
                                          : Json(nullptr)}};
    out["prospects"] = {{"gap_days", rules.prospects.gap_days},
                        {"letter_gap_days", rules.prospects.letter_gap_days}};
    Json synonyms = Json::object();
    for (Field f : kAllFields) {
        const std::vector<std::string>& list = rules.synonyms[field_index(f)];
        if (!list.empty()) {
            synonyms[std::string(field_key(f))] = list;
        }
    }
    out["synonyms"] = std::move(synonyms);
    out["analysis_date"] =
        rules.analysis_date ? Json(iso_date(*rules.analysis_date)) : Json(nullptr);
    out["movement"] = {{"months", rules.movement_months}};
    out["cohorts"] = {{"period", std::string(cohort_period_key(rules.cohort_period))}};
    return out;
}

} // namespace

// ---------------------------------------------------------------- public

bool operator==(const RuleSet& a, const RuleSet& b) {
    if (a.shares.a != b.shares.a || a.shares.b != b.shares.b) {
        return false;
    }
    for (std::size_t i = 0; i < kSignalCount; ++i) {
        const SignalRule& x = a.signals[i];
        const SignalRule& y = b.signals[i];
        if (x.good != y.good || x.bad != y.bad || x.weight != y.weight) {
            return false;
        }
    }
    return a.bands.medium_from == b.bands.medium_from && a.bands.high_from == b.bands.high_from &&
           a.verdicts.table == b.verdicts.table &&
           a.verdicts.lapse.interval_multiple == b.verdicts.lapse.interval_multiple &&
           a.verdicts.lapse.days_without_interval == b.verdicts.lapse.days_without_interval &&
           a.verdicts.lapse.p_alive_below == b.verdicts.lapse.p_alive_below &&
           a.prospects.gap_days == b.prospects.gap_days &&
           a.prospects.letter_gap_days == b.prospects.letter_gap_days && a.synonyms == b.synonyms &&
           a.analysis_date == b.analysis_date && a.cohort_period == b.cohort_period &&
           a.movement_months == b.movement_months;
}

RuleSet default_rules() {
    return RuleSet{};
}

namespace {

std::string what_text(const std::vector<RuleProblem>& problems) {
    std::string out = "invalid rules:";
    for (const RuleProblem& p : problems) {
        out += " ";
        out += p.path.empty() ? "(the whole text)" : p.path;
        out += ": ";
        out += p.message(Lang::En);
    }
    return out;
}

} // namespace

RulesError::RulesError(std::vector<RuleProblem> problems)
    : InvalidInput(what_text(problems)), problems_(std::move(problems)) {}

RulesLoad load_rules(std::string_view text) {
    RulesLoad out;
    Problems problems(out.problems);
    if (text.size() > kMaxRulesBytes) {
        problems.add(RuleProblemKind::TooLarge, "", each_lang([&](Lang l) {
                         return fill_placeholders(
                             kTooLarge.in(l),
                             {std::to_string(text.size()), std::to_string(kMaxRulesBytes)});
                     }));
        return out;
    }
    RulesSax sax(problems);
    const bool parsed = Json::sax_parse(text.begin(), text.end(), &sax);
    if (sax.too_deep) {
        out.problems.clear();
        problems.add(RuleProblemKind::TooDeep, "", each_lang([](Lang l) {
                         return fill_placeholders(kTooDeep.in(l), {std::to_string(kMaxRulesDepth)});
                     }));
        return out;
    }
    if (!parsed || sax.failed) {
        out.problems.clear();
        // Not a structured binding: a lambda may not capture one (C++17).
        const auto place = line_column(text, sax.error_position);
        const auto line = place.first;
        const auto column = place.second;
        const Localized& pattern = sax.error_id == 406 ? kNumberTooLarge : kSyntax;
        problems.add(RuleProblemKind::Syntax, "", each_lang([&](Lang l) {
                         return fill_placeholders(pattern.in(l),
                                                  {std::to_string(sax.error_position),
                                                   std::to_string(line), std::to_string(column)});
                     }));
        return out;
    }
    Reader reader(problems);
    RuleSet rules = reader.read(sax.root);
    check_ranges(rules, &reader.given, problems);
    if (out.problems.empty()) {
        out.rules = std::move(rules);
    }
    return out;
}

RuleSet parse_rules(std::string_view json) {
    RulesLoad load = load_rules(json);
    if (!load.ok()) {
        throw RulesError(std::move(load.problems));
    }
    return std::move(*load.rules);
}

std::string rules_to_json(const RuleSet& rules) {
    // Invalid UTF-8 in a synonym is replaced rather than thrown: the text stays writable.
    return to_json(rules).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::vector<RuleProblem> validate_rules(const RuleSet& rules) {
    std::vector<RuleProblem> out;
    Problems problems(out);
    check_ranges(rules, nullptr, problems);
    return out;
}

BatchSettings batch_settings(const RuleSet& rules, Lang lang) {
    std::vector<RuleProblem> problems = validate_rules(rules);
    if (!problems.empty()) {
        throw RulesError(std::move(problems));
    }
    BatchSettings settings;
    settings.shares = rules.shares;
    settings.rules = rules.signals;
    settings.lang = lang;
    settings.bands = rules.bands;
    settings.verdicts = rules.verdicts;
    return settings;
}

} // namespace triage
