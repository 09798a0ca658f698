"""The package carries what it needs at run time: migrations, bundled plans, rules.

Built as a wheel (what `pip install` and `pipx install` use), then read back:
an installed provenance must not depend on files of the checkout."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_runtime_paths_resolve_inside_the_package():
    from provenance.db.engine import MIGRATIONS_DIR
    from provenance.db.plans_store import default_plan_files

    pkg = Path(str(resources.files("provenance")))
    assert MIGRATIONS_DIR.parent == pkg
    assert (MIGRATIONS_DIR / "env.py").is_file() and list((MIGRATIONS_DIR / "versions").glob("0001_*.py"))
    files = default_plan_files()
    assert files and all(pkg in f.parents or (pkg / "data" / "plans") in f.parents for f in files)


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> list[str]:
    out = tmp_path_factory.mktemp("dist")
    run = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                          "-w", str(out), str(ROOT)], capture_output=True, text=True)
    if run.returncode != 0:
        pytest.skip(f"cannot build a wheel here: {run.stderr.strip().splitlines()[-1:]}")
    (wheel,) = out.glob("provenance-*.whl")
    with zipfile.ZipFile(wheel) as z:
        return z.namelist()


def test_wheel_ships_migrations_plans_and_rules(wheel_names):
    names = set(wheel_names)
    assert "provenance/migrations/env.py" in names
    assert "provenance/migrations/script.py.mako" in names
    versions = [n for n in names if n.startswith("provenance/migrations/versions/0")]
    assert len(versions) == len(list((ROOT / "provenance/migrations/versions").glob("0*.py")))
    plans = sorted(n[len("provenance/data/plans/"):] for n in names if n.startswith("provenance/data/plans/"))
    shipped = sorted(str(p.relative_to(ROOT / "sources/plans")) for p in (ROOT / "sources/plans").rglob("*.json"))
    assert plans == shipped  # the plans and the topics files they reference
    assert "provenance/rules/lexicon.json" in names
    assert not [n for n in names if n.startswith(("migrations/", "sources/", "tests/"))]


def test_editable_install_prints_no_setuptools_warning():
    """The flat layout is declared (package-dir "" = "."), so setuptools picks a plain
    path entry for `pip install -e .` and prints no 'Editable installation' warning."""
    import tomllib

    conf = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert conf.get("package-dir") == {"": "."}
