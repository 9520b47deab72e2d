"""What a fresh Python loads: start-up cost is tested in a new interpreter, since the test process has long since
imported everything."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterable


def loaded_after(code: str, modules: Iterable[str]) -> list[str]:
    """Those of `modules` that a new interpreter has loaded once it has run `code`, sorted."""
    probe = f"import sys\n{code}print(sorted(m for m in {tuple(modules)!r} if m in sys.modules))\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    loaded: list[str] = ast.literal_eval(out.strip())
    return loaded
