"""The command line's texts: a result, an audit summary and the progress line, as people read them."""

from __future__ import annotations

import time
import unicodedata
from functools import cache
from typing import TYPE_CHECKING, Any, TextIO

from ..labels import label
from ..messages import Lang, say, texts
from .common import language

if TYPE_CHECKING:
    from ..auditing import AuditSummary
    from ..result import Finding, Result

__all__ = ["Progress", "pad", "progress_line", "render_summary", "render_text"]


@cache
def _labels(lang: Lang) -> dict[str, str]:
    """The headings of a result in ``lang`` (the catalogue's ``cli.result.*``), read when first used."""
    return texts("cli.result")[lang]


@cache
def _status(lang: Lang) -> dict[str, str]:
    """An obligation's status in ``lang`` (``cli.result.status.*``)."""
    return texts("cli.result.status")[lang]


def pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` display columns (a Chinese character takes two)."""
    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - shown)


def progress_line(count: int, rate: float, lang: str) -> str:
    """The progress line of a long audit, in the run's language."""
    return say("cli.audit.progress", language(lang), count=count, rate=rate)


class Progress:
    """A progress line on a terminal's stderr, once a run has taken more than a second."""

    def __init__(self, stream: TextIO, lang: str = "zh") -> None:
        self.lang = lang
        self.stream = stream
        self.enabled = stream.isatty()
        self.start = time.monotonic()
        self.next = self.start + 1.0
        self.shown = False

    def tick(self, count: int) -> None:
        if not self.enabled or count & 1023:
            return
        now = time.monotonic()
        if now >= self.next:
            rate = count / (now - self.start)
            self.stream.write(progress_line(count, rate, self.lang))
            self.stream.flush()
            self.next = now + 0.5
            self.shown = True

    def done(self) -> None:
        if self.shown:
            self.stream.write("\r\033[K")
            self.stream.flush()
            self.shown = False


_SUMMARY_KEYS = (
    "title",
    "records",
    "compliant",
    "violating",
    "share",
    "waived",
    "skipped",
    "by-rule",
    "by-month",
    "by-kind",
    "top-agencies",
    "top-enterprises",
    "violations",
)


@cache
def _summary_labels(lang: Lang) -> tuple[str, ...]:
    """The audit summary's labels in ``lang``, in the order the table uses them (``summary.*``)."""
    said = texts("summary")[lang]
    return tuple(said[key] for key in _SUMMARY_KEYS)


def render_summary(summary: AuditSummary, lang: str, top: int = 10) -> str:
    """The audit summary as a readable table."""
    (
        title,
        records,
        compliant,
        violating,
        share,
        waived,
        skipped,
        by_rule,
        by_month,
        by_kind,
        top_agencies,
        top_enterprises,
        violations,
    ) = _summary_labels(language(lang))

    def left(text: str, width: int) -> str:
        # Pad by display columns: a Chinese character takes two, so 记录 lines up with "records".
        shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
        return text + " " * (width - shown)

    def right(text: str, width: int) -> str:
        shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
        return " " * (width - shown) + text

    lines = [
        f"{title}: {summary.records:,} {records}, {summary.compliant:,} {compliant}, "
        f"{summary.violating:,} {violating}; {share} {summary.compliant_share:.1%}; "
        f"{waived} {summary.waived:,}; {skipped} {summary.skipped:,}",
    ]
    if summary.by_rule:
        lines += ["", by_rule]
        lines += [f"  {left(rule, 28)} {n:>10,}" for rule, n in sorted(summary.by_rule.items())]

    def tally(label: str, rows: list[tuple[str, Any]]) -> None:
        if not rows:
            return
        head = f"  {'':<28} {right(records, 10)} {right(violating, 10)} {right(violations, 10)}"
        lines.extend(["", f"{label}", head])
        for key, t in rows:
            lines.append(f"  {left(key, 28)} {t.records:>10,} {t.violating:>10,} {t.violations:>10,}")

    tally(by_kind, sorted((label("kind", kind, lang), t) for kind, t in summary.by_kind.items()))
    tally(by_month, sorted(summary.by_month.items()))
    worst = sorted(summary.by_agency.items(), key=lambda kv: (-kv[1].violations, kv[0]))[:top]
    tally(top_agencies, [kv for kv in worst if kv[1].violations])
    worst = sorted(summary.by_enterprise.items(), key=lambda kv: (-kv[1].violations, kv[0]))[:top]
    tally(top_enterprises, [kv for kv in worst if kv[1].violations])
    return "\n".join(lines) + "\n"


def _finding_lines(f: Finding, labels: dict[str, str], lang: str, stacked: bool) -> list[str]:
    head = f"  [{f.rule}] {labels['clause']} {f.citation.clause}"
    if stacked and f.pack is not None:
        head += f" · {_pack_label(f.pack.id, f.pack.version, f.pack.level, lang)}"
    if f.matter is not None:
        head += f" · {labels['matter']} {f.matter}"
    if f.provisional:
        head += f" ({labels['provisional']})"
    lines = [head, f"    {f.message}"]
    if f.remedy:
        lines.append(f"    {labels['remedy']}: {f.remedy}")
    return lines


def _pack_label(pack_id: str, version: str, level: str | None, lang: str) -> str:
    text = f"{pack_id} {version}"
    if level is not None:
        # imported here: only a result judged under a place names levels (start-up time)
        from ..law.place import LEVEL_NAMES

        text += say("cli.result.level", language(lang), level=LEVEL_NAMES[lang][level])
    return text


def render_text(result: Result, pack_title: str = "") -> str:
    """The result as readable text in its own language.

    Judged under several packs, it lists each (applied or not, and why) and
    names the pack and level of every finding and obligation.
    """
    lang = language(result.lang)
    labels = _labels(lang)
    n = len(result.violations)
    verdict = labels["ok"] if result.compliant else labels["bad-one" if n == 1 else "bad"].format(n=n)
    stacked = len(result.packs) > 1 or result.place is not None
    lines = [f"{result.subject}: {verdict}"]
    if stacked:
        if pack_title or result.place:
            lines.append(f"{labels['place']}: {pack_title or result.place}")
        lines.append(f"{labels['packs']}:")
        for status in result.packs:
            ref = status.pack
            mark = labels["applied"] if status.applied else (status.message or labels["not-applied"])
            lines.append(f"  {_pack_label(ref.id, ref.version, ref.level, lang)}: {mark}")
    else:
        lines.append(
            f"{labels['pack']}: {result.pack.id} {result.pack.version}"
            + (f" · {pack_title}" if pack_title else "")
        )
    for key, findings in (
        ("violations", result.violations),
        ("waived", result.waived),
        ("notes", result.notes),
    ):
        if findings:
            lines += ["", labels[key]]
            for f in findings:
                lines += _finding_lines(f, labels, lang, stacked)
    if result.obligations:
        lines += ["", labels["obligations"]]
        for o in result.obligations:
            flag = f", {labels['provisional']}" if o.provisional else ""
            where = (
                f" · {_pack_label(o.pack.id, o.pack.version, o.pack.level, lang)}"
                if stacked and o.pack is not None
                else ""
            )
            state = _status(lang)[o.status]
            lines.append(f"  [{o.rule}] {labels['due']} {o.due.isoformat()} ({state}{flag}){where}")
            lines.append(f"    {o.message}")
    return "\n".join(lines) + "\n"
