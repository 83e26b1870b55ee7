"""The workspace's forms and sections by kind, each built when first asked for."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TypeVar

T = TypeVar("T")


class Pages(Mapping[str, T]):
    """A read-only mapping over ``kinds`` whose values are built on first access by
    ``build(kind)`` (which puts them into ``store``). Iterating it builds every page;
    ``built()`` gives only those that exist (what a refresh or a close must visit)."""

    def __init__(self, store: dict[str, T], kinds: list[str],
                 build: Callable[[str], None]) -> None:
        self._store, self._kinds, self._build = store, kinds, build

    def __getitem__(self, kind: str) -> T:
        if kind not in self._kinds:
            raise KeyError(kind)
        if kind not in self._store:
            self._build(kind)
        return self._store[kind]

    def __iter__(self) -> Iterator[str]:
        return iter(self._kinds)

    def __len__(self) -> int:
        return len(self._kinds)

    def __contains__(self, kind: object) -> bool:
        return kind in self._kinds

    def built(self) -> dict[str, T]:
        """The pages that exist now, in the order they were built."""
        return dict(self._store)
