// The office benchmark (BENCHMARKS.md): starts a headless LibreOffice with the built .oxt
// installed and measures, in one run, each figure the median of several repetitions:
//
//   1. CLIENT_TIER as one array formula over N rows against the built-in formulas a user
//      would write without the add-in (a SUMIF "profit before" column, two SUMIF cells and an
//      IF tier column), recalculated with XCalculatable::calculateAll;
//   2. a column of per-row =CLIENT_TIER(B2;B$2:B$N+1) formulas against the array form;
//   3. the sidebar's segmentation command (org.clienttriage.command:Segment) on generated
//      tables of 10,000, 100,000 and 1,048,575 rows against the floor for the same table:
//      one getDataArray of the input block and one setDataArray of the output block, timed
//      inside the office by the benchmark's own extension (bench/floor), with where the
//      command's time goes (the phases it logs to TRIAGE_PHASE_LOG);
//   4. the office's memory: the largest table alone, and the peak during its segmentation.
//   5. the segmentation of an order export (examples/order_export.hpp: order lines of one
//      client in ten, as a sheet holds them: numbers and ISO dates as cells, other dates and
//      "$1,149.00" as text) of 100,000 and 1,048,575 lines into a Clients sheet, against the
//      floor for the same work: one getDataArray of the lines, one setDataArray of the
//      Clients sheet's block.
//
//   office_bench [--quick] [--reps N] [--limit SECONDS] [--only tiers|segment|orders|models]
//                [--rows N,...] [--no-per-row]
//
// --quick: 100 rows, one repetition (the ctest smoke test office_bench_smoke).
// --limit: the time after which a built-in recalculation is stopped (the office is killed and
//          a new one started) and reported as "more than" (default 60 s).
// --only:  just sections 1-2 (tiers), 3-4 (segment) or 5 (orders).
// --rows:  the table sizes of every section instead of the defaults (10000,100000 for 1,
//          10000 for 2, 10000,100000,1048575 for 3); 2 takes the first.
// --no-per-row: skip section 2.
//
// To see where an office's time goes, run it under a profiler: TRIAGE_OFFICE_WRAPPER is put
// before soffice.bin (tests/office/office.cpp), e.g. "/usr/bin/valgrind --tool=callgrind
// --toggle-collect=*segment_table* --callgrind-out-file=/tmp/prof/callgrind.out.%p" with
// --rows 100000 --reps 1 (BENCHMARKS.md).
//
// Before timing, the built-in formulas are checked to give the same tiers as CLIENT_TIER on a
// small table with ties, zeros and losses; any mismatch fails the program (exit status 1).

#include "client_table.hpp"
#include "office.hpp"
#include "order_export.hpp"
#include "sheet_ops.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FillDirection.hpp>
#include <com/sun/star/sheet/XArrayFormulaRange.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellSeries.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

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
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using office::ou;
using office::utf8;
using rtl::OUString;

template <class T> Sequence<T> seq(std::initializer_list<T> items) {
    return Sequence<T>(items.begin(), static_cast<sal_Int32>(items.size()));
}

