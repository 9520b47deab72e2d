"""The few parts of a Word (.docx) package this program reads, found through the package's relationships and
unpacked with a cap on every byte, whatever the parts are called.

A .docx is a zip: a 1 MB file can unpack to gigabytes. Opening it with python-docx reads every part (pictures
included) into memory, and a cap counted from the zip's directory over names ending in ".xml" let through
`document.XML` holding 600 MB and a 600 MB styles part named `styles.bin`. Here only the content-type list, the
two relationship lists, the main document part and its styles part are unpacked, at most MAX_DOCX_XML_BYTES in all,
counted as they are unpacked; part names are compared without case, as the package format says. Pictures and every
other part are never read, except to be copied unchanged into a fixed copy (`copy_replacing`), byte stream by byte
stream, within MAX_DOCX_COPY_BYTES.

Memory budget: reading any .docx the importer accepts (at most MAX_DOCX_BYTES on disk) stays under 1 GiB of address
space (tests/test_docx_package.py runs `import` and `check` under that `ulimit -v`).
"""

from __future__ import annotations

import io
import posixpath
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    import zipfile

MAX_DOCX_XML_BYTES = 16 * 1024 * 1024
"""The parts read from a .docx (content types, relationships, the document and its styles), unpacked, may not
exceed this in all: a long report with heavy formatting is a few MB."""

MAX_DOCX_COPY_BYTES = 400 * 1024 * 1024
"""A fixed copy unpacks and packs every part again; the whole package, unpacked, may not exceed this (pictures
hardly compress, so a 100 MB file unpacks to little more than 100 MB)."""

MAX_DOCX_PARTS = 10_000
"""Parts a package may have: a report with many pictures has a few hundred. Opening a zip reads its whole
directory, and a 86 MB file holding a million empty parts took 26 s and 760 MB before anything else was done."""

_CENTRAL_ENTRY = b"PK\x01\x02"  # the signature of each entry of a zip's directory
_CHUNK = 1024 * 1024
_CONTENT_TYPES = "[content_types].xml"
_PACKAGE_RELS = "_rels/.rels"
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


class TooBig(Exception):
    """A part, or the parts together, unpack to more than allowed."""


class TooManyParts(Exception):
    """The package has more parts than any document (counted before its directory is read)."""


@dataclass(frozen=True)
class Part:
    """One part as read: its name in the zip (original case), its content type and its bytes."""

    name: str
    content_type: str
    blob: bytes


class Package:
    """An open .docx for reading its main document part and the parts that part refers to, within one budget.

    Raises TooManyParts before reading a directory of more than MAX_DOCX_PARTS entries, TooBig when what is read
    passes the budget, zipfile.BadZipFile / KeyError / ValueError when the package
    is not a valid one; the caller words the message."""

    def __init__(self, raw: bytes, budget: int | None = None) -> None:
        if raw.count(_CENTRAL_ENTRY) > MAX_DOCX_PARTS:  # at least as many as the directory has entries
            raise TooManyParts
        import zipfile  # for a Word file only (~1 ms of every check of a text file)

        self._archive = zipfile.ZipFile(io.BytesIO(raw))
        self._entries: dict[str, zipfile.ZipInfo] = {}
        for info in self._archive.infolist():
            self._entries.setdefault(info.filename.lower(), info)
        self._left = MAX_DOCX_XML_BYTES if budget is None else budget
        self._types = _content_types(self._read(_CONTENT_TYPES))
        self.main = self._part(self._target(_PACKAGE_RELS, "/", _OFFICE_DOCUMENT))

    def related(self, part: Part, relationship: str) -> Part | None:
        """The part that `part` refers to with the relationship type `relationship`, if it has one."""
        folder, file = posixpath.split(part.name)
        rels = posixpath.join(folder, "_rels", file + ".rels")
        if rels.lower() not in self._entries:
            return None
        try:
            name = self._target(rels, "/" + folder + "/", relationship)
        except KeyError:
            return None
        return self._part(name)

    def close(self) -> None:
        self._archive.close()

    def _part(self, name: str) -> Part:
        info = self._entries.get(name.lower())
        if info is None:
            raise KeyError(name)
        return Part(info.filename, self._content_type(name), self._read(name))

    def _target(self, rels_name: str, base: str, relationship: str) -> str:
        """The zip name of the part a relationship list points to with the given type (the first such)."""
        root = _parse(self._read(rels_name))
        for rel in root.iter(f"{{{_RELS_NS}}}Relationship"):
            if rel.get("Type") == relationship and rel.get("TargetMode", "Internal") == "Internal":
                target = rel.get("Target") or ""
                return posixpath.normpath(posixpath.join(base, target)).lstrip("/")
        raise KeyError(relationship)

    def _content_type(self, name: str) -> str:
        overrides, defaults = self._types
        key = "/" + name.lower()
        if key in overrides:
            return overrides[key]
        return defaults.get(posixpath.splitext(key)[1].lstrip("."), "")

    def _read(self, name: str) -> bytes:
        """The part's bytes, unpacked chunk by chunk and counted against the budget as they come."""
        info = self._entries.get(name.lower())
        if info is None:
            raise KeyError(name)
        if info.file_size > self._left:
            raise TooBig(name)
        out = bytearray()
        with self._archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                out += chunk
                if len(out) > self._left:
                    raise TooBig(name)
        self._left -= len(out)
        return bytes(out)


def copy_replacing(raw: bytes, name: str, blob: bytes, limit: int | None = None) -> bytes:
    """The package in `raw` with the part `name` replaced by `blob`, every other part unpacked and packed again
    unchanged, a chunk at a time; raises TooBig when the parts unpack to more than `limit` in all."""
    import zipfile

    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(output, "w") as copy:
        infos = source.infolist()
        limit = MAX_DOCX_COPY_BYTES if limit is None else limit
        if sum(info.file_size for info in infos) > limit:
            raise TooBig(name)
        left = limit
        for info in infos:
            if info.filename == name:
                copy.writestr(info, blob)
                continue
            with source.open(info) as stream, copy.open(info, "w") as target:
                left = _pour(stream, target, left, info.filename)
    return output.getvalue()


def _pour(stream: IO[bytes], target: IO[bytes], left: int, name: str) -> int:
    while chunk := stream.read(_CHUNK):
        left -= len(chunk)
        if left < 0:
            raise TooBig(name)
        target.write(chunk)
    return left


def _content_types(blob: bytes) -> tuple[dict[str, str], dict[str, str]]:
    """Overrides by part name and defaults by extension, both lower-cased."""
    root = _parse(blob)
    overrides = {
        (node.get("PartName") or "").lower(): node.get("ContentType") or ""
        for node in root.iter(f"{{{_TYPES_NS}}}Override")
    }
    defaults = {
        (node.get("Extension") or "").lower(): node.get("ContentType") or ""
        for node in root.iter(f"{{{_TYPES_NS}}}Default")
    }
    return overrides, defaults


def _parse(blob: bytes) -> Any:
    """An XML part parsed as python-docx parses it: no entities resolved, nothing fetched."""
    from docx.oxml import parse_xml

    return parse_xml(blob)
