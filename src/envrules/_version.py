"""The version of envrules, read from the installed metadata on first use only.

importlib.metadata costs more to import than the rest of a small ``envrules check``, so nothing
reads it until a version is asked for (``envrules --version``, a decision record, the server's
health check).
"""

from __future__ import annotations

from functools import cache


@cache
def version() -> str:
    """The installed distribution's version ("0.0.0" when running from a bare source tree)."""
    # imported here: importlib.metadata is slow to import and most runs never need the version
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("envrules")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"
