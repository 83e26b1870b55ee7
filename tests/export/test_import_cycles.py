"""No import cycle among the export modules (issue 18: analysis <-> rows was one).

Every import counts, including those inside functions: a deferred import hides a cycle
without removing it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import jdmdesk.export

PKG = Path(jdmdesk.export.__file__).parent
PREFIX = "jdmdesk.export."


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(PKG.glob("*.py")):
        name = path.stem
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module.startswith(PREFIX):
                    deps.add(node.module.removeprefix(PREFIX).split(".")[0])
                elif node.module == "jdmdesk.export":
                    deps.update(a.name for a in node.names)
            elif isinstance(node, ast.Import):
                deps.update(a.name.removeprefix(PREFIX).split(".")[0] for a in node.names
                            if a.name.startswith(PREFIX))
        graph[name] = deps - {name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                return [*stack[stack.index(dep):], dep]
            if dep not in state and (found := visit(dep)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_export_modules_import_each_other_without_a_cycle():
    graph = _graph()
    assert {"rows", "analysis", "columns"} <= set(graph)
    assert "analysis" in graph["rows"] and "rows" not in graph["analysis"]
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])
