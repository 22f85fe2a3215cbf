"""Every ```python block of README.md and docs/*.md runs, as written, in the order of its file.

The blocks of one file run one after another in one namespace (a later block may use what an
earlier one defined), with the repository root as the working directory, so that a path such as
``examples/quiet-day-violation.json`` means what it means to a reader of the checkout. A line
that is an expression followed by a comment holding a Python literal (``result.compliant  #
False``) is a claim: its value must equal the literal. A block that cannot run (it needs a Spark
or Dask cluster, or it shows a signature rather than a call) is marked in the doc by an HTML
comment on the line before it, ``<!-- not run: why -->``; those are counted and listed here, so
that a new one is a visible decision and not a silent escape.
"""

from __future__ import annotations

import ast
import io
import re
import reprlib
import sys
import tokenize
from contextlib import redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

_FENCE = re.compile(r"^(?P<indent>[ \t]*)```python[ \t]*$")
_NOT_RUN = re.compile(r"^\s*<!--\s*not run:\s*(?P<why>\S.*?)\s*-->\s*$")

# Every block deliberately not run, as (file, reason), in the order of the docs. Adding a marker
# to a doc means adding it here, on purpose.
NOT_RUN = [
    ("docs/api.md", "a signature with its defaults, not a call"),
    ("docs/architecture.md", "a sketch of a new rule's module, its imports and body left out"),
    ("docs/scale.md", "needs a Dask scheduler at scheduler:8786 and the log files of a year"),
    ("docs/scale.md", "needs a Spark context (sc) and HDFS"),
    ("docs/scale.md", "needs a Spark session (spark) and HDFS"),
]


@dataclass(frozen=True)
class Block:
    path: str  # relative to the repository root
    line: int  # the first line of code, 1-based
    code: str
    not_run: str | None  # the reason given by a `<!-- not run: why -->` marker, if any


def blocks(path: Path, text: str | None = None) -> list[Block]:
    """The ```python blocks of a Markdown file, in order, dedented as a list item's block is."""
    lines = (text if text is not None else path.read_text(encoding="utf-8")).splitlines()
    rel = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    found: list[Block] = []
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        indent = fence.group("indent")
        before = next((line for line in reversed(lines[:i]) if line.strip()), "")
        marker = _NOT_RUN.match(before)
        body: list[str] = []
        j = i + 1
        while j < len(lines) and lines[j].strip() != "```":
            body.append(lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j])
            j += 1
        assert j < len(lines), f"{rel}:{i + 1}: a ```python block is never closed"
        found.append(Block(rel, i + 2, "\n".join(body) + "\n", marker.group("why") if marker else None))
        i = j + 1
    return found


def _claims(code: str) -> dict[int, object]:
    """Line number -> the literal of a trailing comment that is a Python literal (``# False``).

    A literal with ``...`` in it (``# {"entries": [...]}``) sketches a shape: it is not a claim.
    """
    claims: dict[int, object] = {}
    for token in tokenize.generate_tokens(io.StringIO(code).readline):
        if token.type != tokenize.COMMENT:
            continue
        if "..." in token.string:
            continue
        try:
            claims[token.start[0]] = ast.literal_eval(token.string[1:].strip())
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
    return claims


def run_block(block: Block, namespace: dict[str, object]) -> None:
    """Run one block in ``namespace``; each expression statement claiming a literal is checked."""
    tree = ast.parse(block.code, filename=f"{block.path}:{block.line}")
    claims = _claims(block.code)
    where = f"{block.path}:{block.line}"
    for statement in tree.body:
        claimed = claims.get(statement.end_lineno or statement.lineno, _NO_CLAIM)
        if isinstance(statement, ast.Expr) and claimed is not _NO_CLAIM:
            expression = ast.Expression(statement.value)
            value = eval(compile(expression, where, "eval"), namespace)
            line = block.line + statement.lineno - 1
            assert value == claimed, (
                f"{block.path}:{line}: the doc says {claimed!r}, the code gives {reprlib.repr(value)}"
            )
        else:
            module = ast.Module([statement], type_ignores=[])
            exec(compile(module, where, "exec"), namespace)


_NO_CLAIM = object()


def _run_file(path: Path) -> int:
    """Run the file's blocks in order, then every ``test_*`` function they define; how many ran."""
    namespace: dict[str, object] = {"__name__": "__doc_block__"}
    ran = 0
    with redirect_stdout(io.StringIO()):
        for block in blocks(path):
            if block.not_run is None:
                run_block(block, namespace)
                ran += 1
        for name, value in list(namespace.items()):
            if name.startswith("test_") and callable(value):
                value()  # a test shown in a doc must pass, not only be defined
    return ran


