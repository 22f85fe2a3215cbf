"""Messages of the catalogue (see :mod:`envrules.messages`): id -> (Chinese, English).

The shells' own texts: the command line's headings of a result (``cli.result.*``), of the pack,
place and rule listings (``cli.places.*``, ``cli.rules.*``), of ``replay`` and ``diff``
(``cli.replay.*``), its audit progress and stop lines (``cli.audit.*``), and the audit summary's
table (``summary.*``).
"""

TEXTS: dict[str, tuple[str, str]] = {
    # envrules check --format text: a result as people read it
    "cli.result.ok": ("合规", "compliant"),
    "cli.result.bad": ("不合规（{n}项违规）", "not compliant ({n} violations)"),
    "cli.result.bad-one": ("不合规（{n}项违规）", "not compliant ({n} violation)"),
    "cli.result.pack": ("规则包", "rule pack"),
    "cli.result.packs": ("适用的规则包", "rule packs"),
    "cli.result.place": ("地方", "place"),
    "cli.result.applied": ("已适用", "applied"),
    "cli.result.not-applied": ("未适用", "not applied"),
    "cli.result.violations": ("违规", "Violations"),
    "cli.result.waived": (
        "已说明理由的发现（豁免，仍予记录）",
        "Waived findings (justified, still recorded)",
    ),
    "cli.result.obligations": ("义务", "Obligations"),
    "cli.result.notes": ("提示", "Notes"),
    "cli.result.remedy": ("补救", "remedy"),
    "cli.result.clause": ("依据", "clause"),
    "cli.result.matter": ("事项", "matter"),
    "cli.result.due": ("截止", "due"),
    "cli.result.provisional": ("暂定", "provisional"),
    "cli.result.status.pending": ("待履行", "pending"),
    "cli.result.status.met": ("已履行", "met"),
    "cli.result.status.overdue": ("已逾期", "overdue"),
    "cli.result.level": ("（{level}）", " ({level})"),
    # envrules places / rules --format text
    "cli.places.no-pack": ("（无已编码的规则包）", "(no pack encoded)"),
    "cli.rules.open-ended": ("至今", "open-ended"),
    "cli.rules.in-force": ("施行", "in force"),
    "cli.rules.document": ("文件", "document"),
    "cli.rules.unverified": (" （原文未经官方核实）", " (text not verified against an official source)"),
    # envrules audit: the progress line on a terminal and the line of a stopped run
    "cli.audit.progress": (
        "\r已审查{count:,}条记录（每秒{rate:,.0f}条）",
        "\r{count:,} records ({rate:,.0f}/s)",
    ),
    "cli.audit.stopped-at-line": ("第{line}行", "line {line}"),
    "cli.audit.stopped-at-record": ("第{record}条记录", "record [{record}]"),
    "cli.audit.stopped": (
        "审计在{where}停止（--on-error stop）：该记录及其后的记录均未审查",
        "Audit stopped at {where} (--on-error stop): it and the records after it were not judged",
    ),
    # envrules replay / diff
    "cli.replay.line": ("第{n}行", "line {n}"),
    "cli.replay.ok": ("合规", "compliant"),
    "cli.replay.bad": ("不合规", "not compliant"),
    "cli.replay.reason": ("原因", "reason"),
    "cli.replay.replay": (
        "重放：{n}项决定有差异，{e}项无法判断",
        "Replay: {n} decision(s) differ, {e} could not be judged",
    ),
    "cli.replay.diff": (
        "对比 A={a} 与 B={b}：{records}项记录，{changed}项违规有变化"
        "（其中{verdicts}项结论改变），{e}项无法判断",
        "Diff A={a} B={b}: {records} records, {changed} with changed violations "
        "({verdicts} with a changed verdict), {e} could not be judged",
    ),
    "cli.replay.rule": ("按规则（违规数）", "By rule (violations)"),
    # why a replayed decision may differ (envrules.replay's reasons)
    "cli.replay.why.other": (
        "适用规则包 {new} 而非记录中的 {old}",
        "pack {new} instead of the recorded {old}",
    ),
    "cli.replay.why.version": ("规则包 {id} 版本 {old} → {new}", "pack {id} version {old} → {new}"),
    "cli.replay.why.content": (
        "规则包 {id} 内容已变更（sha256 {old}… → {new}…）",
        "pack {id} content changed (sha256 {old}… → {new}…)",
    ),
    "cli.replay.why.envrules": ("envrules 版本 {old} → {new}", "envrules {old} → {new}"),
    "cli.replay.why.registry": (
        "名录 {id} 内容已变更（sha256 {old}… → {new}…）",
        "registry {id} content changed (sha256 {old}… → {new}…)",
    ),
    # the audit summary's table (envrules audit, stderr or --format text)
    "summary.title": ("审计", "Audit"),
    "summary.records": ("记录", "records"),
    "summary.compliant": ("合规", "compliant"),
    "summary.violating": ("违规记录", "violating"),
    "summary.share": ("合规比例", "compliant share"),
    "summary.waived": ("豁免", "waived"),
    "summary.skipped": ("跳过", "skipped"),
    "summary.by-rule": ("按规则", "By rule"),
    "summary.by-month": ("按月份", "By month"),
    "summary.by-kind": ("按类型", "By kind"),
    "summary.top-agencies": ("违规最多的部门", "Agencies with most violations"),
    "summary.top-enterprises": ("违规最多的企业", "Enterprises with most violations"),
    "summary.violations": ("违规数", "violations"),
    # envrules serve: its start-up line and the expectations of its options
    "cli.serve.listening": (
        "envrules serve 在 {url} 提供服务；未指明规则包或地方的请求依{law}判断",
        "envrules serve at {url}; a request that names no pack or place is judged under {law}",
    ),
    "cli.serve.law-place": ("地方 {place} 的规则", "the law of the place {place}"),
    "cli.serve.law-pack": ("规则包 {pack}", "the pack {pack}"),
    "cli.serve.port": ("1 至 65535 之间的端口号", "a port from 1 to 65535"),
    "cli.serve.positive-integer": ("正整数", "a positive whole number"),
    "cli.serve.positive-seconds": ("有限的正秒数", "a finite positive number of seconds"),
    "cli.serve.pack": (
        "内置规则包 id（{known}）或可读取的有效规则包文件",
        "a bundled pack id ({known}) or a readable, valid pack file",
    ),
    "cli.serve.place": (
        "内置地方 id（{known}）或可读取的有效地方文件",
        "a bundled place id ({known}) or a readable, valid place file",
    ),
    "cli.serve.offered-pack": (
        "本服务提供的规则包之一：{known}",
        "one of the packs the server offers: {known}",
    ),
    "cli.serve.token-file": ("可读取的、存有令牌的 UTF-8 文件", "a readable UTF-8 file holding the token"),
    "cli.serve.free-address": ("可供监听的空闲地址和端口", "an address and port free to listen on"),
    "cli.serve.readable-registry": ("可读取的有效登记册文件", "a readable, valid registry file"),
    "cli.serve.writable-log": (
        "可追加写入的决定日志文件（其目录须存在）",
        "a decision log file that can be appended to (in a folder that exists)",
    ),
}
