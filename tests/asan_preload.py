# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""For the Python tests that load the library with ctypes.

ASan refuses to be loaded by dlopen into a process it does not run from the
start (./configure --enable-sanitizers): reexec() runs the test again with
the ASan runtime preloaded when the library was built with ASan, and does
nothing otherwise. Python's own allocations at exit are not leaks of ours:
leak detection is turned off in that run.
"""
import os
import subprocess
import sys

SKIP = 77


def reexec(library):
    """Re-run this process under the ASan runtime if `library` needs it."""
    try:
        with open(os.path.realpath(library), "rb") as f:
            if b"libasan.so" not in f.read():
                return
    except (OSError, TypeError):
        return
    if "libasan" in os.environ.get("LD_PRELOAD", ""):
        return
    cc = (os.environ.get("CC") or "cc").split()
    try:
        runtime = subprocess.run(cc + ["-print-file-name=libasan.so"], stdout=subprocess.PIPE,
                                 universal_newlines=True).stdout.strip()
    except OSError:
        runtime = ""
    if not os.path.isabs(runtime) or not os.path.exists(runtime):
        print("skipped: %s is built with ASan and its runtime was not found" % library)
        sys.exit(SKIP)
    env = dict(os.environ)
    env["LD_PRELOAD"] = " ".join(filter(None, (runtime, env.get("LD_PRELOAD"))))
    env["ASAN_OPTIONS"] = ":".join(filter(None, (env.get("ASAN_OPTIONS"), "detect_leaks=0")))
    sys.stdout.flush()
    os.execve(sys.executable, [sys.executable] + sys.argv, env)
