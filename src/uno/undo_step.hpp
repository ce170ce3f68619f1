// Undo for a segmentation run: the run is one undo step (a run failing half way is undone),
// and the writes whose own Calc undo is broken in LibreOffice 7.4 bring an action of ours.
#pragma once

#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/document/XUndoAction.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/weakref.hxx>

#include <functional>
#include <vector>

namespace triage::uno {

// An undo action that writes the state before (undo) or after (redo) the run. Two of Calc's
// own undo actions do not work in LibreOffice 7.4: the undo of XCellRangeData::setDataArray
// does not restore the cells, and the undo of a replaced conditional format drops it instead
// of restoring the previous one (a failed or undone re-run lost the earlier colours). Such
// writes bring this action; a format's is recorded before Calc's, so that it is undone after
// it and has the last word.
class WriteUndo : public cppu::WeakImplHelper1<css::document::XUndoAction> {
public:
    using Write = std::function<void(const css::uno::Any&)>;

    WriteUndo(const css::uno::Reference<css::document::XUndoManager>& manager, Write write,
              css::uno::Any before, css::uno::Any after)
        : manager_(manager), write_(std::move(write)), before_(std::move(before)),
          after_(std::move(after)) {}

    rtl::OUString SAL_CALL getTitle() override { return "Client Triage"; }
    void SAL_CALL undo() override { put(before_); }
    void SAL_CALL redo() override { put(after_); }

private:
    // Writing while Calc undoes must not record another action into the list being undone
    // (Calc crashes when it does), so the undo manager is locked meanwhile.
    void put(const css::uno::Any& state) {
        const css::uno::Reference<css::document::XUndoManager> manager(manager_);
        if (manager.is()) {
            manager->lock();
        }
        try {
            write_(state);
        } catch (...) {
            if (manager.is()) {
                manager->unlock();
            }
            throw;
        }
        if (manager.is()) {
            manager->unlock();
        }
    }

    css::uno::WeakReference<css::document::XUndoManager> manager_; // it owns this action
    Write write_;
    css::uno::Any before_;
    css::uno::Any after_;
};

// Gives `range` the Text format, recorded for undo by its own action: Calc's undo of an
// attribute change restores the whole cell attributes as they were, and so would drop the
// conditional formats a failed or undone re-run has just brought back. Ranges with mixed
// formats keep them (the write is then only slower).
void set_text_format(const css::uno::Reference<css::frame::XModel>& model,
                     const css::uno::Reference<css::table::XCellRange>& range,
                     sal_Int32 text_format);

// Records `write` for undo: `before` is written back on undo, `after` on redo (an empty
// `before`: `clear` runs instead). No-op for a model without an undo manager.
void record_write(const css::uno::Reference<css::frame::XModel>& model,
                  std::function<void(const css::uno::Any&)> write, css::uno::Any before,
                  css::uno::Any after);

// The cell styles a run added. Calc does not record a style's insertion for undo, so a run
// that fails removes them itself (after its undo took back the formats that use them).
class NewStyles {
public:
    NewStyles() = default;
    NewStyles(const NewStyles&) = delete;
    NewStyles& operator=(const NewStyles&) = delete;
    void added(const css::uno::Reference<css::container::XNameContainer>& styles,
               const rtl::OUString& name) {
        styles_ = styles;
        names_.push_back(name);
    }
    void keep() { names_.clear(); }
    ~NewStyles() {
        for (const rtl::OUString& name : names_) {
            try {
                styles_->removeByName(name);
            } catch (const css::uno::Exception&) {
            }
        }
    }

private:
    css::uno::Reference<css::container::XNameContainer> styles_;
    std::vector<rtl::OUString> names_;
};

// The run's changes are one undo step; a failure half way undoes what was done.
class UndoStep {
public:
    UndoStep(const css::uno::Reference<css::frame::XModel>& model, const rtl::OUString& title)
        : model_(model) {
        const css::uno::Reference<css::document::XUndoManagerSupplier> supplier(
            model, css::uno::UNO_QUERY);
        if (supplier.is()) {
            undo_ = supplier->getUndoManager();
            actions_before_ = undo_->getAllUndoActionTitles().getLength();
            undo_->enterUndoContext(title);
        }
        model_->lockControllers();
    }
    void commit() {
        finish();
        committed_ = true;
    }
    ~UndoStep() {
        if (committed_) {
            return;
        }
        try {
            finish();
            // Undo only what this run did, never the user's previous action.
            if (undo_.is() && undo_->getAllUndoActionTitles().getLength() > actions_before_) {
                undo_->undo();
            }
        } catch (const css::uno::Exception&) {
        }
    }

private:
    void finish() {
        if (open_) {
            open_ = false;
            model_->unlockControllers();
            if (undo_.is()) {
                undo_->leaveUndoContext();
            }
        }
    }
    css::uno::Reference<css::frame::XModel> model_;
    css::uno::Reference<css::document::XUndoManager> undo_;
    sal_Int32 actions_before_ = 0;
    bool open_ = true;
    bool committed_ = false;
};

} // namespace triage::uno
