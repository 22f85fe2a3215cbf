"""An on-site inspection registers by scanning the enterprise's code (湘政办发〔2025〕26号「扫码入企」)."""

from __future__ import annotations

from typing import ClassVar, Literal

from ..models import Inspection
from ._inspections import static_note
from .base import Context, NoParams, Params, Rule

__all__ = ["CodeScanned"]


class CodeScanned(Rule[Inspection, NoParams]):
    """湘政办发〔2025〕26号：「扫码入企」— an on-site inspection registers by scanning the code.

    Readings:

    * An inspection whose ``mode`` is ``remote`` or ``written`` enters no
      enterprise and is not judged. Any other (``on-site``, or not stated:
      涉企检查 enters the enterprise unless said otherwise) must have the
      enterprise's code scanned: ``code_scanned = false`` is a violation, and
      ``code_scanned`` absent is a note saying it could not be checked.
    """

    id: ClassVar[str] = "code-scanned"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = NoParams

    def check(self, doc: Inspection, ctx: Context) -> None:
        if doc.mode in ("remote", "written"):
            return
        if doc.code_scanned is None:
            ctx.notes.append(static_note(self, ctx, "missing"))
        elif not doc.code_scanned:
            ctx.violations.append(self.finding(ctx, "unscanned", remedy="scan", value="false", limit="true"))
