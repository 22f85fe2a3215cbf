"""The house is a tree of layers: every module imports only from its own layer or the ones below.

The layers are those of docs/architecture.md. Every import counts: at the top of a module, inside
a function, and under ``TYPE_CHECKING`` (a type-only import is still a dependency of the design).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "envrules"

LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base: errors and the message catalogue", ("errors", "messages", "labels", "_toml", "_version")),
    (
        "values: input documents, calendar, registry, history, results",
        (
            "models",
            "calendar",
            "registry",
            "history",
            "result",
            "io",
        ),
    ),
    ("rules: one module per rule id", ("rules",)),
    ("law: packs, places, notices", ("law",)),
    ("evaluator: the one judging loop", ("evaluator",)),
    ("auditing: one audit run", ("audit", "auditing", "dask", "plan")),
    ("records: decision records, replay, schema, rendering", ("decision", "replay", "schema", "render")),
    ("shells: command line, server, test helpers", ("cli", "server", "testing", "__main__")),
]
"""From the bottom up: a module's layer is found by the first part of its name below ``envrules``."""

_LAYER_OF = {top: i for i, (_, tops) in enumerate(LAYERS) for top in tops}


def _modules() -> dict[str, Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _package(name: str, path: Path) -> list[str]:
    parts = name.split(".")
    return parts if path.name == "__init__.py" else parts[:-1]


def _imports(name: str, path: Path) -> set[str]:
    """The envrules modules ``name`` imports, wherever the import stands."""
    out: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package(name, path)[: len(_package(name, path)) - (node.level - 1)]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            # ``from pkg import sub`` imports the submodule when there is one
            targets = [
                f"{module}.{alias.name}" if f"{module}.{alias.name}" in MODULES else module
                for alias in node.names
            ]
        else:
            continue
        out.update(t for t in targets if t == "envrules" or t.startswith("envrules."))
    out.discard(name)
    return out


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return _LAYER_OF.get(parts[1]) if len(parts) > 1 else None


def test_every_module_belongs_to_a_layer() -> None:
    assert [m for m in MODULES if m != "envrules" and _layer(m) is None] == []


def test_no_module_imports_from_a_layer_above_its_own() -> None:
    uphill = [
        f"{source} ({LAYERS[_layer(source)][0]}) imports {target}"  # type: ignore[index]
        for source, targets in sorted(GRAPH.items())
        for target in sorted(targets)
        if source != "envrules" and (target == "envrules" or (_layer(target) or 0) > (_layer(source) or 0))
    ]
    assert uphill == []


def test_no_module_imports_the_package_root() -> None:
    """The root only re-exports the public names; a module that needs one imports its home."""
    assert sorted(s for s, targets in GRAPH.items() if s != "envrules" and "envrules" in targets) == []


def test_the_import_graph_has_no_cycle() -> None:
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(GRAPH.get(node, ())):
            if nxt not in GRAPH or nxt == "envrules":
                continue
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(GRAPH):
        if node not in state and node != "envrules":
            visit(node)
    assert cycles == []


@pytest.mark.parametrize("module", ["envrules.errors", "envrules.law.pack", "envrules.cli"])
def test_the_graph_sees_imports(module: str) -> None:
    """The test reads imports at all: a module known to import others is seen to."""
    assert GRAPH[module]


def _function_imports_without_a_reason() -> list[str]:
    """Imports inside a function with no comment on their line, above them, or on their block's first line."""
    missing = []
    for path in sorted(MODULES.values()):
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for sub in ast.walk(node):
                if not isinstance(sub, ast.Import | ast.ImportFrom):
                    continue
                first = sub.lineno - 1
                while first > 0 and (
                    lines[first - 1].strip().startswith(("import ", "from ")) or not lines[first - 1].strip()
                ):
                    first -= 1  # a block of imports shares its first line's reason
                said = any("#" in lines[i] for i in range(first, sub.end_lineno or sub.lineno))
                above = first > 0 and lines[first - 1].strip().startswith("#")
                if not (said or above):
                    missing.append(
                        f"{path.relative_to(SRC.parent)}:{sub.lineno}: {lines[sub.lineno - 1].strip()}"
                    )
    return missing


def test_every_import_inside_a_function_says_why_it_is_there() -> None:
    """Start-up is the only reason to import inside a function, and the code says so where it does."""
    assert _function_imports_without_a_reason() == []