@pytest.fixture
def in_repo_root(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The repository root as the working directory; files a block writes there are removed."""
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "path", list(sys.path))  # a block may extend sys.path for itself
    modules = set(sys.modules)
    before = set(ROOT.iterdir())
    yield
    for name in [name for name in sys.modules if name not in modules and name.startswith("test_")]:
        del sys.modules[name]  # a doc's own test module (examples/integrator/test_my_workflow.py)
    for new in set(ROOT.iterdir()) - before:
        if new.is_file():
            new.unlink()


@pytest.mark.parametrize("path", [p for p in DOCS if blocks(p)], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_python_block_of_the_doc_runs_as_written_in_order(path: Path, in_repo_root: None) -> None:
    assert _run_file(path) >= 0


def test_the_readme_tour_runs_and_finds_the_quiet_day_violation(in_repo_root: None) -> None:
    readme = blocks(ROOT / "README.md")
    assert readme, "the README has a tour"
    assert readme[0].not_run is None, "the README's tour must run"
    namespace: dict[str, object] = {}
    with redirect_stdout(io.StringIO()):
        run_block(readme[0], namespace)
    assert [v.rule for v in namespace["result"].violations] == ["quiet-day"]  # type: ignore[attr-defined]


def test_the_blocks_marked_not_run_are_exactly_the_listed_ones_each_with_its_reason() -> None:
    marked = [b for p in DOCS for b in blocks(p) if b.not_run is not None]
    print(f"{len(marked)} doc blocks not run:")
    for block in marked:
        print(f"  {block.path}:{block.line}: {block.not_run}")
    assert [(b.path, b.not_run) for b in marked] == NOT_RUN


def test_most_python_blocks_of_the_docs_run() -> None:
    every = [b for p in DOCS for b in blocks(p)]
    assert len(every) >= 10
    assert len([b for b in every if b.not_run is None]) > len(NOT_RUN)


# The runner itself must be able to fail.


def test_a_block_that_raises_fails_the_run(tmp_path: Path) -> None:
    doc = "Text.\n\n```python\nundefined_name\n```\n"
    (block,) = blocks(tmp_path / "doc.md", doc)
    with pytest.raises(NameError):
        run_block(block, {})


def test_a_literal_comment_that_the_code_contradicts_fails_the_run(tmp_path: Path) -> None:
    doc = "```python\nx = 1 + 1\nx    # 3\n```\n"
    (block,) = blocks(tmp_path / "doc.md", doc)
    with pytest.raises(AssertionError, match="the doc says 3"):
        run_block(block, {})


def test_a_literal_comment_that_holds_passes_and_prose_comments_are_not_claims(tmp_path: Path) -> None:
    doc = "```python\nx = [1, 2]   # a list\nx            # [1, 2]\nlen(x)       # two items\n```\n"
    (block,) = blocks(tmp_path / "doc.md", doc)
    run_block(block, {})


def test_a_block_is_skipped_only_with_a_not_run_marker_just_before_it(tmp_path: Path) -> None:
    doc = "<!-- not run: needs a cluster -->\n\n```python\nboom\n```\n\n```python\nok = 1\n```\n"
    first, second = blocks(tmp_path / "doc.md", doc)
    assert first.not_run == "needs a cluster"
    assert second.not_run is None


def test_a_block_inside_a_list_item_is_dedented(tmp_path: Path) -> None:
    doc = "1. A step:\n\n   ```python\n   y = 2\n   y   # 2\n   ```\n"
    (block,) = blocks(tmp_path / "doc.md", doc)
    assert block.code == "y = 2\ny   # 2\n"
    run_block(block, {})


def test_a_literal_with_an_ellipsis_sketches_a_shape_and_is_not_checked(tmp_path: Path) -> None:
    doc = '```python\nd = {"a": [1], "b": 2}\nd    # {"a": [...], "b": ...}\n```\n'
    (block,) = blocks(tmp_path / "doc.md", doc)
    run_block(block, {})


def test_a_test_function_shown_in_a_doc_is_run_and_must_pass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tmp_path / "doc.md"
    doc.write_text("```python\ndef test_shown():\n    assert 1 == 2\n```\n", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    with pytest.raises(AssertionError):
        _run_file(doc)
