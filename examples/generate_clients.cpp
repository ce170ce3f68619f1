// Writes a deterministic, realistic client table as CSV (UTF-8, RFC 4180): every column
// Client Triage recognises, Pareto-skewed profit, loss-makers, lapsed clients, each bad-client
// behaviour in some rows and some empty signal cells. The same arguments always give the
// same bytes.
//
//   generate_clients [--rows N] [--seed S] [--lang en|ru] [--today YYYY-MM-DD] [--orders]
//                    [-o FILE]
//
// With --orders it writes the order export behind those clients instead (order_export.hpp).
// Without -o the table goes to standard output. examples/regenerate.sh makes the README
// examples examples/clients.csv and examples/orders.csv with it.

#include "client_table.hpp"
#include "order_export.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>

namespace {

void usage() {
    std::fprintf(stderr, "usage: generate_clients [--rows N] [--seed S] [--lang en|ru] "
                         "[--today YYYY-MM-DD] [--orders] [-o FILE]\n");
}

bool parse_unsigned(const char* text, unsigned long long& out) {
    if (!text || !*text || *text == '-') {
        return false;
    }
    char* end = nullptr;
    out = std::strtoull(text, &end, 10);
    return *end == '\0';
}

} // namespace

int main(int argc, char** argv) {
    client_table::Options options;
    std::string output;
    bool orders = false;
    for (int i = 1; i < argc; ++i) {
        const char* arg = argv[i];
        if (std::strcmp(arg, "--orders") == 0) {
            orders = true;
            continue;
        }
        const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
        unsigned long long number = 0;
        if (std::strcmp(arg, "--rows") == 0 && parse_unsigned(value, number) && number <= 2000000) {
            options.rows = static_cast<std::size_t>(number);
        } else if (std::strcmp(arg, "--seed") == 0 && parse_unsigned(value, number)) {
            options.seed = number;
        } else if (std::strcmp(arg, "--lang") == 0 && value && std::strcmp(value, "en") == 0) {
            options.lang = client_table::Lang::En;
        } else if (std::strcmp(arg, "--lang") == 0 && value && std::strcmp(value, "ru") == 0) {
            options.lang = client_table::Lang::Ru;
        } else if (std::strcmp(arg, "--today") == 0 && value) {
            int y = 0, m = 0, d = 0;
            if (std::sscanf(value, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
                d > 31) {
                usage();
                return 2;
            }
            options.today = client_table::days_from_civil(y, m, d);
        } else if (std::strcmp(arg, "-o") == 0 && value) {
            output = value;
        } else {
            usage();
            return 2;
        }
        ++i;
    }
    const auto clients = client_table::generate(options);
    const auto write = [&](std::ostream& out) {
        if (orders) {
            client_table::write_orders_csv(out, client_table::generate_orders(clients, options));
        } else {
            client_table::write_csv(out, clients, options.lang);
        }
    };
    if (output.empty()) {
        write(std::cout);
        std::cout.flush();
        return std::cout ? 0 : 1;
    }
    std::ofstream out(output, std::ios::binary | std::ios::trunc);
    write(out);
    out.close();
    if (!out) {
        std::fprintf(stderr, "cannot write %s\n", output.c_str());
        return 1;
    }
    return 0;
}
