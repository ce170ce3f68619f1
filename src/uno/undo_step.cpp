#include "uno/undo_step.hpp"

#include "uno/uno_names.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <rtl/ref.hxx>

namespace triage::uno {

// Gives `range` the Text format, recorded for undo by its own action: Calc's undo of an
// attribute change restores the whole cell attributes as they were, and so would drop the
// conditional formats a failed or undone re-run has just brought back. Ranges with mixed
// formats keep them (the write is then only slower).
void set_text_format(const Reference<css::frame::XModel>& model,
                     const Reference<css::table::XCellRange>& range, sal_Int32 text_format) {
    const Reference<css::beans::XPropertySet> props(range, UNO_QUERY_THROW);
    const Any before = props->getPropertyValue("NumberFormat");
    sal_Int32 format = 0;
    if (!(before >>= format) || format == text_format) {
        return;
    }
    const Reference<css::document::XUndoManagerSupplier> undo(model, UNO_QUERY);
    if (!undo.is()) {
        props->setPropertyValue("NumberFormat", Any(text_format));
        return;
    }
    const Reference<css::document::XUndoManager> manager = undo->getUndoManager();
    const rtl::Reference<WriteUndo> action = new WriteUndo(
        manager, [props](const Any& f) { props->setPropertyValue("NumberFormat", f); }, before,
        Any(text_format));
    action->redo(); // with the undo manager locked: no action of Calc's own
    manager->addUndoAction(action.get());
}

void record_write(const Reference<css::frame::XModel>& model, std::function<void(const Any&)> write,
                  Any before, Any after) {
    const Reference<css::document::XUndoManagerSupplier> undo(model, UNO_QUERY);
    if (undo.is()) {
        const Reference<css::document::XUndoManager> manager = undo->getUndoManager();
        manager->addUndoAction(
            new WriteUndo(manager, std::move(write), std::move(before), std::move(after)));
    }
}

} // namespace triage::uno
