// What a run carries besides its work: progress in the status bar, the benchmark's phase log
// and, in a test build, the points where a run fails on purpose.
#pragma once

#include <com/sun/star/task/XStatusIndicator.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace triage::uno {

// Where a run's time goes, for the office benchmark (BENCHMARKS.md): when the office's
// environment names a file in TRIAGE_PHASE_LOG, every finished run appends one line to it,
// "rows=N find=S read=S ...", the seconds spent in each phase. Off (no clock read) otherwise.
class PhaseLog {
public:
    PhaseLog() : path_(std::getenv("TRIAGE_PHASE_LOG")), last_(path_ != nullptr ? now() : 0) {}
    void rows(sal_Int32 n) { rows_ = n; }
    void mark(const char* phase) {
        if (path_ == nullptr) {
            return;
        }
        const double t = now();
        char item[64];
        std::snprintf(item, sizeof item, " %s=%.4f", phase, t - last_);
        line_ += item;
        last_ = t;
    }
    void write() const {
        if (path_ == nullptr) {
            return;
        }
        if (std::FILE* f = std::fopen(path_, "a")) {
            std::fprintf(f, "rows=%d%s\n", static_cast<int>(rows_), line_.c_str());
            std::fclose(f);
        }
    }

private:
    static double now() {
        using clock = std::chrono::steady_clock;
        return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
    }
    const char* path_;
    double last_;
    sal_Int32 rows_ = 0;
    std::string line_;
};

// A build with TRIAGE_FAULT_INJECTION (a test build, see CMakeLists.txt) fails a run on
// purpose at the point named by the office's environment variable TRIAGE_FAIL_AT ("output",
// "colours", "summary", "clients"), so that tests can check that a run failing half way
// changes nothing. A no-op otherwise.
void fault_point(const char* name);

class Progress {
public:
    explicit Progress(const css::uno::Reference<css::task::XStatusIndicator>& indicator)
        : indicator_(indicator) {
        if (indicator_.is()) {
            indicator_->start("Client Triage", 100);
        }
    }
    ~Progress() {
        try {
            if (indicator_.is()) {
                indicator_->end();
            }
        } catch (const css::uno::Exception&) {
        }
    }
    void at(sal_Int32 percent) {
        if (indicator_.is()) {
            indicator_->setValue(percent);
        }
    }

private:
    css::uno::Reference<css::task::XStatusIndicator> indicator_;
};

} // namespace triage::uno
