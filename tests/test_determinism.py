"""Deterministic output: the same sources give the same bytes, however they are built.

Each build runs in its own ``python -m sphinx`` process with its own
``PYTHONHASHSEED``, so output that depends on the order of a set or of a
dict built from one shows up as a difference.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOTS

# Ten pages, eight of them linking to codes: backlinks, shared messages, markup in a description.
ROOT = "test-parallel"
REFERENCE_OUTPUTS = ["errors.html", "errcodes.json", "objects.inv"]


def sphinx_build(srcdir: Path, outdir: Path, *options: str, hash_seed: int) -> subprocess.CompletedProcess:
    """A fresh HTML build in a new process; fails the test on any warning."""
    result = subprocess.run(
        # --no-color: with CI=true Sphinx colours its output, which the progress checks do not expect.
        [sys.executable, "-m", "sphinx", "--no-color", "-b", "html", *options, str(srcdir), str(outdir)],
        env={**os.environ, "PYTHONHASHSEED": str(hash_seed)},
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stderr) == (0, "")
    return result


def output_files(outdir: Path) -> dict[str, bytes]:
    """Every file the build wrote for readers; the doctrees are Sphinx's cache."""
    return {
        str(path.relative_to(outdir)): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file() and ".doctrees" not in path.relative_to(outdir).parts
    }


@pytest.fixture(scope="module")
def srcdir(tmp_path_factory) -> Path:
    srcdir = tmp_path_factory.mktemp("determinism")
    shutil.copytree(ROOTS / ROOT, srcdir, dirs_exist_ok=True)
    return srcdir


@pytest.fixture(scope="module")
def first(srcdir, tmp_path_factory) -> Path:
    outdir = tmp_path_factory.mktemp("first")
    sphinx_build(srcdir, outdir, "-q", hash_seed=1)
    return outdir


@pytest.fixture(scope="module")
def second(srcdir, tmp_path_factory) -> Path:
    outdir = tmp_path_factory.mktemp("second")
    sphinx_build(srcdir, outdir, "-q", hash_seed=2)
    return outdir


@pytest.fixture(scope="module")
def parallel(srcdir, tmp_path_factory) -> tuple[Path, str]:
    """A ``-j 4`` build: its output folder and its progress messages."""
    outdir = tmp_path_factory.mktemp("parallel")
    result = sphinx_build(srcdir, outdir, "-j", "4", hash_seed=3)
    return outdir, result.stdout


@pytest.mark.parametrize("name", REFERENCE_OUTPUTS)
def test_building_twice_writes_byte_identical_files(first, second, name):
    assert (first / name).read_bytes() == (second / name).read_bytes()


def test_the_j4_build_reads_in_parallel(parallel):
    # A serial build reports one document at a time; parallel workers report chunks.
    _, messages = parallel
    assert re.search(r"reading sources\.\.\. \[ *\d+%\] \S+ \.\. \S+", messages)


def test_a_j4_build_writes_the_same_files_as_a_j1_build(first, parallel):
    serial, parallel_files = output_files(first), output_files(parallel[0])
    assert sorted(parallel_files) == sorted(serial)
    assert [name for name in serial if parallel_files[name] != serial[name]] == []
