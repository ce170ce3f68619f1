#include "uno/segment_run.hpp"
#include "uno/uno_names.hpp"

#include "uno/args.hpp"
#include "uno/clients_sheet.hpp"
#include "uno/cohort_sheet.hpp"
#include "uno/document_rules.hpp"
#include "uno/product_sheets.hpp"
#include "uno/refused.hpp"
#include "uno/result_columns.hpp"
#include "uno/result_styles.hpp"
#include "uno/run_instruments.hpp"
#include "uno/sheet_io.hpp"
#include "uno/summary_sheet.hpp"
#include "uno/table_finder.hpp"
#include "uno/undo_step.hpp"
#include "uno/write_checks.hpp"

#include "core/batch.hpp"
#include "core/buying_forecast.hpp"
#include "core/error.hpp"
#include "core/rules.hpp"
#include "core/segmentation.hpp"
#include "core/transactions.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <cmath>
#include <unordered_set>

namespace triage::uno {

namespace {

// The rules stored in the document (the defaults when there are none).
RuleSet document_rules(const Reference<css::frame::XModel>& model, Lang lang) {
    const std::string text = read_rules_text(model);
    if (text.empty()) {
        return default_rules();
    }
    const RulesLoad load = load_rules(text);
    if (!load.ok()) {
        throw Refused{Refusal::InvalidRules,
                      invalid_rules_message(RulesError(load.problems), lang)};
    }
    return *load.rules;
}

// The table's data rows (below the header row).
CellRangeAddress data_rows(const FoundTable& table) {
    return block(table.input, table.input.StartColumn,
                 table.input.EndColumn - table.input.StartColumn + 1, table.input.StartRow + 1,
                 table.input.EndRow);
}

// Whether the client key of the table repeats (a transaction table), from the rows read.
bool key_repeats(const FoundTable& table, const Range& rows, const ExtraSynonyms& synonyms) {
    const HeaderMapping lines = recognize_headers(table.headers, synonyms, TableKind::Transactions);
    const auto key = lines.key_column(TableKind::Transactions);
    if (!key) {
        return false;
    }
    const sal_Int32 column = static_cast<sal_Int32>(*key);
    struct Hash {
        std::size_t operator()(const OUString& text) const {
            return static_cast<std::size_t>(text.hashCode());
        }
    };
    std::unordered_set<OUString, Hash> texts;
    std::unordered_set<double> numbers;
    for (const auto& row : rows) {
        if (column >= row.getLength()) {
            continue;
        }
        const Any& cell = row[column];
        double number = 0;
        if (cell >>= number) {
            if (!numbers.insert(number).second) {
                return true;
            }
        } else if (cell.getValueTypeClass() == css::uno::TypeClass_STRING) {
            const OUString& text = *static_cast<const OUString*>(cell.getValue());
            if (!text.isEmpty() && !texts.insert(text).second) {
                return true;
            }
        }
    }
    return false;
}

TableKind table_kind(const FoundTable& table, const Range& rows, const RuleSet& rules,
                     const SegmentOptions& options) {
    if (options.kind) {
        return *options.kind;
    }
    return detect_table_kind(table.headers, rules.synonyms,
                             key_repeats(table, rows, rules.synonyms));
}

// How a table's lines are read: ambiguous dates and numbers by the document's locale, rows
// named from the table's first data row, recency at `analysis_date`.
OrderSettings order_settings(const Reference<css::frame::XModel>& model, const FoundTable& table,
                             std::optional<double> analysis_date) {
    OrderSettings settings;
    settings.first_row = static_cast<std::size_t>(table.input.StartRow) + 2;
    settings.analysis_date = analysis_date;
    css::lang::Locale locale;
    const Reference<css::beans::XPropertySet> props(model, UNO_QUERY);
    if (props.is()) {
        try {
            props->getPropertyValue("CharLocale") >>= locale;
        } catch (const css::uno::Exception&) {
        }
    }
    const std::string language = to_utf8(locale.Language);
    const std::string country = to_utf8(locale.Country);
    settings.locale_date_order = locale_date_order(language, country);
    settings.locale_decimal = locale_decimal_mark(language, country);
    return settings;
}

bool names_returns(const std::string& sheet_name) {
    const std::string n = normalize_header(sheet_name);
    for (const char* word : {"return", "refund", "возврат", "palautu", "palautus", "hyvity"}) {
        if (n.find(word) != std::string::npos) {
            return true;
        }
    }
    return false;
}

// The order ids a returns sheet lists (Superstore's "Order ID, Returned"): the sheet named by
// the user, else the first other sheet whose name speaks of returns and whose header row names
// an order id column. Rows whose Returned cell says no are left out.
std::unordered_set<std::string> returned_orders(const Reference<css::frame::XModel>& model,
                                                const FoundTable& table,
                                                const SegmentOptions& options,
                                                const RuleSet& rules) {
    std::unordered_set<std::string> ids;
    if (options.returns_sheet == "-") {
        return ids;
    }
    const Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY_THROW);
    const Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    const sal_Int16 data_index = sheet_index(table.sheet);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        const Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(i), UNO_QUERY_THROW);
        const std::string name =
            to_utf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
        const bool chosen = !options.returns_sheet.empty();
        if (i == data_index || (chosen ? name != options.returns_sheet : !names_returns(name))) {
            continue;
        }
        CellRangeAddress used = end_of_used_area(sheet);
        used.StartColumn = 0;
        used.StartRow = 0;
        const Range cells = read_block(sheet, used);
        const HeaderMapping mapping =
            recognize_headers(row_texts(cells, 0), rules.synonyms, TableKind::Transactions);
        const auto id = mapping.column(Field::OrderId);
        if (!id) {
            if (chosen) {
                throw InvalidInput("The returns sheet \"" + name +
                                   "\" has no order id column in its first row. Nothing was "
                                   "changed.");
            }
            continue;
        }
        const auto flag = mapping.column(Field::Returned);
        for (sal_Int32 r = 1; r < cells.getLength(); ++r) {
            const auto& row = cells[r];
            if (static_cast<sal_Int32>(*id) >= row.getLength()) {
                continue;
            }
            if (flag && static_cast<sal_Int32>(*flag) < row.getLength()) {
                const auto says = parse_flag_text(cell_text(row[static_cast<sal_Int32>(*flag)]));
                if (says && !*says) {
                    continue;
                }
            }
            const std::string text = cell_text(row[static_cast<sal_Int32>(*id)]);
            if (!text.empty()) {
                ids.insert(std::string(trim_text(text)));
            }
        }
        break;
    }
    return ids;
}

