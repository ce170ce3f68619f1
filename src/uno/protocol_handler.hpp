// What the protocol handlers (the command, and the benchmark's floor) share.
#pragma once

#include <com/sun/star/frame/DispatchDescriptor.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XFrame.hpp>

namespace triage::uno {

// The frame among XInitialization's arguments (the frame a handler works for), or none.
inline css::uno::Reference<css::frame::XFrame>
frame_among(const css::uno::Sequence<css::uno::Any>& arguments) {
    for (const css::uno::Any& a : arguments) {
        css::uno::Reference<css::frame::XFrame> frame(a, css::uno::UNO_QUERY);
        if (frame.is()) {
            return frame;
        }
    }
    return {};
}

// XDispatchProvider::queryDispatches in terms of the provider's own queryDispatch.
inline css::uno::Sequence<css::uno::Reference<css::frame::XDispatch>>
dispatch_each(css::frame::XDispatchProvider& provider,
              const css::uno::Sequence<css::frame::DispatchDescriptor>& requests) {
    css::uno::Sequence<css::uno::Reference<css::frame::XDispatch>> result(requests.getLength());
    for (sal_Int32 i = 0; i < requests.getLength(); ++i) {
        result.getArray()[i] = provider.queryDispatch(requests[i].FeatureURL, requests[i].FrameName,
                                                      requests[i].SearchFlags);
    }
    return result;
}

} // namespace triage::uno
