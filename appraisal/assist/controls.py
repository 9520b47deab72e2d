"""Nothing the model (or its server) sends reaches the terminal, the diff or the draft as a control character.

A terminal acts on escape sequences instead of showing them: OSC 52 writes the clipboard, OSC 0 retitles the
window, CSI 2J clears the screen, SGR 8 hides text. Whole sequences are removed (not only their ESC, which would
leave `[2J` in the text), then every other C0/C1 control but the line break and the tab, and the bidirectional
overrides that make a line read differently from what it holds. `\\r\\n` becomes a line break.

A streamed answer may split a sequence between two pieces, so `StreamCleaner` holds back an unfinished one until
the next piece shows where it ends.
"""

from __future__ import annotations

from appraisal.text.lazy_regex import lazy_compile

_SEQUENCE = lazy_compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, screen clears
    r"|\x9b[0-?]*[ -/]*[@-~]"  # the same with the 8-bit introducer
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC: clipboard, title, hyperlinks
    r"|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)"  # DCS, SOS, PM, APC
    r"|[\x90\x98\x9e\x9f][^\x1b\x9c]*(?:\x1b\\|\x9c)"
    r"|\x1b[ -/]*[0-OQ-WYZ\\`-~]"  # two- and three-character escapes (not the openings of those above)
)
_CONTROL = lazy_compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_INTRODUCER = lazy_compile("[\x1b\x90\x98\x9b\x9d\x9e\x9f]")
# The beginning of a sequence that the next piece may finish.
_BEGUN = lazy_compile(
    r"\x1b[ -/]*\Z"
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*\Z"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*\x1b?\Z"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*\x1b?\Z"
)


def clean(text: str) -> str:
    """`text` without escape sequences and control characters (line breaks and tabs kept)."""
    text = text.replace("\r\n", "\n")
    return _CONTROL.sub("", _SEQUENCE.sub("", text))


class StreamCleaner:
    """Cleans a text that arrives in pieces: `feed` each piece, `finish` at the end."""

    MAX_HELD = 4096  # a sequence longer than this is not waited for: its introducer is just removed

    def __init__(self) -> None:
        self._held = ""

    def feed(self, piece: str) -> str:
        text = self._held + piece
        self._held = ""
        start = self._unfinished(text)
        if start is not None:
            self._held, text = text[start:], text[:start]
        if text.endswith("\r"):  # perhaps the first half of \r\n
            self._held, text = "\r" + self._held, text[:-1]
        return clean(text)

    def _unfinished(self, text: str) -> int | None:
        """Where a sequence begins that has not ended by the end of `text` (short enough to wait for)."""
        position = 0
        while (found := _INTRODUCER.search(text, position)) is not None:
            sequence = _SEQUENCE.match(text, found.start())
            if sequence is not None:
                position = sequence.end()
                continue
            if len(text) - found.start() <= self.MAX_HELD and _BEGUN.match(text, found.start()):
                return found.start()
            position = found.start() + 1
        return None

    def finish(self) -> str:
        rest, self._held = self._held, ""
        return clean(rest)
