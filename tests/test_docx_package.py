"""A .docx is read within a memory budget whatever its parts are called (issue 23 item 1): `import` and `check`
run in a child process under `ulimit -v` (RLIMIT_AS) of 1 GiB, the budget stated in appraisal/importing/package.py.

Before, the unpacked-size cap counted only names ending in lower-case ".xml" and python-docx read every part: a
main part named `document.XML` holding 600 MB, a 2 GB picture and a 600 MB styles part named `styles.bin` each
took gigabytes (an OOM kill without a limit; under the limit, "不是有效的 Word 文档" for all three)."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hostile_docx import MB, huge_image, huge_styles, long_report, upper_case_main_part, write_docx

from appraisal.errors import AppraisalError
from appraisal.importing import package, read_document
from appraisal.importing.package import Package, TooBig

# One worker writes the hostile files (4 s of CPU) once for every test here (the fixture is module-scoped).
pytestmark = pytest.mark.xdist_group("hostile-docx")
BUDGET = 1024 * MB
HOSTILE: dict[str, Callable[[Path], Path]] = {
    "upper-case-main": upper_case_main_part,
    "huge-image": huge_image,
    "styles-bin": huge_styles,
    "long-report": long_report,
}


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The hostile files, written once (streaming; each is a few MB on disk)."""
    folder = tmp_path_factory.mktemp("hostile")
    return {name: make(folder / f"{name}.docx") for name, make in HOSTILE.items()}


def run_limited(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """`appraisal ARGS` in a child process that may not map more than BUDGET bytes."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (BUDGET, BUDGET))

    env = {**os.environ, "APPRAISAL_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "appraisal.cli", *args],
        preexec_fn=limit,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )


def test_the_hostile_files_are_small_on_disk_and_huge_unpacked(files: dict[str, Path]) -> None:
    for name in ("upper-case-main", "huge-image", "styles-bin"):
        assert files[name].stat().st_size < 16 * MB
        with zipfile.ZipFile(files[name]) as archive:
            assert sum(info.file_size for info in archive.infolist()) > 600 * MB


@pytest.mark.parametrize("command", ["import", "check"])
@pytest.mark.parametrize("name", ["upper-case-main", "styles-bin"])
def test_a_part_too_big_to_read_is_refused_in_one_sentence_within_the_budget(
    files: dict[str, Path], tmp_path: Path, command: str, name: str
) -> None:
    done = run_limited([command, str(files[name])], tmp_path)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    message = done.stderr.strip()
    assert "解压后的内容过大" in message and message.count("。") == 1 and "\n" not in message
    assert not list(tmp_path.rglob("*.json")), "no draft is created"


@pytest.mark.parametrize("command", ["import", "check"])
@pytest.mark.parametrize("name", ["huge-image", "long-report"])
def test_pictures_are_never_read_and_a_long_report_fits_the_budget(
    files: dict[str, Path], tmp_path: Path, command: str, name: str
) -> None:
    done = run_limited([command, str(files[name])], tmp_path)
    assert "Traceback" not in done.stderr and "不是有效" not in done.stderr, done.stderr
    if command == "import":
        assert done.returncode == 0, done.stderr
        assert len(list((tmp_path / "drafts").glob("*.json"))) == 1
    else:
        assert done.returncode in (0, 1), done.stderr
        assert "共" in done.stdout or "未发现问题" in done.stdout


def test_a_fixed_copy_of_a_package_too_big_to_repack_is_refused(files: dict[str, Path], tmp_path: Path) -> None:
    source = files["huge-image"]
    done = run_limited(["check", "--fix", str(source)], tmp_path)
    assert "Traceback" not in done.stderr
    assert "解压后的内容过大" in done.stderr and not source.with_suffix(".fixed.docx").exists()


def test_a_fixed_copy_keeps_the_pictures_byte_for_byte(tmp_path: Path) -> None:
    source = huge_image(tmp_path / "a.docx", megabytes=3)
    done = run_limited(["check", "--fix", str(source)], tmp_path)
    assert done.returncode in (0, 1), done.stderr
    with zipfile.ZipFile(source) as before, zipfile.ZipFile(source.with_suffix(".fixed.docx")) as after:
        assert after.read("word/media/image1.png") == before.read("word/media/image1.png")
        assert "学习党的理论，" in after.read("word/document.xml").decode()


def test_part_names_are_compared_without_case(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx", "Word/Document.XML")
    assert "本人认真学习党的理论，坚定理想信念。" in read_document(path).lines


def test_parts_the_document_does_not_refer_to_are_never_unpacked(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "a.docx")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("word/media/unused.bin", b"\0" * 10 * MB)
    raw = bytearray(path.read_bytes())
    # Spoil the unused part's data: reading it would fail its checksum.
    start = raw.rfind(b"word/media/unused.bin", 0, raw.find(b"PK\x01\x02")) + len("word/media/unused.bin")
    raw[start + 100 : start + 110] = b"\xff" * 10
    path.write_bytes(bytes(raw))
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(path).read("word/media/unused.bin")
    assert "全年完成各项任务。" in read_document(path).lines


def test_the_budget_counts_what_is_unpacked_not_what_the_directory_says(tmp_path: Path) -> None:
    raw = write_docx(tmp_path / "a.docx").read_bytes()
    Package(raw, budget=10_000)  # the whole report fits
    with pytest.raises(TooBig):
        Package(raw, budget=600)


def test_a_styles_part_too_big_refuses_the_file_in_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(package, "MAX_DOCX_XML_BYTES", 2 * MB)
    path = huge_styles(tmp_path / "a.docx", megabytes=3)
    with pytest.raises(AppraisalError) as caught:
        read_document(path)
    assert "解压后的内容过大" in caught.value.message and caught.value.message.count("。") == 1


def test_a_package_of_more_parts_than_any_document_is_refused_before_its_directory_is_read(tmp_path: Path) -> None:
    """A million empty parts (86 MB) took 26 s and 760 MB to open before; the parts are counted first."""
    many, enough = write_docx(tmp_path / "many.docx"), write_docx(tmp_path / "enough.docx")
    for path, count in ((many, package.MAX_DOCX_PARTS), (enough, 2_000)):
        with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
            for number in range(count):
                archive.writestr(f"media/{number}.bin", b"")
    with pytest.raises(AppraisalError) as caught:
        read_document(many)
    assert "部件超过 1 万个" in caught.value.message and caught.value.message.count("。") == 1
    assert "全年完成各项任务。" in read_document(enough).lines
