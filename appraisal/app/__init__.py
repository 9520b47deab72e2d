"""The draft's life, below the faces: open (lock, fit to the template, unsaved state), save with conflict
detection, restore, import, new, take over a lock, rescue. The command line and the Textual app both call this
package (and `appraisal.service` for checks, exports and reviews); neither face imports `appraisal.store`.

- `drafts`: finding, creating, importing, restoring and unlocking drafts by path;
- `session`: one draft open for editing (`EditSession`);
- `autosave`, `ui_state`, `tui_settings`: when the editor saves, where the user was, the editor's timings.
"""