// The steps both kinds of table share once the clients are known: segment, then under one
// undo step write the results (`write_results`), the summary, commit.
template <typename WriteResults>
BatchResult segment_and_write(const Reference<css::frame::XModel>& model,
                              const Reference<css::sheet::XSpreadsheet>& data_sheet,
                              const std::vector<Any>& client_names, const ClientTable& clients,
                              const RuleSet& rules, Lang lang, const std::string& note,
                              Progress& progress, PhaseLog& phases, WriteResults write_results,
                              const TierMovements* movement = nullptr) {
    BatchResult result = segment_clients(clients, batch_settings(rules, lang));
    phases.mark("segment");
    progress.at(50);
    NewStyles new_styles; // before the undo step: removed after it undid a failed run
    UndoStep undo(model, to_ou("Client Triage"));
    write_results(result, new_styles);
    progress.at(75);
    write_summary_sheet(model, data_sheet, client_names, clients, result, lang, note, movement,
                        static_cast<int>(rules.movement_months));
    fault_point("summary");
    phases.mark("summary");
    progress.at(95);
    undo.commit();
    new_styles.keep();
    phases.mark("commit");
    return result;
}

std::string run_client_table(const Reference<css::frame::XModel>& model, const FoundTable& table,
                             std::optional<Range>& rows, const RuleSet& rules,
                             const SegmentOptions& options, Lang lang, Progress& progress,
                             PhaseLog& phases) {
    const HeaderMapping mapping =
        apply_column_choices(table.headers, rules.synonyms, TableKind::Clients, options.columns);
    if (!mapping.has_required()) {
        throw Refused{Refusal::MissingColumns, problems_text(mapping, lang)};
    }
    check_writable(model, table);
    // The models' columns where the table gives each client's repeat buying, and where a
    // previous run wrote them (they are replaced, not left stale).
    const bool model_columns = table_gives_repeat_buying(mapping) ||
                               table.previous_columns == kOutputColumnCount + kModelColumnCount;
    const CellRangeAddress out =
        output_area(table, static_cast<sal_Int32>(kOutputColumnCount +
                                                  (model_columns ? kModelColumnCount : 0)));
    const bool replaces_previous = check_output_area(table, out);
    phases.mark("checks");
    FieldColumns fields;
    for (Field f : kAllFields) {
        if (f != Field::Client && field_applies(f, TableKind::Clients)) {
            if (const auto column = mapping.column(f)) {
                fields[field_index(f)] = column_of(*rows, *column);
            }
        }
    }
    const std::vector<Any> client_names = cells_of(*rows, mapping.key_column(TableKind::Clients));
    rows.reset(); // the run's largest block: gone before the output block is built
    const double analysis =
        options.analysis_date.value_or(rules.analysis_date.value_or(today_day())) -
        null_date_shift(model);
    const std::vector<RepeatBuying> repeat_buying = repeat_buying_from_fields(fields, analysis);
    ClientTable client_table = client_table_from_fields(std::move(fields), analysis);
    phases.mark("convert");
    const BuyingForecast forecast = forecast_buying(repeat_buying);
    attach_p_alive(client_table, forecast);
    phases.mark("models");
    const BatchResult result = segment_and_write(
        model, table.sheet, client_names, client_table, rules, lang, forecast_note(forecast, lang),
        progress, phases, [&](const BatchResult& r, NewStyles& new_styles) {
            write_output(model, table.sheet, out, replaces_previous, r, forecast, lang, phases);
            fault_point("output");
            apply_colours(model, table.sheet, out, lang, new_styles);
            fault_point("colours");
            phases.mark("colours");
        });
    const std::string models = forecast_note(forecast, lang);
    return models.empty() ? result_line(result.summary, lang)
                          : result_line(result.summary, lang) + " " + models;
}