struct Config {
    bool quick = false;
    int reps = 5;
    double limit_s = 60;
    bool tiers = true;
    bool segment = true;
    bool orders = true;
    bool columns = true;
    bool models = true;
    int model_rows = 100000;
    std::vector<std::string> column_functions; // --functions: only these (and built-in IF)
    std::vector<int> tier_rows = {10000, 100000};
    int per_row_rows = 10000;
    std::vector<int> floor_rows = {10000, 100000, 1048575};
    std::vector<int> order_rows = {100000, 1048575};
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

// Values in A2:A(n+1) and `formula(row, n + 1)` in every row of B, filled down.
TierSheet per_row_sheet(
    office::Office& office, const std::vector<double>& values,
    const std::function<std::string(const std::string& row, const std::string& last)>& formula) {
    TierSheet s{manual_doc(office), "B", static_cast<int>(values.size()) + 1};
    put_column(*s.doc, "A", 2, values);
    const std::string last = std::to_string(s.last_row);
    put_formulas(*s.doc, "B", 2, s.last_row,
                 [&](int r) { return formula(std::to_string(r), last); });
    return s;
}

// =CLIENT_TIER(A2;A$2:A$n) in every row of B.
TierSheet addin_per_row_sheet(office::Office& office, const std::vector<double>& values) {
    return per_row_sheet(office, values, [](const std::string& row, const std::string& last) {
        return "=CLIENT_TIER(A" + row + ";A$2:A$" + last + ")";
    });
}

// {=CLIENT_TIER_CUTOFFS(A2:An)} in E1:F1 and =CLIENT_TIER_BY_CUTOFFS(A2;$E$1:$F$1) in every
// row of B: the per-row form that is O(1) a row.
TierSheet by_cutoffs_sheet(office::Office& office, const std::vector<double>& values) {
    TierSheet s = per_row_sheet(office, values, [](const std::string& row, const std::string&) {
        return "=CLIENT_TIER_BY_CUTOFFS(A" + row + ";$E$1:$F$1)";
    });
    s.doc->set_array_formula("E1:F1",
                             "=CLIENT_TIER_CUTOFFS(A2:A" + std::to_string(s.last_row) + ")");
    return s;
}

// Calc's own per-row =RANK(A2;A$2:A$n): what an analyst's per-row formula over a population
// costs without the add-in.
TierSheet rank_sheet(office::Office& office, const std::vector<double>& values) {
    return per_row_sheet(office, values, [](const std::string& row, const std::string& last) {
        return "=RANK(A" + row + ";A$2:A$" + last + ")";
    });
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

// Times a sheet made in a fresh office of its own, and reads its tiers (none when stopped).
std::pair<Figure, std::vector<std::string>>
time_alone(Bench& bench, const std::string& what,
           const std::function<TierSheet(office::Office&)>& make, const Config& cfg) {
    bench.kill_office();
    TierSheet s = make(bench.office());
    const Figure f = time_sheet(bench, what, s, cfg.reps, cfg.limit_s);
    if (f.stopped) {
        s.doc.release(); // it died with the office
        return {f, {}};
    }
    return {f, column_texts(*s.doc, s.tier_col, 2, s.last_row)};
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

    if (cfg.per_row_rows > 0) {
        blank();
        report("## Per-row CLIENT_TIER formulas against one array formula (calculateAll)");
        report("| rows | array {=CLIENT_TIER(A2:An;A2:An)} | per-row =CLIENT_TIER(A2;A$2:A$n) | "
               "per-row / array |");
        report("|---:|---:|---:|---:|");
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

        blank();
        report("## The per-row form against Calc's per-row RANK (calculateAll)");
        report("| rows | per-row =RANK(A2;A$2:A$n) | {=CLIENT_TIER_CUTOFFS(A2:An)} and per-row "
               "=CLIENT_TIER_BY_CUTOFFS(A2;$E$1:$F$1) | RANK / CLIENT_TIER_BY_CUTOFFS |");
        report("|---:|---:|---:|---:|");
        // The per-row form and RANK each in a fresh office of their own (the documents above,
        // one with 10,000 per-row CLIENT_TIER formulas, would weigh on both).
        const std::vector<std::string> array_tiers =
            per_row.stopped ? std::vector<std::string>{}
                            : column_texts(*a.doc, a.tier_col, 2, a.last_row);
        a.doc.reset(); // released above when the office died
        p.doc.reset();
        const auto [by_cutoffs, by_cutoffs_tiers] = time_alone(
            bench, "by cutoffs", [&](office::Office& o) { return by_cutoffs_sheet(o, values); },
            cfg);
        if (!array_tiers.empty() && !by_cutoffs.stopped && by_cutoffs_tiers != array_tiers) {
            std::fprintf(stderr, "per-row CLIENT_TIER_BY_CUTOFFS and array tiers differ\n");
            ok = false;
        }
        const Figure rank =
            time_alone(
                bench, "rank", [&](office::Office& o) { return rank_sheet(o, values); }, cfg)
                .first;
        report("| %d | %s | %s | %s |", cfg.per_row_rows, rank.cell().c_str(),
               by_cutoffs.cell().c_str(), ratio(rank, by_cutoffs).c_str());
    }
    return ok;
}

// ---------------------------------------------------------------- 3 and 4: segmentation and floor

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

// A client table in a sheet, as a user has it before segmenting (automatic calculation on).
struct TableDoc {
    std::unique_ptr<office::CalcDoc> doc;
    int rows = 0;
    std::string input_range;  // the client rows: A2:P(rows+1)
    std::string output_range; // what the segmentation writes: Q1:U(rows+1)
};

TableDoc load_table(office::Office& office, int rows) {
    TableDoc t{std::make_unique<office::CalcDoc>(office), rows, "", ""};
    const std::string last = std::to_string(rows + 1);
    const int columns = client_table::kColumnCount;
    t.input_range = "A2:" + column_name(columns - 1) + last;
    t.output_range = column_name(columns) + "1:" + column_name(columns + 4) + last;
    range_data(*t.doc, "A1:" + column_name(columns - 1) + last)->setDataArray(table_block(rows));
    return t;
}

// Back to the table before any run: no output columns, no summary sheet, no undo history
// (each run's undo step holds its output block).
void reset_table(const TableDoc& t) {
    Reference<css::sheet::XSheetOperation>(t.doc->sheet()->getCellRangeByName(ou(t.output_range)),
                                           UNO_QUERY_THROW)
        ->clearContents(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::DATETIME |
                        css::sheet::CellFlags::STRING | css::sheet::CellFlags::FORMULA);
    const Reference<css::sheet::XSpreadsheetDocument> doc(t.doc->component(), UNO_QUERY_THROW);
    const Reference<css::container::XNameContainer> sheets(doc->getSheets(), UNO_QUERY_THROW);
    const Sequence<OUString> names = sheets->getElementNames();
    for (sal_Int32 i = 1; i < names.getLength(); ++i) {
        sheets->removeByName(names[i]);
    }
    Reference<css::document::XUndoManagerSupplier>(t.doc->component(), UNO_QUERY_THROW)
        ->getUndoManager()
        ->clear();
    office::select(*t.doc, "A1");
}

// One run of the segmentation command from the client (the dispatch waits for its result).
double segment_command(const TableDoc& t) {
    const double t0 = now_s();
    const office::CommandResult r = office::segment(*t.doc);
    const double dt = now_s() - t0;
    if (!r.success) {
        throw std::runtime_error("the segmentation failed: " + r.message);
    }
    return dt;
}

// The floor inside the office (bench/floor): {read, write} seconds for the same input block
// and the output block the segmentation has just written.
std::pair<double, double> floor_in_office(const TableDoc& t) {
    const office::CommandResult r =
        office::run_command(*t.doc, "org.clienttriage.bench:Floor",
                            {{"Input", t.input_range}, {"Output", t.output_range}});
    Sequence<double> times;
    if (!r.success || !(r.result >>= times) || times.getLength() != 2) {
        throw std::runtime_error("the floor command failed: " + r.message);
    }
    return {times[0], times[1]};
}

// The phase lines the segmentation appends to TRIAGE_PHASE_LOG (segment_run.cpp's PhaseLog).
class PhaseFile {
public:
    PhaseFile() {
        char name[] = "/tmp/client-triage-phases-XXXXXX";
        const int fd = ::mkstemp(name);
        if (fd < 0) {
            throw std::runtime_error("mkstemp failed");
        }
        ::fchmod(fd, 0666); // the office runs as another user
        ::close(fd);
        path_ = name;
        ::setenv("TRIAGE_PHASE_LOG", path_.c_str(), 1); // offices started from now on
    }
    ~PhaseFile() {
        ::unsetenv("TRIAGE_PHASE_LOG");
        std::remove(path_.c_str());
    }
    PhaseFile(const PhaseFile&) = delete;
    PhaseFile& operator=(const PhaseFile&) = delete;

    // The phases of the last run: (name, seconds) in order.
    std::vector<std::pair<std::string, double>> last() const {
        std::ifstream in(path_);
        std::string line;
        std::string latest;
        while (std::getline(in, line)) {
            latest = line;
        }
        std::vector<std::pair<std::string, double>> phases;
        std::istringstream items(latest);
        std::string item;
        while (items >> item) {
            const auto eq = item.find('=');
            if (eq != std::string::npos && item.compare(0, eq, "rows") != 0) {
                phases.emplace_back(item.substr(0, eq), std::atof(item.c_str() + eq + 1));
            }
        }
        return phases;
    }

private:
    std::string path_;
};

// Resets the peak resident size of a process (Linux: "5" to /proc/<pid>/clear_refs), so that
// VmHWM afterwards is the peak of what follows. False when the kernel refuses.
bool reset_peak(pid_t pid) {
    std::ofstream out("/proc/" + std::to_string(pid) + "/clear_refs");
    out << "5";
    out.flush();
    return static_cast<bool>(out);
}

std::string mib(long kib) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f MiB", kib / 1024.0);
    return buf;
}

// The phases of every table size (TRIAGE_PHASE_LOG): collected run by run, reported as one
// table of medians.
class PhaseTable {
public:
    void add(const std::vector<std::pair<std::string, double>>& run) {
        for (const auto& [name, seconds] : run) {
            if (std::find(names_.begin(), names_.end(), name) == names_.end()) {
                names_.push_back(name);
            }
            current_[name].push_back(seconds);
        }
    }
    // Closes the row of one table size.
    void end_row(int rows) {
        std::string line = "| " + std::to_string(rows) + " |";
        for (const auto& name : names_) {
            char cell[32];
            const auto it = current_.find(name);
            std::snprintf(cell, sizeof cell, " %.3f s |",
                          it == current_.end() ? 0.0 : median(it->second));
            line += cell;
        }
        rows_.push_back(line);
        current_.clear();
    }
    void report_table(const char* title, const char* first_column) const {
        blank();
        report("%s", title);
        std::string head = std::string("| ") + first_column + " |";
        std::string rule = "|---:|";
        for (const auto& name : names_) {
            head += " " + name + " |";
            rule += "---:|";
        }
        report("%s", head.c_str());
        report("%s", rule.c_str());
        for (const auto& row : rows_) {
            report("%s", row.c_str());
        }
    }

private:
    std::vector<std::string> names_;
    std::map<std::string, std::vector<double>> current_;
    std::vector<std::string> rows_;
};

void bench_segmentation(const Config& cfg) {
    PhaseFile phase_file;
    // An office of its own with the floor's extension, so that its memory is this section's.
    office::OfficeOptions options;
    options.more_extensions = {TRIAGE_FLOOR_OXT_PATH};
    office::Office office(options);
    long rss_fresh = 0;
    {
        office::CalcDoc fresh(office);
        rss_fresh = proc_status_kib(office.pid(), "VmRSS");
    }
    blank();
    report("## The segmentation command against the floor (inside the office)");
    report("| rows | load the table (over the bridge, once) | segment | floor: read | floor: "
           "write | floor: read + write | segment / floor |");
    report("|---:|---:|---:|---:|---:|---:|---:|");
    PhaseTable phase_table;
    struct Memory {
        int rows = 0;
        long rss_table = 0, hwm_segment = 0, rss_after = 0;
        bool peak_reset = false;
    } memory;
    for (int rows : cfg.floor_rows) {
        double t0 = now_s();
        TableDoc t = load_table(office, rows);
        const double load_s = now_s() - t0;
        const int reps = rows > 500000 ? std::min(cfg.reps, 3) : cfg.reps;
        std::vector<double> segment, read, write, floor;
        for (int i = 0; i < reps; ++i) {
            reset_table(t);
            const bool measure_memory = i == 0 && rows >= memory.rows;
            if (measure_memory) {
                memory.rows = rows;
                memory.rss_table = proc_status_kib(office.pid(), "VmRSS");
                memory.peak_reset = reset_peak(office.pid());
            }
            segment.push_back(segment_command(t));
            if (measure_memory) {
                memory.hwm_segment = proc_status_kib(office.pid(), "VmHWM");
                memory.rss_after = proc_status_kib(office.pid(), "VmRSS");
            }
            phase_table.add(phase_file.last());
            const auto [r, w] = floor_in_office(t);
            read.push_back(r);
            write.push_back(w);
            floor.push_back(r + w);
        }
        const double seg = median(segment);
        const double fl = median(floor);
        report("| %d | %.2f s | %.3f s | %.3f s | %.3f s | %.3f s | %.2fx |", rows, load_s, seg,
               median(read), median(write), fl, seg / fl);
        phase_table.end_row(rows);
    }
    phase_table.report_table("## Where the segmentation's time goes (medians, TRIAGE_PHASE_LOG)",
                             "rows");
    blank();
    report("## Office memory (soffice.bin, /proc/<pid>/status)");
    report("| state | resident |");
    report("|---|---:|");
    report("| a fresh office with an empty document | %s (VmRSS) |", mib(rss_fresh).c_str());
    report("| the %d-row table loaded (the document alone) | %s (VmRSS) |", memory.rows,
           mib(memory.rss_table).c_str());
    report("| peak during its segmentation | %s (VmHWM%s) |", mib(memory.hwm_segment).c_str(),
           memory.peak_reset ? ", reset just before" : ", since the office started");
    report("| after its segmentation (output, summary sheet, undo step) | %s (VmRSS) |",
           mib(memory.rss_after).c_str());
}

// ---------------------------------------------------------------- 5: order lines

// A cell of the order export as a sheet holds it after a CSV import: a plain number or an ISO
// date as a number, anything else as text.
Any order_cell(const std::string& text) {
    if (text.empty()) {
        return Any();
    }
    char* end = nullptr;
    const double number = std::strtod(text.c_str(), &end);
    if (end != nullptr && *end == '\0' &&
        text.find_first_not_of("0123456789.-") == std::string::npos) {
        return Any(number);
    }
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (text.size() == 10 && std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3) {
        return Any(client_table::spreadsheet_serial(client_table::days_from_civil(y, m, d)));
    }
    return Any(ou(text));
}

// `rows` order lines of rows / 10 clients (the export's first lines) as one block, header first.
Sequence<Sequence<Any>> order_block(int rows) {
    client_table::Options options;
    options.rows = static_cast<std::size_t>(std::max(10, rows / 10));
    auto lines = client_table::generate_orders(client_table::generate(options), options);
    lines.pop_back();                               // the Total row
    while (static_cast<int>(lines.size()) < rows) { // short of lines: the same again
        const std::size_t n = lines.size();
        for (std::size_t i = 0; i < n && static_cast<int>(lines.size()) < rows; ++i) {
            lines.push_back(lines[i]);
        }
    }
    lines.resize(static_cast<std::size_t>(rows));
    Sequence<Sequence<Any>> block(rows + 1);
    const auto head = client_table::order_headers();
    Sequence<Any> header(static_cast<sal_Int32>(head.size()));
    for (std::size_t c = 0; c < head.size(); ++c) {
        header.getArray()[c] <<= ou(head[c]);
    }
    block.getArray()[0] = header;
    for (int r = 0; r < rows; ++r) {
        const auto& line = lines[static_cast<std::size_t>(r)];
        Sequence<Any> cells(static_cast<sal_Int32>(line.size()));
        for (std::size_t c = 0; c < line.size(); ++c) {
            cells.getArray()[c] = order_cell(line[c]);
        }
        block.getArray()[r + 1] = cells;
    }
    return block;
}

void reset_orders(const office::CalcDoc& doc) {
    const Reference<css::sheet::XSpreadsheetDocument> d(doc.component(), UNO_QUERY_THROW);
    const Reference<css::container::XNameContainer> sheets(d->getSheets(), UNO_QUERY_THROW);
    const Sequence<OUString> names = sheets->getElementNames();
    for (sal_Int32 i = 1; i < names.getLength(); ++i) {
        sheets->removeByName(names[i]);
    }
    Reference<css::document::XUndoManagerSupplier>(doc.component(), UNO_QUERY_THROW)
        ->getUndoManager()
        ->clear();
    office::select(doc, "A1");
}

void bench_orders(const Config& cfg) {
    PhaseFile phase_file;
    office::OfficeOptions options;
    options.more_extensions = {TRIAGE_FLOOR_OXT_PATH};
    office::Office office(options);
    blank();
    report("## The segmentation of order lines against the floor (inside the office)");
    report("| order lines | clients | segment | floor: read | floor: write | floor: read + write | "
           "segment / floor |");
    report("|---:|---:|---:|---:|---:|---:|---:|");
    PhaseTable phase_table;
    for (int rows : cfg.order_rows) {
        office::CalcDoc doc(office);
        const int columns = static_cast<int>(client_table::order_headers().size());
        const std::string last = std::to_string(rows + 1);
        range_data(doc, "A1:" + column_name(columns - 1) + last)->setDataArray(order_block(rows));
        const int reps = rows > 500000 ? std::min(cfg.reps, 3) : cfg.reps;
        std::vector<double> segment, read, write, floor;
        int clients = 0;
        for (int i = 0; i < reps; ++i) {
            reset_orders(doc);
            const double t0 = now_s();
            const office::CommandResult r = office::segment(doc);
            segment.push_back(now_s() - t0);
            if (!r.success) {
                throw std::runtime_error("the orders segmentation failed: " + r.message);
            }
            phase_table.add(phase_file.last());
            // The Clients sheet's block: its header row's width, one row per client.
            const auto names = office::sheet_names(doc);
            const int sheet =
                static_cast<int>(std::find(names.begin(), names.end(), "Clients") - names.begin());
            const auto header = office::get_rows(doc, "A1:AZ1", sheet)[0];
            const int width = static_cast<int>(
                std::find(header.begin(), header.end(), std::string()) - header.begin());
            const auto keys =
                office::get_rows(doc, "A1:A" + std::to_string(std::min(rows, 1048575) + 1), sheet);
            clients =
                static_cast<int>(std::find_if(keys.begin() + 1, keys.end(),
                                              [](const auto& row) { return row[0].empty(); }) -
                                 keys.begin() - 1);
            office::select(doc, "A1");
            const office::CommandResult f = office::run_command(
                doc, "org.clienttriage.bench:Floor",
                {{"Input", "A2:" + column_name(columns - 1) + last},
                 {"Output", "A1:" + column_name(width - 1) + std::to_string(clients + 1)},
                 {"OutputSheet", "Clients"}});
            Sequence<double> times;
            if (!f.success || !(f.result >>= times) || times.getLength() != 2) {
                throw std::runtime_error("the floor command failed: " + f.message);
            }
            read.push_back(times[0]);
            write.push_back(times[1]);
            floor.push_back(times[0] + times[1]);
        }
        const double seg = median(segment);
        const double fl = median(floor);
        report("| %d | %d | %.3f s | %.3f s | %.3f s | %.3f s | %.2fx |", rows, clients, seg,
               median(read), median(write), fl, seg / fl);
        phase_table.end_row(rows);
    }
    phase_table.report_table(
        "## Where the orders segmentation's time goes (medians, TRIAGE_PHASE_LOG)", "order lines");
}

// ---------------------------------------------------------------- 6: whole-column references

// Values in rows 1-8 and in the sheet's last row, as a user who keeps a total or a note at the
// bottom has them; every other cell of the columns is empty.
//   A numbers (signals, steps, recency, ...)   B tiers   D verdicts   E RFM scores   G dates
constexpr int kSheetRows = 1048576;

std::unique_ptr<office::CalcDoc> whole_column_doc(office::Office& office) {
    auto doc = manual_doc(office);
    using office::CellValue;
    const std::vector<std::vector<CellValue>> top = {{1.0, "A", {}, "Keep", 555.0, {}, 46000.0},
                                                     {2.0, "B", {}, "Grow", 111.0, {}, 46001.0},
                                                     {3.0, "C", {}, "Automate", 345.0, {}, 46002.0},
                                                     {4.0, "D", {}, "Let go", 234.0, {}, 46003.0},
                                                     {0.0, "A", {}, "Keep", 512.0, {}, 46004.0},
                                                     {2.0, "B", {}, "Grow", 155.0, {}, 46005.0},
                                                     {3.0, "C", {}, "Keep", 333.0, {}, 46006.0},
                                                     {1.0, "D", {}, "Keep", 421.0, {}, 46007.0}};
    office::set_rows(*doc, "A1", top);
    office::set_rows(*doc, "J1", {{3.0, 2.0}}); // cut-offs as CLIENT_TIER_CUTOFFS gives them
    office::set_rows(*doc, "A" + std::to_string(kSheetRows),
                     {{2.0, "A", {}, "Keep", 555.0, {}, 46000.0}});
    return doc;
}

// A formula of a pattern: "{C}" stands for column C's element-wise argument (C:C, or C1:C8
// for the check), "[C]" for a population (C:C in both).
std::string both(const std::string& pattern, bool whole) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char open = pattern[i];
        if ((open == '{' || open == '[') && i + 2 < pattern.size() &&
            pattern[i + 2] == (open == '{' ? '}' : ']')) {
            const std::string c(1, pattern[i + 1]);
            out += whole || open == '[' ? c + ":" + c : c + "1:" + c + "8";
            i += 2;
        } else {
            out += open;
        }
    }
    return out;
}

