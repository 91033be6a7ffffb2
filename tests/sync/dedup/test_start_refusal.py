"""`serve` and the `duplicates` verbs refuse a rules file naming a field the published form lacks."""

from __future__ import annotations

from pathlib import Path

from tests.sync.server.helpers import cli_env, run_cli


def test_serve_refuses_rules_naming_a_missing_field_in_one_sentence(tmp_path: Path) -> None:
    data_dir = tmp_path / "server"
    env = cli_env(None)
    run_cli(["init", "--data-dir", str(data_dir)], env)  # publishes the shipped registration form
    rules = tmp_path / "rules.toml"
    rules.write_text(
        'form_id = "diaspora_registration"\nthreshold = 5\n'
        '[[rule]]\nfield = "shoe_size"\ncomparison = "exact"\nagree = 3\n'
    )
    env["DIASPORA_DEDUP_RULES"] = str(rules)
    for args in (["serve", "--port", "1"], ["duplicates", "list"]):
        done = run_cli([*args, "--data-dir", str(data_dir)], env, check=False)
        assert done.returncode != 0
        message = done.stderr.strip()
        assert "shoe_size" in message and "does not have" in message
        assert "\n" not in message and "Traceback" not in message
    del env["DIASPORA_DEDUP_RULES"]
    assert (
        run_cli(["duplicates", "list", "--data-dir", str(data_dir)], env).stdout.strip()
        == "No open candidate pair."
    )
