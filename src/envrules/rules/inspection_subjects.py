"""Who may inspect, with whom, for which published matter, and with the enterprise's code scanned.

Four rules of the 2025 inspection law (国办发〔2024〕54号 and Hunan's implementation):
``inspecting-body``, ``certified-inspectors``, ``published-matter`` and
``code-scanned``. The first and third need a registry (:mod:`envrules.registry`);
without one covering the inspection's date, each says in a note what it could
not check, and never passes or fails silently.
"""

from __future__ import annotations

from typing import Any, ClassVar, Literal

from ..models import Inspection
from ..registry import LAWFUL_BODIES, Registry
from ..result import Finding
from .base import Context, Params, Rule, Text

__all__ = [
    "CertifiedInspectors",
    "CodeScanned",
    "InspectingBody",
    "PublishedMatter",
    "registry_for",
    "static_note",
]

_BODY_ZH = {
    "administrative-organ": "行政机关",
    "authorised-organisation": "法律法规授权组织",
    "entrusted-organisation": "受委托组织",
    "government": "人民政府",
    "coordination-body": "议事协调机构",
    "third-party": "第三方机构",
    "intermediary": "中介机构",
}


def static_note(rule: Rule[Inspection, Any], ctx: Context, key: str, what: str | None = None) -> Finding:
    """A note whose text depends only on the rule, the language and the pack: built once, then shared.

    ``what`` names a message of the rule filling the note's ``{what}``.
    """
    cache: dict[tuple[str, str, int], tuple[object, Finding]] = rule.__dict__.setdefault("_static_notes", {})
    pack = ctx.pack
    k = (key, ctx.lang, id(pack))
    hit = cache.get(k)
    if hit is not None and hit[0] is pack:
        return hit[1]
    values = {"what": rule.say(ctx.lang, what)} if what is not None else None
    note = rule.finding(ctx, key, values, severity="info")
    cache[k] = (pack, note)
    return note


def registry_for(rule: Rule[Inspection, Any], doc: Inspection, ctx: Context, what: str) -> Registry | None:
    """The registry when it covers the inspection's first day; else a note saying what was not checked."""
    reg = ctx.registry
    if reg is None:
        ctx.notes.append(static_note(rule, ctx, "no-registry", what))
        return None
    day = doc.first_day
    if reg.covers(day):
        return reg
    values = {"what": rule.say(ctx.lang, what), "date": day.isoformat(), "registry": reg.id}
    ctx.notes.append(
        rule.finding(ctx, "registry-not-in-force", values, severity="info", value=day.isoformat())
    )
    return None


_COMMON: dict[str, dict[str, str]] = {
    "zh": {
        "no-registry": "未提供登记册（--registry），无法核查{what}",
        "registry-not-in-force": "登记册{registry}不涵盖检查日期{date}，无法核查{what}",
    },
    "en": {
        "no-registry": "no registry given (--registry): could not check {what}",
        "registry-not-in-force": "registry {registry} does not cover the ins"
        "pection date {date}: could not check {what}",
    },
}


def _text(zh: dict[str, str], en: dict[str, str]) -> Text:
    return {"zh": {**_COMMON["zh"], **zh}, "en": {**_COMMON["en"], **en}}


class NoParams(Params):
    pass


