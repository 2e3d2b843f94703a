#!/usr/bin/env bash
# The Python package and the Spark job, as the README installs them: a fresh virtualenv,
# `pip install '.[spark]'` (maturin builds the Rust core into an abi3 wheel), then pytest:
# the package against the CLI, the Spark job in local mode, and on a standalone master and
# worker started on 127.0.0.1 with the wheel shipped to the executors in a packed virtualenv.
# Needs Python 3.9+, Java 17 (for Spark) and Rust's cargo; arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/../.."
venv=target/pyvenv
python3 -m venv --clear "$venv"
"$venv/bin/pip" install -q '.[spark]' -r tests/python/requirements.txt
# the wheel the cluster test ships, and the CLI the records are compared with
rm -rf target/wheels
"$venv/bin/pip" wheel -q --no-deps -w target/wheels .
cargo build --release -q -p newsgraph
export NEWSGRAPH_BIN="$PWD/target/release/newsgraph"
NEWSGRAPH_WHEEL="$(ls "$PWD"/target/wheels/newsgraph-*.whl)"
export NEWSGRAPH_WHEEL
cd tests/python
exec "../../$venv/bin/python" -m pytest -q -p no:cacheprovider "$@"
