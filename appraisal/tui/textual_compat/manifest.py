"""What each patch in this folder is: our module, what it changes, why, the upstream issue, the version it was
made for, and the full sha256 of every Textual (or textual-serve) source it copies or relies on.

tests/tui/test_textual_compat.py walks this table: every module of the folder is listed, the installed versions
are the pinned ones, and every pinned source still hashes the same. When a hash changes (a Textual upgrade),
compare our copy with the new original, carry its fixes over (or drop the patch if upstream fixed it), then put
the new hash and version here and in pyproject.toml.

Pure data: importing it loads no Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TEXTUAL = "8.2.8"
TEXTUAL_SERVE = "1.1.3"


@dataclass(frozen=True)
class Patch:
    module: str  # ours, in appraisal/tui/textual_compat/
    what: str
    why: str
    upstream: str  # the issue upstream, or why none
    package: str  # "textual" or "textual-serve"
    version: str
    when_off: str  # what runs when another version is installed
    # "module:qualified.name" → sha256 of its source ("module:" for a whole module: a table)
    sources: dict[str, str] = field(default_factory=dict)


PATCHES: tuple[Patch, ...] = (
    Patch(
        module="whole_glyphs",
        what="copies Compositor._render_chops and ChopsUpdate.render_segments, cutting after a 字 instead of in it",
        why="a toast or a partial update cut at a widget's edge turns both halves of a 字 into spaces, or makes the "
        "terminal erase a 字 under it",
        upstream="Textualize/textual#6357 (open)",
        package="textual",
        version=TEXTUAL,
        when_off="Textual's compositor and updates",
        sources={
            "textual._compositor:Compositor._render_chops": (
                "ca8c3359d7afd0171bda158ab5b846fec5144539e438de5113d76f11eb357f0f"
            ),
            "textual._compositor:ChopsUpdate.render_segments": (
                "4c1cdb567e0b8354bd70cb129da78a42314c39eb8aacd5bf21951cbd5aaba0ef"
            ),
            "textual.strip:Strip.__init__": "ce1d8154dca8cfd78cd46aa14a40b23436c94696447efbe74eb17f0e0a4a550d",
        },
    ),
    Patch(
        module="app_hooks",
        what="App._get_screen and get_default_screen give every screen the whole-glyph compositor; App._display "
        "sends every frame through whole_glyphs; get_driver_class picks terminal_driver; _handle_exception saves "
        "the drafts first and keeps Textual's traceback off the user's terminal",
        why="every screen (ours and Textual's palette) and every frame must pass through whole_glyphs; a crash must "
        "leave the user sentences saying where the text is, not a traceback",
        upstream="none: hooks for the patches here and for the crash rescue",
        package="textual",
        version=TEXTUAL,
        when_off="Textual's methods; the crash rescue still runs before Textual's (it only saves text)",
        sources={
            "textual.app:App._get_screen": "e253c005c0065e2380759eaeee126861cb7fb7e3bfa027cbfc81f14b539d3d8c",
            "textual.app:App._display": "4b78dff6669a455c0d601652ec402e80f72b631694c39c6c752b42d3bc71ca65",
            "textual.app:App._handle_exception": "baea2e7f88e7ac52e1f66886fe613f74b201a8857a670fc06306dded15d37bee",
            "textual.app:App.get_driver_class": "b4903f3dba399dafd6e2f4ec0e25be5f139cd61a9308f538c0f4f0d126635b8b",
        },
    ),
    Patch(
        module="key_hold",
        what="App.on_event (app_hooks) holds the keys and pastes that come while a screen pushed by a key (or "
        "announced by hold_keys, as the app does at start-up for the editor it opens) has no focused widget yet, "
        "and gives them to it in order once it has one (0.5 s at most, 5 s at start-up); the shortcuts that open "
        "screens are priority bindings",
        why="Textual sends a key to the widget focused when the app takes it from its queue: keys typed at once "
        "after Ctrl+N went into the draft (a screen binding runs only after the key went to the text and back) or "
        "were lost on the dialog that was still mounting; keys typed while the program started reached the blank "
        "first screen and were lost",
        upstream="none filed: keys typed during a screen push",
        package="textual",
        version=TEXTUAL,
        when_off="Textual's on_event: the keys go where Textual sends them (the priority bindings still help)",
        sources={
            "textual.app:App.on_event": "3dbf14d694916fe3227938226eb874feeeaff535eb087ecc0eecaf0011ce0aad",
            "textual.app:App._check_bindings": "c9643552d942518a5ec4f37258abb6e5123e87f12125786b5d6b13999447246f",
        },
    ),
    Patch(
        module="terminal_driver",
        what="LinuxDriver with a copied run_input_thread that ends at end of file, says when every key read has "
        "been posted and reads bytes that are not UTF-8 as U+FFFD (telling the app once); no resume on a dead "
        "terminal; output dropped once the terminal has hung up; write and close wait for a full output queue in "
        "steps of 50 ms and, once the app is leaving (SIGTERM/SIGHUP), drop what does not fit",
        why="when the window closes, Textual's input thread spins, SIGCONT restarts application mode on the dead "
        "terminal and the writer thread dies on EIO, blocking the event loop: the save on SIGHUP must run; a "
        "terminal set to GBK ended the app at its first 字 (strict decoder), losing what was typed with it; a "
        "terminal that stopped reading (stalled ssh) blocked the event loop in a write for good: SIGTERM never "
        "saved, the watchdog ended the app 15 s later with the last words lost and the lock left",
        upstream="none filed: terminal hang-up and stalled-output handling; Textualize/textual#6456 (strict decoder, "
        "open)",
        package="textual",
        version=TEXTUAL,
        when_off="Textual's LinuxDriver (SIGHUP still saves; it no longer waits for keys already read)",
        sources={
            "textual.drivers.linux_driver:LinuxDriver.run_input_thread": (
                "d796af6d69db337d6fa6bd463984f7d17188d991dbb22f60efb92a8a9619507c"
            ),
            "textual.drivers.linux_driver:LinuxDriver.start_application_mode": (
                "7c41f5ba11a8ef0569f07a4eb95ecaea8e90e2fc297214acedb2ede62be59612"
            ),
            "textual.drivers.linux_driver:LinuxDriver._sigcont_application": (
                "1d7463a74df118a487156745e939f9b3775a79725887eafc87481a0fa3f8443a"
            ),
            "textual.drivers.linux_driver:LinuxDriver.resume_application_mode": (
                "f223590ce241bf26b9438b2e15cdc712f603f2f97818eb5c51f62a29b5bf5a71"
            ),
            "textual.drivers.linux_driver:LinuxDriver.write": (
                "b78a34033db5a0eb51f564301af95e4ecf23106f7e1c3e95cfd30bfec78e1fef"
            ),
            "textual.drivers.linux_driver:LinuxDriver.close": (
                "c32293a24c1a6b91014cb7e06cf6acdec5a6a1328f798b0b3bc75c5228f51581"
            ),
            "textual.drivers._writer_thread:WriterThread.__init__": (
                "77d80cc491d74a64919a174923ac72948d33c75c27ea532b2940910bd19a0d25"
            ),
            "textual.drivers._writer_thread:WriterThread.stop": (
                "e02ca6dd8268a204e626e6d4a6dd09e0c4b0b8d7dac8127352cd4621f4c0fdd0"
            ),
        },
    ),
    Patch(
        module="wrapping",
        what="WrappedDocument.wrap and wrap_range run with compute_wrap_offsets bound to our 禁则 wrap_offsets; "
        "WrappedDocument.height is the length of _offset_to_line_info (one entry per wrapped line) instead of a sum; "
        "widgets/chinese_text.ChineseTextVisual overrides RichVisual.get_height (its lines counted by the same rules, "
        "not drawn to be counted)",
        why="Textual folds a line of Chinese wherever it is full: a line may start with '，' or split '12.5%'; "
        "TextArea asks for the height for every line it draws, and the sum over every line of a section of 1.6 "
        "million 字 made each frame ~0.1 s slower",
        upstream="none: Chinese line-breaking rules are not Textual's concern",
        package="textual",
        version=TEXTUAL,
        when_off="Textual's wrapping",
        sources={
            "textual.document._wrapped_document:WrappedDocument.__init__": (
                "573cae07b1a10b55c73601cf61428cdf6d4b7022518d3b920d8343c099790591"
            ),
            "textual.document._wrapped_document:WrappedDocument.wrap": (
                "7e67ba98b0c41976af4becefb5e5a0f52acd90c0660e7cea91bbf6e72e78c30f"
            ),
            "textual.document._wrapped_document:WrappedDocument.wrap_range": (
                "87d7fcc7c34a0ab18ce35665e6eda1e131f6227e6be60d2e12f3e9f506ab5c13"
            ),
            "textual.document._wrapped_document:WrappedDocument.height": (
                "df977b98aa6a11c3f9e7a0113f0cc041926e155d654084676fd285253266adf9"
            ),
            "textual.visual:RichVisual.get_height": "687ba99aee31c140a2c4f7399be877619c72f862c9f88888a3228168004d55ff",
        },
    ),
    Patch(
        module="text_area",
        what="TextArea's wrapped_document (ours, see wrapping), _recompute_cursor_offset (clamped), "
        "_rewrap_and_refresh_virtual_size (repaints), _on_message (an exception is recovered from), _on_key "
        "(own_bindings)",
        why="undo of a long paste raises; a resize leaves cut-off lines on screen; no key may end the app",
        upstream="Textualize/textual#6686 (the undo); the repaint and the guard: none",
        package="textual",
        version=TEXTUAL,
        when_off="Textual's methods, except the _on_message guard, which only wraps Textual's own",
        sources={
            "textual.widgets._text_area:TextArea._set_document": (
                "3bea23d1becf9f8062a1c82486fc5d8ccfc873149d943b75746dc7c152d0cf9f"
            ),
            "textual.widgets._text_area:TextArea._recompute_cursor_offset": (
                "b927c32809e84c437fdbd5ec62cd2a84475c3e682ea4aeb52100bfcea5ba26c2"
            ),
            "textual.widgets._text_area:TextArea._rewrap_and_refresh_virtual_size": (
                "32725265da6edf4d0a51b30111180c195dd5e7c8543951e2b3aea4ab4f7a00f3"
            ),
            "textual.widgets._text_area:TextArea._undo_batch": (
                "56c81dd074b91368b80252996857d155a5cb8abe136815777345dddb0dd4694c"
            ),
            "textual.message_pump:MessagePump._on_message": (
                "12c0b6eb18e5ca10442ce41fc67c48babdb8b0549dfd3bf6fd9d6577fb73244a"
            ),
        },
    ),
    Patch(
        module="own_bindings",
        what="TextArea and Input (PatchedInput) run their own non-priority bindings in _on_key, as "
        "App._check_bindings would once the key had bubbled up to the App; PatchedInput's bindings are Input's "
        "merged ones (DOMNode._merge_bindings) less the shell's Ctrl+U/K/W, with Ctrl+A select-all and "
        "Ctrl+Backspace deleting the word before the cursor; PatchedInput._on_paste joins a paste's lines",
        why="a bound key (Home, Backspace, arrows) read with the next character ran after it: Home 字 put the 字 at "
        "the end, Backspace t in a path field deleted the t; a paste of several lines into a note kept the first "
        "line only, unsaid",
        upstream="Textualize/textual#6605 (fix proposed in #6631, open)",
        package="textual",
        version=TEXTUAL,
        when_off="Textual's order: the bindings run when the key reaches the App",
        sources={
            "textual.widgets._text_area:TextArea._on_key": (
                "7d96cf803349c17fe1b6245bfcecb33f218579967af72613ee6cf46fae387e06"
            ),
            "textual.widgets._input:Input._on_key": (
                "55068e7ce456e598b6417ac86e9c08abfaa76139e068a46bd3c49c4d9a7f43b1"
            ),
            "textual.dom:DOMNode._merge_bindings": "33314a4fcf095def1c6a923cd77949a43f4ceca334c626f8790d86b0f8162366",
            "textual.widgets._input:Input._on_paste": (
                "4130f8efa484b77f2b53f6457f8f8f82e46aae9a5a40d83e8561dad48d5b57fa"
            ),
            "textual.app:App._check_bindings": "c9643552d942518a5ec4f37258abb6e5123e87f12125786b5d6b13999447246f",
        },
    ),
    Patch(
        module="edit_history",
        what="EditHistory.record: insertions right after a replacement join its undo step, up to Textual's own "
        "step limits (a pause, 100 characters)",
        why="typing over a selection (a finding's phrase) was two undo steps: one Ctrl+Z left a text neither old nor "
        "new",
        upstream="none filed: Textual batches by edit kind on purpose; ours is a choice for replacing selections",
        package="textual",
        version=TEXTUAL,
        when_off="Textual's EditHistory (typing over a selection is two undo steps)",
        sources={
            "textual.document._history:EditHistory.record": (
                "b589b35bdc4fa3c6b6ad4bbda425905d1d698c7a066bdd84a6a813a2625ac5a7"
            ),
        },
    ),
    Patch(
        module="alt_keys",
        what="XTermParser._sequence_to_key_events reads Esc with a digit, - or = (which Textual's key table reads as "
        "macOS Option characters) and Esc with an ASCII sign as Alt and that key (alt+1, alt+minus …, with "
        "the key's character, named by Textual's _character_to_key), as Textual reads Alt+letter; Esc DEL and "
        "Esc ^H (read as Ctrl+W and Backspace) as alt+backspace",
        why="a Word user's Alt+1 … Alt+0, Alt+-, Alt+= typed ¡ ™ £ … – ≠ into the report, and Alt+, typed a comma: "
        "the app types nothing for Alt with a key and says there is no menu bar; Alt+Backspace deleted nothing "
        "(Ctrl+W is unbound, word_keys) where it deletes the word before the cursor",
        upstream="none filed: the table entries are for WezTerm on macOS (Option sends Esc and the key there)",
        package="textual",
        version=TEXTUAL,
        when_off="Textual's reading (Alt+1 types ¡)",
        sources={
            "appraisal.tui.textual_compat.alt_keys:TEXTUAL_SEQUENCE_TO_KEY_EVENTS": (
                "00dfe99846edc6bec4e0cc1cae7cb954aed7e8ca82d60e3a2b97c6d6b18f7de6"
            ),
            "textual._xterm_parser:XTermParser.parse": (
                "a5834ad1def86544712d43abd7e32d5cc4949a8896cabdde4dd8566df36e89b5"
            ),
            "textual._ansi_sequences:": "0b4037a3f36997ca78d7970091dfd99a346323976f5a723064d243827cb53a03",
            "textual.keys:_character_to_key": "422e0a6af915a9c4bc10b338e587fadb94a4ed0a7c17514451b35f8b7e1357e8",
        },
    ),
    Patch(
        module="command_palette",
        what="copies CommandPalette._start_no_matches_countdown with the 'no matches' line in Chinese",
        why="the UI is in Chinese; Textual writes its English text inside this method",
        upstream="none: Textual has no translations",
        package="textual",
        version=TEXTUAL,
        when_off="Textual's method (its English line)",
        sources={
            "textual.command:CommandPalette._start_no_matches_countdown": (
                "0bc07d1794718e89d73d75d9d5cff5123c4dde7ffc68e68ffe0b6bf133ae53f2"
            ),
        },
    ),
    Patch(
        module="checkbox",
        what="ToggleButton._button draws ☑ or ☐",
        why="Textual's checkbox shows the same mark in two colours: its state cannot be read without colour",
        upstream="none",
        package="textual",
        version=TEXTUAL,
        when_off="Textual's mark",
        sources={
            "textual.widgets._toggle_button:ToggleButton._button": (
                "0b54c2e58056c891371aa8c47ac46d6b81e3b6b695e2735b66b7360eb5bbed24"
            ),
        },
    ),
    Patch(
        module="styles_cache",
        what="StylesCache.get_inner_outer keeps its two styles by the two colours only (an lru_cache on a function) "
        "instead of an lru_cache on the method, whose key holds the StylesCache asking",
        why="the last 1,024 widgets' render caches (each StylesCache with the lines it drew) stayed alive after the "
        "widgets were gone, for the whole run: every dialog, toast and rebuilt panel of a long editing session",
        upstream="Textualize/textual#6665 (open)",
        package="textual",
        version=TEXTUAL,
        when_off="Textual's method (the caches stay alive, as before)",
        sources={
            "appraisal.tui.textual_compat.styles_cache:TEXTUAL_GET_INNER_OUTER": (
                "d2509f3e796680df9e74d7abc9df50afba9be6d4903f6731daa037476a17277b"
            ),
            "textual._styles_cache:StylesCache.render_line": (
                "928d7496e850dbf620f282f0ccc274bebe3cb568e84bda9ecccd3c4dcb79db7f"
            ),
        },
    ),
    Patch(
        module="toast",
        what="the name Toast in textual.widgets._toast, which ToastRack.show makes each toast by, points at "
        "ChineseToast: Toast with its render drawing the title and message by the Chinese line-breaking rules",
        why="Textual folds a toast's text wherever the line is full: the jump cue at 80 columns put “。” on a line "
        "of its own, and paths in 已导出：… were cut mid-name",
        upstream="none: Textual has no hook for line breaking",
        package="textual",
        version=TEXTUAL,
        when_off="Textual's render (ChineseToast.render passes to it)",
        sources={
            "textual.widgets._toast:ToastRack.show": (
                "764c33fbdc911fd0bec03abdc23605ef53ff5020e66ac6ab63eb2315c79dbd80"
            ),
            "textual.widgets._toast:Toast.__init__": (
                "811f49528b6528aee6e8fb50b21ec0a0d2a330b66b9dcc3e35beba6f788125db"
            ),
        },
    ),
    Patch(
        module="serve",
        what="textual-serve's Server._make_app (mounted under a per-run secret) and _process_messages (app "
        "processes tracked and stopped on shutdown); reads AppService._process",
        why="anyone on the machine could otherwise open the user's drafts in a browser; no app may outlive Ctrl+C",
        upstream="none: textual-serve has no authentication",
        package="textual-serve",
        version=TEXTUAL_SERVE,
        when_off="`appraisal serve` refuses to start (serving without the secret is not an option)",
        sources={
            "textual_serve.server:Server._make_app": "f49af73ecb6eb2230f282d5dfcfb2cc27ce33faddd46f97b01973cd40f0e9d74",
            "textual_serve.server:Server._process_messages": (
                "c30aaa2d9521fe134c24d11b09aee36770aa209ec49a5b6cee2335c1f9d2a2cb"
            ),
            "textual_serve.app_service:AppService._open_app_process": (
                "1202e78eb3e9d5d6efbb3b47346f96022c409e07d53f89c341e8cfbf7e8196fb"
            ),
        },
    ),
)
