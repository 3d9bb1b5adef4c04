import os

import pytest

from onrecord.ingest import parse_text
from onrecord.parse import parse_documents


@pytest.fixture(scope="session")
def nlp():
    from onrecord import nlp as nlp_mod
    return nlp_mod.load()


@pytest.fixture
def parse(nlp):
    """Parse a text written for the test into a Parsed document."""
    def _parse(text, published="2030-06-14"):
        from dataclasses import replace
        doc = replace(parse_text(text, "test.txt"), published=published)
        return next(parse_documents([doc], nlp))
    return _parse


@pytest.fixture(autouse=True, scope="session")
def _cache_in_a_temporary_folder(tmp_path_factory):
    """Model files a test unpacks (the tagger's MiniLM) go to a temporary folder, not ~/.cache."""
    os.environ.setdefault("ONRECORD_CACHE", str(tmp_path_factory.mktemp("onrecord-cache")))


def _postgres_bin() -> str | None:
    """Where PostgreSQL's server programs are (Debian keeps them out of PATH)."""
    import glob
    import shutil

    found = shutil.which("pg_ctl")
    if found:
        return os.path.dirname(os.path.realpath(found))
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return os.path.dirname(versions[-1]) if versions else None


@pytest.fixture(scope="session")
def postgres_server():
    """A throwaway PostgreSQL server on a Unix socket, for the tests of a team's shared ledger.
    CI installs PostgreSQL when it is missing; elsewhere these tests skip without it."""
    import shutil
    import subprocess
    import tempfile

    pytest.importorskip("psycopg")
    bindir = _postgres_bin()
    if bindir is None:
        pytest.skip("PostgreSQL's server (pg_ctl) is not installed")
    home = tempfile.mkdtemp(prefix="onrecord-pg-")
    data, sockets = os.path.join(home, "data"), os.path.join(home, "s")
    os.makedirs(sockets)
    as_user: list[str] = []
    if os.getuid() == 0:  # the server refuses to run as root
        import pwd
        try:
            user = pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no postgres user to run the server as")
        os.chmod(home, 0o755)
        os.chown(sockets, user.pw_uid, user.pw_gid)
        os.makedirs(data)
        os.chown(data, user.pw_uid, user.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]

    def run(*args):
        subprocess.run([*as_user, *args], check=True, capture_output=True, timeout=120)

    run(os.path.join(bindir, "initdb"), "-D", data, "-U", "onrecord", "-A", "trust", "--no-sync", "-E", "UTF8")
    run(os.path.join(bindir, "pg_ctl"), "-D", data, "-w", "-l", os.path.join(data, "log"), "-o",
        f"-k {sockets} -c listen_addresses='' -c fsync=off", "start")
    try:
        yield f"postgresql://onrecord@/postgres?host={sockets}"
    finally:
        run(os.path.join(bindir, "pg_ctl"), "-D", data, "-m", "immediate", "stop")
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_server):
    """A new empty database on the test server, as a URL."""
    import uuid

    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return postgres_server.replace("/postgres?", f"/{name}?")


@pytest.fixture
def fragile_analysis(monkeypatch):
    """The pipeline fails on any document that mentions a harbour, as a bug meeting an odd page would."""
    from onrecord import pipeline

    real = pipeline.analyze_parsed

    def fragile(parsed, **kwargs):
        if "Harbour" in parsed.document.text:
            raise IndexError("list index out of range")
        return real(parsed, **kwargs)

    monkeypatch.setattr(pipeline, "analyze_parsed", fragile)
    return lambda: monkeypatch.setattr(pipeline, "analyze_parsed", real)  # call to mend it