class InspectingBody(Rule[Inspection, NoParams]):
    """国办发〔2024〕54号 二：only confirmed and published bodies may inspect.

    「行政检查主体资格要依法确认并向社会公告。严禁政府议事协调机构以各种名义实施行政检查；
    严禁检验检测机构、科研院所等第三方实施行政检查；严禁外包给中介机构实施行政检查」.

    Readings:

    * The inspecting agency and every participating agency must be in the
      registry, of a lawful kind (行政机关, 授权组织, 受委托组织) and published
      on the list of inspecting bodies (``listed_on``) on or before the
      inspection's first day. An agency missing from a registry that covers the
      date is not on the published list: a violation.
    * A government, a coordination body, a third party or an intermediary is
      never a lawful inspecting body.
    * Without a registry covering the date, a note says the body could not be
      checked.
    """

    id: ClassVar[str] = "inspecting-body"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = NoParams
    text: ClassVar[Text] = _text(
        {
            "what": "检查主体资格及其公告",
            "unknown": "检查主体{agency}不在登记册的行政检查主体名单中，不得实施行政检查",
            "kind": "{agency}属于{body}，不是合法的行政检"
            "查主体（限于行政机关、法律法规授权组织、受委托组织）",
            "unlisted": "检查主体{agency}于{date}尚未作为行政检查主体向社会公告（公告日期：{listed}）",
            "not-listed": "未公告",
            "fix": "由已确认并公告的行政检查主体实施检查",
        },
        {
            "what": "the inspecting body and its publication",
            "unknown": "inspecting body {agency} is not on the registry's list of inspecting bodies; "
            "it may not inspect",
            "kind": "{agency} is a {body}, not a lawful inspecting body (only administrative organs, "
            "authorised and entrusted organisations)",
            "unlisted": "{agency} was not yet published as an inspe"
            "cting body on {date} (published: {listed})",
            "not-listed": "not published",
            "fix": "have a confirmed and published inspecting body carry out the inspection",
        },
    )

    def check(self, doc: Inspection, ctx: Context) -> None:
        reg = registry_for(self, doc, ctx, "what")
        if reg is None:
            return
        day = doc.first_day
        lang = ctx.lang
        for agency in (doc.agency, *doc.participants):
            entry = reg.agency(agency.id)
            name = reg.agency_name(agency.id, lang)
            if entry is None:
                ctx.violations.append(
                    self.finding(
                        ctx, "unknown", {"agency": name}, remedy="fix", value=agency.id, limit=reg.id
                    )
                )
            elif entry.body not in LAWFUL_BODIES:
                body = _BODY_ZH[entry.body] if lang == "zh" else entry.body
                ctx.violations.append(
                    self.finding(
                        ctx,
                        "kind",
                        {"agency": name, "body": body},
                        remedy="fix",
                        value=entry.body,
                        limit="administrative-organ|authorised-organisation|entrusted-organisation",
                    )
                )
            elif entry.listed_on is None or entry.listed_on > day:
                listed = entry.listed_on.isoformat() if entry.listed_on else self.say(lang, "not-listed")
                ctx.violations.append(
                    self.finding(
                        ctx,
                        "unlisted",
                        {"agency": name, "date": day.isoformat(), "listed": listed},
                        remedy="fix",
                        value=listed,
                        limit=day.isoformat(),
                    )
                )


class CertifiedInspectorsParams(Params):
    never: tuple[Literal["officer", "assistant", "grid-worker", "temporary", "third-party"], ...] = (
        "third-party",
    )


class CertifiedInspectors(Rule[Inspection, CertifiedInspectorsParams]):
    """国办发〔2024〕54号 二：「严禁未取得执法证件的执法辅助人员、网格员、临时工等人员实施行政检查」.

    Readings:

    * Every inspector listed must hold an enforcement certificate
      (``certified``); an assistant, grid worker or temporary worker without one
      is named by role. Staff of a third party (``role = "third-party"``:
      testing bodies, research institutes, intermediaries) may never inspect,
      certified or not (pack parameter ``never``).
    * ``inspectors`` absent: a note says who inspects was not stated and could
      not be checked; the inspection is not presumed compliant on this point.
    """

    id: ClassVar[str] = "certified-inspectors"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = CertifiedInspectorsParams
    text: ClassVar[Text] = _text(
        {
            "missing": "未列明检查人员（inspectors），无法核查其是否取得执法证件",
            "uncertified": "检查人员{inspector}（{role}）未取得执法证件，不得实施行政检查",
            "never": "检查人员{inspector}属于{role}，不得实施行政检查",
            "fix": "由取得执法证件的执法人员实施检查",
            "officer": "执法人员",
            "assistant": "执法辅助人员",
            "grid-worker": "网格员",
            "temporary": "临时工",
            "third-party": "第三方机构人员",
        },
        {
            "missing": "the inspectors are not stated (inspectors): could not check their certificates",
            "uncertified": "inspector {inspector} ({role}) holds no e"
            "nforcement certificate and may not inspect",
            "never": "inspector {inspector} is {role} and may not inspect",
            "fix": "have certified enforcement officers carry out the inspection",
            "officer": "an enforcement officer",
            "assistant": "an enforcement assistant",
            "grid-worker": "a grid worker",
            "temporary": "a temporary worker",
            "third-party": "third-party staff",
        },
    )

    def check(self, doc: Inspection, ctx: Context) -> None:
        if doc.inspectors is None:
            ctx.notes.append(static_note(self, ctx, "missing"))
            return
        never = self.params.never
        for person in doc.inspectors:
            role = self.say(ctx.lang, person.role)
            values = {"inspector": person.id, "role": role}
            if person.role in never:
                ctx.violations.append(
                    self.finding(
                        ctx, "never", values, remedy="fix", value=person.role, limit="not " + person.role
                    )
                )
            elif not person.certified:
                ctx.violations.append(
                    self.finding(
                        ctx, "uncertified", values, remedy="fix", value="certified=false", limit="certified"
                    )
                )


