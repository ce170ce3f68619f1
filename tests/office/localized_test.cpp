// The add-in in an office whose interface is Russian: labels, texts and the Function Wizard
// follow the UI language, and documents move between offices in different languages.
#include "office.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace {

using office::CalcDoc;
using office::Office;

class RussianOffice : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        try {
            office::OfficeOptions options;
            options.ui_locale = "ru-RU";
            office_ = std::make_unique<Office>(options);
        } catch (const std::exception& e) {
            failure_ = e.what();
        }
    }
    static void TearDownTestSuite() { office_.reset(); }

    void SetUp() override {
        ASSERT_TRUE(office_) << "the Russian office did not start: " << failure_;
    }

    static std::unique_ptr<Office> office_;
    static std::string failure_;
};

std::unique_ptr<Office> RussianOffice::office_;
std::string RussianOffice::failure_;

TEST_F(RussianOffice, LabelsAndTextsAreRussian) {
    CalcDoc doc(*office_);
    doc.set_formula("A1", "=CLIENT_VERDICT(\"A\";10)");
    doc.set_formula("A2", "=CLIENT_VERDICT(\"C\";80)");
    doc.set_formula("A3", "=CLIENT_ACTION(\"Keep\")");
    doc.set_formula("A4", "=PROSPECT_STEP(3)");
    doc.set_formula("A5", "=CLIENT_SEGMENT(555)");
    doc.set_formula("A6", "=CLIENT_REASONS(45;0.18)");
    EXPECT_EQ(doc.text("A1"), "Удержать");
    EXPECT_EQ(doc.text("A2"), "Отпустить");
    EXPECT_EQ(doc.text("A3").find("protect"), std::string::npos) << doc.text("A3");
    EXPECT_NE(doc.text("A3").find("менеджер"), std::string::npos) << doc.text("A3");
    EXPECT_EQ(doc.text("A4"), "Письмо");
    EXPECT_NE(doc.text("A5"), "Champions");
    EXPECT_FALSE(doc.text("A5").empty());
    EXPECT_NE(doc.text("A6").find("45 дней"), std::string::npos) << doc.text("A6");
    // A Russian label is understood back, and the tier letters stay A-D.
    doc.set_formula("B1", "=CLIENT_ACTION(A1)");
    EXPECT_EQ(doc.text("B1"), doc.text("A3"));
    doc.set_column("C1", {50, 30, 10, 5, 3, 2});
    doc.set_formula("D1", "=CLIENT_TIER(C1;C1:C6)");
    EXPECT_EQ(doc.text("D1"), "A");
}

TEST_F(RussianOffice, TheFunctionWizardShowsRussianNamesAndDescriptions) {
    const auto descriptions = office::function_descriptions(*office_);
    const auto tier = descriptions.find("КЛИЕНТ_УРОВЕНЬ");
    ASSERT_NE(tier, descriptions.end());
    EXPECT_NE(tier->second.description.find("Уровень клиента"), std::string::npos);
    ASSERT_EQ(tier->second.arguments.size(), 4u);
    EXPECT_EQ(tier->second.arguments[0].name, "значение");
    EXPECT_NE(tier->second.arguments[1].description.find("Прибыль всех клиентов"),
              std::string::npos);
    EXPECT_NE(descriptions.find("КЛИЕНТ_РИСК"), descriptions.end());
    EXPECT_EQ(descriptions.find("CLIENT_TIER"), descriptions.end());
}

TEST_F(RussianOffice, ADocumentSavedInRussianWorksInEnglish) {
    const std::string path = office_->profile_dir() + "/ru.ods";
    {
        CalcDoc doc(*office_);
        doc.set_formula("A1", "=CLIENT_VERDICT(\"B\";10)");
        EXPECT_EQ(doc.text("A1"), "Развивать");
        doc.save_as(path, "calc8");
    }
    CalcDoc reopened(office::file_url(path));
    reopened.cell("A1"); // the English office recalculates on load
    reopened.set_formula("A2", reopened.formula("A1"));
    EXPECT_EQ(reopened.text("A2"), "Grow");
}

} // namespace
