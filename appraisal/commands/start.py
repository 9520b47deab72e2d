"""Bare `appraisal`: open the TUI on the start screen."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    del args
    from appraisal.commands.edit import open_start

    return open_start()
