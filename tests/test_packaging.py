"""The versions the package declares are the ones `make test-oldest` tests and the docs name."""

from __future__ import annotations

import re
import tomllib

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.version import Version

from conftest import PROJECT


def project_table() -> dict:
    return tomllib.loads((PROJECT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def lowest_allowed(specifier: SpecifierSet) -> Version:
    [floor] = [Version(clause.version) for clause in specifier if clause.operator == ">="]
    return floor


def sphinx_requirement() -> str:
    [sphinx] = [dependency for dependency in project_table()["dependencies"] if Requirement(dependency).name == "sphinx"]
    return sphinx


def declared_sphinx_floor() -> Version:
    return lowest_allowed(Requirement(sphinx_requirement()).specifier)


def makefile_pin() -> str:
    [pin] = re.findall(r"^SPHINX_OLDEST\s*:?=\s*(\S+)\s*$", (PROJECT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    return pin


def test_make_test_oldest_pins_the_lowest_sphinx_pyproject_allows():
    assert Version(makefile_pin()) == declared_sphinx_floor()


def test_the_extension_guide_names_the_declared_python_and_sphinx_floors():
    guide = " ".join((PROJECT / "docs" / "extension.rst").read_text(encoding="utf-8").split())
    python = lowest_allowed(SpecifierSet(project_table()["requires-python"]))
    assert f"Python {python} or newer and Sphinx {declared_sphinx_floor()} or newer" in guide


def test_the_readme_quotes_the_declared_sphinx_requirement():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert f"`{sphinx_requirement()}`" in readme