void bench_whole_columns(Bench& bench, const Config& cfg) {
    // name, pattern, and for the check a pattern over rows 1-8 when the pattern's populations
    // are its element-wise arguments (CLIENT_RFM without populations).
    struct ColumnCase {
        std::string name;
        std::string pattern;
        std::string check = {};
    };
    const std::vector<ColumnCase> patterns = {
        {"built-in IF", "IF({A}>=0;{A}*2;0)"},
        {"built-in ABS", "ABS({A})"},
        {"CLIENT_TIER", "CLIENT_TIER({A};[A])"},
        {"CLIENT_TIER_CUTOFFS", "CLIENT_TIER_CUTOFFS([A])"},
        {"CLIENT_TIER_BY_CUTOFFS", "CLIENT_TIER_BY_CUTOFFS({A};$J$1:$K$1)"},
        {"CLIENT_RISK", "CLIENT_RISK({A};{A};{A})"},
        {"CLIENT_REASONS", "CLIENT_REASONS({A};{A};{A})"},
        {"CLIENT_VERDICT", "CLIENT_VERDICT({B};{A};{A};{A})"},
        {"CLIENT_ACTION", "CLIENT_ACTION({D})"},
        {"CLIENT_RFM", "CLIENT_RFM({A};{A};{E})", "CLIENT_RFM({A};{A};{E};[A];[A];[E])"},
        {"CLIENT_SEGMENT", "CLIENT_SEGMENT({E})"},
        {"PROSPECT_NEXT", "PROSPECT_NEXT({G};{A})"},
        {"PROSPECT_STEP", "PROSPECT_STEP({A})"},
    };
    blank();
    report("## Whole-column array formulas: values in rows 1-8 and 1048576, {=F(A:A...)} over "
           "H1:H8 (calculateAll)");
    report("| formula | whole columns | / built-in IF |");
    report("|---|---:|---:|");
    Figure reference;
    for (const auto& [name, pattern, check] : patterns) {
        if (!cfg.column_functions.empty() &&
            std::find(cfg.column_functions.begin(), cfg.column_functions.end(), name) ==
                cfg.column_functions.end() &&
            name != "built-in IF") {
            continue;
        }
        auto doc = whole_column_doc(bench.office());
        const std::string whole = "=" + both(pattern, true);
        doc->set_array_formula("H1:H8", whole);
        Figure f{name, kSheetRows, {}, false, cfg.limit_s};
        for (int i = 0; i < cfg.reps; ++i) {
            const std::optional<double> t = timed_recalc(bench, *doc, cfg.limit_s);
            if (!t) {
                f.stopped = true;
                break;
            }
            f.runs.push_back(*t);
        }
        if (f.stopped) {
            doc.release(); // died with the office
        } else {
            // The whole-column result's first rows are those of the same formula over rows 1-8.
            doc->set_array_formula("I1:I8", "=" + both(check.empty() ? pattern : check, false));
            calculatable(*doc)->calculateAll();
            const auto got = office::get_rows(*doc, "H1:I8");
            for (const auto& row : got) {
                if (row[0] != row[1]) {
                    throw std::runtime_error(name + ": the whole-column form gives \"" + row[0] +
                                             "\" where the bounded form gives \"" + row[1] + "\"");
                }
            }
        }
        if (name == "built-in IF") {
            reference = f;
        }
        report("| `{%s}` | %s | %s |", whole.c_str(), f.cell().c_str(),
               name == "built-in IF" ? "1x" : ratio(f, reference).c_str());
    }
}

