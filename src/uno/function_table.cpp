#include "uno/function_table.hpp"

#include <algorithm>
#include <cctype>

namespace triage::uno {

namespace {

const ArgumentInfo kValue = {
    {"value", "значение", "arvo"},
    {"The client's profit (or revenue where there is no profit), or a range of them.",
     "Прибыль клиента (или выручка, если прибыли нет) либо диапазон таких значений.",
     "Asiakkaan kate (tai liikevaihto, jos katetta ei ole) tai niiden alue."}};

const ArgumentInfo kValues = {
    {"values", "значения", "arvot"},
    {"The profits of all clients: the population the tiers are computed over. Empty and text "
     "cells are ignored.",
     "Прибыль всех клиентов: совокупность, по которой считаются уровни. Пустые и текстовые "
     "ячейки пропускаются.",
     "Kaikkien asiakkaiden katteet: joukko, jonka perusteella luokat lasketaan. Tyhjät ja "
     "tekstisolut ohitetaan."}};

const ArgumentInfo kAShare = {
    {"a_share", "доля_A", "A_osuus"},
    {"Share of the total profit that tier A makes, greater than 0 and at most 1. Default 0.8.",
     "Доля общей прибыли, которую дают клиенты уровня A: больше 0 и не больше 1. По умолчанию "
     "0,8.",
     "A-luokan osuus kokonaiskatteesta, yli 0 ja enintään 1. Oletus 0,8."}};

const ArgumentInfo kBShare = {
    {"b_share", "доля_B", "B_osuus"},
    {"Share of the profit left after tier A that tier B makes, greater than 0 and at most 1. "
     "Default 0.8.",
     "Доля прибыли, оставшейся после уровня A, которую дают клиенты уровня B: больше 0 и не "
     "больше 1. По умолчанию 0,8.",
     "B-luokan osuus A-luokan jälkeen jäävästä katteesta, yli 0 ja enintään 1. Oletus 0,8."}};

bool equal_ignoring_ascii_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

const std::vector<FunctionInfo>& function_table() {
    static const std::vector<FunctionInfo> table = {
        {"clientTier",
         {"CLIENT_TIER", "CLIENT_TIER", "CLIENT_TIER"},
         {"Pareto tier of a client by profit: A for the few clients who bring most of the "
          "profit, then B and C; D for a loss-maker.",
          "Уровень клиента по прибыли (Парето): A для немногих клиентов, приносящих основную "
          "прибыль, затем B и C; D для убыточного клиента.",
          "Asiakkaan Pareto-luokka katteen mukaan: A harvoille asiakkaille, jotka tuovat "
          "suurimman osan katteesta, sitten B ja C; D tappiolliselle asiakkaalle."},
         {kValue, kValues, kAShare, kBShare}},
        {"clientTierCutoffs",
         {"CLIENT_TIER_CUTOFFS", "CLIENT_TIER_CUTOFFS", "CLIENT_TIER_CUTOFFS"},
         {"The tier lines of a population as a 1 x 2 array: the smallest value in tier A and "
          "the smallest value in tier B.",
          "Границы уровней как массив 1 x 2: наименьшее значение уровня A и наименьшее "
          "значение уровня B.",
          "Luokkarajat 1 x 2 -taulukkona: A-luokan pienin arvo ja B-luokan pienin arvo."},
         {kValues, kAShare, kBShare}},
    };
    return table;
}

const FunctionInfo* find_function(std::string_view programmatic) {
    const auto& table = function_table();
    const auto it = std::find_if(table.begin(), table.end(), [&](const FunctionInfo& f) {
        return programmatic == f.programmatic;
    });
    return it == table.end() ? nullptr : &*it;
}

const FunctionInfo* find_function_by_display(std::string_view display, Lang lang) {
    for (const FunctionInfo& f : function_table()) {
        if (equal_ignoring_ascii_case(display, f.display.in(lang)) ||
            equal_ignoring_ascii_case(display, f.display.en)) {
            return &f;
        }
    }
    return nullptr;
}

} // namespace triage::uno
