"""What a hostile model server costs the drafting help: memory for one endless line, time for a dripping answer.

    uv run python benchmarks/assist_hostile_answers.py [GIB]

The test server (tests/openai_server.py) runs in a child process, so the figures are the client's alone:
- `long-line`: one line of GIB GiB (default 1) inside a streamed answer. The client's peak RSS is printed against
  its RSS before the request (the baseline of the same run); the answer is refused once 2 MB are read, so the peak
  must stay near the baseline, not grow by the line's size.
- `drip`: a piece every 0.5 s for 20 s with `timeout = 2`: the wall time to the refusal must be about 2 s.
"""

from __future__ import annotations

import json
import multiprocessing
import resource
import sys
import time
from pathlib import Path

from appraisal.assist.client import AssistError, chat
from appraisal.config import AssistConfig

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))  # the test server


def _serve(mode: str, line_bytes: int, urls: multiprocessing.Queue[str]) -> None:
    import openai_server

    openai_server.LONG_LINE_BYTES = line_bytes
    with openai_server.serve() as (state, url):
        state.mode = mode
        state.first_piece_seen.set()
        urls.put(url)
        time.sleep(120)


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _ask(mode: str, timeout: float, line_bytes: int = 0) -> tuple[str, float]:
    urls: multiprocessing.Queue[str] = multiprocessing.Queue()
    server = multiprocessing.Process(target=_serve, args=(mode, line_bytes, urls), daemon=True)
    server.start()
    url = urls.get(timeout=30)
    started = time.monotonic()
    try:
        chat(AssistConfig(base_url=url, model="m", timeout=timeout), [{"role": "user", "content": "润色"}])
        outcome = "answered"
    except AssistError as exc:
        outcome = exc.message
    elapsed = time.monotonic() - started
    server.terminate()
    return outcome, elapsed


def main() -> None:
    gib = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    baseline = _rss_mib()
    outcome, elapsed = _ask("long-line", 60, int(gib * 1024**3))
    peak = _rss_mib()
    print(
        json.dumps(
            {
                "long_line_gib": gib,
                "outcome": outcome,
                "seconds": round(elapsed, 2),
                "rss_before_mib": round(baseline),
                "rss_peak_mib": round(peak),
                "peak_over_before": round(peak / baseline, 2),
            },
            ensure_ascii=False,
        )
    )
    outcome, elapsed = _ask("drip", 2)
    print(json.dumps({"drip_timeout_s": 2, "outcome": outcome, "seconds": round(elapsed, 2)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
