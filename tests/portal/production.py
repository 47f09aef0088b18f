"""Run code in a fresh Python process under the production settings (portal.settings, DEBUG off),
configured only by the environment, as a server would be."""

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
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


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_with_gunicorn(env, paths, host="library.example.org"):
    """Starts gunicorn with the project's gunicorn.conf.py on a free port, asks it for each path in
    turn (waiting while it starts or replaces a worker), stops it; returns the statuses and what it
    wrote."""
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - gunicorn with the project's own gunicorn.conf.py
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    statuses = []
    try:
        deadline = time.monotonic() + 60
        while len(statuses) < len(paths) and time.monotonic() < deadline:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{paths[len(statuses)]}", headers={"Host": host}
            )
            try:
                with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
                    statuses.append(response.status)
            except urllib.error.HTTPError as error:  # an answer all the same
                statuses.append(error.code)
            except OSError:  # not listening yet, or its worker being replaced
                time.sleep(0.2)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    return statuses, output
