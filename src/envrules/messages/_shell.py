"""Messages of the catalogue (see :mod:`envrules.messages`): id -> (Chinese, English)."""

TEXTS: dict[str, tuple[str, str]] = {}
