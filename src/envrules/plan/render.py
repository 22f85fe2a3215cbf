"""A judged plan as text (Chinese by default) or CSV (one row per entry)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from ..messages import say
from .judge import closed_text

if TYPE_CHECKING:
    from . import PlanReport

__all__ = ["render_csv", "render_text"]

CSV_HEADER = (
    "line",
    "id",
    "enterprise",
    "agency",
    "date",
    "window_from",
    "window_to",
    "lawful_from",
    "lawful_days",
    "compliant",
    "violations",
)


def render_text(report: PlanReport) -> str:
    """The report as a person reads it: entries, conflicts, joint visits, summary."""
    lang = report.lang
    lines = [say("plan.heading", lang, n=len(report.entries)), ""]
    for j in report.entries:
        entry = j.placed.entry
        window = entry.window
        n = len(j.result.violations)
        if window is not None and j.lawful:
            count = len(j.lawful)
            lines.append(
                say(
                    "plan.window-ok",
                    lang,
                    id=entry.id,
                    first=window.first.isoformat(),
                    last=window.last.isoformat(),
                    count=count,
                    s="" if count == 1 else "s",
                    lawful_from=j.lawful[0].isoformat(),
                )
            )
        elif window is not None:
            lines.append(say("plan.entry-bad", lang, id=entry.id, n=n, s="" if n == 1 else "s"))
            lines.append(f"  {closed_text(j, lang)}")
        elif j.result.compliant:
            lines.append(
                say("plan.entry-ok", lang, id=entry.id, date=entry.inspection().first_day.isoformat())
            )
        else:
            lines.append(say("plan.entry-bad", lang, id=entry.id, n=n, s="" if n == 1 else "s"))
        for f in j.result.violations:
            lines.append(f"  [{f.rule}] {f.citation.clause}: {f.message}")
    if report.conflicts:
        lines += ["", say("plan.conflicts", lang)]
        for c in report.conflicts:
            lines.append(
                "  "
                + say(
                    "plan.conflict",
                    lang,
                    enterprise=c.enterprise,
                    entries=("、" if lang == "zh" else ", ").join(p.entry.id for p in c.entries),
                    places=c.places,
                    s="" if c.places == 1 else "s",
                    rule=c.rule.rule,
                    clause=c.rule.clause,
                )
            )
    if report.joint_visits:
        lines += ["", say("plan.joint-visits", lang)]
        sep = "、" if lang == "zh" else ", "
        for v in report.joint_visits:
            lines.append(
                "  "
                + say(
                    "plan.joint",
                    lang,
                    enterprise=v.enterprise,
                    date=v.day.isoformat(),
                    lead=v.lead.entry.agency.id,
                    participants=sep.join(p.entry.agency.id for p in v.participants),
                    matters=sep.join(v.matters),
                    entries=sep.join([v.lead.entry.id, *(p.entry.id for p in v.participants)]),
                )
            )
    s = report.summary
    before, after = s["visits_before_merging"], s["visits_after_merging"]
    modes = s["modes"]
    lines += [
        "",
        say("plan.summary", lang),
        "  "
        + say(
            "plan.visits",
            lang,
            before=before["visits"],
            after=after["visits"],
            mean=before["mean"],
            max=before["max"],
        ),
        "  "
        + say(
            "plan.joint-share",
            lang,
            before=f"{s['joint_share_before_merging']:.1%}",
            after=f"{s['joint_share_after_merging']:.1%}",
        ),
        "  "
        + say(
            "plan.modes",
            lang,
            on_site=modes["on-site"],
            remote=modes["remote"],
            written=modes["written"],
            unstated=modes["unstated"],
        ),
    ]
    for key, table in (("by-rule", s["violations_by_rule"]), ("by-level", s["violations_by_level"])):
        shown = ", ".join(f"{k} {v}" for k, v in table.items()) or say("plan.none", lang)
        lines.append(f"  {say('plan.' + key, lang)}: {shown}")
    unlawful, conflicts = s["unlawful"], s["conflicts"]
    lines += [
        "",
        say("plan.verdict-ok", lang)
        if report.ok
        else say(
            "plan.verdict-bad",
            lang,
            unlawful=unlawful,
            conflicts=conflicts,
            ies="y" if unlawful == 1 else "ies",
            s="" if conflicts == 1 else "s",
        ),
    ]
    return "\n".join(lines) + "\n"


def render_csv(report: PlanReport) -> str:
    """One row per entry, in file order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for j in report.entries:
        entry = j.placed.entry
        window = entry.window
        writer.writerow(
            [
                "" if j.placed.line is None else j.placed.line,
                entry.id,
                entry.enterprise,
                entry.agency.id,
                "" if window is not None else entry.inspection().first_day.isoformat(),
                window.first.isoformat() if window else "",
                window.last.isoformat() if window else "",
                j.lawful[0].isoformat() if window and j.lawful else "",
                len(j.lawful) if window else "",
                "true" if j.result.compliant else "false",
                " ".join(j.result.rules_violated()),
            ]
        )
    return out.getvalue()
