"""Skills as people type them: one list, tidied the same way for openings and youth profiles."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[,;\n]")


def parse_skills(text: str | None) -> list[str]:
    """'Sewing, cooking ,, sewing' -> ['Sewing', 'cooking']: trimmed, spaces tidied, no repeats."""
    skills: list[str] = []
    seen: set[str] = set()
    for part in _SEPARATORS.split(text or ""):
        skill = " ".join(part.split())
        if skill and skill.casefold() not in seen:
            seen.add(skill.casefold())
            skills.append(skill)
    return skills
