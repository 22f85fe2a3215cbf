"""envrules is not on a package index: every install instruction must work from a checkout or a wheel.

`pip install 'envrules[server]'` asks an index for a package that is not there. Docs, help texts,
docstrings, examples and error messages say `pip install '.[server]'` (in a checkout) or
`pip install 'dist/envrules-VERSION-py3-none-any.whl[server]'` (a built wheel) instead.
"""

from __future__ import annotations

import io
import re
import sys
import tomllib
from contextlib import redirect_stderr
from pathlib import Path

import pytest

from envrules.messages import LANGS, say

ROOT = Path(__file__).resolve().parents[2]
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]

# `pip install envrules`, `pip install 'envrules[server]'`, `pip install -U "envrules[dask]"`: the
# name of the package, as an index would be asked for it (not a path such as dist/envrules-...).
_FROM_INDEX = re.compile(r"pip install\s+(?:-\S+\s+)*['\"]?envrules(?:\[|['\"\s]|$)", re.M)
_WHEEL = re.compile(r"envrules-([0-9][^-/\s]*)-py3-none-any\.whl")


def _texts() -> list[Path]:
    places = [ROOT / "README.md", *(ROOT / "docs").rglob("*.md"), *(ROOT / "examples").rglob("*.md")]
    places += [*(ROOT / "src").rglob("*.py"), *(ROOT / "examples").rglob("*.py")]
    return sorted(places)


def test_no_doc_help_text_or_message_installs_envrules_from_a_package_index() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0).strip()}"
        for path in _texts()
        for match in _FROM_INDEX.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_pattern_catches_an_install_from_an_index_and_spares_a_checkout_or_a_wheel() -> None:
    assert _FROM_INDEX.search("pip install 'envrules[server]'")
    assert _FROM_INDEX.search("pip install -U envrules hypothesis")
    assert _FROM_INDEX.search('pip install "envrules[dask]"')
    assert not _FROM_INDEX.search("pip install '.[server]'")
    assert not _FROM_INDEX.search("pip install 'dist/envrules-0.3.0-py3-none-any.whl[server]'")


def test_every_wheel_named_in_the_docs_is_the_wheel_of_this_version() -> None:
    named = {
        (path.relative_to(ROOT).as_posix(), version)
        for path in _texts()
        for version in _WHEEL.findall(path.read_text(encoding="utf-8"))
    }
    assert named, "the docs name the built wheel somewhere"
    assert {version for _, version in named} == {VERSION}, named


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("extra", ["server", "dask"])
def test_the_missing_extra_message_says_how_to_install_from_a_checkout_and_from_a_wheel(
    lang: str, extra: str
) -> None:
    text = say("error.extra-missing", lang, what="envrules serve", extra=extra, version=VERSION)
    assert f"pip install '.[{extra}]'" in text
    assert f"pip install 'dist/envrules-{VERSION}-py3-none-any.whl[{extra}]'" in text
    assert "envrules[" not in text


def test_serve_without_the_server_extra_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from envrules.cli import main

    monkeypatch.setitem(sys.modules, "envrules.server", None)  # as if FastAPI were not installed
    err = io.StringIO()
    monkeypatch.setattr(sys, "stderr", err)
    with redirect_stderr(err):
        status = main(["serve"])
    text = err.getvalue()
    assert status == 2
    assert "pip install '.[server]'" in text
    assert "py3-none-any.whl[server]'" in text
    assert "envrules[server]" not in text
    assert "可选依赖" in text  # Chinese first, English after: serve has no --lang


def test_serve_help_says_how_to_install_the_server_extra(capsys: pytest.CaptureFixture[str]) -> None:
    from envrules.cli import main

    with pytest.raises(SystemExit):
        main(["serve", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "pip install '.[server]'" in out
    assert "envrules[server]" not in out
