"""What `copylint check` reads: bad inputs are one line on stderr and exit 2 while the other
files are still checked; good ones give the same findings however the file is encoded; and no
input is ever written to."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from articles import ARTICLE, SEED
from click.testing import CliRunner, Result

from copylint.cli import cli
from copylint.text.sources import read_document

# The seed's web chrome, as (line, column, end column, text): the boilerplate findings.
SEED_CHROME = [
    (1, 1, 5, "• en"),
    (2, 1, 7, "ON NOW"),
    (34, 1, 14, "Follow us on:"),
    (36, 1, 7, "ON NOW"),
]
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
# A time well in the past, so that any write to a file would show in its mtime.
OLD = (1_000_000_000, 1_000_000_000)


def check(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, ["check", *args], input=input)


def findings(result: Result) -> list[tuple[str, int, int, int, int, str, str]]:
    return [
        (f["path"], f["line"], f["column"], f["end_line"], f["end_column"], f["rule"], f["text"])
        for f in json.loads(result.stdout)
    ]


def chrome(path: str) -> list[tuple[str, int, int, int, int, str, str]]:
    return [
        (path, line, column, line, end, "boilerplate/web-chrome", text)
        for line, column, end, text in SEED_CHROME
    ]


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `root`: its bytes and its modification time."""
    return {
        str(path): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.utime(path, OLD)
    return path


@pytest.fixture
def article(here: Path) -> str:
    write(here / "article.txt", ARTICLE)
    return "article.txt"


# --- Bad inputs -------------------------------------------------------------------------------

BAD_FILES = [
    pytest.param("picture.png", PNG, "picture.png:1: is a binary file, not text", id="png"),
    pytest.param(
        "nul.txt",
        b"Ministers met on Monday.\n\nThe vote is \x00 today.\n",
        "nul.txt:3: is a binary file, not text",
        id="nul-in-line-3",
    ),
    pytest.param(
        "latin1.txt",
        "Ministers met on Monday.\n\nThey ate at a café.\n".encode("latin-1"),
        "latin1.txt:3: is not valid UTF-8 (byte 0xe9)",
        id="invalid-utf8-in-line-3",
    ),
    pytest.param(
        "bom-crlf.txt",
        b"\xef\xbb\xbfMinisters met on Monday.\r\n\r\nThey ate at a caf\xe9.\r\n",
        "bom-crlf.txt:3: is not valid UTF-8 (byte 0xe9)",
        id="invalid-utf8-after-bom-and-crlf",
    ),
    pytest.param(
        "mac.txt",
        b"Ministers met on Monday.\r\rThey ate at a caf\xe9.\r",
        "mac.txt:3: is not valid UTF-8 (byte 0xe9)",
        id="invalid-utf8-after-cr-line-ends",
    ),
    pytest.param(
        "utf16.txt",
        "Ministers met on Monday.\n".encode("utf-16"),
        "utf16.txt: is UTF-16; save it as UTF-8",
        id="utf16-with-bom",
    ),
    pytest.param(
        "utf16be.txt",
        b"\xfe\xff" + "Ministers met on Monday.\n".encode("utf-16-be"),
        "utf16be.txt: is UTF-16; save it as UTF-8",
        id="utf16-be-with-bom",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES)
@pytest.mark.parametrize("bad_first", [True, False], ids=["bad-first", "bad-last"])
def test_a_bad_file_is_one_line_and_exit_2_and_the_others_are_still_checked(
    here: Path, article: str, name: str, data: bytes, message: str, bad_first: bool
) -> None:
    write(here / name, data)
    before = snapshot(here)
    paths = [name, article] if bad_first else [article, name]
    result = check("--format", "json", *paths)
    assert result.exit_code == 2
    assert result.stderr == f"copylint: {message}\n"
    assert findings(result) == chrome(article)
    assert snapshot(here) == before


@pytest.mark.parametrize(
    ("given", "message"),
    [
        pytest.param("missing.txt", "missing.txt: no such file or folder", id="missing-file"),
        pytest.param(
            "drafts/*.md", "drafts/*.md: no file matches this pattern", id="glob-matching-nothing"
        ),
        pytest.param("**/*.markdown", "**/*.markdown: no file matches this pattern", id="glob-**"),
    ],
)
def test_a_path_naming_nothing_is_one_line_and_exit_2(
    here: Path, article: str, given: str, message: str
) -> None:
    result = check("--format", "json", given, article)
    assert result.exit_code == 2
    assert result.stderr == f"copylint: {message}\n"
    assert findings(result) == chrome(article)


def test_only_bad_files_print_empty_valid_output(here: Path) -> None:
    write(here / "picture.png", PNG)
    result = check("--format", "json", "picture.png", "missing.txt")
    assert result.exit_code == 2
    assert result.stderr == (
        "copylint: picture.png:1: is a binary file, not text\n"
        "copylint: missing.txt: no such file or folder\n"
    )
    assert result.stdout == "[]\n"


def test_a_folder_as_config_is_one_line_naming_it(here: Path, article: str) -> None:
    (here / "house").mkdir()
    result = check("--config", "house", article)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("copylint: ")
    assert "--config" in result.stderr and "'house' is a directory" in result.stderr


def test_binary_stdin_is_one_line_naming_the_stdin_filename(here: Path) -> None:
    result = check("--stdin-filename", "desk/photo.txt", "-", input=PNG)
    assert result.exit_code == 2
    assert result.stderr == "copylint: desk/photo.txt:1: is a binary file, not text\n"
    assert result.stdout == "No findings; 1 file refused.\n"


@pytest.mark.parametrize("run", ["copylint", "python -m copylint"])
def test_end_to_end_a_bad_file_is_one_line_on_stderr_without_a_traceback(
    here: Path, article: str, run: str
) -> None:
    write(here / "latin1.txt", "Line one.\nLine two.\nThey ate at a café.\n".encode("latin-1"))
    command = [sys.executable, "-m", "copylint"] if run.startswith("python") else ["copylint"]
    done = subprocess.run(
        [*command, "check", "--format", "json", "latin1.txt", "missing.txt", article],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr == (
        "copylint: latin1.txt:3: is not valid UTF-8 (byte 0xe9)\n"
        "copylint: missing.txt: no such file or folder\n"
    )
    assert [(f["line"], f["text"]) for f in json.loads(done.stdout)] == [
        (line, text) for line, _, _, text in SEED_CHROME
    ]


# --- Accepted inputs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        pytest.param("bom-crlf.txt", lambda data: b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"),
                     id="bom-and-crlf"),
        pytest.param("crlf.txt", lambda data: data.replace(b"\n", b"\r\n"), id="crlf"),
        pytest.param("cr.txt", lambda data: data.replace(b"\n", b"\r"), id="cr-only"),
        pytest.param("bom.txt", lambda data: b"\xef\xbb\xbf" + data, id="bom"),
    ],
)  # fmt: skip
def test_a_bom_and_other_line_ends_give_exactly_the_same_findings(
    here: Path, article: str, name: str, encode: Callable[[bytes], bytes]
) -> None:
    write(here / name, encode(ARTICLE))
    original = check("--format", "json", article)
    copy = check("--format", "json", name)
    assert copy.exit_code == original.exit_code == 1
    assert copy.stderr == ""
    assert [f[1:] for f in findings(copy)] == [f[1:] for f in findings(original)]
    assert [f for f in findings(copy) if f[5].startswith("boilerplate/")] == chrome(name)
    # Positions are those of the file on disk, as an editor splits its lines.
    lines = (here / name).read_bytes().decode("utf-8-sig").splitlines()
    for _, line, column, end_line, end_column, _, text in findings(copy):
        assert end_line == line
        assert lines[line - 1][column - 1 : end_column - 1] == text


