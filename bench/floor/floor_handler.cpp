// The benchmark's floor (BENCHMARKS.md), run inside the office: a protocol handler for
// org.clienttriage.bench:Floor, packaged as its own client-triage-bench-floor.oxt that only
// the office benchmark installs (never shipped to users).
//
// Arguments: "Input" and "Output", range names on the document's active sheet ("A2:P10001",
// "Q1:U10001"); "OutputSheet" (optional) the name of the sheet the output block is on (the
// Clients sheet of a transaction table's run). The handler takes the output block as it is (the
// segmentation command wrote it just before), clears it, and then times one
// XCellRangeData::getDataArray of the input block and one setDataArray of the same output block
// back: the least a segmentation through the cell API costs, with no computation. The
// DispatchResultEvent's Result is a sequence<double> {read seconds, write seconds}; a failure is
// FAILURE with the message.
#include "uno/protocol_handler.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/URL.hpp>
#include <cppuhelper/implbase3.hxx>

#include <chrono>
#include <exception>

namespace {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

double now_s() {
    using clock = std::chrono::steady_clock;
    return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

class FloorHandler
    : public cppu::WeakImplHelper3<css::frame::XDispatchProvider, css::frame::XNotifyingDispatch,
                                   css::lang::XInitialization> {
public:
    void SAL_CALL initialize(const Sequence<Any>& arguments) override {
        if (const auto frame = triage::uno::frame_among(arguments); frame.is()) {
            frame_ = frame;
        }
    }

    Reference<css::frame::XDispatch> SAL_CALL queryDispatch(const css::util::URL& url,
                                                            const OUString&, sal_Int32) override {
        return url.Complete == "org.clienttriage.bench:Floor"
                   ? Reference<css::frame::XDispatch>(this)
                   : nullptr;
    }
    Sequence<Reference<css::frame::XDispatch>> SAL_CALL
    queryDispatches(const Sequence<css::frame::DispatchDescriptor>& requests) override {
        return triage::uno::dispatch_each(*this, requests);
    }

    void SAL_CALL dispatch(const css::util::URL& url,
                           const Sequence<css::beans::PropertyValue>& arguments) override {
        dispatchWithNotification(url, arguments, nullptr);
    }
    void SAL_CALL addStatusListener(const Reference<css::frame::XStatusListener>&,
                                    const css::util::URL&) override {}
    void SAL_CALL removeStatusListener(const Reference<css::frame::XStatusListener>&,
                                       const css::util::URL&) override {}

    void SAL_CALL dispatchWithNotification(
        const css::util::URL&, const Sequence<css::beans::PropertyValue>& arguments,
        const Reference<css::frame::XDispatchResultListener>& listener) override {
        css::frame::DispatchResultEvent event;
        event.Source = static_cast<cppu::OWeakObject*>(this);
        event.State = css::frame::DispatchResultState::FAILURE;
        try {
            event.Result <<= floor(arguments);
            event.State = css::frame::DispatchResultState::SUCCESS;
        } catch (const css::uno::Exception& e) {
            event.Result <<= e.Message;
        } catch (const std::exception& e) {
            event.Result <<= OUString::fromUtf8(e.what());
        }
        if (listener.is()) {
            try {
                listener->dispatchFinished(event);
            } catch (const css::uno::Exception&) {
            }
        }
    }

private:
    Sequence<double> floor(const Sequence<css::beans::PropertyValue>& arguments) {
        OUString input;
        OUString output;
        OUString output_sheet;
        for (const auto& a : arguments) {
            if (a.Name == "Input") {
                a.Value >>= input;
            } else if (a.Name == "Output") {
                a.Value >>= output;
            } else if (a.Name == "OutputSheet") {
                a.Value >>= output_sheet;
            }
        }
        if (!frame_.is() || input.isEmpty() || output.isEmpty()) {
            throw css::uno::RuntimeException("Floor needs a document window, Input and Output");
        }
        const Reference<css::frame::XController> controller = frame_->getController();
        const Reference<css::frame::XModel> model = controller->getModel();
        const Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY_THROW);
        const Reference<css::sheet::XSpreadsheet> sheet = view->getActiveSheet();
        const Reference<css::sheet::XCellRangeData> in(sheet->getCellRangeByName(input),
                                                       UNO_QUERY_THROW);
        Reference<css::sheet::XSpreadsheet> out_sheet = sheet;
        if (!output_sheet.isEmpty()) {
            const Reference<css::sheet::XSpreadsheetDocument> doc(model, UNO_QUERY_THROW);
            out_sheet.set(doc->getSheets()->getByName(output_sheet), UNO_QUERY_THROW);
        }
        const Reference<css::sheet::XCellRangeData> out(out_sheet->getCellRangeByName(output),
                                                        UNO_QUERY_THROW);
        const Sequence<Sequence<Any>> block = out->getDataArray();
        Reference<css::sheet::XSheetOperation>(out, UNO_QUERY_THROW)
            ->clearContents(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::DATETIME |
                            css::sheet::CellFlags::STRING | css::sheet::CellFlags::FORMULA);

        model->lockControllers();
        Sequence<double> times(2);
        try {
            const double t0 = now_s();
            const Sequence<Sequence<Any>> data = in->getDataArray();
            const double t1 = now_s();
            out->setDataArray(block);
            const double t2 = now_s();
            times.getArray()[0] = t1 - t0;
            times.getArray()[1] = t2 - t1;
            if (data.getLength() == 0) {
                throw css::uno::RuntimeException("the input block is empty");
            }
        } catch (...) {
            model->unlockControllers();
            throw;
        }
        model->unlockControllers();
        return times;
    }

    Reference<css::frame::XFrame> frame_;
};

} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_clienttriage_bench_FloorHandler_get_implementation(css::uno::XComponentContext*,
                                                       const Sequence<Any>&) {
    css::uno::XInterface* handler = static_cast<cppu::OWeakObject*>(new FloorHandler);
    handler->acquire();
    return handler;
}
