"""One module per subcommand: NAME, HELP, add_arguments(parser), run(args) -> exit code.

Keep imports of heavy modules (Textual, python-docx) inside `run`, so `--help` and other commands start fast.
"""
