"""Architecture contracts (import-linter), lint, and the PySide6 release guard."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def test_import_contracts_keep_the_core_qt_free():
    result = subprocess.run(
        [str(BIN / "lint-imports"), "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 4 kept, 0 broken" in result.stdout


def test_ruff_lint_is_clean():
    result = subprocess.run(
        [str(BIN / "ruff"), "check", "sa2030_desktop", "tests", "benchmarks"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pyside6_survives_200000_calls_of_a_void_method():
    """PySide6 6.12.0 on CPython 3.11 aborts with `none_dealloc` after a few thousand calls of a
    method returning nothing. Run in a subprocess so an abort fails this test, not the suite."""
    code = (
        "from PySide6.QtCore import QPointF\n"
        "from PySide6.QtGui import QPainterPath\n"
        "p = QPainterPath()\n"
        "for i in range(200_000):\n"
        "    p.lineTo(QPointF(i + 1, i % 7))\n"
        "print(p.elementCount())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "200001"


def test_core_packages_do_not_import_qt_at_runtime():
    code = (
        "import sys\n"
        "import sa2030_desktop.cli.main as m\n"
        "import sa2030_desktop.services.portfolio, sa2030_desktop.services.exchange\n"
        "print(any(k.startswith('PySide6') for k in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                            cwd=ROOT)
    assert result.stdout.strip() == "False", result.stderr


def test_no_module_is_longer_than_400_lines():
    """Issue 11: a module that grows past 400 lines is split by what it holds (a reader finds one
    subject per file)."""
    long = {
        str(path.relative_to(ROOT)): count
        for path in (ROOT / "sa2030_desktop").rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}, f"Module über 400 Zeilen: {long}"


# what would let a domain module touch the file system or the operating system
_SYSTEM_MODULES = {"os", "pathlib", "shutil", "tempfile", "glob", "io", "sqlite3", "subprocess"}


def test_the_domain_touches_no_files():
    """ARCHITECTURE.md: domain/ is pure Python – no Qt, no SQL, no files. A fact the layers
    above need from the operating system (a read-only disk) lives in infrastructure/."""
    import ast

    offenders = []
    for path in sorted((ROOT / "sa2030_desktop" / "domain").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "open":
                names = ["open()"]
            else:
                continue
            offenders += [
                f"{path.relative_to(ROOT)}:{node.lineno}: {name}"
                for name in names
                if name == "open()" or name.split(".")[0] in _SYSTEM_MODULES
            ]
    assert offenders == [], "Dateizugriff im Fachkern:\n" + "\n".join(offenders)
