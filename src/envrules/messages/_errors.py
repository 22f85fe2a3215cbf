"""Errors and input problems (see :mod:`envrules.messages`): id -> (Chinese, English).

``problem.*``: the sentence said of one field of an input (after ``字段 F：`` / ``field F: ``), and
``problem.check.*`` those of the checks across fields that the input documents make;
``expected.*``: what a field should hold (after ``应为`` / ``expected``); ``codes.*``: a list of
codes; ``json.*``: the kinds of
JSON value; ``file.*``: what is wrong with a whole file; ``error.*``: the errors of the Python API.
"""

TEXTS: dict[str, tuple[str, str]] = {
    # -- one problem of an input, as a line and as its parts
    "problem.line": ("字段 {field}：{text}", "field {field}: {text}"),
    "problem.more": ("（另有 {n} 个问题）", " (and {n} more problem)"),
    "problem.more-plural": ("（另有 {n} 个问题）", " (and {n} more problems)"),
    "problem.missing": ("缺少必填字段", "missing required field"),
    "problem.missing-kind": (
        "缺少必填字段：应为 'inspection'（涉企检查）或 'penalty'（行政处罚），即文件的种类",
        "missing required field: expected 'inspection' or 'penalty' (the kind of document)",
    ),
    "problem.unknown-field": (
        "未知字段 {name}（不属于约定的字段）",
        "unknown field {name} (not part of the contract)",
    ),
    "problem.unknown-field-near": (
        "未知字段 {name}（是否应为 {match}？）",
        "unknown field {name} (did you mean {match}?)",
    ),
    "problem.expected": ("应为{expected}", "expected {expected}"),
    "problem.expected-latin": ("应为 {expected}", "expected {expected}"),
    "problem.got": ("（实际为 {given}）", " (got {given})"),
    "problem.got-kind": ("（实际为{kind}{shown}）", " (got {kind}{shown})"),
    "problem.did-you-mean": ("；是否应为 {suggestion}？", "; did you mean {suggestion}?"),
    "problem.as-type": ("{name}", "{name}"),
    "problem.too-short": ("至少应有{min}项（实际为{actual}项）", "at least {min} items (got {actual})"),
    "problem.check.not-before": (
        "{later}（{later_on}）不得早于{earlier}（{earlier_on}）",
        "{later} ({later_on}) must not be before {earlier} ({earlier_on})",
    ),
    "problem.check.not-after": (
        "{later}（{later_on}）不得晚于{earlier}（{earlier_on}）",
        "{later} ({later_on}) must not be after {earlier} ({earlier_on})",
    ),
    "problem.check.repeated-matter": (
        "事项代码不得重复（{code} 出现两次）",
        "matters must not repeat a code (got {code} twice)",
    ),
    "problem.check.minimum-above-maximum": (
        "{name}的下限 {low} 不得高于上限 {high}",
        "{name} minimum {low} must not exceed its maximum {high}",
    ),
    "problem.check.benchmark-outside": (
        "裁量基准幅度 {benchmark} 须在法定罚款幅度 {statutory} 之内",
        "benchmark range {benchmark} must lie inside the statutory range {statutory}",
    ),
    "problem.check.ended-without-committed": (
        "填写违法行为终了之日的，须同时填写违法行为发生之日",
        "ended_on (end of a continuing act) needs committed_on",
    ),
    "problem.check.discovered-before-committed": (
        "发现违法行为之日不得早于违法行为发生之日",
        "discovered_on must not be before committed_on",
    ),
    # -- the fields the checks across fields name, as a sentence names them (the path is the slot's)
    "field.start": ("检查开始时间", "start"),
    "field.end": ("检查结束时间", "end"),
    "field.ordered_on": ("责令改正之日", "ordered_on"),
    "field.deadline": ("整改期限", "deadline"),
    "field.decided_on": ("作出处罚决定之日", "decided_on"),
    "field.committed_on": ("违法行为发生之日", "committed_on"),
    "field.ended_on": ("违法行为终了之日", "ended_on"),
    "field.discovered_on": ("发现违法行为之日", "discovered_on"),
    "field.hearing_notified_on": ("告知听证权利之日", "hearing_notified_on"),
    "field.hearing_waived_on": ("放弃听证之日", "hearing_waived_on"),
    "field.hearing_time_notified_on": ("通知听证时间之日", "hearing_time_notified_on"),
    "field.hearing_held_on": ("举行听证之日", "hearing_held_on"),
    "field.statement_waived_on": ("放弃陈述、申辩之日", "statement_waived_on"),
    "field.case_filed_on": ("立案之日", "case_filed_on"),
    "field.benchmark range": ("裁量基准幅度", "benchmark range"),
    "field.statutory_range": ("法定罚款幅度", "statutory_range"),
    # -- what a field should hold
    "expected.json-array": ("JSON 数组", "a JSON array"),
    "expected.json-object": ("JSON 对象", "a JSON object"),
    "expected.json-string": ("JSON 字符串", "a JSON string"),
    "expected.document": ("JSON 对象：涉企检查或行政处罚", "a JSON object: an inspection or a penalty"),
    "expected.one-of": ("以下之一：{codes}", "one of {codes}"),
    "expected.no-code": ("此处没有可用的代码（未定义任何代码）", "no code here (none is defined)"),
    "codes.two": ("{first}或{last}", "{first} or {last}"),
    "codes.many": ("{first}或{last}之一", "{first} or {last}"),
    "codes.separator": ("、", ", "),
    "expected.valid-boolean": ("布尔值 true 或 false", "a valid boolean"),
    "expected.valid-string": ("有效的字符串", "a valid string"),
    "expected.valid-integer": ("有效的整数", "a valid integer"),
    "expected.valid-decimal": ("有效的十进制数", "a valid decimal"),
    "expected.finite-number": ("有限的数", "a finite number"),
    "expected.at-least": ("大于或等于 {limit}", "greater than or equal to {limit}"),
    "expected.at-most": ("小于或等于 {limit}", "less than or equal to {limit}"),
    "expected.at-most-characters": ("不超过{limit}个字符的文本", "a text of at most {limit} characters"),
    "expected.amount": (
        "以元为单位、最多{places}位小数的金额",
        "an amount in yuan with at most {places} decimal places",
    ),
    "expected.date-or-time": (
        "ISO 8601 日期（{date}）或时间（{time}）",
        "an ISO 8601 date ({date}) or timestamp ({time})",
    ),
    "expected.date-or-time-because": (
        "ISO 8601 日期（{date}）或时间（{time}）：{detail}",
        "an ISO 8601 date ({date}) or timestamp ({time}): {detail}",
    ),
    "expected.date-such-as": ("ISO 8601 日期，如 {example}", "an ISO 8601 date such as {example}"),
    "expected.date-between": ("{first} 至 {last} 之间的日期", "a date from {first} to {last}"),
    "expected.json-file": ("JSON 文件", "a JSON file"),
    "expected.json-lines-log": ("JSON Lines 日志文件", "a JSON Lines log"),
    "expected.history": ("由涉企检查和行政处罚组成的列表", "an iterable of inspections and penalties"),
    # -- the kinds of JSON value, as a given value is named
    "json.null": ("null", "null"),
    "json.boolean": ("布尔值", "a boolean"),
    "json.number": ("数字", "a number"),
    "json.string": ("字符串", "a string"),
    "json.object": ("对象", "an object"),
    "json.array": ("数组", "an array"),
    # -- a whole file
    "file.no-such-file": ("文件不存在", "no such file"),
    "file.directory": ("是目录，不是文件（应为 {expected}）", "is a directory, expected {expected}"),
    "file.unreadable": ("无法读取文件（{reason}）", "cannot read the file ({reason})"),
    "file.not-utf8-at-offset": (
        "不是 UTF-8 文本（第{n}字节无效）",
        "not UTF-8 text (invalid byte at offset {n})",
    ),
    "file.not-utf8-at-column": (
        "不是 UTF-8 文本（第{n}列无效）",
        "not UTF-8 text (invalid byte at column {n})",
    ),
    "file.not-utf8-byte": ("不是 UTF-8 文本（第{n}字节无效）", "not UTF-8 text (byte {n})"),
    "file.not-json": ("不是有效的 JSON：{detail}", "not valid JSON: {detail}"),
    "file.empty": (
        "空文件，应为 JSON 对象（案卷或提案）",
        "empty file, expected a JSON object (a case file or a proposal)",
    ),
    "file.not-an-object": ("应为 JSON 对象：案卷或提案", "expected a JSON object: a case file or a proposal"),
    "file.no-records": (
        "没有记录：日志为空（应为 JSON Lines，每行一条涉企检查或行政处罚，或由它们组成的 JSON 数组）",
        "no records: the log is empty (expected JSON Lines, one inspection or penalty per line, "
        "or a JSON array of them)",
    ),
    "file.no-decisions": (
        "没有记录：日志为空（应为 JSON Lines，每行一条决定记录，即 --record 或 --decision-log 所写）",
        "no records: the log is empty (expected JSON Lines, one decision record per line, "
        "as --record or --decision-log writes them)",
    ),
    "file.case-not-log": (
        "这是案卷（提案及其历史），不是日志：请用 `{command}`",
        "this is a case file (a proposal with its history), not a log: use `{command}`",
    ),
    "file.document-not-log": (
        "这是写成多行的单个文件，不是日志：日志每行一条记录（JSON Lines）或为 JSON 数组；"
        "判断单个文件请用 `{command}`",
        "this is one document written over several lines, not a log: a log holds one record per "
        "line (JSON Lines) or a JSON array; to judge one document use `{command}`",
    ),
    "file.more": ("另有 {n} 个问题", "and {n} more problems"),
    "file.one-more": ("另有 {n} 个问题", "and {n} more problem"),
    # -- a pack or notice file (TOML)
    "pack.not-toml": ("不是有效的 TOML：{detail}", "not valid TOML: {detail}"),
    "pack.too-deep": (
        "表和数组的嵌套超过 {limit} 层{where}，本格式只需 4 层",
        "tables and arrays nested more than {limit} deep{where} (the format needs 4)",
    ),
    "pack.at-line": ("（第 {line} 行）", " at line {line}"),
    # -- errors of the Python API
    "error.extra-missing": (
        "{what}需要可选依赖 [{extra}]，但未安装。envrules 不在软件包索引上，请在源码目录中安装："
        "pip install '.[{extra}]'，或从构建的 wheel 安装："
        "pip install 'dist/envrules-{version}-py3-none-any.whl[{extra}]'",
        "{what} needs the optional extra [{extra}], which is not installed. envrules is not on a "
        "package index: install it from a checkout, pip install '.[{extra}]', or from a built "
        "wheel, pip install 'dist/envrules-{version}-py3-none-any.whl[{extra}]'",
    ),
    "error.pack": ("{file}：[{where}] {problem}", "{file}: [{where}] {problem}"),
    "error.unknown-pack": (
        "未知的规则包 {name}：应为 {known} 之一，或 .toml 文件的路径",
        "unknown rule pack {name}: expected one of {known} or a .toml path",
    ),
    "error.pack-not-in-force": (
        "规则包 {pack} 于 {act_date} 不在施行期内（{period}）；请选用行为发生之日施行的法律所对应的规则包",
        "rule pack {pack} is not in force on {act_date} ({period}); "
        "choose the pack of the law in force on the date of the act",
    ),
    "error.in-force-from": ("自 {start} 起施行，未定截止日期", "in force from {start}, with no end date"),
    "error.in-force-between": ("自 {start} 起施行，至 {end} 止", "in force from {start} to {end}"),
}
