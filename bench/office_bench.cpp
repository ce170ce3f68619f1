// The office benchmark (BENCHMARKS.md): starts a headless LibreOffice with the built .oxt
// installed and measures, in one run, each figure the median of several repetitions:
//
//   1. CLIENT_TIER as one array formula over N rows against the built-in formulas a user
//      would write without the add-in (a SUMIF "profit before" column, two SUMIF cells and an
//      IF tier column), recalculated with XCalculatable::calculateAll;
//   2. a column of per-row =CLIENT_TIER(B2;B$2:B$N+1) formulas against the array form;
//   3. the floor of segmenting a table: one getDataArray of the input block (16 columns) and
//      one setDataArray of the output block (5 columns);
//   4. the office's peak memory (VmHWM of soffice.bin) with a fresh document and with the
//      largest table loaded.
//
//   office_bench [--quick] [--reps N] [--limit SECONDS] [--with-segment]
//
// --quick: 100 rows, one repetition (the ctest smoke test office_bench_smoke).
// --limit: the time after which a built-in recalculation is stopped (the office is killed and
//          a new one started) and reported as "more than" (default 60 s).
// --with-segment: also time the sidebar's segmentation command through its dispatch URL
//          (org.clienttriage.command:Segment) where the installed extension provides it.
//
// Before timing, the built-in formulas are checked to give the same tiers as CLIENT_TIER on a
// small table with ties, zeros and losses; any mismatch fails the program (exit status 1).

#include "client_table.hpp"
#include "office.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/FillDirection.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellSeries.hpp>
#include <com/sun/star/util/URL.hpp>
#include <com/sun/star/util/URLTransformer.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <future>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

OUString ou(const std::string& s) {
    return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}
template <class T> Sequence<T> seq(std::initializer_list<T> items) {
    return Sequence<T>(items.begin(), static_cast<sal_Int32>(items.size()));
}
std::string utf8(const OUString& s) {
    const rtl::OString b = rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8);
    return std::string(b.getStr(), static_cast<std::size_t>(b.getLength()));
}

struct Config {
    bool quick = false;
    int reps = 5;
    double limit_s = 60;
    bool with_segment = false;
    std::vector<int> tier_rows = {10000, 100000};
    int per_row_rows = 10000;
    std::vector<int> floor_rows = {10000, 100000, 1048575};
};

double now_s() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::string column_name(int col) { // 0-based
    std::string name;
    for (int c = col + 1; c > 0; c = (c - 1) / 26) {
        name.insert(name.begin(), static_cast<char>('A' + (c - 1) % 26));
    }
    return name;
}

// ---------------------------------------------------------------- the office

// The office of the run; replaced by a fresh one after a recalculation had to be stopped.
class Bench {
public:
    office::Office& office() {
        if (!office_) {
            office_ = std::make_unique<office::Office>(office::OfficeOptions{});
        }
        return *office_;
    }
    // Kills the office (it is busy and cannot be asked to stop) and forgets it.
    void kill_office() {
        if (office_) {
            if (office_->pid() > 0) {
                ::kill(office_->pid(), SIGKILL);
            }
            office_.reset();
        }
    }

private:
    std::unique_ptr<office::Office> office_;
};

// A kibibyte figure from /proc/<pid>/status ("VmHWM", "VmRSS").
long proc_status_kib(pid_t pid, const std::string& key) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.compare(0, key.size() + 1, key + ":") == 0) {
            return std::strtol(line.c_str() + key.size() + 1, nullptr, 10);
        }
    }
    return -1;
}

Reference<css::sheet::XCalculatable> calculatable(const office::CalcDoc& doc) {
    return Reference<css::sheet::XCalculatable>(doc.component(), UNO_QUERY_THROW);
}