// A reference to many whole columns (a whole sheet is 16,384 of them): Calc converts every
// referenced cell into the add-in's argument before it calls the add-in, so time and memory
// grow with the reference, not with the data (nine values here). Measured on
// =CLIENT_TIER_CUTOFFS, whose own work is a pass over the converted cells.
void bench_wide_references(Bench& bench, const Config& cfg) {
    blank();
    report("## Wide references: what Calc builds before the add-in is called");
    report("| reference | cells | =CLIENT_TIER_CUTOFFS(reference) | peak memory added | per cell "
           "|");
    report("|---|---:|---:|---:|---:|");
    for (int columns : {1, 4, 16}) {
        bench.kill_office(); // a fresh office: its peak memory is this reference's
        auto doc = whole_column_doc(bench.office());
        const pid_t pid = bench.office().pid();
        const std::string reference = "A1:" + column_name(columns - 1) + "1048576";
        const double cells = 1048576.0 * columns;
        std::vector<double> runs;
        long added_kib = 0;
        for (int i = 0; i < std::max(1, std::min(cfg.reps, 3)); ++i) {
            doc->set_formula("Z1", "");
            const long before = proc_status_kib(pid, "VmRSS");
            reset_peak(pid);
            const double t0 = now_s();
            doc->set_formula("Z1", "=CLIENT_TIER_CUTOFFS(" + reference + ")");
            calculatable(*doc)->calculateAll();
            runs.push_back(now_s() - t0);
            added_kib = std::max(added_kib, proc_status_kib(pid, "VmHWM") - before);
            if (doc->error("Z1") != 0 || !(doc->value("Z1") > 0)) { // the smallest A value
                throw std::runtime_error("CLIENT_TIER_CUTOFFS(" + reference + ") shows " +
                                         doc->text("Z1"));
            }
        }
        const double seconds = median(runs);
        report("| `%s` | %.0f | %.2f s | %s | %.0f ns, %.0f bytes |", reference.c_str(), cells,
               seconds, mib(added_kib).c_str(), seconds / cells * 1e9,
               static_cast<double>(added_kib) * 1024 / cells);
    }
}

