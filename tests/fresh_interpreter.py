"""A new interpreter for what the test process cannot show or should not do: what a fresh Python loads (start-up
cost: the test process has long since imported everything), and work that forks many children (forking a process
the size of a test worker hundreds of times costs more CPU than the work)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def loaded_after(code: str, modules: Iterable[str]) -> list[str]:
    """Those of `modules` that a new interpreter has loaded once it has run `code`, sorted."""
    probe = f"import sys\n{code}print(sorted(m for m in {tuple(modules)!r} if m in sys.modules))\n"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    loaded: list[str] = ast.literal_eval(out.strip())
    return loaded


_CALL = """
import importlib.util, json, sys
from pathlib import Path
sys.path.insert(0, sys.argv[4])  # tests/, as in the test process: a test module imports its helpers from there
spec = importlib.util.spec_from_file_location(Path(sys.argv[1]).stem, sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
args = [Path(a["path"]) if isinstance(a, dict) else a for a in json.loads(sys.argv[3])]
print(json.dumps(getattr(module, sys.argv[2])(*args)))
"""


def call_in_new_interpreter(file: Path, function: str, *args: object, timeout: float) -> Any:
    """`function(*args)` of the module in `file`, called in a new interpreter; its result, through JSON. The
    arguments go through JSON too, paths as paths. A failure fails the test with the child's stderr."""
    encoded = json.dumps([{"path": str(a)} if isinstance(a, Path) else a for a in args])
    done = subprocess.run(
        [sys.executable, "-c", _CALL, str(file), function, encoded, str(Path(__file__).resolve().parent)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)
