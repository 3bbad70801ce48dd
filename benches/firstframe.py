#!/usr/bin/env python3
"""Time the dashboard as a user sees it: from launch to the first frame
(the article list on screen), to search (a query typed at the first frame
has filtered the list) and to the whole model (entities and events
counted, no longer "extracting"), in a real terminal (tmux, 100x30),
reading the screen every 10 ms.

    benches/firstframe.py [--runs N] [--bin target/release/revue] [--cached]
                          [--query WORD] [--until search|whole] DIR...

A fresh start by default (`--no-cache`); with `--cached`, one unmeasured
run first fills a model cache in a temporary folder and the measured runs
read it. The query (`erdogan` unless told) is typed as soon as the first
frame shows; search is ready when the article list's count falls below
the corpus's (`Articles (n/N)`, n < N), so the query must not match every
article. `--until search` stops each run there (a fresh 100k build takes a
minute). Prints one TSV row per corpus: dir, mode, runs, then median/min/max
(s) of the first frame, of search ready and (unless `--until search`) of the
whole model, and the dashboard's peak resident memory by then (MB of 10^6
bytes, the kernel's VmHWM). Needs tmux.
"""
import argparse
import os
import re
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


ARTICLES = re.compile(r"Articles \((\d+)/(\d+)\)")
ENTITIES_COUNTED = re.compile(r"Entities \(\d+\)")


def filtered(screen):
    m = ARTICLES.search(screen)
    return m is not None and int(m.group(1)) < int(m.group(2))


def one_run(binary, corpus, timeout, run, cache, query, until):
    # A fresh server per run: a new session on a server still shutting down
    # fails.
    socket = f"revue-firstframe-{os.getpid()}-{run}"
    if cache:
        cmd = f"XDG_CACHE_HOME={cache} exec {binary} --no-state {corpus}"
    else:
        cmd = f"exec {binary} --no-state --no-cache {corpus}"
    start = time.monotonic()
    tmux(socket, "new-session", "-d", "-x", "100", "-y", "30", cmd)
    pid = tmux(socket, "display-message", "-p", "#{pane_pid}").strip()
    first = search = whole = peak = None
    try:
        while time.monotonic() - start < timeout:
            screen = tmux(socket, "capture-pane", "-p")
            now = time.monotonic() - start
            if first is None and "Articles (" in screen:
                first = now
                tmux(socket, "send-keys", "-l", "/" + query)
            if first is not None and search is None and filtered(screen):
                search = now
                if until == "search":
                    break
            if (
                first is not None
                and whole is None
                and ENTITIES_COUNTED.search(screen)
                and "extracting" not in screen
            ):
                whole = now
            if search is not None and whole is not None:
                break
            time.sleep(0.01)
        peak = peak_rss_mb(pid)
    finally:
        tmux(socket, "kill-server")
    return first, search, whole, peak


def peak_rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024 / 1e6
    except (OSError, ValueError):
        pass
    return None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--bin", default="target/release/revue")
    p.add_argument("--timeout", type=float, default=300)
    p.add_argument("--cached", action="store_true")
    p.add_argument("--query", default="erdogan")
    p.add_argument("--until", choices=["search", "whole"], default="whole")
    p.add_argument("dirs", nargs="+")
    a = p.parse_args()
    binary = os.path.abspath(a.bin)
    header = ["dir", "mode", "runs", "first_frame_median_s", "min", "max"]
    header += ["search_ready_median_s", "min", "max"]
    if a.until == "whole":
        header += ["whole_model_median_s", "min", "max", "peak_rss_median_mb", "min", "max"]
    print("\t".join(header))
    for d in a.dirs:
        firsts, searches, wholes, peaks = [], [], [], []
        cache = tempfile.mkdtemp(prefix="revue-firstframe-") if a.cached else None
        tag = d.replace("/", "_")
        run_one = lambda run, until: one_run(
            binary, os.path.abspath(d), a.timeout, run, cache, a.query, until
        )
        if cache:
            # Filled by a run that sees the whole model, which is saved first.
            run_one(f"fill-{tag}", "whole")
        for run in range(a.runs):
            f, s, w, m = run_one(f"{run}-{tag}", a.until)
            if f is None or s is None or (a.until == "whole" and w is None):
                print(
                    f"firstframe: {d}: no frame, search or model within {a.timeout} s",
                    file=sys.stderr,
                )
                return 1
            firsts.append(f)
            searches.append(s)
            wholes.append(w)
            peaks.append(m)
        if cache:
            subprocess.run(["rm", "-rf", cache])
        row = [d, "cached" if cache else "fresh", str(a.runs)]
        for xs in (firsts, searches, wholes) if a.until == "whole" else (firsts, searches):
            row += [f"{statistics.median(xs):.3f}", f"{min(xs):.3f}", f"{max(xs):.3f}"]
        if a.until == "whole":
            peaks = [m for m in peaks if m is not None]
            row += [f"{statistics.median(peaks):.1f}", f"{min(peaks):.1f}", f"{max(peaks):.1f}"] if peaks else ["-"] * 3
        print("\t".join(row), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
