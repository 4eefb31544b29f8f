"""Documentation never falls behind: every command, option and setting is described."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from importlib import resources

import typer.main

from eventwire.cli import app
from eventwire.config import load_config
from eventwire.settings import Settings
from eventwire.stages import section_names
from tests.conftest import REPO_ROOT

CLI_DOC = (REPO_ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
CONFIG_DOC = (REPO_ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert first_block.split() == ["make", "run", "make", "test"]


def test_every_command_and_option_is_documented() -> None:
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert f"eventwire {name}" in README, f"README lacks `eventwire {name}`"
        section = command_section(name)
        for param in command.params:
            for flag in getattr(param, "opts", []):
                if flag.startswith("--") and flag != "--help":
                    assert flag in section, f"docs/cli.md's `{name}` section lacks {flag}"
    options = CLI_DOC.split("## ", 1)[0]  # the text before the first section
    for param in group.params:
        for flag in param.opts:
            if flag.startswith("--") and flag != "--help":
                assert f"`{flag}" in options, f"docs/cli.md lacks the global option {flag}"


def command_section(name: str) -> str:
    """The text of docs/cli.md's section on command ``name`` (to the next heading)."""
    found = re.search(rf"^### `{re.escape(name)}[ `].*?(?=^#|\Z)", CLI_DOC, re.M | re.S)
    assert found, f"docs/cli.md lacks a section for `{name}`"
    return found.group(0)


def test_packaged_defaults_name_only_real_settings() -> None:
    text = resources.files("eventwire").joinpath("defaults.toml").read_text(encoding="utf-8")
    packaged = tomllib.loads(text)
    assert set(packaged) <= set(section_names())
    for name, section in packaged.items():
        for key in section:
            assert f"`{name}.{key}`" in CONFIG_DOC, f"docs/configuration.md lacks {name}.{key}"


def test_packaged_defaults_equal_the_code_defaults() -> None:
    settings = Settings.from_config(load_config(env={}))
    for name, stage_settings in settings.sections().items():
        assert stage_settings == type(stage_settings)(), f"[{name}] differs from code"
        for field in dataclasses.fields(stage_settings):
            assert f"`{name}.{field.name}`" in CONFIG_DOC, (
                f"docs/configuration.md lacks `{name}.{field.name}`"
            )
