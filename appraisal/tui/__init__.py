"""The terminal UI (Textual). Only this package imports Textual; the core never calls back into it."""
