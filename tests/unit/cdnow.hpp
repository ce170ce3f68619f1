// The CDNOW data of ../shared/data/cdnow (README there): transactions and lifetimes'
// per-customer summaries, read for the buying models' tests.
#pragma once

#include "core/repeat_buying.hpp"
#include "core/values.hpp"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace cdnow {

inline std::string path(const std::string& file) {
    return std::string(TRIAGE_SHARED_DATA) + "/cdnow/" + file;
}

// The end of the 39-week calibration period: 1997-09-30.
inline double calibration_end() {
    return triage::serial_from_civil(1997, 9, 30);
}

struct Transactions {
    std::vector<triage::Purchase> purchases;
    std::size_t clients = 0;
};

// CDNOW_sample.txt (id column 2, 1..2357) or CDNOW_master.txt (id column 1, after a header).
inline Transactions transactions(bool master) {
    std::ifstream in(path(master ? "CDNOW_master.txt" : "CDNOW_sample.txt"));
    std::string line;
    if (master) {
        std::getline(in, line);
    }
    Transactions out;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string master_id, sample_id, date, cds, dollars;
        fields >> master_id;
        if (!master) {
            fields >> sample_id;
        }
        fields >> date >> cds >> dollars;
        if (date.size() != 8) {
            continue;
        }
        const std::size_t id = std::stoul(master ? master_id : sample_id);
        const double day =
            triage::serial_from_civil(std::stoi(date.substr(0, 4)), std::stoi(date.substr(4, 2)),
                                      std::stoi(date.substr(6, 2)));
        out.purchases.push_back({id - 1, day, std::stod(dollars)});
        out.clients = std::max(out.clients, id);
    }
    return out;
}

struct SummaryRow {
    double x, t_x, T, zbar;
};

// cdnow_customers_summary_with_transactions.csv: ID,x,t_x,T,zbar (weeks, cents).
inline std::vector<SummaryRow> summary_with_spend() {
    std::ifstream in(path("cdnow_customers_summary_with_transactions.csv"));
    std::string line;
    std::getline(in, line);
    std::vector<SummaryRow> out;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string cell[5];
        for (std::string& c : cell) {
            std::getline(fields, c, ',');
        }
        out.push_back(
            {std::stod(cell[1]), std::stod(cell[2]), std::stod(cell[3]), std::stod(cell[4])});
    }
    return out;
}

} // namespace cdnow
