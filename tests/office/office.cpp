#include "office.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/sheet/FunctionArgument.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <osl/file.hxx>

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <netinet/in.h>
#include <sstream>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace office {

namespace fs = std::filesystem;
using css::uno::Any;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

constexpr uid_t kUnprivileged = 65534; // nobody: unopkg refuses to run as root
const std::string kProgram = TRIAGE_LO_PROGRAM_DIR;

Office* g_office = nullptr;

// The offices this process started, for the emergency kill in signal handlers.
constexpr std::size_t kMaxOffices = 8;
volatile pid_t g_office_pids[kMaxOffices] = {};

void remember_office(pid_t pid) {
    for (auto& slot : g_office_pids) {
        if (slot <= 0) {
            slot = pid;
            return;
        }
    }
}

void forget_office(pid_t pid) {
    for (auto& slot : g_office_pids) {
        if (slot == pid) {
            slot = 0;
        }
    }
}

// Sets the UI language of a fresh profile (the office reads it at start).
void set_ui_locale(const std::string& profile_dir, const std::string& locale) {
    const fs::path file = fs::path(profile_dir) / "user" / "registrymodifications.xcu";
    std::ifstream in(file);
    std::string xml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string end = "</oor:items>";
    const auto at = xml.rfind(end);
    if (at == std::string::npos) {
        throw std::runtime_error("no configuration in the fresh profile: " + file.string());
    }
    const std::string items =
        "<item oor:path=\"/org.openoffice.Office.Linguistic/General\"><prop oor:name=\"UILocale\" "
        "oor:op=\"fuse\"><value>" +
        locale +
        "</value></prop></item>\n"
        "<item oor:path=\"/org.openoffice.Setup/L10N\"><prop oor:name=\"ooLocale\" "
        "oor:op=\"fuse\"><value>" +
        locale + "</value></prop></item>\n";
    xml.insert(at, items);
    std::ofstream(file, std::ios::trunc) << xml;
}

int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
        throw std::runtime_error("cannot find a free port");
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool is_root() {
    return ::geteuid() == 0;
}

// Runs argv (as `nobody` when we are root), with HOME set to `home`; returns the exit status.
pid_t spawn(std::vector<std::string> argv, const std::string& home, bool unprivileged,
            const std::string& log) {
    std::vector<char*> args;
    for (auto& a : argv) {
        args.push_back(a.data());
    }
    args.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        ::setpgid(0, 0);
        const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        if (out >= 0) {
            ::dup2(out, 1);
            ::dup2(out, 2);
        }
        ::setenv("HOME", home.c_str(), 1);
        if (unprivileged && is_root()) {
            if (::setgid(kUnprivileged) != 0 || ::setuid(kUnprivileged) != 0) {
                ::_exit(126);
            }
        }
        // Never outlive the test process (set after the uid change, which clears it).
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) {
            ::_exit(127);
        }
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    return pid;
}

int run(std::vector<std::string> argv, const std::string& home, bool unprivileged,
        const std::string& log) {
    const pid_t pid = spawn(std::move(argv), home, unprivileged, log);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void kill_office_now(int) {
    for (const pid_t pid : g_office_pids) {
        if (pid > 0) {
            ::kill(-pid, SIGKILL);
        }
    }
}

void install_emergency_handlers() {
    for (int sig : {SIGINT, SIGTERM, SIGSEGV, SIGABRT, SIGBUS}) {
        struct sigaction sa {};
        sa.sa_handler = [](int s) {
            kill_office_now(s);
            ::signal(s, SIG_DFL);
            ::raise(s);
        };
        ::sigaction(sig, &sa, nullptr);
    }
}

Sequence<css::beans::PropertyValue> load_args(const CalcDoc::LoadOptions& options) {
    Sequence<css::beans::PropertyValue> args(1 + (options.filter.empty() ? 0 : 2) +
                                             (options.read_only ? 1 : 0));
    auto* a = args.getArray();
    // Not "Hidden": a headless office shows nothing anyway, and Calc's undo of an inserted
    // sheet crashes in a hidden document's view (ScTabView::SetTabNo, LibreOffice 7.4).
    a[0].Name = "Hidden";
    a[0].Value <<= false;
    sal_Int32 next = 1;
    if (!options.filter.empty()) {
        a[next].Name = "FilterName";
        a[next++].Value <<= ou(options.filter);
        a[next].Name = "FilterOptions";
        a[next++].Value <<= ou(options.options);
    }
    if (options.read_only) {
        a[next].Name = "ReadOnly";
        a[next++].Value <<= true;
    }
    return args;
}

} // namespace

