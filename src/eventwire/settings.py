"""``Settings``: every registered section's typed settings, from one merged configuration."""

from __future__ import annotations

from typing import Any

from eventwire.config import section
from eventwire.stage import StageEntry
from eventwire.stages import REGISTRY


class Settings:
    """Typed settings of every stage and section of a registry, by name (``settings.clean``)."""

    def __init__(self, registry: tuple[StageEntry, ...] = REGISTRY, **sections: Any) -> None:
        self._registry = registry
        self._sections = {
            entry.name: sections.pop(entry.name, None) or entry.settings_type()()
            for entry in registry
        }
        if sections:
            raise ValueError(f"unknown section(s): {', '.join(sorted(sections))}")

    @classmethod
    def from_config(
        cls, config: dict[str, dict], registry: tuple[StageEntry, ...] = REGISTRY
    ) -> Settings:
        """Build every section's settings from a merged configuration."""
        built = {e.name: section(config, e.name, e.settings_type()) for e in registry}
        return cls(registry, **built)

    @property
    def registry(self) -> tuple[StageEntry, ...]:
        """The registry these settings were built from (the runner runs its stages)."""
        return self._registry

    def replace(self, **sections: Any) -> Settings:
        """A copy with the given sections replaced (``settings.replace(entities=...)``)."""
        unknown = set(sections) - set(self._sections)
        if unknown:
            raise ValueError(f"unknown section(s): {', '.join(sorted(unknown))}")
        return Settings(self._registry, **{**self._sections, **sections})

    def sections(self) -> dict[str, Any]:
        """Every section's settings by name, in registry order."""
        return dict(self._sections)

    def __getattr__(self, name: str) -> Any:
        sections = self.__dict__.get("_sections", {})
        if name in sections:
            return sections[name]
        raise AttributeError(name)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Settings) and self._sections == other._sections

    def __hash__(self) -> int:
        return hash(tuple(self._sections))

    def __repr__(self) -> str:
        return f"Settings({', '.join(self._sections)})"
