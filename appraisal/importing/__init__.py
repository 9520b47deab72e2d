"""The parts of `appraisal.importer`: reading files (`reader`), recognising headings (`headings`) and the
writer's particulars and 落款 (`signature`). Import `appraisal.importer` for the public API."""
