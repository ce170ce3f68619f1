// A real headless LibreOffice for tests: a throwaway profile with the built .oxt installed,
// an office on a free port, a UNO connection, and tear-down of exactly that office.
#pragma once

#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace office {

using css::uno::Reference;

struct OfficeOptions {
    std::string ui_locale; // e.g. "ru-RU"; empty: the office's default (English)
    bool visible = false;  // windows on $DISPLAY (e.g. under xvfb-run) instead of headless
    std::vector<std::string> more_extensions; // .oxt paths installed after the built one
    // Instead of the built .oxt (e.g. an older version of it).
    std::string oxt;
    // The folder (profile, log) of an earlier office to start again, kept from it: its
    // extension is upgraded by `oxt` (or the built one) with unopkg add, or removed.
    std::string reuse_folder;
    bool remove_extension = false; // with reuse_folder: unopkg remove instead of add
    bool keep_folder = false;      // keep the folder when the office stops
};

// The identifier of the extension (description.xml).
inline constexpr const char* kExtensionId = "org.clienttriage.extension";

// Text between the tests (UTF-8) and UNO.
rtl::OUString ou(const std::string& s);
std::string utf8(const rtl::OUString& s);

class Office {
public:
    // The shared English office, started on first use; it lives until stop() (called by the
    // test environment).
    static Office& get();
    static void stop();

    // An office of its own (e.g. in another UI language), stopped when the object goes away.
    explicit Office(const OfficeOptions& options);
    ~Office();
    Office(const Office&) = delete;
    Office& operator=(const Office&) = delete;

    const Reference<css::uno::XComponentContext>& context() const { return context_; }
    Reference<css::frame::XDesktop2> desktop() const;
    const std::string& profile_dir() const { return dir_; }
    // The soffice.bin process (e.g. for its memory in /proc/<pid>/status); -1 when stopped.
    pid_t pid() const { return pid_; }
    // True while the office process has not exited and answers a call over the UNO bridge.
    bool alive() const;

private:
    void start(const OfficeOptions& options);
    void shutdown();

    std::string dir_;
    bool keep_folder_ = false;
    pid_t pid_ = -1;
    int port_ = 0;
    Reference<css::uno::XComponentContext> context_;
};

// A new Calc document, closed when the object goes away.
class CalcDoc {
public:
    explicit CalcDoc(Office& office = Office::get());
    // Loads an existing file.
    explicit CalcDoc(const std::string& url, Office& office = Office::get());
    // Loads a file with an import filter and its options (e.g. CSV).
    CalcDoc(const std::string& url, const std::string& filter, const std::string& options,
            Office& office = Office::get());
    struct LoadOptions {
        std::string filter;     // an import filter ("Text - txt - csv (StarCalc)"), empty: detect
        std::string options;    // the filter's options
        bool read_only = false; // as opening with "Read-only" ticked
    };
    CalcDoc(const std::string& url, const LoadOptions& options, Office& office = Office::get());
    ~CalcDoc();
    CalcDoc(const CalcDoc&) = delete;
    CalcDoc& operator=(const CalcDoc&) = delete;

    // The office the document lives in.
    Office& office() const { return *office_; }
    Reference<css::sheet::XSpreadsheet> sheet(int index = 0) const;
    // The document model (for XCalculatable, XModel, ...).
    const Reference<css::lang::XComponent>& component() const { return doc_; }
    Reference<css::table::XCell> cell(const std::string& address) const;

    void set_value(const std::string& address, double value) const;
    void set_text(const std::string& address, const std::string& text) const;
    void set_formula(const std::string& address, const std::string& formula) const;
    void set_array_formula(const std::string& range, const std::string& formula) const;
    // Fills a column from `first` (e.g. "A1") downwards.
    void set_column(const std::string& first, const std::initializer_list<double>& values) const;

    std::string text(const std::string& address) const; // what the cell shows
    double value(const std::string& address) const;
    int error(const std::string& address) const; // Calc's error code, 0 when none
    std::string formula(const std::string& address) const;

    // Saves under `path` with the given filter ("calc8", "Calc MS Excel 2007 XML").
    void save_as(const std::string& path, const std::string& filter) const;
    // Exports a PDF with the options chosen here (untagged, without notes) on every version.
    void export_pdf(const std::string& path) const;

private:
    Office* office_;
    Reference<css::lang::XComponent> doc_;
};

std::string file_url(const std::string& path);

struct ArgumentDescription {
    std::string name;
    std::string description;
    bool optional = false;
};
struct FunctionDescription {
    std::string description;
    std::vector<ArgumentDescription> arguments;
};
// The office's function descriptions (what the Function Wizard shows), by function name.
std::map<std::string, FunctionDescription> function_descriptions(Office& office = Office::get());

// Calc's error codes as XCell::getError reports them.
constexpr int kErrIllegalArgument = 502;  // Err:502, invalid argument
constexpr int kErrNoValue = 519;          // #VALUE!
constexpr int kErrIllegalParameter = 504; // Err:504, error in a parameter list
constexpr int kErrNotAvailable = 32767;   // #N/A

} // namespace office
