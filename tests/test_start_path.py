"""What `appraisal check` of a document loads: not the drafts' store, OpenSSL's hashes, the TOML parser or `uuid`
(~20 ms of every check together) once an earlier run has kept the parses of the shipped templates and data files.
And the SHA-1 the cache folder's names and checksums are made with, without `hashlib`."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from fresh_interpreter import loaded_after
from fuzzing import FIXTURES

from appraisal.text import digest

NOT_FOR_A_DOCUMENT = ("appraisal.store", "appraisal.app.drafts", "hashlib", "_hashlib", "tomllib", "uuid", "socket")


def test_a_document_check_loads_no_store_hashes_toml_parser_or_uuid(tmp_path: Path) -> None:
    code = (
        "import io, contextlib, os\n"
        f"os.environ['APPRAISAL_HOME'] = {str(tmp_path / 'home')!r}\n"
        "from appraisal import cli\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    cli.main(['check', {str(FIXTURES / 'report.txt')!r}])\n"
    )
    first = loaded_after(code, NOT_FOR_A_DOCUMENT)
    assert first in ([], ["tomllib"])  # a first run parses what it keeps for the next
    assert loaded_after(code, NOT_FOR_A_DOCUMENT) == []


@pytest.mark.parametrize("data", [b"", b"abc", "模板文件".encode(), bytes(range(256)) * 300])
def test_the_cache_folder_sha1_is_hashlibs(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = hashlib.sha1(data, usedforsecurity=False)
    assert digest.sha1(data).digest() == expected.digest()
    assert digest.sha1(data).hexdigest() == expected.hexdigest()
    monkeypatch.setattr(digest, "_sha1", None)  # an interpreter without CPython's own module: hashlib's
    assert digest.sha1(data).hexdigest() == expected.hexdigest()