// A new document whose formulas are computed only when asked (calculateAll).
std::unique_ptr<office::CalcDoc> manual_doc(office::Office& office) {
    auto doc = std::make_unique<office::CalcDoc>(office);
    calculatable(*doc)->enableAutomaticCalculation(false);
    return doc;
}

Reference<css::sheet::XCellRangeData> range_data(const office::CalcDoc& doc,
                                                 const std::string& range) {
    return Reference<css::sheet::XCellRangeData>(doc.sheet()->getCellRangeByName(ou(range)),
                                                 UNO_QUERY_THROW);
}

void put_column(const office::CalcDoc& doc, const std::string& col, int first_row,
                const std::vector<double>& values) {
    Sequence<Sequence<Any>> data(static_cast<sal_Int32>(values.size()));
    for (std::size_t i = 0; i < values.size(); ++i) {
        data.getArray()[i] = seq({Any(values[i])});
    }
    range_data(doc, col + std::to_string(first_row) + ":" + col +
                        std::to_string(first_row + static_cast<int>(values.size()) - 1))
        ->setDataArray(data);
}

// Per-row formulas: `make(first_row)` in the first row, filled down to `last_row` as a user
// fills a column (setFormulaArray of 100,000 different formulas takes minutes in LO 7.4).
void put_formulas(const office::CalcDoc& doc, const std::string& col, int first_row, int last_row,
                  const std::function<std::string(int)>& make) {
    doc.set_formula(col + std::to_string(first_row), make(first_row));
    if (last_row > first_row) {
        const Reference<css::sheet::XCellSeries> series(
            doc.sheet()->getCellRangeByName(
                ou(col + std::to_string(first_row) + ":" + col + std::to_string(last_row))),
            UNO_QUERY_THROW);
        series->fillAuto(css::sheet::FillDirection_TO_BOTTOM, 1);
    }
}

std::vector<std::string> column_texts(const office::CalcDoc& doc, const std::string& col,
                                      int first_row, int last_row) {
    const auto data =
        range_data(doc, col + std::to_string(first_row) + ":" + col + std::to_string(last_row))
            ->getDataArray();
    std::vector<std::string> out;
    for (const auto& row : data) {
        OUString s;
        row[0] >>= s;
        out.push_back(utf8(s));
    }
    return out;
}

// ---------------------------------------------------------------- the tier layouts

// Profit values of a generated table of `rows` clients (whole tens: there are ties).
std::vector<double> profits(int rows, std::uint64_t seed = 7) {
    client_table::Options options;
    options.rows = static_cast<std::size_t>(rows);
    options.seed = seed;
    std::vector<double> out;
    for (const auto& c : client_table::generate(options)) {
        out.push_back(c.values[client_table::kProfit]);
    }
    return out;
}

// Values in A2:A(n+1); the tiers land in column B (add-in) or C (built-in).
struct TierSheet {
    std::unique_ptr<office::CalcDoc> doc;
    std::string tier_col;
    int last_row = 0;
};

// {=CLIENT_TIER(A2:An;A2:An)} in B2:Bn.
TierSheet addin_array_sheet(office::Office& office, const std::vector<double>& values) {
    TierSheet s{manual_doc(office), "B", static_cast<int>(values.size()) + 1};
    put_column(*s.doc, "A", 2, values);
    const std::string range = "A2:A" + std::to_string(s.last_row);
    const Reference<css::sheet::XArrayFormulaRange> target(
        s.doc->sheet()->getCellRangeByName(ou("B2:B" + std::to_string(s.last_row))),
        UNO_QUERY_THROW);
    target->setArrayFormula(ou("=CLIENT_TIER(" + range + ";" + range + ")"));
    return s;
}

// =CLIENT_TIER(A2;A$2:A$n) in every row of B.
TierSheet addin_per_row_sheet(office::Office& office, const std::vector<double>& values) {
    TierSheet s{manual_doc(office), "B", static_cast<int>(values.size()) + 1};
    put_column(*s.doc, "A", 2, values);
    const std::string population = "A$2:A$" + std::to_string(s.last_row);
    put_formulas(*s.doc, "B", 2, s.last_row, [&](int r) {
        return "=CLIENT_TIER(A" + std::to_string(r) + ";" + population + ")";
    });
    return s;
}

