"""Messages of the catalogue (see :mod:`envrules.messages`): the plan checker's (``plan.*``)."""

TEXTS: dict[str, tuple[str, str]] = {
    "plan.window-closed": (
        "窗口{first}至{last}内没有合法的开始日期：{spans}",
        "no lawful start day in the window {first} to {last}: {spans}",
    ),
    "plan.span": ("{first}至{last}因{rules}不可行", "{first} to {last} closed by {rules}"),
    "plan.heading": ("检查计划审查：{n}项计划", "Plan check: {n} entries"),
    "plan.entry-ok": ("{id}：合规（{date}）", "{id}: lawful ({date})"),
    "plan.entry-bad": ("{id}：不合规（{n}项违规）", "{id}: not lawful ({n} violation(s))"),
    "plan.window-ok": (
        "{id}：窗口{first}至{last}内可行日期{count}天，最早{lawful_from}",
        "{id}: {count} lawful start day(s) in the window {first} to {last}, the earliest {lawful_from}",
    ),
    "plan.conflicts": ("冲突", "Conflicts"),
    "plan.conflict": (
        "{enterprise}：{entries}争夺{places}个名额（{rule}，依据{clause}）",
        "{enterprise}: {entries} compete for {places} place(s) ({rule}, clause {clause})",
    ),
    "plan.joint-visits": ("可合并的联合检查", "Visits to merge (joint inspections)"),
    "plan.joint": (
        "{enterprise}：{date}由{lead}牵头，{participants}参与，事项：{matters}（计划{entries}）",
        "{enterprise}: on {date}, {lead} leading with {participants}; matters: {matters} (entries {entries})",
    ),
    "plan.summary": ("汇总", "Summary"),
    "plan.visits": (
        "入企检查：合并前{before}次，合并后{after}次；每家企业平均{mean}次，最多{max}次",
        "visits into enterprises: {before} before merging, {after} after; "
        "per enterprise mean {mean}, max {max}",
    ),
    "plan.joint-share": (
        "联合检查占比：合并前{before}，合并后{after}",
        "share of joint visits: {before} before merging, {after} after",
    ),
    "plan.modes": (
        "检查方式：现场{on_site}，远程{remote}，书面{written}，未说明{unstated}",
        "modes: on-site {on_site}, remote {remote}, written {written}, not stated {unstated}",
    ),
    "plan.by-rule": ("违规（按规则）", "Violations by rule"),
    "plan.by-level": ("违规（按层级）", "Violations by level"),
    "plan.none": ("无", "none"),
    "plan.verdict-ok": ("计划可行：全部合规，没有冲突", "The plan holds: every entry lawful, no conflict"),
    "plan.verdict-bad": (
        "计划不可行：{unlawful}项不合规，{conflicts}项冲突",
        "The plan does not hold: {unlawful} unlawful entries, {conflicts} conflict(s)",
    ),
}