OUString ou(const std::string& s) {
    return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}
std::string utf8(const OUString& s) {
    const rtl::OString b = rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(b.getStr(), static_cast<std::size_t>(b.getLength()));
}

std::string file_url(const std::string& path) {
    OUString url;
    osl::FileBase::getFileURLFromSystemPath(ou(fs::absolute(path).string()), url);
    return utf8(url);
}

std::map<std::string, FunctionDescription> function_descriptions(Office& office) {
    const auto& context = office.context();
    const Reference<css::container::XIndexAccess> all(
        context->getServiceManager()->createInstanceWithContext(
            "com.sun.star.sheet.FunctionDescriptions", context),
        UNO_QUERY_THROW);
    std::map<std::string, FunctionDescription> result;
    for (sal_Int32 i = 0; i < all->getCount(); ++i) {
        Sequence<css::beans::PropertyValue> properties;
        all->getByIndex(i) >>= properties;
        std::string name;
        FunctionDescription function;
        for (const auto& p : properties) {
            OUString text;
            if (p.Name == "Name" && (p.Value >>= text)) {
                name = utf8(text);
            } else if (p.Name == "Description" && (p.Value >>= text)) {
                function.description = utf8(text);
            } else if (p.Name == "Arguments") {
                Sequence<css::sheet::FunctionArgument> arguments;
                p.Value >>= arguments;
                for (const auto& a : arguments) {
                    function.arguments.push_back(
                        {utf8(a.Name), utf8(a.Description), static_cast<bool>(a.IsOptional)});
                }
            }
        }
        result[name] = function;
    }
    return result;
}

Office::Office(const OfficeOptions& options) {
    try {
        start(options);
    } catch (...) {
        shutdown();
        throw;
    }
}

Office::~Office() {
    shutdown();
}

Office& Office::get() {
    static std::string failure; // a failed start is reported to every test, not retried
    if (!failure.empty()) {
        throw std::runtime_error(failure);
    }
    if (!g_office) {
        try {
            g_office = new Office(OfficeOptions{});
        } catch (const std::exception& e) {
            failure = std::string("the test office could not start: ") + e.what();
            throw std::runtime_error(failure);
        }
    }
    return *g_office;
}

void Office::stop() {
    if (g_office) {
        delete g_office;
        g_office = nullptr;
    }
}

