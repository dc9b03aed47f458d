"""The benchmark's catalog with the optional columns the filter box reads.

The codes, categories and descriptions of ``benchmarks/build/generate.py``
(the same size gives the same file), and for each code:

- a ``name`` made of the first words of its description (ORDER_NOT_FOUND_DURING
  or order_not_found_during, by category), unique thanks to a number when the
  words repeat;
- the ``http_status`` its problem calls for (404 for "not found", 429 for "too
  many requests", ...; some 503 among "General and system");
- ``retryable``: yes for 423, 429 and 5xx, no otherwise, and unknown (empty)
  for about one code in seven;
- ``since`` a version, and a ``status``: about 6% deprecated, 3% retired, each
  retired code ``replaced_by`` an earlier active code of its category.

    python benchmarks/build/fields.py 10000 codes.csv
"""

from __future__ import annotations

import csv
import random
import re
from pathlib import Path

import generate

COLUMNS = ("code", "name", "category", "description", "http_status", "retryable", "since", "status", "replaced_by")
WORDS_PER_NAME = 4
_FILLER = {"the", "a", "an", "is", "this", "for", "in", "of", "to", "please", "try", "again", "and", "while", "check", "retry"}
_HTTP_STATUS = (
    ("not found", 404),
    ("already exists", 409),
    ("invalid", 400),
    ("has expired", 410),
    ("is locked", 423),
    ("exceeds the maximum", 400),
    ("below the minimum", 422),
    ("parameter is missing", 400),
    ("cannot be changed", 409),
    ("too many requests", 429),
    ("does not belong", 403),
    ("not supported in this region", 451),
)


def _http_status(category: str, description: str, rng: random.Random) -> int:
    if category == "General and system" and rng.random() < 0.3:
        return 503
    lower = description.lower()
    return next((status for problem, status in _HTTP_STATUS if problem in lower), 400)


def _name(category_number: int, description: str, taken: set[str]) -> str:
    words = [word for word in re.findall(r"[a-z]+", description.lower()) if word not in _FILLER][:WORDS_PER_NAME]
    name = "_".join(words)
    if category_number % 2 == 0:
        name = name.upper()
    unique, number = name, 1
    while unique in taken:
        number += 1
        unique = f"{name}_{number}"
    taken.add(unique)
    return unique


def generate_with_fields(size: int, seed: int = 0) -> list[dict[str, str]]:
    """``size`` rows with every column of :data:`COLUMNS`, sorted by code."""
    rng = random.Random(seed)
    categories = {category: number for number, category in enumerate(dict.fromkeys(row[1] for row in generate.generate(size, seed)))}
    taken: set[str] = set()
    last_active: dict[str, str] = {}
    rows = []
    for code, category, description in generate.generate(size, seed):
        status = _http_status(category, description, rng)
        chance = rng.random()
        lifecycle = "retired" if chance < 0.03 and category in last_active else "deprecated" if chance < 0.09 else ""
        rows.append(
            {
                "code": code,
                "name": _name(categories[category], description, taken),
                "category": category,
                "description": description,
                "http_status": str(status),
                "retryable": "" if rng.random() < 1 / 7 else "yes" if status in (423, 429) or status >= 500 else "no",
                "since": f"{rng.randint(1, 4)}.{rng.randint(0, 9)}",
                "status": lifecycle,
                "replaced_by": last_active[category] if lifecycle == "retired" else "",
            }
        )
        if not lifecycle:
            last_active[category] = code
    return rows


def write_catalog(path: Path, size: int, seed: int = 0) -> None:
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, COLUMNS)
        writer.writeheader()
        writer.writerows(generate_with_fields(size, seed))


if __name__ == "__main__":
    generate.main(write_catalog, __doc__)
