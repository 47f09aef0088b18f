"""Run code in a fresh Python process under the production settings (portal.settings, DEBUG off),
configured only by the environment, as a server would be."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def production_env(tmp_path, **extra):
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "library.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "LOG_LEVEL": "WARNING",
    }
    env.update({name: str(value) for name, value in extra.items()})
    return env


def collected_production_env(tmp_path, **extra):
    """production_env after `collectstatic`, as a deployment builds it, for code that renders pages."""
    env = production_env(tmp_path, **extra)
    collected = run(["manage.py", "collectstatic", "--noinput", "--verbosity", "0"], env)
    assert collected.returncode == 0, collected.stderr
    return env


def run(args, env, timeout=180):
    return subprocess.run(  # noqa: S603 - our own interpreter and our own scripts
        [sys.executable, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout
    )


def run_script(script, env):
    """Runs tests/portal/<script>.py and returns the JSON it prints last."""
    finished = run([str(REPO / "tests" / "portal" / f"{script}.py")], env)
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout.strip().splitlines()[-1])