// ---------------------------------------------------------------- 7: the buying models

// 100,000 clients' x, t_x and T in A:C (made up, valid: repeat counts 0-6, T up to 39 weeks),
// the fitted BG/NBD parameters as values in E1:H1, and =CLIENT_P_ALIVE(A2;B2;C2;$E$1:$H$1) in
// every row of D: the per-row form an analyst fills down once the model is fitted. Target
// (issue "Who is still a client"): recalculated in under 1 s.
void bench_models(Bench& bench, const Config& cfg) {
    const int rows = cfg.model_rows;
    const int last = rows + 1;
    auto doc = manual_doc(bench.office());
    std::vector<double> x(rows), t_x(rows), T(rows);
    for (int i = 0; i < rows; ++i) {
        x[i] = i % 7;
        T[i] = (1 + (i * 37) % 272) / 7.0;
        t_x[i] = x[i] > 0 ? T[i] * ((i * 13) % 100 + 1) / 101.0 : 0.0;
    }
    put_column(*doc, "A", 2, x);
    put_column(*doc, "B", 2, t_x);
    put_column(*doc, "C", 2, T);
    const std::string n = std::to_string(last);
    doc->set_array_formula("J1:N1", "=CLIENT_BGNBD_FIT(A2:A" + n + ";B2:B" + n + ";C2:C" + n + ")");
    calculatable(*doc)->calculateAll();
    const double fit_start = now_s();
    calculatable(*doc)->calculateAll();
    const double fit_s = now_s() - fit_start;
    for (const char* col : {"E", "F", "G", "H"}) {
        const std::string from = std::string(1, static_cast<char>('J' + (col[0] - 'E'))) + "1";
        doc->set_value(std::string(col) + "1", doc->value(from));
    }
    // Only the per-row formulas are timed: the fit's formula goes.
    Reference<css::sheet::XSheetOperation>(doc->sheet()->getCellRangeByName(ou("J1:N1")),
                                           UNO_QUERY_THROW)
        ->clearContents(css::sheet::CellFlags::FORMULA);
    put_formulas(*doc, "D", 2, last, [](int r) {
        const std::string s = std::to_string(r);
        return "=CLIENT_P_ALIVE(A" + s + ";B" + s + ";C" + s + ";$E$1:$H$1)";
    });
    TierSheet sheet{std::move(doc), "D", last};
    const Figure per_row = time_sheet(bench, "p_alive", sheet, cfg.reps, cfg.limit_s);
    // The per-row results against the array form over the same rows.
    sheet.doc->set_array_formula("P2:P" + n, "=CLIENT_P_ALIVE(A2:A" + n + ";B2:B" + n + ";C2:C" +
                                                 n + ";E1:H1)");
    sheet.doc->set_formula("Q1", "=SUMPRODUCT(ABS(D2:D" + n + "-P2:P" + n + "))");
    calculatable(*sheet.doc)->calculateAll();
    report("## The buying models: per-row CLIENT_P_ALIVE (calculateAll)");
    report("| rows | {=CLIENT_BGNBD_FIT(A:A;B:B;C:C)} once | per-row "
           "=CLIENT_P_ALIVE(A2;B2;C2;$E$1:$H$1) | per-row against the array form |");
    report("|---:|---:|---:|---:|");
    report("| %d | %.3f s | %s | sum of differences %.1e |", rows, fit_s, per_row.cell().c_str(),
           sheet.doc->value("Q1"));
}

