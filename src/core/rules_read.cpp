// Reading a rule set from its JSON text: the parse (duplicate keys, depth, the place of a
// syntax error), then the values over a base rule set (unknown keys, wrong types), then the
// checks of rules_check.cpp.
#include "core/rule_problems.hpp"

#include "core/headers.hpp"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <unordered_map>
#include <utility>

namespace triage {

using namespace rule_problems;

namespace {

constexpr Localized kBadAnalysisDate = {
    "The analysis date must be a date written YYYY-MM-DD (or null: the latest order date, today "
    "for a client table); it is {}.",
    "Дата анализа должна быть датой в виде ГГГГ-ММ-ДД (или null: последняя дата заказа, для "
    "таблицы клиентов сегодня); указано {}.",
    "Analyysipäivän on oltava päivämäärä muodossa VVVV-KK-PP (tai null: viimeisin tilauspäivä, "
    "asiakastaulukossa tämä päivä); se on {}."};
constexpr Localized kWhatVersion = {"The version of the rules format", "Версия формата правил",
                                    "Sääntömuodon versio"};
constexpr Localized kRangeVersion = {"1", "1", "1"};
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
constexpr Localized kUnknownPeriod = {"{} is not a cohort period; use month or quarter.",
                                      "{} — не период когорт; укажите month или quarter.",
                                      "{} ei ole kohorttijakso; käytä month tai quarter."};
constexpr Localized kUnknownPreset = {"{} is not a preset; use one of: {}.",
                                      "{} — нет такого набора правил; используйте: {}.",
                                      "{} ei ole valmis sääntöjoukko; käytä jotakin näistä: {}."};
constexpr Localized kRootType = {"The rules must be one JSON object { ... }; found {}.",
                                 "Правила должны быть одним JSON-объектом { ... }; найдено: {}.",
                                 "Sääntöjen on oltava yksi JSON-objekti { ... }; annettu: {}."};

// A date written YYYY-MM-DD as a core day number.
std::optional<double> iso_day(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    return parse_date_text(text, DateOrder::DayFirst);
}

std::string joined(std::initializer_list<std::string_view> keys) {
    std::string out;
    for (std::string_view k : keys) {
        out += out.empty() ? "" : ", ";
        out += k;
    }
    return out;
}

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
        if (f.places.count(val) > 0) {
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
        // Of an object: the place of each key among its members, and the current key.
        std::unordered_map<std::string, std::size_t> places;
        std::string key;
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
        Frame& f = frames_.back();
        Json& parent = *f.value;
        if (parent.is_object()) {
            // Members are added at their place, not through ordered_json's operator[], which
            // looks for the key member by member: an object of many keys took quadratic time
            // (80,000 keys: 4.5 s). A key given twice keeps its first place and its last value,
            // as with operator[].
            Json::object_t& members = parent.get_ref<Json::object_t&>();
            const auto [place, fresh] = f.places.emplace(f.key, members.size());
            if (fresh) {
                members.emplace_back(f.key, std::move(value));
                return &members.back().second;
            }
            Json& slot = (members.begin() + static_cast<std::ptrdiff_t>(place->second))->second;
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
        const Json* signals =
            object(root, "", "signals",
                   {signal_key(Signal::DaysLate), signal_key(Signal::ReturnRate),
                    signal_key(Signal::Complaints), signal_key(Signal::DiscountShare),
                    signal_key(Signal::CostToServe), signal_key(Signal::ApprovalDays),
                    signal_key(Signal::ScopeCreep), signal_key(Signal::RushShare)});
        if (signals == nullptr) {
            return;
        }
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

} // namespace

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

} // namespace triage