@pytest.mark.parametrize(
    ("data", "kept"),
    [
        pytest.param("Plain café copy.\n".encode(), True, id="utf8"),
        pytest.param(b"\xef\xbb\xbfA BOM.\n", False, id="bom"),
        pytest.param(b"Windows\r\nline ends.\r\n", False, id="crlf"),
    ],
)
def test_the_text_in_utf8_is_the_file_s_bytes_where_they_decode_unchanged(
    here: Path, data: bytes, kept: bool
) -> None:
    """The rules that scan bytes read the file's own bytes rather than a second copy of them
    (10 MB more on a 10 MB article); a BOM or a CR is not in the text, so there they encode it."""
    write(here / "article.txt", data)
    doc = read_document("article.txt")
    assert doc.utf8 == doc.text.encode()
    assert (doc.utf8 is doc.raw) is kept
    assert doc.prose_utf8 is doc.utf8  # plain text with no address is its own prose


def test_an_empty_file_is_clean(here: Path) -> None:
    write(here / "empty.txt", b"")
    result = check("--format", "json", "empty.txt")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "")
    result = check("empty.txt")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "No findings.\n", "")


def test_a_10_mb_article_is_checked_correctly(here: Path) -> None:
    """The seed's body lines (4 to 32, without its chrome) repeated to 10 MB, with one line of
    chrome in the middle and one at the end: exactly those two are found."""
    body = SEED.read_text(encoding="utf-8").split("\n")[3:32]
    chunk = "\n".join(body) + "\n\n"
    repeats = 10_000_000 // len(chunk.encode()) // 2 + 1
    text = chunk * repeats + "Share this article\n\n" + chunk * repeats + "ON NOW\n"
    write(here / "long.txt", text.encode())
    assert (here / "long.txt").stat().st_size > 10_000_000
    lines_per_chunk = len(body) + 1
    middle = lines_per_chunk * repeats + 1
    last = middle + 1 + lines_per_chunk * repeats + 1
    result = check("--format", "json", "--select", "boilerplate", "long.txt")
    assert result.stderr == ""
    assert result.exit_code == 1
    assert findings(result) == [
        ("long.txt", middle, 1, middle, 19, "boilerplate/web-chrome", "Share this article"),
        ("long.txt", last, 1, last, 7, "boilerplate/web-chrome", "ON NOW"),
    ]
    assert text.split("\n")[middle - 1] == "Share this article"
    assert text.split("\n")[last - 1] == "ON NOW"