// What a user writes without the add-in (SPEC section 1 with Calc's own functions):
//   B (profit before) =SUMIF(A$2:A$n;">"&A2)    the sum of the larger values: equal values
//                                                 share it, so a tie group is tiered as one
//   E1 (total)        =SUMIF(A$2:A$n;">0")
//   E2 (A sum)        =SUMIFS(A$2:A$n;B$2:B$n;"<"&0.8*E1;A$2:A$n;">0")
//   C (tier)          =IF(A2<0;"D";IF(A2=0;"C";IF(B2<0.8*E$1;"A";
//                         IF(B2-E$2<0.8*(E$1-E$2);"B";"C"))))
// A client is A while the profit before it is below 80% of the total; the rest are walked
// against 80% of what remains after A (their profit before minus the A sum).
TierSheet builtin_sheet(office::Office& office, const std::vector<double>& values) {
    TierSheet s{manual_doc(office), "C", static_cast<int>(values.size()) + 1};
    put_column(*s.doc, "A", 2, values);
    const std::string n = std::to_string(s.last_row);
    const std::string a = "A$2:A$" + n;
    put_formulas(*s.doc, "B", 2, s.last_row,
                 [&](int r) { return "=SUMIF(" + a + ";\">\"&A" + std::to_string(r) + ")"; });
    s.doc->set_formula("E1", "=SUMIF(" + a + ";\">0\")");
    s.doc->set_formula("E2", "=SUMIFS(" + a + ";B$2:B$" + n + ";\"<\"&0.8*E1;" + a + ";\">0\")");
    put_formulas(*s.doc, "C", 2, s.last_row, [](int r) {
        const std::string x = std::to_string(r);
        return "=IF(A" + x + "<0;\"D\";IF(A" + x + "=0;\"C\";IF(B" + x + "<0.8*E$1;\"A\";IF(B" + x +
               "-E$2<0.8*(E$1-E$2);\"B\";\"C\"))))";
    });
    return s;
}

// Seconds of one calculateAll, or nullopt when it did not finish within `limit_s` (the office
// is then killed: the caller must not use the document again).
std::optional<double> timed_recalc(Bench& bench, const office::CalcDoc& doc, double limit_s) {
    const auto calc = calculatable(doc);
    auto done = std::async(std::launch::async, [calc] {
        const double t0 = now_s();
        calc->calculateAll();
        return now_s() - t0;
    });
    if (done.wait_for(std::chrono::duration<double>(limit_s)) == std::future_status::ready) {
        return done.get();
    }
    bench.kill_office(); // the pending call then fails with the bridge
    try {
        done.get();
    } catch (...) {
    }
    return std::nullopt;
}

// ---------------------------------------------------------------- the checks

// The built-in formulas give CLIENT_TIER's tiers (SPEC example, ties straddling both lines,
// zeros, losses, and a generated table).
bool check_builtin_matches_addin(Bench& bench) {
    std::vector<double> values = {50, 30, 10, 5, 3, 2};
    for (double v : {40.0, 40.0, 20.0, 10.0, 10.0, 10.0, 5.0, 0.0, -3.0, 1.0, 1.0}) {
        values.push_back(v);
    }
    for (double v : profits(300, 11)) {
        values.push_back(v);
    }
    const std::vector<std::vector<double>> tables = {
        {50, 30, 10, 5, 3, 2}, {10, 10, 10, 10}, {40, 40, 20, 10, 10, 10, 5, 0, -3}, values};
    bool ok = true;
    int shown = 0;
    for (const auto& table : tables) {
        TierSheet addin = addin_array_sheet(bench.office(), table);
        TierSheet builtin = builtin_sheet(bench.office(), table);
        calculatable(*addin.doc)->calculateAll();
        calculatable(*builtin.doc)->calculateAll();
        const auto want = column_texts(*addin.doc, "B", 2, addin.last_row);
        const auto got = column_texts(*builtin.doc, "C", 2, builtin.last_row);
        for (std::size_t i = 0; i < want.size(); ++i) {
            if ((want[i] != got[i] || want[i].empty()) && ++shown <= 10) {
                std::fprintf(stderr,
                             "check failed: value %g: CLIENT_TIER gives \"%s\", the built-in "
                             "formulas \"%s\"\n",
                             table[i], want[i].c_str(), got[i].c_str());
            }
            ok = ok && want[i] == got[i] && !want[i].empty();
        }
    }
    return ok;
}

