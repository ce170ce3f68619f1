#include "uno/colour_scale.hpp"

#include "uno/undo_step.hpp"
#include "uno/uno_names.hpp"

#include "core/text.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/io/XInputStream.hpp>
#include <com/sun/star/sheet/XCellRangeMovement.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheets2.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/weakref.hxx>

#include <algorithm>

namespace triage::uno {

namespace {

constexpr const char* kScratchName = "ClientTriageColourScales";

std::string cell_name(sal_Int32 column, sal_Int32 row) {
    return column_letters(static_cast<std::size_t>(column)) + std::to_string(row + 1);
}

// The template as a hidden document, read from memory by the flat ODF filter.
Reference<css::lang::XComponent>
load_template(const Reference<css::uno::XComponentContext>& context, const std::string& text) {
    Sequence<sal_Int8> bytes(static_cast<sal_Int32>(text.size()));
    std::copy(text.begin(), text.end(), bytes.getArray());
    Sequence<Any> init(1);
    init.getArray()[0] <<= bytes;
    const Reference<css::io::XInputStream> stream(
        context->getServiceManager()->createInstanceWithArgumentsAndContext(
            "com.sun.star.io.SequenceInputStream", init, context),
        UNO_QUERY_THROW);
    Sequence<css::beans::PropertyValue> args(3);
    auto* a = args.getArray();
    a[0].Name = "InputStream";
    a[0].Value <<= stream;
    a[1].Name = "Hidden";
    a[1].Value <<= true;
    a[2].Name = "FilterName";
    a[2].Value <<= OUString("OpenDocument Spreadsheet Flat");
    const Reference<css::frame::XDesktop2> loader = css::frame::Desktop::create(context);
    const Reference<css::lang::XComponent> doc =
        loader->loadComponentFromURL("private:stream", "_blank", 0, args);
    if (!doc.is()) {
        throw css::uno::RuntimeException("the colour scale template did not load");
    }
    return doc;
}

void close(const Reference<css::lang::XComponent>& doc) {
    const Reference<css::util::XCloseable> closeable(doc, UNO_QUERY);
    if (closeable.is()) {
        closeable->close(true);
    } else {
        doc->dispose();
    }
}

// The template's sheet imported into `model` at `at`: its name there.
OUString import_scratch(const Reference<css::uno::XComponentContext>& context,
                        const Reference<css::frame::XModel>& model,
                        const std::vector<CellRangeAddress>& areas, sal_Int32 at) {
    const Reference<css::lang::XComponent> source =
        load_template(context, colour_scale_template(kScratchName, areas));
    const Reference<css::sheet::XSpreadsheets2> sheets(
        Reference<css::sheet::XSpreadsheetDocument>(model, UNO_QUERY_THROW)->getSheets(),
        UNO_QUERY_THROW);
    sal_Int32 index = -1;
    try {
        index = sheets->importSheet(
            Reference<css::sheet::XSpreadsheetDocument>(source, UNO_QUERY_THROW),
            OUString::createFromAscii(kScratchName), at);
    } catch (...) {
        close(source);
        throw;
    }
    close(source);
    return Reference<css::container::XNamed>(
               Reference<css::container::XIndexAccess>(sheets, UNO_QUERY_THROW)->getByIndex(index),
               UNO_QUERY_THROW)
        ->getName();
}

// Removes the sheet at `at` when it is the scratch sheet named `name`.
void remove_scratch(const Reference<css::frame::XModel>& model, sal_Int32 at,
                    const OUString& name) {
    const Reference<css::sheet::XSpreadsheets> sheets =
        Reference<css::sheet::XSpreadsheetDocument>(model, UNO_QUERY_THROW)->getSheets();
    const Reference<css::container::XIndexAccess> by_index(sheets, UNO_QUERY_THROW);
    if (at < by_index->getCount() &&
        Reference<css::container::XNamed>(by_index->getByIndex(at), UNO_QUERY_THROW)->getName() ==
            name) {
        sheets->removeByName(name);
    }
}

} // namespace

std::string colour_scale_template(const std::string& sheet_name,
                                  const std::vector<CellRangeAddress>& areas) {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<office:document "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:calcext=\"urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0\" "
        "office:version=\"1.3\" "
        "office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">"
        "<office:body><office:spreadsheet><table:table table:name=\"" +
        sheet_name +
        "\"><table:table-row><table:table-cell/></table:table-row>"
        "<calcext:conditional-formats>";
    for (const CellRangeAddress& a : areas) {
        xml += "<calcext:conditional-format calcext:target-range-address=\"" + sheet_name + "." +
               cell_name(a.StartColumn, a.StartRow) + ":" + sheet_name + "." +
               cell_name(a.EndColumn, a.EndRow) +
               "\"><calcext:color-scale>"
               "<calcext:color-scale-entry calcext:value=\"0\" calcext:type=\"minimum\" "
               "calcext:color=\"#f8696b\"/>"
               "<calcext:color-scale-entry calcext:value=\"50\" calcext:type=\"percentile\" "
               "calcext:color=\"#ffeb84\"/>"
               "<calcext:color-scale-entry calcext:value=\"0\" calcext:type=\"maximum\" "
               "calcext:color=\"#63be7b\"/>"
               "</calcext:color-scale></calcext:conditional-format>";
    }
    xml += "</calcext:conditional-formats></table:table></office:spreadsheet></office:body>"
           "</office:document>";
    return xml;
}

void add_colour_scales(const Reference<css::uno::XComponentContext>& context,
                       const Reference<css::frame::XModel>& model, ProductSheet role,
                       const std::vector<CellRangeAddress>& areas) {
    const Reference<css::sheet::XSpreadsheet> target = find_product_sheet(model, role);
    if (!target.is() || areas.empty()) {
        return;
    }
    CellRangeAddress block = areas.front();
    for (const CellRangeAddress& a : areas) {
        block.StartColumn = std::min(block.StartColumn, a.StartColumn);
        block.StartRow = std::min(block.StartRow, a.StartRow);
        block.EndColumn = std::max(block.EndColumn, a.EndColumn);
        block.EndRow = std::max(block.EndRow, a.EndRow);
    }
    const sal_Int32 at =
        Reference<css::container::XIndexAccess>(
            Reference<css::sheet::XSpreadsheetDocument>(model, UNO_QUERY_THROW)->getSheets(),
            UNO_QUERY_THROW)
            ->getCount();
    const OUString name = import_scratch(context, model, areas, at);
    // importSheet records no undo action: this one takes the scratch sheet away on undo (after
    // Calc's undo of its removal brought it back) and imports it again on redo (before Calc's
    // redo of the copy and of the removal).
    const css::uno::WeakReference<css::frame::XModel> weak_model(model);
    record_write(
        model,
        [context, weak_model, areas, at, name](const Any& state) {
            const Reference<css::frame::XModel> m(weak_model);
            bool present = false;
            if (!m.is() || !(state >>= present)) {
                return;
            }
            if (present) {
                import_scratch(context, m, areas, at);
            } else {
                remove_scratch(m, at, name);
            }
        },
        Any(false), Any(true));
    try {
        block.Sheet = static_cast<sal_Int16>(at);
        Reference<css::sheet::XCellRangeMovement>(target, UNO_QUERY_THROW)
            ->copyRange({sheet_index(target), block.StartColumn, block.StartRow}, block);
    } catch (...) {
        remove_scratch(model, at, name);
        throw;
    }
    remove_scratch(model, at, name);
}

} // namespace triage::uno
