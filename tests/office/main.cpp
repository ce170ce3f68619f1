// Office tests: one headless office for the whole run, torn down whatever the outcome.
#include "office.hpp"

#include <gtest/gtest.h>

namespace {

class OfficeEnvironment : public ::testing::Environment {
public:
    void SetUp() override { office::Office::get(); }
    void TearDown() override { office::Office::stop(); }
};

} // namespace

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    ::testing::AddGlobalTestEnvironment(new OfficeEnvironment);
    const int result = RUN_ALL_TESTS();
    office::Office::stop();
    return result;
}
