#!/usr/bin/env python3
"""Time the dashboard as a user sees it: from launch to the first frame
(the article list on screen) and to the whole model (entities and events
shown, no longer "extracting"), in a real terminal (tmux, 100x30), reading
the screen every 10 ms.

    benches/firstframe.py [--runs N] [--bin target/release/revue] [--cached] DIR...

A fresh start by default (`--no-cache`); with `--cached`, one unmeasured
run first fills a model cache in a temporary folder and the measured runs
read it. Prints one TSV row per corpus: dir, mode, runs, first-frame
median/min/max (s), whole-model median/min/max (s). Needs tmux.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

def tmux(socket, *args):
    r = subprocess.run(
        ["tmux", "-L", socket, "-f", "/dev/null", *args], capture_output=True, text=True
    )
    if r.returncode != 0 and args[0] == "new-session":
        raise SystemExit(f"firstframe: tmux {args[0]}: {r.stderr.strip()}")
    return r.stdout


def one_run(binary, corpus, timeout, run, cache):
    # A fresh server per run: a new session on a server still shutting down
    # fails.
    socket = f"revue-firstframe-{os.getpid()}-{run}"
    if cache:
        cmd = f"XDG_CACHE_HOME={cache} exec {binary} --no-state {corpus}"
    else:
        cmd = f"exec {binary} --no-state --no-cache {corpus}"
    start = time.monotonic()
    tmux(socket, "new-session", "-d", "-x", "100", "-y", "30", cmd)
    first = whole = None
    try:
        while time.monotonic() - start < timeout:
            screen = tmux(socket, "capture-pane", "-p")
            now = time.monotonic() - start
            if first is None and "Articles (" in screen:
                first = now
            if first is not None and "Entities (" in screen and "extracting" not in screen:
                whole = now
                break
            time.sleep(0.01)
    finally:
        tmux(socket, "kill-server")
    return first, whole


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--bin", default="target/release/revue")
    p.add_argument("--timeout", type=float, default=300)
    p.add_argument("--cached", action="store_true")
    p.add_argument("dirs", nargs="+")
    a = p.parse_args()
    binary = os.path.abspath(a.bin)
    print("dir\tmode\truns\tfirst_frame_median_s\tmin\tmax\twhole_model_median_s\tmin\tmax")
    for d in a.dirs:
        firsts, wholes = [], []
        cache = tempfile.mkdtemp(prefix="revue-firstframe-") if a.cached else None
        tag = d.replace("/", "_")
        if cache:
            one_run(binary, os.path.abspath(d), a.timeout, f"fill-{tag}", cache)
        for run in range(a.runs):
            f, w = one_run(binary, os.path.abspath(d), a.timeout, f"{run}-{tag}", cache)
            if f is None or w is None:
                print(f"firstframe: {d}: no frame within {a.timeout} s", file=sys.stderr)
                return 1
            firsts.append(f)
            wholes.append(w)
        if cache:
            subprocess.run(["rm", "-rf", cache])
        row = [d, "cached" if cache else "fresh", str(a.runs)]
        for xs in (firsts, wholes):
            row += [f"{statistics.median(xs):.3f}", f"{min(xs):.3f}", f"{max(xs):.3f}"]
        print("\t".join(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
