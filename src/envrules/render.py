"""What the shells show, made once: the documents both the command line and the server give.

``envrules rules --format json`` and ``GET /v1/rules`` give :func:`rules_document`; ``envrules
places --format json`` and ``GET /v1/places`` give :func:`places_document`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .law.pack import Pack
    from .law.place import Place

__all__ = ["places_document", "rules_document"]


def rules_document(pack: Pack) -> dict[str, Any]:
    """The pack and its rules as JSON (``envrules rules --format json``, ``GET /v1/rules``)."""
    return {
        "pack": {
            "id": pack.id,
            "version": pack.version,
            "title": pack.title,
            "effective_from": pack.effective_from.isoformat(),
            "effective_until": pack.effective_until.isoformat() if pack.effective_until else None,
        },
        "rules": [
            {
                "rule": r.id,
                "judges": r.kind,
                "citation": r.citation.to_dict(),
                "params": r.params.model_dump(mode="json"),
            }
            for r in pack.rules
        ],
    }


def places_document(place: Place, lang: str = "zh") -> dict[str, Any]:
    """A place, its levels and their packs as JSON (``envrules places --format json``, ``GET /v1/places``)."""
    zh = lang == "zh"
    return {
        "id": place.id,
        "name": place.name,
        "name_en": place.name_en,
        "levels": [
            {
                "level": j.level,
                "name": j.name,
                "name_en": j.name_en,
                "packs": [
                    {
                        "id": p.id,
                        "version": p.version,
                        "title": p.title if zh else p.title_en,
                        "effective_from": p.effective_from.isoformat(),
                        "effective_until": p.effective_until.isoformat() if p.effective_until else None,
                        "judges": [k for k in ("inspection", "penalty") if p.rules_for(k)],
                    }
                    for p in j.packs
                ],
            }
            for j in place.jurisdictions
        ],
    }