// The tiers of two sheets are the same (after a timed recalculation).
bool same_tiers(const TierSheet& a, const TierSheet& b) {
    return column_texts(*a.doc, a.tier_col, 2, a.last_row) ==
           column_texts(*b.doc, b.tier_col, 2, b.last_row);
}

// ---------------------------------------------------------------- reporting

struct Figure {
    std::string what;
    int rows = 0;
    std::vector<double> runs; // seconds
    bool stopped = false;     // did not finish within the limit
    double limit_s = 0;
    std::string cell() const {
        char buf[64];
        if (stopped) {
            std::snprintf(buf, sizeof buf, "> %.0f s (stopped)", limit_s);
        } else if (runs.empty()) {
            return "-";
        } else {
            std::snprintf(buf, sizeof buf, "%.4f s", median(runs));
        }
        return buf;
    }
};

std::vector<std::string> g_report;

void report(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
void report(const char* fmt, ...) {
    char buf[1024];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof buf, fmt, args);
    va_end(args);
    std::printf("%s\n", buf);
    std::fflush(stdout);
    g_report.emplace_back(buf);
}

void blank() {
    report("%s", "");
}

std::string ratio(const Figure& slow, const Figure& fast) {
    char buf[64];
    if (fast.runs.empty()) {
        return "-";
    }
    if (slow.stopped) {
        std::snprintf(buf, sizeof buf, "> %.0fx", slow.limit_s / median(fast.runs));
    } else if (slow.runs.empty()) {
        return "-";
    } else {
        const double r = median(slow.runs) / median(fast.runs);
        std::snprintf(buf, sizeof buf, r < 10 ? "%.1fx" : "%.0fx", r);
    }
    return buf;
}

// ---------------------------------------------------------------- 1 and 2: tiers

Figure time_sheet(Bench& bench, const std::string& what, const TierSheet& sheet, int reps,
                  double limit_s) {
    Figure f{what, sheet.last_row - 1, {}, false, limit_s};
    for (int i = 0; i < reps; ++i) {
        const std::optional<double> t = timed_recalc(bench, *sheet.doc, limit_s);
        if (!t) {
            f.stopped = true;
            break;
        }
        f.runs.push_back(*t);
    }
    return f;
}