std::string run_transactions(const Reference<css::uno::XComponentContext>& context,
                             const Reference<css::frame::XModel>& model, const FoundTable& table,
                             std::optional<Range>& rows, const RuleSet& rules,
                             const SegmentOptions& options, Lang lang, Progress& progress,
                             PhaseLog& phases) {
    const HeaderMapping mapping = apply_column_choices(table.headers, rules.synonyms,
                                                       TableKind::Transactions, options.columns);
    if (!mapping.has_required()) {
        throw Refused{Refusal::MissingColumns, problems_text(mapping, lang)};
    }
    check_writable(model, table);
    phases.mark("checks");

    const OrderSettings settings = order_settings(
        model, table, options.analysis_date ? options.analysis_date : rules.analysis_date);
    const double shift = null_date_shift(model);
    const std::unordered_set<std::string> returned = returned_orders(model, table, options, rules);
    const ClientsFromOrders clients =
        aggregate_orders(BlockLines(*rows, mapping, shift), returned, settings);
    rows.reset(); // the run's largest block: gone before the Clients sheet is built
    phases.mark("aggregate");
    if (clients.clients() == 0) {
        throw Refused{Refusal::NoDataRows, {}};
    }
    std::vector<Any> names;
    names.reserve(clients.clients());
    for (const std::string_view name : clients.name) {
        names.emplace_back(to_ou(name));
    }
    const double analysis = std::isnan(clients.analysis_date) ? today_day() : clients.analysis_date;
    ClientTable client_table = client_table_from_fields(client_fields(clients), analysis);
    phases.mark("convert");
    const BuyingForecast forecast = forecast_buying(clients.repeat_buying);
    attach_p_alive(client_table, forecast);
    phases.mark("models");
    // The tiers of the last months against the months before (from the dated orders).
    const int months = static_cast<int>(rules.movement_months);
    const CohortPeriod period = options.cohort_period.value_or(rules.cohort_period);
    std::optional<TierMovements> movement;
    if (!clients.dated_orders.empty()) {
        const PeriodProfits periods =
            period_profits(clients.dated_orders, clients.clients(), clients.analysis_date, months);
        movement = tier_movements(periods.before, periods.now, rules.shares);
    }
    const std::string described = orders_description(clients, mapping, table.headers, lang);
    std::string remarks = skipped_lines_text(clients, mapping, table.headers, lang);
    if (const std::string models = forecast_note(forecast, lang); !models.empty()) {
        remarks += remarks.empty() ? models : " " + models;
    }
    const std::string note = remarks.empty() ? described : described + ". " + remarks;
    const BatchResult result = segment_and_write(
        model, table.sheet, names, client_table, rules, lang, note, progress, phases,
        [&](const BatchResult& r, NewStyles& new_styles) {
            write_clients_sheet(model, clients, forecast, movement ? &*movement : nullptr, r, lang,
                                shift, new_styles);
            fault_point("clients");
            phases.mark("clients");
            if (movement) {
                write_cohort_sheet(context, model,
                                   cohort_table(clients.dated_orders, clients.clients(),
                                                clients.analysis_date, period),
                                   *movement, months, lang, phases);
            }
        },
        movement ? &*movement : nullptr);
    std::string line = result_line(result.summary, lang) + " " + described + ".";
    if (!remarks.empty()) {
        line += " " + remarks;
    }
    return line;
}

} // namespace

// ------------------------------------------------------------------ preview and run

