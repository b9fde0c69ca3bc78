"""The pre-built packs (rules/packs.json) are the shipped YAML, parsed: a run that reads them
must build exactly the rules the YAML would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from copylint.config import shipped_packs, shipped_packs_dir
from copylint.packs import build, built_file, read_pack
from copylint.yamlfile import load_yaml

STALE = "rules/packs.json is out of date: run python scripts/build_packs.py"


def test_the_pre_built_packs_are_the_shipped_yaml() -> None:
    built = json.loads(built_file(shipped_packs_dir()).read_text(encoding="utf-8"))
    assert built == build(shipped_packs()), STALE


def test_every_shipped_pack_is_read_from_its_pre_built_form() -> None:
    for path in shipped_packs().values():
        pack = read_pack(path)
        assert pack.data == load_yaml(path).data
        assert not pack.value_marks  # pre-built: no parse, so no marks


def test_a_pack_edited_in_place_is_read_from_its_yaml(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(shipped_packs_dir(), folder)
    style = folder / "style.yaml"
    style.write_text(
        style.read_text(encoding="utf-8").replace("severity: info", "severity: warning", 1),
        encoding="utf-8",
    )
    pack = read_pack(style)
    assert pack.value_marks  # parsed from the YAML
    assert pack.data == load_yaml(style).data
    assert pack.data != read_pack(shipped_packs()["style"]).data


def test_a_check_on_the_shipped_packs_does_not_import_yaml() -> None:
    seed = Path(__file__).parent.parent / "seeds" / "000_a48f44d96701f5af.txt"
    program = (
        "import sys\n"
        "from copylint.cli import main\n"
        "try:\n"
        f"    main(['check', '--no-cache', '--locale', 'en-GB', {str(seed)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('yaml' in sys.modules, 'jsonschema' in sys.modules, file=sys.stderr)\n"
    )
    run = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert run.stderr.strip().splitlines()[-1] == "False False"
