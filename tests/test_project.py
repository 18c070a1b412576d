"""The README's promises that CI depends on."""

from __future__ import annotations

import hashlib
import re

from .conftest import REPO


def readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", (REPO / "README.md").read_text())


def test_readme_opens_with_the_two_commands_and_ci_runs_the_test_one():
    run_command, test_command = readme_commands()[:2]
    assert "summit-search serve" in run_command and "pip install" in run_command
    assert test_command == "bash scripts/test.sh"
    assert test_command in (REPO / ".ci" / "run").read_text().splitlines()
    assert "python -m pytest" in (REPO / "scripts" / "test.sh").read_text()


def test_seed_articles_are_bundled_byte_for_byte():
    seeds = {
        "000_3f6577e4e86ac029.txt": "32a8398c6c2f0946a954afa21cb363172b02d67159f8ba879eb415e1e87f1208",
        "004_01a1bb049021b88e.txt": "eec5dfab66f64d222108c5f7883d807d7fa337a62dbdced451e5868c2786f1df",
    }
    for name, digest in seeds.items():
        assert hashlib.sha256((REPO / "corpus" / name).read_bytes()).hexdigest() == digest
