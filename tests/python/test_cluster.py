"""The Spark job on a real standalone cluster: a master and a worker started on 127.0.0.1 with
``spark-class``, the package shipped to the executors in a packed virtualenv
(``spark.archives``), as the README tells users to do. The executors' default Python has no
newsgraph, so the job only runs if the shipped environment is the one used."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from test_spark import check_tables, spark_job

LOCAL = {"SPARK_LOCAL_IP": "127.0.0.1"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def spark_home() -> Path:
    import pyspark

    return Path(pyspark.__file__).parent


def base_python() -> str:
    """The interpreter this virtualenv was made from: it has no newsgraph."""
    return getattr(sys, "_base_executable", None) or "python3"


def start(args: list, log: Path, env: dict) -> subprocess.Popen:
    with open(log, "wb") as out:  # the child keeps its own copy of the descriptor
        return subprocess.Popen(
            [str(spark_home() / "bin" / "spark-class"), *args],
            stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True,
        )


def stop(proc: subprocess.Popen) -> None:
    """Ends the process group: TERM, then KILL after 30 s; never raises."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            break
        try:
            proc.wait(timeout=30)
            break
        except subprocess.TimeoutExpired:
            continue
    proc.poll()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A standalone master and one worker (2 cores, its own --work-dir) on 127.0.0.1."""
    root = tmp_path_factory.mktemp("cluster")
    # the worker's `python3` must not be this virtualenv's, which has newsgraph
    ours = str(Path(sys.executable).parent)
    path = os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep) if p != ours)
    env = {**os.environ, **LOCAL, "SPARK_HOME": str(spark_home()), "PATH": path,
           "SPARK_NO_DAEMONIZE": "1"}
    env.pop("PYSPARK_PYTHON", None)
    port, ui, worker_ui = free_port(), free_port(), free_port()
    procs = []
    try:
        procs.append(start(["org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                            "--port", str(port), "--webui-port", str(ui)],
                           root / "master.log", env))
        procs.append(start(["org.apache.spark.deploy.worker.Worker",
                            f"spark://127.0.0.1:{port}", "--host", "127.0.0.1", "--cores", "2",
                            "--memory", "2g", "--work-dir", str(root / "work"),
                            "--webui-port", str(worker_ui)], root / "worker.log", env))
        master = procs[0]
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{ui}/json/", timeout=5) as r:
                    if json.load(r).get("aliveworkers", 0) >= 1:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline or master.poll() is not None:
                pytest.fail("the standalone cluster did not start:\n"
                            + (root / "master.log").read_text(errors="replace")[-3000:]
                            + (root / "worker.log").read_text(errors="replace")[-3000:])
            time.sleep(1)
        yield f"spark://127.0.0.1:{port}", root / "work"
    finally:
        for proc in reversed(procs):
            stop(proc)


@pytest.fixture(scope="module")
def packed_env(tmp_path_factory) -> Path:
    """A fresh virtualenv with the newsgraph wheel, packed by venv-pack for spark.archives."""
    wheel = os.environ.get("NEWSGRAPH_WHEEL")
    if not wheel or not Path(wheel).is_file():
        pytest.fail("NEWSGRAPH_WHEEL names no wheel: run tests/python/run.sh")
    root = tmp_path_factory.mktemp("env")
    venv = root / "executor-env"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "--no-deps", wheel], check=True)
    packed = root / "executor-env.tar.gz"
    subprocess.run([str(Path(sys.executable).parent / "venv-pack"), "-q", "-p", str(venv),
                    "-o", str(packed)], check=True)
    return packed


def test_the_default_executor_python_has_no_newsgraph():
    for python in (base_python(), "python3"):
        probe = subprocess.run([python, "-c", "import newsgraph"], capture_output=True,
                               env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
        assert probe.returncode != 0, f"{python} must not have newsgraph for this test"


def test_the_job_runs_on_a_standalone_cluster(cluster, packed_env, corpus, spark, reference,
                                              tmp_path):
    master, work = cluster
    out = tmp_path / "out"
    done = spark_job(
        "extract", "--master", master,
        "--conf", f"spark.archives={packed_env}#environment",
        "--conf", "spark.pyspark.python=./environment/bin/python",
        "--conf", "spark.executor.memory=1g",
        "--conf", "spark.driver.host=127.0.0.1",
        "--aggregate", "--out", str(out), str(corpus),
        env=LOCAL,
    )
    assert done.returncode == 1, done.stderr[-5000:]
    assert "2 bad record(s) skipped" in done.stderr, done.stderr[-8000:]
    check_tables(spark, out, reference[0])
    assert (out / "daily").is_dir()
    shipped = list(work.glob("app-*/*/environment/lib/python*/site-packages/newsgraph/_native*"))
    assert shipped, "the executor unpacked the shipped environment"
