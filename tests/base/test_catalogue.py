"""The message catalogue: every message in both languages, with the same fields."""

from string import Formatter

import pytest

from envrules.messages import CATALOGUE, say, texts


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


@pytest.mark.parametrize("message_id", sorted(CATALOGUE))
def test_every_message_has_both_texts_with_the_same_fields(message_id: str) -> None:
    zh, en = CATALOGUE[message_id]
    assert zh.strip()
    assert en.strip()
    assert _fields(zh) == _fields(en)


def test_a_message_is_said_in_chinese_by_default_and_in_english_on_request() -> None:
    some = next(iter(CATALOGUE), None)
    if some is None:
        pytest.skip("empty catalogue")
    zh, en = CATALOGUE[some]
    values = dict.fromkeys(_fields(zh), "X")
    assert say(some, **values) == zh.format(**values)
    assert say(some, "en", **values) == en.format(**values)


def test_texts_groups_a_prefix_by_language_without_the_prefix() -> None:
    grouped = texts("quiet-day")
    ids = sorted(k for k in CATALOGUE if k.startswith("quiet-day."))
    assert ids  # the rule's messages are in the catalogue
    assert sorted(grouped["zh"]) == sorted(grouped["en"]) == [k.removeprefix("quiet-day.") for k in ids]
    first = ids[0]
    assert grouped["zh"][first.removeprefix("quiet-day.")] == CATALOGUE[first][0]
    assert grouped["en"][first.removeprefix("quiet-day.")] == CATALOGUE[first][1]


def test_texts_of_an_unknown_prefix_is_empty_in_both_languages() -> None:
    assert texts("no-such-prefix") == {"zh": {}, "en": {}}
