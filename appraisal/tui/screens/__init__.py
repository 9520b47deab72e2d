"""Screens of the app: start, editor, review, export, history, help and the small dialogs."""
