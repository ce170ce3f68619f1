// The line a segmentation run reports (the message box and the sidebar's status).
#include "core/segmentation.hpp"

#include <gtest/gtest.h>

namespace {

using triage::BatchSummary;
using triage::Lang;
using triage::Verdict;

BatchSummary summary(std::size_t keep, std::size_t renegotiate, std::size_t errors) {
    BatchSummary s;
    s.by_verdict[static_cast<std::size_t>(Verdict::Keep)].clients = keep;
    s.by_verdict[static_cast<std::size_t>(Verdict::Renegotiate)].clients = renegotiate;
    s.segmented = keep + renegotiate;
    s.errors = errors;
    s.rows = s.segmented + errors;
    return s;
}

TEST(ResultLine, CountsPerVerdictInTheirOrder) {
    EXPECT_EQ(triage::result_line(summary(3, 2, 0), Lang::En),
              "Segmented 5 clients: Keep 3, Renegotiate 2.");
    EXPECT_EQ(triage::result_line(summary(3, 2, 4), Lang::En),
              "Segmented 5 clients: Keep 3, Renegotiate 2. 4 rows have errors (see Why).");
}

TEST(ResultLine, OneClientAndOneErrorInTheSingular) {
    EXPECT_EQ(triage::result_line(summary(1, 0, 1), Lang::En),
              "Segmented 1 client: Keep 1. 1 row has an error (see Why).");
    EXPECT_EQ(triage::result_line(summary(1, 0, 0), Lang::Fi), "Luokiteltu 1 asiakas: Pidä 1.");
}

TEST(ResultLine, NothingSegmentedHasNoDanglingColon) {
    EXPECT_EQ(triage::result_line(summary(0, 0, 2), Lang::En),
              "Segmented 0 clients. 2 rows have errors (see Why).");
    EXPECT_EQ(triage::result_line(summary(0, 0, 2), Lang::Ru),
              "Обработано клиентов: 0. Строк с ошибками: 2 (см. «Почему»).");
}

TEST(ResultLine, RussianListsVerdictsAfterTheCount) {
    EXPECT_EQ(triage::result_line(summary(3, 2, 0), Lang::Ru),
              "Обработано клиентов: 5. Удержать 3, Пересмотреть условия 2.");
}

} // namespace