bool bench_tiers(Bench& bench, const Config& cfg) {
    bool ok = true;
    report("## CLIENT_TIER array formula against the built-in SUMIF formulas (calculateAll)");
    report("| rows | CLIENT_TIER array | built-in SUMIF/IF | built-in / add-in |");
    report("|---:|---:|---:|---:|");
    for (int rows : cfg.tier_rows) {
        const std::vector<double> values = profits(rows);
        Figure addin;
        Figure builtin;
        {
            TierSheet a = addin_array_sheet(bench.office(), values);
            addin = time_sheet(bench, "array", a, cfg.reps, cfg.limit_s);
            TierSheet b = builtin_sheet(bench.office(), values);
            builtin = time_sheet(bench, "builtin", b, cfg.reps, cfg.limit_s);
            if (!builtin.stopped && !same_tiers(a, b)) {
                std::fprintf(stderr, "the tiers differ at %d rows\n", rows);
                ok = false;
            }
            if (builtin.stopped) {
                // The documents died with the office: drop them without a call.
                a.doc.release();
                b.doc.release();
            }
        }
        report("| %d | %s | %s | %s |", rows, addin.cell().c_str(), builtin.cell().c_str(),
               ratio(builtin, addin).c_str());
    }

    blank();
    report("## Per-row CLIENT_TIER formulas against one array formula (calculateAll)");
    report("| rows | array {=CLIENT_TIER(A2:An;A2:An)} | per-row =CLIENT_TIER(A2;A$2:A$n) | "
           "per-row / array |");
    report("|---:|---:|---:|---:|");
    {
        const std::vector<double> values = profits(cfg.per_row_rows);
        TierSheet a = addin_array_sheet(bench.office(), values);
        const Figure array = time_sheet(bench, "array", a, cfg.reps, cfg.limit_s);
        TierSheet p = addin_per_row_sheet(bench.office(), values);
        const Figure per_row = time_sheet(bench, "per-row", p, cfg.reps, cfg.limit_s);
        if (!per_row.stopped && !same_tiers(a, p)) {
            std::fprintf(stderr, "per-row and array tiers differ\n");
            ok = false;
        }
        if (per_row.stopped) {
            a.doc.release();
            p.doc.release();
        }
        report("| %d | %s | %s | %s |", cfg.per_row_rows, array.cell().c_str(),
               per_row.cell().c_str(), ratio(per_row, array).c_str());
    }
    return ok;
}

// ---------------------------------------------------------------- 3 and 4: the table floor

// A generated client table as one block for setDataArray: 16 columns, numbers as numbers,
// dates as date serials, empty cells empty.
Sequence<Sequence<Any>> table_block(int rows) {
    client_table::Options options;
    options.rows = static_cast<std::size_t>(rows);
    const auto clients = client_table::generate(options);
    Sequence<Sequence<Any>> block(rows + 1);
    Sequence<Any> head(client_table::kColumnCount);
    const auto names = client_table::headers(client_table::Lang::En);
    for (int c = 0; c < client_table::kColumnCount; ++c) {
        head.getArray()[c] <<= ou(names[static_cast<std::size_t>(c)]);
    }
    block.getArray()[0] = head;
    for (int r = 0; r < rows; ++r) {
        const auto& client = clients[static_cast<std::size_t>(r)];
        Sequence<Any> line(client_table::kColumnCount);
        Any* cells = line.getArray();
        cells[0] <<= ou(client.name);
        for (int c = 1; c < client_table::kColumnCount; ++c) {
            const double v = client.values[static_cast<std::size_t>(c)];
            if (!client_table::Client::empty(v)) {
                cells[c] <<= v;
            }
        }
        block.getArray()[r + 1] = line;
    }
    return block;
}

// The output a segmentation writes: Tier, Risk, Verdict, Why, Next step (with a header row).
Sequence<Sequence<Any>> output_block(int rows) {
    static const char* const tiers[] = {"A", "B", "C", "D"};
    static const char* const verdicts[] = {"Keep",        "Grow",     "Low-touch",
                                           "Renegotiate", "Win back", "Let go"};
    static const char* const why[] = {"late payment 45 days (+45); returns 18% (+21)",
                                      "complaints 8 (+18)", ""};
    static const char* const next[] = {
        "protect: priority service, a personal manager, regular check-ins",
        "prepayment of 30-50%, no deferred payment, pause work while invoices are overdue",
        "automate: self-service and e-mail offers, no personal time"};
    Sequence<Sequence<Any>> block(rows + 1);
    block.getArray()[0] =
        seq({Any(OUString("Tier")), Any(OUString("Risk")), Any(OUString("Verdict")),
             Any(OUString("Why")), Any(OUString("Next step"))});
    const OUString tier_s[] = {ou(tiers[0]), ou(tiers[1]), ou(tiers[2]), ou(tiers[3])};
    for (int r = 0; r < rows; ++r) {
        block.getArray()[r + 1] =
            seq({Any(tier_s[r % 4]), Any(static_cast<double>(r % 1000) / 10.0),
                 Any(ou(verdicts[r % 6])), Any(ou(why[r % 3])), Any(ou(next[r % 3]))});
    }
    return block;
}

