"""考核自评助手 — write, check and export the annual appraisal self-review."""

__version__ = "0.1.0"
