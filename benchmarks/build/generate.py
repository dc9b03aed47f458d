"""Generate a realistic error-code catalog of any size.

Twelve categories, each with its own range of integer codes (10000-19999,
20000-29999, ...), descriptions assembled from the vocabulary of a trading
API: 20 to 110 characters, some with commas and double quotes so that the
CSV needs quoting like a real one does. Messages are distinct except that
about one code in a hundred repeats the message of the code before it, as
real catalogs do. The same size always gives the same file.

    python benchmarks/build/generate.py 10000 codes.csv
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

CATEGORIES = (
    "General and system",
    "Request authentication and signing",
    "Sessions and login",
    "API keys",
    "Rate limits",
    "Orders",
    "Prices",
    "Quantities and volumes",
    "Positions",
    "Margin and funds",
    "Transfers and withdrawals",
    "Market data",
)
CODES_PER_CATEGORY = 10_000
MAX_SIZE = len(CATEGORIES) * CODES_PER_CATEGORY
REPEATED_MESSAGES = 0.01

_SUBJECTS = (
    "order", "position", "sub-account", "API key", "withdrawal", "transfer", "price",
    "leverage", "margin mode", "stop-loss order", "take-profit order", "trading pair",
    "contract", "session", "signature", "timestamp", "IP address", "client order ID",
)
_PROBLEMS = (
    "{subject} not found",
    "{subject} already exists",
    "invalid {subject}",
    "{subject} has expired",
    "the {subject} is locked, please try again in {n} seconds",
    "{subject} exceeds the maximum of {n}",
    "{subject} is below the minimum of {n}",
    'the "{subject}" parameter is missing',
    "{subject} cannot be changed while an order is open",
    "too many requests for this {subject}; the limit is {n} per minute",
    "{subject} does not belong to this account",
    "{subject} is not supported in this region, contact support",
)
_CONTEXTS = (
    "",
    " during the auction",
    " for isolated margin",
    " in reduce-only mode",
    " after the settlement cut-off",
    " while the market is paused",
    ", check the request and retry",
)


def _message(rng: random.Random) -> str:
    problem = rng.choice(_PROBLEMS).format(subject=rng.choice(_SUBJECTS), n=rng.randrange(2, 10_000))
    message = (problem + rng.choice(_CONTEXTS))[:110]
    return message[0].upper() + message[1:]


def generate(size: int, seed: int = 0) -> list[tuple[str, str, str]]:
    """``size`` rows of (code, category, description), sorted by code."""
    if not 0 < size <= MAX_SIZE:
        raise ValueError(f"size must be between 1 and {MAX_SIZE}")
    rng = random.Random(seed)
    rows = []
    taken: set[str] = set()
    for index in range(size):
        category_number, position = index % len(CATEGORIES), index // len(CATEGORIES)
        if index == 0 or rng.random() >= REPEATED_MESSAGES:
            description = _message(rng)
            while description in taken:
                description = _message(rng)
            taken.add(description)
        code = CODES_PER_CATEGORY * (category_number + 1) + position
        rows.append((str(code), CATEGORIES[category_number], description))
    rows.sort(key=lambda row: int(row[0]))
    return rows


def write_catalog(path: Path, size: int, seed: int = 0) -> None:
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(("code", "category", "description"))
        writer.writerows(generate(size, seed))


def main(write=write_catalog, description: str = __doc__) -> None:
    """The command line of a generator: ``SIZE PATH [--seed N]``, written by ``write``."""
    parser = argparse.ArgumentParser(description=description.split("\n\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("path", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    write(args.path, args.size, args.seed)


if __name__ == "__main__":
    main()
