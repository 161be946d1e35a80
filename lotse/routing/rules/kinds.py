"""The registry of rule kinds: each condition and effect kind is one class, listed once in its registry.

A kind's class holds everything about it: its YAML form (`syntax`) and German `description` (for
`lotse rules list` and the README), the check and build of its YAML value (`parse`), and what it does when
a situation is evaluated. A name no registry holds is a German error when the file loads.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar, Generic, TypeVar

__all__ = ["Kind", "Registry"]


class Kind:
    """What every kind says about itself."""

    #: The key that names the kind in a rules file.
    kind: ClassVar[str]
    #: Its YAML form, as the README and `lotse rules list` show it.
    syntax: ClassVar[str]
    #: What it does, in German.
    description: ClassVar[str]


K = TypeVar("K", bound=type[Kind])


class Registry(Generic[K]):
    """The kinds of one sort (conditions or effects) by name, in the order they are documented."""

    def __init__(self, sort: str, *kinds: K) -> None:
        self.sort = sort
        self._kinds: dict[str, K] = {}
        for kind in kinds:
            if kind.kind in self._kinds:
                raise ValueError(f"{sort} „{kind.kind}“ ist doppelt registriert.")
            self._kinds[kind.kind] = kind

    def __contains__(self, name: object) -> bool:
        return name in self._kinds

    def __getitem__(self, name: str) -> K:
        return self._kinds[name]

    def __iter__(self) -> Iterator[K]:
        return iter(self._kinds.values())

    @property
    def names(self) -> tuple[str, ...]:
        """The kinds' names."""
        return tuple(self._kinds)

    def allowed(self) -> str:
        """The names for a message: "need, age, …"."""
        return ", ".join(self._kinds)

    def unknown(self, name: object) -> str:
        """The German message for a name that is no kind of this registry."""
        return f"unbekannte {self.sort} „{name}“ (erlaubt: {self.allowed()})."
