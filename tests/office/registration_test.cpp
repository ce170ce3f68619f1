// Registration into a running office (e.g. a development reload) goes through the library's
// component_getFactory: every implementation the .components file names must have a factory
// there, not only a constructor function.
#include <com/sun/star/uno/XInterface.hpp>

#include <gtest/gtest.h>

#include <dlfcn.h>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>
#include <vector>

namespace {

std::vector<std::string> implementation_names() {
    std::ifstream in(TRIAGE_SOURCE_DIR "/extension/clienttriage.components");
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    const std::regex name("<implementation name=\"([^\"]+)\"");
    std::vector<std::string> names;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), name);
         it != std::sregex_iterator(); ++it) {
        names.push_back((*it)[1]);
    }
    return names;
}

TEST(Registration, EveryImplementationHasAFactory) {
    const std::vector<std::string> names = implementation_names();
    ASSERT_EQ(names.size(), 3u);
    void* library = ::dlopen(TRIAGE_COMPONENT_PATH, RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(library, nullptr) << ::dlerror();
    using GetFactory = void* (*)(const char*, void*, void*);
    const auto get_factory = reinterpret_cast<GetFactory>(::dlsym(library, "component_getFactory"));
    ASSERT_NE(get_factory, nullptr);
    for (const std::string& name : names) {
        void* factory = get_factory(name.c_str(), nullptr, nullptr);
        EXPECT_NE(factory, nullptr) << name;
        if (factory != nullptr) {
            static_cast<css::uno::XInterface*>(factory)->release();
        }
    }
    EXPECT_EQ(get_factory("org.clienttriage.NoSuchThing", nullptr, nullptr), nullptr);
}

} // namespace
