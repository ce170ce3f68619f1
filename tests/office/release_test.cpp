// The .oxt as a user installs it: what the Extension Manager shows of it, an upgrade over an
// older version in place (documents and the rules kept in them keep working), and a removal
// (the profile starts, documents open with their data, formulas show an error).
#include "office.hpp"
#include "sheet_ops.hpp"

#include <com/sun/star/beans/Optional.hpp>
#include <com/sun/star/beans/StringPair.hpp>
#include <com/sun/star/deployment/ExtensionManager.hpp>
#include <com/sun/star/deployment/XPackage.hpp>
#include <com/sun/star/graphic/XGraphic.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/task/XAbortChannel.hpp>
#include <com/sun/star/ucb/XCommandEnvironment.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace {

using css::uno::Reference;
using office::CalcDoc;
using office::Office;

Reference<css::deployment::XPackage> installed(Office& office) {
    const Reference<css::deployment::XExtensionManager> manager =
        css::deployment::ExtensionManager::get(office.context());
    const auto packages = manager->getDeployedExtensions(
        "user", Reference<css::task::XAbortChannel>(), Reference<css::ucb::XCommandEnvironment>());
    for (const auto& p : packages) {
        const css::beans::Optional<rtl::OUString> id = p->getIdentifier();
        if (id.IsPresent && office::utf8(id.Value) == office::kExtensionId) {
            return p;
        }
    }
    return {};
}

// What a shell command prints.
std::string output_of(const std::string& command) {
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        std::size_t n = 0;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
            out.append(buffer, n);
        }
        ::pclose(pipe);
    }
    return out;
}

// A folder of the test's own.
std::filesystem::path scratch(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("ct-release-" + std::to_string(::getpid())) / name;
    std::filesystem::create_directories(dir);
    return dir;
}

// The built .oxt as an older version (0.0.1): the same package with another version.
std::string older_oxt() {
    const auto dir = scratch("older");
    const std::string oxt = (dir / "client-triage-0.0.1.oxt").string();
    std::filesystem::copy_file(TRIAGE_OXT_PATH, oxt,
                               std::filesystem::copy_options::overwrite_existing);
    std::string description = output_of("unzip -p '" + oxt + "' description.xml");
    const std::string current = std::string("<version value=\"") + TRIAGE_VERSION + "\"/>";
    const auto at = description.find(current);
    if (at == std::string::npos) {
        ADD_FAILURE() << "no " << current << " in description.xml";
        return oxt;
    }
    description.replace(at, current.size(), "<version value=\"0.0.1\"/>");
    std::ofstream((dir / "description.xml").string()) << description;
    const int zipped =
        std::system(("cd '" + dir.string() + "' && zip -q '" + oxt + "' description.xml").c_str());
    EXPECT_EQ(zipped, 0);
    return oxt;
}

TEST(Release, TheExtensionManagerShowsVersionLicenceAndIcons) {
    const auto package = installed(Office::get());
    ASSERT_TRUE(package.is());
    EXPECT_EQ(office::utf8(package->getVersion()), TRIAGE_VERSION);
    EXPECT_EQ(office::utf8(package->getDisplayName()), "Client Triage");
    EXPECT_NE(office::utf8(package->getLicenseText()).find("Mozilla Public License Version 2.0"),
              std::string::npos);
    EXPECT_TRUE(package->getIcon(false).is());
    EXPECT_TRUE(package->getIcon(true).is());
    // No publisher link to a place that does not exist.
    EXPECT_EQ(office::utf8(package->getPublisherInfo().Second), "");
    // The component is stripped: no symbol table, no debug information.
    const auto dir = scratch("stripped");
    const std::string sections =
        output_of("cd '" + dir.string() + "' && unzip -o -q '" + TRIAGE_OXT_PATH +
                  "' libclienttriage.so && readelf -S libclienttriage.so");
    EXPECT_NE(sections.find(".dynsym"), std::string::npos) << sections;
    EXPECT_EQ(sections.find(".symtab"), std::string::npos);
    EXPECT_EQ(sections.find(".debug_info"), std::string::npos);
}