struct TableDoc {
    office::Office* office = nullptr;
    std::unique_ptr<office::CalcDoc> doc;
    int rows = 0;
    std::string input_range;  // A1:P(rows+1)
    std::string output_range; // R1:V(rows+1)
};

// An operation on a loaded client table, timed per repetition. The segmentation command
// is one more of these (segment_command below).
using TableOperation = std::function<double(const TableDoc&)>;

double floor_read(const TableDoc& t) {
    const double t0 = now_s();
    const auto data = range_data(*t.doc, t.input_range)->getDataArray();
    const double dt = now_s() - t0;
    if (data.getLength() != t.rows + 1 || data[0].getLength() != client_table::kColumnCount) {
        throw std::runtime_error("getDataArray returned the wrong shape");
    }
    return dt;
}

double floor_write(const TableDoc& t) {
    const auto block = output_block(t.rows); // made before the clock starts
    const double t0 = now_s();
    range_data(*t.doc, t.output_range)->setDataArray(block);
    return now_s() - t0;
}

// The sidebar's segmentation through its dispatch URL, with the cursor in the table. Returns
// a negative time when the installed extension has no such command.
double segment_command(const TableDoc& t) {
    const Reference<css::frame::XModel> model(t.doc->component(), UNO_QUERY_THROW);
    const Reference<css::frame::XController> controller = model->getCurrentController();
    const Reference<css::frame::XDispatchProvider> provider(controller->getFrame(),
                                                            UNO_QUERY_THROW);
    const Reference<css::view::XSelectionSupplier> selection(controller, UNO_QUERY_THROW);
    selection->select(Any(t.doc->sheet()->getCellRangeByName("A1")));
    css::util::URL url;
    url.Complete = "org.clienttriage.command:Segment";
    css::util::URLTransformer::create(t.office->context())->parseStrict(url);
    const auto dispatch = provider->queryDispatch(url, "", 0);
    if (!dispatch.is()) {
        return -1;
    }
    const double t0 = now_s();
    dispatch->dispatch(url, {});
    return now_s() - t0;
}

TableDoc load_table(office::Office& office, int rows) {
    TableDoc t{&office, manual_doc(office), rows, "", ""};
    const std::string last = std::to_string(rows + 1);
    t.input_range = "A1:" + column_name(client_table::kColumnCount - 1) + last;
    t.output_range = column_name(client_table::kColumnCount + 1) +
                     "1:" + column_name(client_table::kColumnCount + 5) + last;
    range_data(*t.doc, t.input_range)->setDataArray(table_block(rows));
    return t;
}