void Office::start(const OfficeOptions& options) {
    keep_folder_ = options.keep_folder;
    const bool again = !options.reuse_folder.empty();
    if (again) {
        dir_ = options.reuse_folder;
    } else {
        char tmpl[] = "/tmp/client-triage-office-XXXXXX";
        if (!::mkdtemp(tmpl)) {
            throw std::runtime_error("mkdtemp failed");
        }
        dir_ = tmpl;
    }
    std::vector<std::string> oxts;
    if (!options.remove_extension) {
        oxts.push_back(options.oxt.empty() ? std::string(TRIAGE_OXT_PATH) : options.oxt);
    }
    oxts.insert(oxts.end(), options.more_extensions.begin(), options.more_extensions.end());
    std::vector<std::string> copies;
    for (const std::string& source : oxts) {
        copies.push_back(dir_ + "/" + fs::path(source).filename().string());
        fs::copy_file(source, copies.back(), fs::copy_options::overwrite_existing);
    }
    if (is_root()) {
        std::vector<std::string> owned = copies;
        owned.push_back(dir_);
        for (const std::string& p : owned) {
            if (::chown(p.c_str(), kUnprivileged, kUnprivileged) != 0) {
                throw std::runtime_error("chown failed for " + p);
            }
        }
    }
    const std::string profile = "-env:UserInstallation=" + file_url(dir_ + "/profile");
    const std::string log = dir_ + "/office.log";

    // A fresh profile must be initialised once before unopkg, or the first real start
    // unregisters the extension again.
    if (!again) {
        run({kProgram + "/soffice", "--headless", "--norestore", "--nologo", profile,
             "--terminate_after_init"},
            dir_, true, log);
    }
    if (!options.ui_locale.empty()) {
        set_ui_locale(dir_ + "/profile", options.ui_locale);
    }
    if (options.remove_extension) {
        const int removed =
            run({kProgram + "/unopkg", "remove", profile, kExtensionId}, dir_, true, log);
        if (removed != 0) {
            throw std::runtime_error("unopkg remove failed (" + std::to_string(removed) +
                                     "), see " + log);
        }
    }
    for (const std::string& oxt : copies) {
        const int added =
            run({kProgram + "/unopkg", "add", "--suppress-license", profile, oxt}, dir_, true, log);
        if (added != 0) {
            throw std::runtime_error("unopkg add " + oxt + " failed (" + std::to_string(added) +
                                     "), see " + log);
        }
    }

    port_ = free_port();
    const std::string accept =
        "--accept=socket,host=127.0.0.1,port=" + std::to_string(port_) + ";urp;";
    std::vector<std::string> command = {
        kProgram + "/soffice.bin", "--norestore", "--nologo", "--nodefault",
        "--nolockcheck",           profile,       accept};
    if (options.visible) {
        // The unprivileged office needs its own copy of the X authority to reach $DISPLAY.
        // The display's own authority file, as the process found it (later offices find
        // XAUTHORITY pointing at an earlier office's copy).
        static const std::string original =
            std::getenv("XAUTHORITY") ? std::getenv("XAUTHORITY") : "";
        if (!original.empty()) {
            const char* xauthority = original.c_str();
            const std::string copy = dir_ + "/xauthority";
            fs::copy_file(xauthority, copy, fs::copy_options::overwrite_existing);
            if (is_root() && ::chown(copy.c_str(), kUnprivileged, kUnprivileged) != 0) {
                throw std::runtime_error("chown failed for " + copy);
            }
            ::setenv("XAUTHORITY", copy.c_str(), 1);
        }
    } else {
        command.insert(command.begin() + 1, {"--headless", "--invisible"});
    }
    // A profiler around the office (e.g. "/usr/bin/valgrind --tool=callgrind ..."; BENCHMARKS.md
    // tells how): its words go before soffice.bin's, and the office gets 10 minutes to answer.
    int answer_s = 90;
    if (const char* wrapper = std::getenv("TRIAGE_OFFICE_WRAPPER")) {
        std::istringstream words(wrapper);
        std::vector<std::string> prefix{std::istream_iterator<std::string>(words), {}};
        command.insert(command.begin(), prefix.begin(), prefix.end());
        answer_s = 600;
    }
    pid_ = spawn(command, dir_, true, log);
    remember_office(pid_);
    install_emergency_handlers();

    ::setenv("URE_BOOTSTRAP", ("vnd.sun.star.pathname:" + kProgram + "/fundamentalrc").c_str(), 1);
    const Reference<css::uno::XComponentContext> local =
        cppu::defaultBootstrap_InitialComponentContext();
    const Reference<css::bridge::XUnoUrlResolver> resolver =
        css::bridge::UnoUrlResolver::create(local);
    const OUString url = ou("uno:socket,host=127.0.0.1,port=" + std::to_string(port_) +
                            ";urp;StarOffice.ComponentContext");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(answer_s);
    while (!context_.is()) {
        try {
            context_.set(resolver->resolve(url), UNO_QUERY_THROW);
        } catch (const css::uno::Exception&) {
            int status = 0;
            if (::waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                throw std::runtime_error("the office exited at start, see " + log);
            }
            if (std::chrono::steady_clock::now() > deadline) {
                throw std::runtime_error("the office did not answer within " +
                                         std::to_string(answer_s) + " s, see " + log);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
    }
}

Reference<css::frame::XDesktop2> Office::desktop() const {
    return css::frame::Desktop::create(context_);
}

bool Office::alive() const {
    if (pid_ <= 0 || !context_.is()) {
        return false;
    }
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) != 0) {
        return false; // exited (now reaped) or not our child any more
    }
    try {
        // A round trip through the bridge: the office must answer, not just exist.
        return desktop()->getComponents().is();
    } catch (const css::uno::Exception&) {
        return false;
    }
}

