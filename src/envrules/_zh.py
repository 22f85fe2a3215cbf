"""Error lines in Chinese: the problems of invalid input, said in the reader's language.

Problems are built in English (the Python API's ``str``); the command line
shows them in the language of ``--lang`` (Chinese by default). Phrases are
translated by pattern; an unknown phrase is kept as written rather than
guessed, so a new English message never turns into a wrong Chinese one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .errors import Problem
from .labels import LABELS

__all__ = ["file_text", "problem_text"]

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], str]]


def _codes(text: str) -> str:
    """``'a', 'b' or 'c'`` as ``'a'、'b' 或 'c' 之一``, each known code with its label."""
    codes = re.findall(r"'([^']*)'", text)
    shown = []
    for code in codes:
        for vocabulary in ("kind", "level", "ground", "status", "harm", "outcome"):
            pair = LABELS[vocabulary].get(code)
            if pair is not None:
                shown.append(f"'{code}'（{pair[0]}）")
                break
        else:
            shown.append(f"'{code}'")
    if len(shown) == 1:
        return shown[0]
    return "、".join(shown[:-1]) + "或" + shown[-1] + ("" if len(shown) == 2 else "之一")


_EXPECTED: list[_Rule] = [
    (re.compile(r"^'[^']*'(, '[^']*')*( or '[^']*')?$"), lambda m: _codes(m.group(0))),
    (
        re.compile(r"^a JSON (array|object|string)$"),
        lambda m: {"array": "JSON 数组", "object": "JSON 对象", "string": "JSON 字符串"}[m.group(1)],
    ),
    (re.compile(r"^one of (.+)$"), lambda m: f"以下之一：{m.group(1)}"),
    (re.compile(r"^a valid boolean$"), lambda m: "布尔值 true 或 false"),
    (
        re.compile(r"^an ISO 8601 date \((.+?)\) or timestamp \((.+?)\)(.*)$"),
        lambda m: f"ISO 8601 日期（{m.group(1)}）或时间（{m.group(2)}）{m.group(3)}",
    ),
    (re.compile(r"^an ISO 8601 date such as (.+)$"), lambda m: f"ISO 8601 日期，如 {m.group(1)}"),
    (re.compile(r"^a date from (\S+) to (\S+)$"), lambda m: f"{m.group(1)} 至 {m.group(2)} 之间的日期"),
    (
        re.compile(r"^an amount in yuan with at most (\d+) decimal places$"),
        lambda m: f"以元为单位、最多{m.group(1)}位小数的金额",
    ),
    (re.compile(r"^a finite number$"), lambda m: "有限的数"),
    (re.compile(r"^a valid decimal$"), lambda m: "有效的十进制数"),
    (re.compile(r"^greater than or equal to (\S+)$"), lambda m: f"大于或等于 {m.group(1)}"),
    (re.compile(r"^less than or equal to (\S+)$"), lambda m: f"小于或等于 {m.group(1)}"),
    (re.compile(r"^an iterable of inspections and penalties$"), lambda m: "由涉企检查和行政处罚组成的列表"),
    (re.compile(r"^a JSON object: an inspection or a penalty$"), lambda m: "JSON 对象：涉企检查或行政处罚"),
    (
        re.compile(r"^a valid (?:string|integer)$"),
        lambda m: "有效的" + ("字符串" if "string" in m.group(0) else "整数"),
    ),
]

_SENTENCES: list[_Rule] = [
    (
        re.compile(r"^(\w+) \((.+?)\) must not be before (\w+) \((.+?)\)$"),
        lambda m: f"{m.group(1)}（{m.group(2)}）不得早于 {m.group(3)}（{m.group(4)}）",
    ),
    (
        re.compile(r"^(\w+) \((.+?)\) must not be after (\w+) \((.+?)\)$"),
        lambda m: f"{m.group(1)}（{m.group(2)}）不得晚于 {m.group(3)}（{m.group(4)}）",
    ),
    (
        re.compile(r"^matters must not repeat a code \(got (.+)\)$"),
        lambda m: f"matters 中的事项代码不得重复（实际为 {m.group(1)}）",
    ),
    (
        re.compile(r"^(.+) minimum (\S+) must not exceed its maximum (\S+)$"),
        lambda m: f"{m.group(1)} 的下限 {m.group(2)} 不得高于上限 {m.group(3)}",
    ),
    (
        re.compile(r"^benchmark range (\[.+\]) must lie inside the statutory range (\[.+\])$"),
        lambda m: f"基准幅度 {m.group(1)} 须在法定幅度 {m.group(2)} 之内",
    ),
    (
        re.compile(r"^ended_on \(end of a continuing act\) needs committed_on$"),
        lambda m: "填写 ended_on（连续行为的终了日）须同时填写 committed_on",
    ),
    (
        re.compile(r"^discovered_on must not be before committed_on$"),
        lambda m: "discovered_on 不得早于 committed_on",
    ),
    (
        re.compile(r"^(?:Tuple|List) should have at least (\d+) items? after validation, not (\d+)$"),
        lambda m: f"至少应有{m.group(1)}项（实际为{m.group(2)}项）",
    ),
]


def _apply(rules: list[_Rule], text: str) -> str | None:
    for pattern, render in rules:
        match = pattern.match(text)
        if match:
            return render(match)
    return None


def _expected(text: str) -> str:
    return _apply(_EXPECTED, text) or text


def problem_text(problem: Problem, lang: str) -> str:
    """``field F: …`` in ``lang``: ``字段 F：…`` in Chinese."""
    if lang != "zh":
        return str(problem)
    return f"字段 {problem.field}：{_message(problem)}"


def _message(p: Problem) -> str:
    m = p.message
    if m == "missing required field":
        return "缺少必填字段"
    if m.startswith("missing required field: expected 'inspection' or 'penalty'"):
        return "缺少必填字段：应为 'inspection'（涉企检查）或 'penalty'（行政处罚），即文件的种类"
    unknown = re.match(r"^unknown field ('.*?'|\".*?\") \(", m)
    if unknown:
        if p.suggestion is not None:
            return f"未知字段 {unknown.group(1)}（是否应为 {p.suggestion!r}？）"
        return f"未知字段 {unknown.group(1)}（不属于约定的字段）"
    if m.startswith("expected "):
        body = m[len("expected ") :]
        got = ""
        if p.given is not None and f" (got {p.given})" in body:
            body, _, rest = body.partition(f" (got {p.given})")
            got = f"（实际为 {p.given}）"
            suggestion = rest
        else:
            body, _, suggestion = body.partition("; did you mean")
            if " (got " in body:
                body, _, shown = body.partition(" (got ")
                got = f"（实际为 {shown.rstrip(')')}）"
            suggestion = "; did you mean" + suggestion if suggestion else ""
        expected = _expected(body)
        text = f"应为{' ' if expected[:1].isascii() else ''}{expected}{got}"
        if p.suggestion is not None and "did you mean" in suggestion:
            text += f"；是否应为 {p.suggestion!r}？"
        return text
    body, _, shown = m.partition(" (got ")
    sentence = _apply(_SENTENCES, m)
    if sentence is None and shown:
        inner = _apply(_SENTENCES, body)
        sentence = None if inner is None else f"{inner}（实际为 {shown.rstrip(')')}）"
    return sentence or m


_FILE: list[_Rule] = [
    (re.compile(r"^no such file$"), lambda m: "文件不存在"),
    (re.compile(r"^is a directory, expected (.+)$"), lambda m: "是目录，不是文件"),
    (re.compile(r"^cannot read the file \((.+)\)$"), lambda m: f"无法读取文件（{m.group(1)}）"),
    (
        re.compile(r"^not UTF-8 text \(invalid byte at (offset|column) (\d+)\)$"),
        lambda m: f"不是 UTF-8 文本（第{m.group(2)}{'字节' if m.group(1) == 'offset' else '列'}无效）",
    ),
    (re.compile(r"^not valid JSON: (.+)$"), lambda m: f"不是有效的 JSON：{m.group(1)}"),
    (
        re.compile(r"^empty file, expected a JSON object \(a case file or a proposal\)$"),
        lambda m: "空文件，应为 JSON 对象（案卷或提案）",
    ),
    (
        re.compile(r"^expected a JSON object: a case file or a proposal$"),
        lambda m: "应为 JSON 对象：案卷或提案",
    ),
    (
        re.compile(r"^no records: .*$"),
        lambda m: (
            "没有记录：日志为空（应为 JSON Lines，每行一条涉企检查或行政处罚，或由它们组成的 JSON 数组）"
        ),
    ),
    (
        re.compile(r"^this is a case file \(a proposal with its history\), not a log: use `(.+)`$"),
        lambda m: f"这是案卷（提案及其历史），不是日志：请用 `{m.group(1)}`",
    ),
    (
        re.compile(r"^this is one document written over several lines, not a log: .*use `(.+)`$"),
        lambda m: (
            "这是写成多行的单个文件，不是日志：日志每行一条记录（JSON Lines）或为 JSON 数组；"
            f"判断单个文件请用 `{m.group(1)}`"
        ),
    ),
    (re.compile(r"^and (\d+) more problems?$"), lambda m: f"另有 {m.group(1)} 个问题"),
]


def file_text(text: str, lang: str) -> str:
    """A problem of a whole file (not of one field) in ``lang``."""
    if lang != "zh":
        return text
    return _apply(_FILE, text) or text