void bench_floor(const Config& cfg) {
    // An office of its own, so that its peak memory is this section's.
    office::Office office(office::OfficeOptions{});
    blank();
    report("## The floor of segmenting a table: one getDataArray (16 columns) and one "
           "setDataArray (5 columns)");
    report("| rows | load 16 columns (setDataArray) | read 16 columns (getDataArray) | write 5 "
           "columns (setDataArray) | read + write |");
    report("|---:|---:|---:|---:|---:|");
    long hwm_fresh = 0;
    long rss_fresh = 0;
    {
        office::CalcDoc fresh(office);
        hwm_fresh = proc_status_kib(office.pid(), "VmHWM");
        rss_fresh = proc_status_kib(office.pid(), "VmRSS");
    }
    long hwm_big = 0;
    long rss_big = 0;
    int biggest = 0;
    std::vector<std::pair<std::string, TableOperation>> operations = {{"read", floor_read},
                                                                      {"write", floor_write}};
    if (cfg.with_segment) {
        operations.emplace_back("segment", segment_command);
    }
    std::vector<std::string> segment_rows;
    for (int rows : cfg.floor_rows) {
        const double t0 = now_s();
        TableDoc t = load_table(office, rows);
        const double load_s = now_s() - t0;
        const int reps = rows > 500000 ? std::min(cfg.reps, 3) : cfg.reps;
        std::vector<std::vector<double>> times(operations.size());
        for (int i = 0; i < reps; ++i) {
            for (std::size_t k = 0; k < operations.size(); ++k) {
                times[k].push_back(operations[k].second(t));
            }
        }
        const double read = median(times[0]);
        const double write = median(times[1]);
        report("| %d | %.3f s | %.3f s | %.3f s | %.3f s |", rows, load_s, read, write,
               read + write);
        if (cfg.with_segment) {
            const double seg = median(times[2]);
            char buf[160];
            std::snprintf(buf, sizeof buf, "| %d | %s |", rows,
                          seg < 0 ? "not provided by this build"
                                  : (std::to_string(seg) + " s").c_str());
            segment_rows.emplace_back(buf);
        }
        if (rows >= biggest) {
            biggest = rows;
            hwm_big = proc_status_kib(office.pid(), "VmHWM");
            rss_big = proc_status_kib(office.pid(), "VmRSS");
        }
    }
    if (cfg.with_segment) {
        blank();
        report("## The segmentation command (org.clienttriage.command:Segment)");
        report("| rows | segment |");
        report("|---:|---:|");
        for (const auto& row : segment_rows) {
            report("%s", row.c_str());
        }
    }
    blank();
    report("## Office memory (soffice.bin, /proc/<pid>/status)");
    report("| state | VmHWM (peak) | VmRSS |");
    report("|---|---:|---:|");
    report("| a fresh document | %.0f MiB | %.0f MiB |", hwm_fresh / 1024.0, rss_fresh / 1024.0);
    report("| after the %d-row table (loaded, read, written) | %.0f MiB | %.0f MiB |", biggest,
           hwm_big / 1024.0, rss_big / 1024.0);
}

int run(const Config& cfg) {
    Bench bench;
    const double t0 = now_s();
    if (!check_builtin_matches_addin(bench)) {
        std::fprintf(stderr, "the built-in formulas do not give CLIENT_TIER's tiers\n");
        return 1;
    }
    report("Checked: the built-in SUMIF/IF formulas give the same tiers as CLIENT_TIER.");
    blank();
    const bool ok = bench_tiers(bench, cfg);
    bench.kill_office();
    bench_floor(cfg);
    blank();
    report("Total time of the run: %.0f s; %d repetitions per figure (at most 3 above 500,000 "
           "rows), medians.",
           now_s() - t0, cfg.reps);
    return ok ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    Config cfg;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--quick") {
            cfg.quick = true;
            cfg.reps = 1;
            cfg.limit_s = 30;
            cfg.tier_rows = {100};
            cfg.per_row_rows = 100;
            cfg.floor_rows = {100};
        } else if (arg == "--reps" && i + 1 < argc) {
            cfg.reps = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--limit" && i + 1 < argc) {
            cfg.limit_s = std::max(1.0, std::atof(argv[++i]));
        } else if (arg == "--with-segment") {
            cfg.with_segment = true;
        } else {
            std::fprintf(stderr, "usage: office_bench [--quick] [--reps N] [--limit SECONDS] "
                                 "[--with-segment]\n");
            return 2;
        }
    }
    int status = 1;
    try {
        status = run(cfg);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
    } catch (const css::uno::Exception& e) {
        std::fprintf(stderr, "error: %s\n", utf8(e.Message).c_str());
    }
    return status;
}