class PublishedMatter(Rule[Inspection, NoParams]):
    """国办发〔2024〕54号 三：「未经公布的行政检查事项，不得实施」.

    Readings:

    * Each matter inspected must be on the inspecting agency's published list
      of matters in the registry, published on or before the inspection's first
      day: published the day before (or the same day) is in time, the day after
      is not. A matter not on the agency's list is not published.
    * Without a registry covering the date, a note says the matters could not
      be checked.
    """

    id: ClassVar[str] = "published-matter"
    kind: ClassVar[Literal["inspection"]] = "inspection"
    params_model: ClassVar[type[Params]] = NoParams
    text: ClassVar[Text] = _text(
        {
            "what": "检查事项是否已公布",
            "unlisted": "事项“{label}”不在{agency}公布的行政检查事项清单中，不得实施检查",
            "late": "事项“{label}”于{published}才公布，晚于检查日期{date}：未经公布的行政检查事项，不得实施",
            "drop": "从本次检查中删去事项“{matter}”，或待其公布后再检查",
        },
        {
            "what": "whether the matters inspected were published",
            "unlisted": "matter '{label}' is not on the list of inspection matters {agency} published; "
            "it may not be inspected",
            "late": "matter '{label}' was published only on {published}, after the inspection date {date}: "
            "an unpublished matter may not be inspected",
            "drop": "drop matter '{matter}' from this inspection, or inspect it once published",
        },
    )

    def check(self, doc: Inspection, ctx: Context) -> None:
        reg = registry_for(self, doc, ctx, "what")
        if reg is None:
            return
        day = doc.first_day
        agency = doc.agency.id
        name = reg.agency_name(agency, ctx.lang)
        for matter in doc.matters:
            entry = reg.matter(agency, matter.code)
            label = reg.matter_name(agency, matter.code, ctx.lang)
            if entry is None:
                ctx.violations.append(
                    self.finding(
                        ctx,
                        "unlisted",
                        {"agency": name, "label": label},
                        remedy="drop",
                        matter=matter.code,
                        value=matter.code,
                        limit=reg.id,
                    )
                )
                continue
            if entry.published_on > day:
                ctx.violations.append(
                    self.finding(
                        ctx,
                        "late",
                        {
                            "published": entry.published_on.isoformat(),
                            "date": day.isoformat(),
                            "label": label,
                        },
                        remedy="drop",
                        matter=matter.code,
                        value=entry.published_on.isoformat(),
                        limit=day.isoformat(),
                    )
                )


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
    text: ClassVar[Text] = _text(
        {
            "missing": "未说明是否扫码入企（code_scanned），无法核查",
            "unscanned": "现场检查未扫码入企（code_scanned = false）",
            "scan": "入企前通过行政检查码扫码登记",
        },
        {
            "missing": "whether the enterprise's code was scanned i"
            "s not stated (code_scanned): could not check",
            "unscanned": "on-site inspection without scanning the enterprise's code (code_scanned = false)",
            "scan": "register by scanning the inspection code before entering",
        },
    )

    def check(self, doc: Inspection, ctx: Context) -> None:
        if doc.mode in ("remote", "written"):
            return
        if doc.code_scanned is None:
            ctx.notes.append(static_note(self, ctx, "missing"))
        elif not doc.code_scanned:
            ctx.violations.append(self.finding(ctx, "unscanned", remedy="scan", value="false", limit="true"))