def test_folders_are_walked_for_articles_and_a_named_file_is_checked_whatever_its_suffix(
    here: Path,
) -> None:
    chrome_line = b"Ministers met on Monday.\n\nON NOW\n"
    for name in [
        "news/a.txt",
        "news/b.md",
        "news/c.markdown",
        "news/D.TXT",
        "news/sub/deep/e.txt",
        "news/notes.rst",
        "news/photo.jpg",
        "news/.hidden.txt",
        "news/.drafts/f.txt",
        "news/.git/g.txt",
        "news/sub/.cache/h.md",
    ]:
        write(here / name, chrome_line)
    write(here / "news/photo.jpg", PNG)
    result = check("--format", "json", "news", "news/notes.rst")
    assert result.stderr == ""
    assert result.exit_code == 1
    assert sorted(path for path, *_ in findings(result)) == [
        os.path.join("news", "D.TXT"),
        os.path.join("news", "a.txt"),
        os.path.join("news", "b.md"),
        os.path.join("news", "c.markdown"),
        os.path.join("news", "notes.rst"),
        os.path.join("news", "sub", "deep", "e.txt"),
    ]
    assert {(line, column, text) for _, line, column, _, _, _, text in findings(result)} == {
        (3, 1, "ON NOW")
    }


def test_a_glob_is_expanded_and_a_folder_it_matches_is_walked(here: Path) -> None:
    for name in ["news/a.txt", "news/b.md", "news/sub/c.txt", "news/.drafts/d.txt", "other.txt"]:
        write(here / name, b"ON NOW\n")
    result = check("--format", "json", "news/**/*.txt")
    assert [path for path, *_ in findings(result)] == [
        os.path.join("news", "a.txt"),
        os.path.join("news", "sub", "c.txt"),
    ]
    result = check("--format", "json", "new?")
    assert [path for path, *_ in findings(result)] == [
        os.path.join("news", "a.txt"),
        os.path.join("news", "b.md"),
        os.path.join("news", "sub", "c.txt"),
    ]


def test_dash_reads_stdin_and_stdin_filename_names_it(here: Path) -> None:
    data = ARTICLE
    result = check("--format", "json", "-", input=data)
    assert result.exit_code == 1
    assert findings(result) == chrome("<stdin>")
    result = check("--format", "json", "--stdin-filename", "desk/starmer.txt", "-", input=data)
    assert findings(result) == chrome("desk/starmer.txt")
    # A BOM and CRLF from stdin are read as from a file.
    crlf = b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")
    assert findings(check("--format", "json", "-", input=crlf)) == chrome("<stdin>")


def test_a_file_given_twice_is_checked_once(here: Path, article: str) -> None:
    (here / "desk").mkdir()
    write(here / "desk" / "story.txt", ARTICLE)
    story = os.path.join("desk", "story.txt")
    result = check("--format", "json", article, article, "./article.txt", "desk", story, "desk/")
    assert result.exit_code == 1
    assert findings(result) == chrome(article) + chrome(story)
    # By a link too: a symbolic one, a hard one, or a link to its folder.
    os.symlink("story.txt", here / "desk" / "linked.txt")
    os.link(here / "desk" / "story.txt", here / "hard.txt")
    os.symlink("desk", here / "desk-link")
    linked = os.path.join("desk-link", "linked.txt")
    result = check("--format", "json", story, linked, "hard.txt", "desk-link/story.txt")
    assert findings(result) == chrome(story)
    result = check("--format", "json", "-", "-", input=ARTICLE)
    assert findings(result) == chrome("<stdin>")


def test_no_input_file_is_ever_modified(here: Path) -> None:
    seed = ARTICLE
    for name, data in [
        ("news/seed.txt", seed),
        ("news/bom-crlf.md", b"\xef\xbb\xbf" + seed.replace(b"\n", b"\r\n")),
        ("news/cr.markdown", seed.replace(b"\n", b"\r")),
        ("news/empty.txt", b""),
        ("news/picture.txt", PNG),
        ("news/latin1.txt", "Café.\n".encode("latin-1")),
        ("news/utf16.txt", "Café.\n".encode("utf-16")),
        ("news/placeholder.txt", b"The minister, who is TK years old, resigned.\n"),
    ]:
        write(here / name, data)
    before = snapshot(here)
    for format_name in ["text", "json", "sarif", "github"]:
        result = check("--format", format_name, "news", "news/*.txt", "news/seed.txt")
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 3  # the binary, the Latin-1 and the UTF-16 file
        assert snapshot(here) == before
