// The dispatch command org.clienttriage.command:Segment: the menu entry (Data > Segment
// Clients), the sidebar's button and headless callers all run the segmentation through it.
//
// Arguments (all optional): "Columns" (string) column choices as "profit=2;days_late=-1"
// (see parse_column_overrides; every field_key, also the transaction roles "order_id=0"),
// "Kind" (string) "clients" or "transactions" instead of the detected kind, "AnalysisDate"
// (string "YYYY-MM-DD" or a date serial), "ReturnsSheet" (string) the sheet listing returned
// order ids ("-" for none), "CohortPeriod" (string) "month" or "quarter" instead of the rules'
// cohorts.period, "Silent" (boolean) no message box. The result line or the
// refusal comes back to an XDispatchResultListener as the DispatchResultEvent's Result (a
// string), with State SUCCESS or FAILURE.

#include "uno/command.hpp"
#include "uno/args.hpp"
#include "uno/components.hpp"
#include "uno/protocol_handler.hpp"
#include "uno/segment_run.hpp"
#include "uno/ui_language.hpp"
#include "uno/uno_names.hpp"

#include "core/lang.hpp"
#include "core/values.hpp"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindow2.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/DispatchDescriptor.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/util/URL.hpp>
#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <exception>

namespace triage::uno {

namespace {

constexpr const char* kHandlerName = "org.clienttriage.CommandHandler";

Sequence<OUString> handler_services() {
    Sequence<OUString> names(1);
    names.getArray()[0] = "com.sun.star.frame.ProtocolHandler";
    return names;
}

bool is_segment(const css::util::URL& url) {
    return url.Complete == OUString::createFromAscii(kSegmentCommand);
}

class CommandHandler
    : public cppu::WeakImplHelper4<css::frame::XDispatchProvider, css::frame::XNotifyingDispatch,
                                   css::lang::XInitialization, css::lang::XServiceInfo> {
public:
    explicit CommandHandler(const Reference<css::uno::XComponentContext>& context)
        : context_(context) {}

    // XInitialization: the frame the handler works for.
    void SAL_CALL initialize(const Sequence<Any>& arguments) override {
        if (const auto frame = frame_among(arguments); frame.is()) {
            frame_ = frame;
        }
    }

    // XDispatchProvider
    Reference<css::frame::XDispatch> SAL_CALL queryDispatch(const css::util::URL& url,
                                                            const OUString&, sal_Int32) override {
        return is_segment(url) ? Reference<css::frame::XDispatch>(this) : nullptr;
    }
    Sequence<Reference<css::frame::XDispatch>> SAL_CALL
    queryDispatches(const Sequence<css::frame::DispatchDescriptor>& requests) override {
        return dispatch_each(*this, requests);
    }

    // XDispatch
    void SAL_CALL dispatch(const css::util::URL& url,
                           const Sequence<css::beans::PropertyValue>& arguments) override {
        dispatchWithNotification(url, arguments, nullptr);
    }
    void SAL_CALL addStatusListener(const Reference<css::frame::XStatusListener>& listener,
                                    const css::util::URL& url) override {
        if (!listener.is()) {
            return;
        }
        css::frame::FeatureStateEvent state;
        state.FeatureURL = url;
        state.IsEnabled = is_segment(url);
        state.Source = static_cast<cppu::OWeakObject*>(this);
        listener->statusChanged(state);
    }
    void SAL_CALL removeStatusListener(const Reference<css::frame::XStatusListener>&,
                                       const css::util::URL&) override {}

    // XNotifyingDispatch
    void SAL_CALL dispatchWithNotification(
        const css::util::URL& url, const Sequence<css::beans::PropertyValue>& arguments,
        const Reference<css::frame::XDispatchResultListener>& listener) override {
        css::frame::DispatchResultEvent event;
        event.Source = static_cast<cppu::OWeakObject*>(this);
        event.State = css::frame::DispatchResultState::FAILURE;
        try {
            if (is_segment(url)) {
                const SegmentOutcome outcome = run(arguments);
                event.State = outcome.done ? css::frame::DispatchResultState::SUCCESS
                                           : css::frame::DispatchResultState::FAILURE;
                event.Result <<= to_ou(outcome.message);
            }
        } catch (const css::uno::Exception& e) {
            event.Result <<= e.Message;
        } catch (const std::exception& e) {
            event.Result <<= to_ou(e.what());
        }
        if (listener.is()) {
            try {
                listener->dispatchFinished(event);
            } catch (const css::uno::Exception&) {
            }
        }
    }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override {
        return OUString::createFromAscii(kHandlerName);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    Sequence<OUString> SAL_CALL getSupportedServiceNames() override { return handler_services(); }

private:
    SegmentOutcome run(const Sequence<css::beans::PropertyValue>& arguments) {
        SegmentOptions options;
        bool silent = false;
        std::string bad_argument;
        for (const auto& a : arguments) {
            OUString text;
            double number = 0;
            if (a.Name == "Columns" && (a.Value >>= text)) {
                options.columns = parse_column_overrides(to_utf8(text));
            } else if (a.Name == "Kind" && (a.Value >>= text)) {
                options.kind = table_kind_from_key(to_utf8(text));
                bad_argument = options.kind ? bad_argument : "Kind=" + to_utf8(text);
            } else if (a.Name == "AnalysisDate" && (a.Value >>= text)) {
                options.analysis_date = parse_date_text(to_utf8(text), DateOrder::DayFirst);
                bad_argument =
                    options.analysis_date ? bad_argument : "AnalysisDate=" + to_utf8(text);
            } else if (a.Name == "AnalysisDate" && (a.Value >>= number)) {
                options.analysis_date = date_from_number(number);
            } else if (a.Name == "CohortPeriod" && (a.Value >>= text)) {
                options.cohort_period = cohort_period_from_key(to_utf8(text));
                bad_argument =
                    options.cohort_period ? bad_argument : "CohortPeriod=" + to_utf8(text);
            } else if (a.Name == "ReturnsSheet" && (a.Value >>= text)) {
                options.returns_sheet = to_utf8(text);
            } else if (a.Name == "Silent") {
                a.Value >>= silent;
            }
        }
        if (!bad_argument.empty()) {
            return {false, "Client Triage: an argument it cannot read, nothing was changed: " +
                               bad_argument};
        }
        const Lang lang = lang_from_tag(office_ui_locale(context_));
        if (!frame_.is() || !frame_->getController().is()) {
            return {false, "Client Triage: no document window to work on."};
        }
        Reference<css::task::XStatusIndicator> progress;
        const Reference<css::task::XStatusIndicatorFactory> indicators(frame_, UNO_QUERY);
        if (indicators.is()) {
            progress = indicators->createStatusIndicator();
        }
        const SegmentOutcome outcome =
            segment_table(context_, frame_->getController()->getModel(), options, lang, progress);
        if (!silent) {
            tell(outcome);
        }
        return outcome;
    }

    // A message box in a visible window (a headless office has none: it only gets the result).
    void tell(const SegmentOutcome& outcome) {
        try {
            const Reference<css::awt::XWindow2> window(frame_->getContainerWindow(), UNO_QUERY);
            const Reference<css::awt::XWindowPeer> peer(window, UNO_QUERY);
            if (!window.is() || !peer.is() || !window->isVisible()) {
                return;
            }
            const Reference<css::awt::XMessageBoxFactory> boxes(css::awt::Toolkit::create(context_),
                                                                UNO_QUERY);
            if (!boxes.is()) {
                return;
            }
            const auto box = boxes->createMessageBox(
                peer,
                outcome.done ? css::awt::MessageBoxType_INFOBOX
                             : css::awt::MessageBoxType_WARNINGBOX,
                css::awt::MessageBoxButtons::BUTTONS_OK, "Client Triage", to_ou(outcome.message));
            box->execute();
        } catch (const css::uno::Exception&) {
        }
    }

    Reference<css::uno::XComponentContext> context_;
    Reference<css::frame::XFrame> frame_;
};

} // namespace

const Implementation kCommandHandler = {kHandlerName, handler_services,
                                        create_with_context<CommandHandler>};

} // namespace triage::uno
