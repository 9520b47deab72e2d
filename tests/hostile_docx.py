"""Small .docx files that unpack to hundreds of megabytes or gigabytes, written streaming (nothing big is held in
memory or kept in the repository): the three an adversarial run used to drive `import` and `check` out of memory
(issue 23 item 1), and an ordinary report to show the same memory limit lets real files through."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

MB = 1024 * 1024
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
PARAGRAPH = ("<w:p><w:r><w:t>" + "一年来坚持学习严守纪律完成各项任务。" * 20 + "</w:t></w:r></w:p>").encode()
HEAD = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>'.encode()
TAIL = b"</w:body></w:document>"
REPORT = "".join(
    f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    for text in ("一、思想政治方面", "本人认真学习党的理论，坚定理想信念。", "二、工作实绩", "全年完成各项任务。")
).encode()


def _types(overrides: dict[str, str]) -> str:
    rows = "".join(f'<Override PartName="/{name}" ContentType="{kind}"/>' for name, kind in overrides.items())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="png" ContentType="image/png"/>' + rows + "</Types>"
    )


def _rels(targets: dict[str, str]) -> str:
    rows = "".join(
        f'<Relationship Id="rId{n}" Type="{REL}{kind}" Target="{target}"/>'
        for n, (target, kind) in enumerate(targets.items(), 1)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + rows
        + "</Relationships>"
    )


def _stream(archive: zipfile.ZipFile, name: str, chunks: Iterable[bytes]) -> None:
    with archive.open(name, "w", force_zip64=True) as member:
        for chunk in chunks:
            member.write(chunk)


def _repeated(head: bytes, unit: bytes, size: int, tail: bytes) -> Iterable[bytes]:
    """`head`, then `unit` repeated up to `size` bytes in all, then `tail`, a megabyte or so at a time."""
    yield head
    block = unit * max(1, MB // len(unit))
    written = len(head)
    while written < size:
        yield block
        written += len(block)
    yield tail


def write_docx(
    path: Path,
    main: str = "word/document.xml",
    document: Iterable[bytes] = (HEAD + REPORT + TAIL,),
    extra: dict[str, tuple[str, str, Iterable[bytes]]] | None = None,
) -> Path:
    """A .docx whose main part is `main`; `extra` maps a part name to (relationship, content type, its chunks),
    each referred to from the main part's relationships."""
    extra = extra or {}
    folder, file = main.rsplit("/", 1)
    overrides = {main: MAIN} | {name: kind for name, (_rel, kind, _chunks) in extra.items() if kind}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _types(overrides))
        archive.writestr("_rels/.rels", _rels({main: "officeDocument"}))
        _stream(archive, main, document)
        archive.writestr(
            f"{folder}/_rels/{file}.rels",
            _rels({name.removeprefix(folder + "/"): rel for name, (rel, _kind, _chunks) in extra.items()}),
        )
        for name, (_rel, _kind, chunks) in extra.items():
            _stream(archive, name, chunks)
    return path


def upper_case_main_part(path: Path, megabytes: int = 600) -> Path:
    """The main part named `document.XML`, holding `megabytes` MB of XML (under 1 MB on disk)."""
    return write_docx(path, "word/document.XML", _repeated(HEAD, PARAGRAPH, megabytes * MB, TAIL))


def huge_image(path: Path, megabytes: int = 2048) -> Path:
    """An ordinary report with a picture part of `megabytes` MB (of zeros: a few MB on disk); one of its commas
    is an ASCII one, which `check --fix` mends."""
    zeros = _repeated(b"\x89PNG\r\n\x1a\n", b"\0" * 4096, megabytes * MB, b"")
    document = (HEAD + REPORT.replace("学习党的理论，".encode(), "学习党的理论,".encode()) + TAIL,)
    return write_docx(path, document=document, extra={"word/media/image1.png": ("image", "", zeros)})


def huge_styles(path: Path, megabytes: int = 600) -> Path:
    """An ordinary report whose styles part is called `styles.bin` and holds `megabytes` MB of style XML."""
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>'.encode()
    style = b'<w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>'
    chunks = _repeated(head, style, megabytes * MB, b"</w:styles>")
    return write_docx(path, extra={"word/styles.bin": ("styles", STYLES, chunks)})


def long_report(path: Path, megabytes: int = 6) -> Path:
    """An ordinary (if very long) report: `megabytes` MB of document XML (2 million 字), under every cap."""
    return write_docx(path, document=_repeated(HEAD, PARAGRAPH, megabytes * MB, REPORT + TAIL))