namespace {

// "$Sheet1.$A$1:$F$201"
std::string address_of(const FoundTable& table) {
    const Reference<css::beans::XPropertySet> props(range_of(table.sheet, table.input),
                                                    UNO_QUERY_THROW);
    OUString address;
    props->getPropertyValue("AbsoluteName") >>= address;
    return to_utf8(address);
}

} // namespace

std::string table_address(const Reference<css::frame::XModel>& model) {
    try {
        return address_of(find_table(model));
    } catch (const Refused&) {
    } catch (const css::uno::Exception&) {
    }
    return {};
}

TablePreview preview_table(const Reference<css::frame::XModel>& model, Lang lang,
                           std::optional<TableKind> kind) {
    TablePreview preview;
    try {
        const FoundTable table = find_table(model);
        preview.found = true;
        preview.address = address_of(table);
        preview.client_rows = static_cast<std::size_t>(table.input.EndRow - table.input.StartRow);
        preview.headers = table.headers;
        const RuleSet rules = document_rules(model, lang);
        preview.cohort_period = rules.cohort_period;
        // At most kPreviewLines rows: enough to tell the kind (a key repeats early in a list of
        // transactions) and to describe a table of that size; a larger one is read by the run.
        CellRangeAddress head = data_rows(table);
        const bool whole = preview.client_rows <= kPreviewLines;
        if (!whole) {
            head.EndRow = head.StartRow + static_cast<sal_Int32>(kPreviewRepeatLines) - 1;
        }
        const Range rows = read_block(table.sheet, head);
        SegmentOptions options;
        options.kind = kind;
        preview.kind = table_kind(table, rows, rules, options);
        preview.kind_detected = !kind.has_value();
        preview.mapping = recognize_headers(table.headers, rules.synonyms, preview.kind);
        preview.has_previous_output = table.previous_output;
        if (preview.kind == TableKind::Transactions && preview.mapping.has_required() && whole) {
            const OrderSettings settings = order_settings(model, table, rules.analysis_date);
            const ClientsFromOrders clients = aggregate_orders(
                BlockLines(rows, preview.mapping, null_date_shift(model)), {}, settings);
            preview.description = orders_description(clients, preview.mapping, table.headers, lang);
        }
        const Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY_THROW);
        const Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
        for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
            if (i != sheet_index(table.sheet)) {
                const Reference<css::container::XNamed> named(sheets->getByIndex(i),
                                                              UNO_QUERY_THROW);
                preview.other_sheets.push_back(to_utf8(named->getName()));
            }
        }
    } catch (const Refused& r) {
        preview.problem = refusal_message(r.refusal, lang, r.details);
    } catch (const InvalidInput& e) {
        preview.problem = e.what();
    } catch (const css::uno::Exception& e) {
        preview.problem = to_utf8(e.Message);
    }
    return preview;
}

SegmentOutcome segment_table(const Reference<css::uno::XComponentContext>& context,
                             const Reference<css::frame::XModel>& model,
                             const SegmentOptions& options, Lang lang,
                             const Reference<css::task::XStatusIndicator>& indicator) {
    SegmentOutcome outcome;
    PhaseLog phases;
    try {
        Progress progress(indicator);
        const FoundTable table = find_table(model);
        if (table.input.EndRow == table.input.StartRow) {
            throw Refused{Refusal::NoDataRows, {}};
        }
        const RuleSet rules = document_rules(model, lang);
        phases.rows(table.input.EndRow - table.input.StartRow);
        phases.mark("find");
        // Read every row in one call; the kind of table and both runs work on it.
        std::optional<Range> rows = read_block(table.sheet, data_rows(table));
        phases.mark("read");
        progress.at(20);
        outcome.message =
            table_kind(table, *rows, rules, options) == TableKind::Transactions
                ? run_transactions(context, model, table, rows, rules, options, lang, progress,
                                   phases)
                : run_client_table(model, table, rows, rules, options, lang, progress, phases);
        phases.write();
        outcome.done = true;
    } catch (const Refused& r) {
        outcome.message = refusal_message(r.refusal, lang, r.details);
    } catch (const RefusedWith& r) {
        outcome.message = r.text.in(lang);
    } catch (const InvalidInput& e) {
        outcome.message = e.what();
    } catch (const css::uno::Exception& e) {
        outcome.message =
            "Client Triage could not finish, nothing was changed: " + to_utf8(e.Message);
    } catch (const std::exception& e) {
        outcome.message =
            std::string("Client Triage could not finish, nothing was changed: ") + e.what();
    }
    return outcome;
}

} // namespace triage::uno