int run(const Config& cfg) {
    const double t0 = now_s();
    bool ok = true;
    if (cfg.tiers) {
        Bench bench;
        if (!check_builtin_matches_addin(bench)) {
            std::fprintf(stderr, "the built-in formulas do not give CLIENT_TIER's tiers\n");
            return 1;
        }
        report("Checked: the built-in SUMIF/IF formulas give the same tiers as CLIENT_TIER.");
        blank();
        ok = bench_tiers(bench, cfg);
        bench.kill_office();
    }
    if (cfg.segment) {
        bench_segmentation(cfg);
    }
    if (cfg.orders && !cfg.order_rows.empty()) {
        bench_orders(cfg);
    }
    if (cfg.models) {
        Bench bench;
        bench_models(bench, cfg);
        bench.kill_office();
    }
    if (cfg.columns && !cfg.quick) {
        Bench bench;
        bench_whole_columns(bench, cfg);
        bench_wide_references(bench, cfg);
        bench.kill_office();
    }
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
            cfg.order_rows = {100};
            cfg.model_rows = 100;
        } else if (arg == "--reps" && i + 1 < argc) {
            cfg.reps = std::max(1, std::atoi(argv[++i]));
        } else if (arg == "--limit" && i + 1 < argc) {
            cfg.limit_s = std::max(1.0, std::atof(argv[++i]));
        } else if (arg == "--rows" && i + 1 < argc) {
            cfg.floor_rows.clear();
            std::istringstream list(argv[++i]);
            std::string item;
            while (std::getline(list, item, ',')) {
                cfg.floor_rows.push_back(std::max(1, std::atoi(item.c_str())));
            }
            cfg.tier_rows = cfg.floor_rows;
            cfg.order_rows = cfg.floor_rows;
            cfg.per_row_rows = cfg.floor_rows.empty() ? 0 : cfg.floor_rows.front();
        } else if (arg == "--no-per-row") {
            cfg.per_row_rows = 0;
        } else if (arg == "--only" && i + 1 < argc &&
                   (std::strcmp(argv[i + 1], "tiers") == 0 ||
                    std::strcmp(argv[i + 1], "segment") == 0 ||
                    std::strcmp(argv[i + 1], "orders") == 0 ||
                    std::strcmp(argv[i + 1], "columns") == 0 ||
                    std::strcmp(argv[i + 1], "models") == 0)) {
            const std::string only = argv[++i];
            cfg.models = only == "models";
            cfg.tiers = only == "tiers";
            cfg.segment = only == "segment";
            cfg.orders = only == "orders";
            cfg.columns = only == "columns";
        } else if (arg == "--functions" && i + 1 < argc) {
            std::istringstream list(argv[++i]);
            std::string item;
            while (std::getline(list, item, ',')) {
                cfg.column_functions.push_back(item);
            }
        } else {
            std::fprintf(stderr, "usage: office_bench [--quick] [--reps N] [--limit SECONDS] "
                                 "[--only tiers|segment|orders|columns|models] [--rows N,N...] "
                                 "[--no-per-row] [--functions F,F...]\n");
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
