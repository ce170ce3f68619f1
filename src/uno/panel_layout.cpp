#include "uno/panel_layout.hpp"
#include "uno/uno_names.hpp"

#include <com/sun/star/awt/Size.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XLayoutConstrains.hpp>
#include <com/sun/star/awt/XUnitConversion.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/util/MeasureUnit.hpp>

#include <algorithm>

namespace triage::uno {

namespace {

constexpr sal_Int32 kMargin = 4;         // dialog units left, right and on top
constexpr sal_Int32 kListHeight = 12;    // a drop-down
constexpr sal_Int32 kButtonPadding = 10; // pixels around a button's or a check box's text

sal_Int32 lines_for(sal_Int32 needed, sal_Int32 available) {
    return available <= 0 ? 1 : std::max<sal_Int32>(1, (needed + available - 1) / available);
}

} // namespace

sal_Int32 lay_out(const Reference<css::awt::XWindow>& window,
                  const Reference<css::awt::XControlContainer>& controls, sal_Int32 width,
                  const std::vector<LayoutItem>& items) {
    const Reference<css::awt::XUnitConversion> units(window, UNO_QUERY);
    if (!units.is() || !controls.is()) {
        return 0;
    }
    const auto to_units = [&](sal_Int32 w, sal_Int32 h) {
        return units->convertSizeToLogic(css::awt::Size(w, h), css::util::MeasureUnit::APPFONT);
    };
    const auto to_pixels = [&](sal_Int32 w, sal_Int32 h) {
        return units->convertSizeToPixel(css::awt::Size(w, h), css::util::MeasureUnit::APPFONT);
    };
    const sal_Int32 width_units = std::max<sal_Int32>(40, to_units(width, 0).Width);
    const sal_Int32 inner_units = width_units - 2 * kMargin;
    const sal_Int32 inner_pixels = to_pixels(inner_units, 0).Width;
    sal_Int32 y = kMargin;
    for (const LayoutItem& item : items) {
        const Reference<css::awt::XControl> control = controls->getControl(item.name);
        if (!control.is()) {
            continue;
        }
        const Reference<css::awt::XWindow> control_window(control, UNO_QUERY);
        if (control_window.is()) {
            control_window->setVisible(item.visible);
        }
        if (!item.visible) {
            continue;
        }
        const Reference<css::beans::XPropertySet> model(control->getModel(), UNO_QUERY);
        if (model.is() && item.kind != LayoutItem::Kind::List &&
            item.kind != LayoutItem::Kind::Edit) {
            // Texts wrap at the panel's width instead of being cut off.
            try {
                model->setPropertyValue("MultiLine", Any(true));
            } catch (const css::uno::Exception&) {
            }
        }
        sal_Int32 height = item.height;
        const Reference<css::awt::XLayoutConstrains> layout(control->getPeer(), UNO_QUERY);
        switch (item.kind) {
        case LayoutItem::Kind::List:
            height = kListHeight;
            break;
        case LayoutItem::Kind::Edit:
            break;
        case LayoutItem::Kind::Text:
            if (layout.is()) {
                // The height the text needs when it wraps at the panel's width.
                const css::awt::Size fitted =
                    layout->calcAdjustedSize(css::awt::Size(inner_pixels, 0));
                const css::awt::Size one_line = layout->getPreferredSize();
                const sal_Int32 pixels = std::max(fitted.Height, one_line.Height);
                height = std::max<sal_Int32>(8, to_units(0, pixels).Height + 1);
            } else {
                height = 9;
            }
            break;
        case LayoutItem::Kind::Check:
        case LayoutItem::Kind::Button: {
            // One line of text is 8 dialog units; a text wider than the panel wraps.
            sal_Int32 lines = 1;
            if (layout.is()) {
                lines = lines_for(layout->getPreferredSize().Width + kButtonPadding, inner_pixels);
            }
            height = lines * 8 + (item.kind == LayoutItem::Kind::Button ? 6 : 2);
            break;
        }
        }
        if (model.is()) {
            model->setPropertyValue("PositionX", Any(kMargin));
            model->setPropertyValue("PositionY", Any(y));
            model->setPropertyValue("Width", Any(inner_units));
            model->setPropertyValue("Height", Any(height));
        }
        y += height + item.space;
    }
    return to_pixels(0, y + kMargin).Height;
}

} // namespace triage::uno