// Per-row CLIENT_TIER under the document's own shares (0.5 and 0.5): "ABCCCC" (the spec's
// 0.8 would give "AABBBC").
std::string tiers(const CalcDoc& doc) {
    Reference<css::sheet::XCalculatable>(doc.component(), css::uno::UNO_QUERY_THROW)
        ->calculateAll();
    std::string shown;
    for (int row = 1; row <= 6; ++row) {
        shown += doc.text("B" + std::to_string(row));
    }
    return shown;
}

TEST(Release, UpgradeInPlaceThenRemoval) {
    office::OfficeOptions old;
    old.oxt = older_oxt();
    old.keep_folder = true;
    std::string folder;
    {
        Office office(old);
        folder = office.profile_dir();
        const auto package = installed(office);
        ASSERT_TRUE(package.is());
        EXPECT_EQ(office::utf8(package->getVersion()), "0.0.1");
        CalcDoc doc(office);
        doc.set_column("A1", {50, 30, 10, 5, 3, 2});
        for (int row = 1; row <= 6; ++row) {
            doc.set_formula("B" + std::to_string(row),
                            "=CLIENT_TIER(A" + std::to_string(row) + ";$A$1:$A$6)");
        }
        office::set_document_rules(doc, R"({"tiers": {"a_share": 0.5, "b_share": 0.5}})");
        ASSERT_EQ(tiers(doc), "ABCCCC");
        doc.save_as(folder + "/clients.ods", "calc8");
    }
    {
        office::OfficeOptions upgrade;
        upgrade.reuse_folder = folder;
        upgrade.keep_folder = true;
        Office office(upgrade);
        const auto package = installed(office);
        ASSERT_TRUE(package.is());
        EXPECT_EQ(office::utf8(package->getVersion()), TRIAGE_VERSION);
        CalcDoc doc(office::file_url(folder + "/clients.ods"), office);
        EXPECT_EQ(tiers(doc), "ABCCCC"); // the rules kept in the document still apply
        EXPECT_NE(office::document_rules(doc).find("0.5"), std::string::npos);
    }
    {
        office::OfficeOptions removal;
        removal.reuse_folder = folder;
        removal.remove_extension = true;
        Office office(removal);
        EXPECT_FALSE(installed(office).is());
        CalcDoc doc(office::file_url(folder + "/clients.ods"), office);
        tiers(doc);
        EXPECT_NE(doc.error("B1"), 0); // the function is gone: an error, not a wrong tier
        EXPECT_EQ(doc.value("A1"), 50);
        EXPECT_EQ(doc.value("A6"), 2);
        // The formula itself is kept (by its programmatic name, in lower case once unknown).
        EXPECT_NE(doc.formula("B1").find("clienttriage.clienttier("), std::string::npos)
            << doc.formula("B1");
    }
}

} // namespace

namespace {

// The PDF export's options are chosen, not the version's defaults: untagged and small on 7.4
// and on 25.2 alike (25.2 tags by default: the example's PDF would grow from 74 KB to 1.3 MB).
TEST(Release, PdfExportIsUntaggedOnEveryVersion) {
    CalcDoc doc;
    doc.set_column("A1", {50, 30, 10, 5, 3, 2});
    doc.set_formula("B1", "=CLIENT_TIER(A1;$A$1:$A$6)");
    const std::string path = Office::get().profile_dir() + "/tiers.pdf";
    doc.export_pdf(path);
    std::ifstream in(path, std::ios::binary);
    const std::string pdf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_GT(pdf.size(), 1000u);
    EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
    EXPECT_EQ(pdf.find("/StructTreeRoot"), std::string::npos); // no tags
    EXPECT_LT(pdf.size(), 200u * 1024);
}

} // namespace
