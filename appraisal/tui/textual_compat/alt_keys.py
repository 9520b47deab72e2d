"""Alt with a digit or a sign is a key, not a character. A terminal sends Alt+1 as Esc and 1; Textual's key table
reads Esc 1 … Esc 0, Esc -, Esc = as the characters macOS types with Option (¡ ™ £ ¢ ∞ § ¶ • ª º – ≠, for WezTerm on
macOS), so a Word user's Alt+1 typed ¡ into the report. And Esc followed by a sign (Alt+, Alt+. Alt+/) lost its
Alt: Textual adds it to letters and digits only, and the sign was typed.

Alt+Backspace arrives as Esc and DEL (Esc and ^H where Backspace sends ^H). Textual's table reads Esc DEL as
Ctrl+W, which the editor and the dialog lines leave unbound (a Word user's Ctrl+W is "close", word_keys), and Esc ^H
as a Backspace: the key deleted nothing, or one character. Both are read as `alt+backspace`, which the editor and
every dialog line bind to "delete the word before the cursor" (as Ctrl+Backspace, which terminals speaking the
kitty keyboard protocol send as such; the others send it as Backspace or ^W, which stay what they are).

`XTermParser._sequence_to_key_events` is replaced (when the patches are on) by one that names these keys
`alt+1`, `alt+minus` … with the ASCII character they were pressed with, as Textual names Alt+letter: the app
types nothing for them and says so (app.is_alt_letter). Every driver's parser (terminal and browser) is one."""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual._xterm_parser import XTermParser
from textual.keys import _character_to_key

from appraisal.tui.textual_compat import patches_on

TEXTUAL_SEQUENCE_TO_KEY_EVENTS = XTermParser._sequence_to_key_events
"""Textual's own method, as it was before the patch (the manifest pins its source through this name)."""

# Esc and the key, which Textual's table reads as macOS Option characters.
_OPTION_ROW = {f"\x1b{key}": key for key in "1234567890-="}
# Esc and Backspace (DEL, or ^H where Backspace sends ^H): Alt+Backspace.
_ALT_BACKSPACE = frozenset({"\x1b\x7f", "\x1b\x08"})


def _alt_key(character: str) -> events.Key:
    return events.Key(f"alt+{_character_to_key(character)}", character)


def sequence_to_key_events(self: XTermParser, sequence: str, alt: bool = False) -> Iterable[events.Key]:
    """Textual's method, but Esc with a digit, - or = is Alt and that key, and so is a sign read after Esc; Esc with
    DEL or ^H is Alt+Backspace."""
    if not patches_on():  # decided once; asked here too, as every patch asks when it acts
        return TEXTUAL_SEQUENCE_TO_KEY_EVENTS(self, sequence, alt)
    if sequence in _ALT_BACKSPACE or (alt and sequence in ("\x7f", "\x08")):
        return [events.Key("alt+backspace", None)]
    pressed = _OPTION_ROW.get(sequence)
    if pressed is None and alt and len(sequence) == 1 and sequence.isascii() and not sequence.isalnum():
        pressed = sequence if sequence.isprintable() and sequence != " " else None
    if pressed is not None:
        return [_alt_key(pressed)]
    return TEXTUAL_SEQUENCE_TO_KEY_EVENTS(self, sequence, alt)


def read_alt_as_a_key() -> None:
    """Every parser from now on reads Alt+digit and Alt+sign as keys (Textual's reading with another Textual)."""
    if patches_on():
        XTermParser._sequence_to_key_events = sequence_to_key_events  # type: ignore[method-assign]