void Office::shutdown() {
    if (context_.is()) {
        try {
            desktop()->terminate();
        } catch (const css::uno::Exception&) {
            // the bridge goes down with the office; that is the expected way out
        }
        context_.clear();
    }
    if (pid_ > 0) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        int status = 0;
        while (::waitpid(pid_, &status, WNOHANG) == 0) {
            if (std::chrono::steady_clock::now() > deadline) {
                ::kill(-pid_, SIGKILL);
                ::waitpid(pid_, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        ::kill(-pid_, SIGKILL); // anything the office left in its process group
        forget_office(pid_);
        pid_ = -1;
    }
    if (!std::getenv("TRIAGE_KEEP_PROFILE") && !keep_folder_) {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }
}

// ------------------------------------------------------------------ CalcDoc

CalcDoc::CalcDoc(Office& office) : CalcDoc("private:factory/scalc", office) {}

CalcDoc::CalcDoc(const std::string& url, Office& office) : CalcDoc(url, {}, {}, office) {}

CalcDoc::CalcDoc(const std::string& url, const std::string& filter, const std::string& options,
                 Office& office)
    : CalcDoc(url, LoadOptions{filter, options, false}, office) {}

CalcDoc::CalcDoc(const std::string& url, const LoadOptions& options, Office& office)
    : office_(&office) {
    const Reference<css::frame::XComponentLoader> loader(office.desktop(), UNO_QUERY_THROW);
    doc_ = loader->loadComponentFromURL(ou(url), "_blank", 0, load_args(options));
    if (!doc_.is()) {
        throw std::runtime_error("could not load " + url);
    }
}

CalcDoc::~CalcDoc() {
    try {
        const Reference<css::util::XCloseable> closeable(doc_, css::uno::UNO_QUERY);
        if (closeable.is()) {
            closeable->close(true);
        }
    } catch (const css::uno::Exception&) {
    }
}

Reference<css::sheet::XSpreadsheet> CalcDoc::sheet(int index) const {
    const Reference<css::sheet::XSpreadsheetDocument> doc(doc_, UNO_QUERY_THROW);
    const Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    return Reference<css::sheet::XSpreadsheet>(sheets->getByIndex(index), UNO_QUERY_THROW);
}

Reference<css::table::XCell> CalcDoc::cell(const std::string& address) const {
    const Reference<css::table::XCellRange> range(sheet()->getCellRangeByName(ou(address)),
                                                  UNO_QUERY_THROW);
    return range->getCellByPosition(0, 0);
}

void CalcDoc::set_value(const std::string& address, double value) const {
    cell(address)->setValue(value);
}

void CalcDoc::set_text(const std::string& address, const std::string& text) const {
    const Reference<css::text::XText> t(cell(address), UNO_QUERY_THROW);
    t->setString(ou(text));
}

void CalcDoc::set_formula(const std::string& address, const std::string& formula) const {
    cell(address)->setFormula(ou(formula));
}

void CalcDoc::set_array_formula(const std::string& range, const std::string& formula) const {
    const Reference<css::sheet::XArrayFormulaRange> r(sheet()->getCellRangeByName(ou(range)),
                                                      UNO_QUERY_THROW);
    r->setArrayFormula(ou(formula));
}

void CalcDoc::set_column(const std::string& first,
                         const std::initializer_list<double>& values) const {
    const Reference<css::table::XCellRange> start(sheet()->getCellRangeByName(ou(first)),
                                                  UNO_QUERY_THROW);
    const Reference<css::sheet::XCellRangeAddressable> addressable(start, UNO_QUERY_THROW);
    const auto a = addressable->getRangeAddress();
    sal_Int32 row = a.StartRow;
    for (double v : values) {
        sheet()->getCellByPosition(a.StartColumn, row++)->setValue(v);
    }
}

std::string CalcDoc::text(const std::string& address) const {
    const Reference<css::text::XText> t(cell(address), UNO_QUERY_THROW);
    return utf8(t->getString());
}

double CalcDoc::value(const std::string& address) const {
    return cell(address)->getValue();
}

int CalcDoc::error(const std::string& address) const {
    return cell(address)->getError();
}

std::string CalcDoc::formula(const std::string& address) const {
    return utf8(cell(address)->getFormula());
}

void CalcDoc::export_pdf(const std::string& path) const {
    // Chosen, not left to the version's defaults: LibreOffice 25.2 tags a PDF by default (the
    // example's grows from 74 KB to 1.3 MB), 7.4 does not.
    Sequence<css::beans::PropertyValue> data(2);
    data.getArray()[0].Name = "UseTaggedPDF";
    data.getArray()[0].Value <<= false;
    data.getArray()[1].Name = "ExportNotes";
    data.getArray()[1].Value <<= false;
    const Reference<css::frame::XStorable> storable(doc_, UNO_QUERY_THROW);
    Sequence<css::beans::PropertyValue> args(2);
    args.getArray()[0].Name = "FilterName";
    args.getArray()[0].Value <<= ou("calc_pdf_Export");
    args.getArray()[1].Name = "FilterData";
    args.getArray()[1].Value <<= data;
    storable->storeToURL(ou(file_url(path)), args);
}

void CalcDoc::save_as(const std::string& path, const std::string& filter) const {
    const Reference<css::frame::XStorable> storable(doc_, UNO_QUERY_THROW);
    Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "FilterName";
    args.getArray()[0].Value <<= ou(filter);
    storable->storeToURL(ou(file_url(path)), args);
}

} // namespace office
