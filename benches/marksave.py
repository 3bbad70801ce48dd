#!/usr/bin/env python3
"""Time review marks as a user makes them: the dashboard (tmux, 100x30) on
the seeds with a state file already holding N marks, six Space presses
sent at once (each marks one of the six articles read), and the time until
the screen shows all six read. The old dashboard saved the whole state
file on every mark before drawing, so this is six saves; a dashboard that
hands marks to another thread draws at once. With `--strace`, the same run
under `strace -c -f`, less a run without key presses, gives the system
calls that six marks cost (write calls, fsyncs, renames).

    benches/marksave.py [--bin target/release/revue] [--runs 3] [--strace] N...

Prints one TSV row per N: marks, runs, median/min/max seconds for six
marks, and with --strace the write/fsync/rename calls per mark. Needs tmux
(and strace for --strace).
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import tempfile
import time

SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "seeds")


def tmux(socket, *args):
    return subprocess.run(
        ["tmux", "-L", socket, "-f", "/dev/null", *args], capture_output=True, text=True
    ).stdout


def unread(screen):
    # The marks column: `•` for each unread article listed.
    return screen.count("•")


def one_run(binary, marks, presses, strace_out=None):
    with tempfile.TemporaryDirectory() as d:
        state = os.path.join(d, "state.json")
        book = {f"{i:032x}": {"read": True} for i in range(marks)}
        with open(state, "w") as f:
            json.dump({"version": 1, "articles": book}, f, indent=2)
        socket = f"marksave-{os.getpid()}"
        cmd = f"{binary} --no-cache --state {state} {SEEDS}; touch {d}/done"
        if strace_out:
            cmd = f"strace -c -f -o {strace_out} " + cmd
        tmux(socket, "new-session", "-d", "-x", "100", "-y", "30", cmd)
        try:
            while "Articles (6/6)" not in tmux(socket, "capture-pane", "-p"):
                time.sleep(0.01)
            time.sleep(0.3)
            start = time.monotonic()
            if presses:
                tmux(socket, "send-keys", *["Space"] * presses)
                while unread(tmux(socket, "capture-pane", "-p")) > 6 - presses:
                    time.sleep(0.005)
            took = time.monotonic() - start
            tmux(socket, "send-keys", "q")
            while not os.path.exists(f"{d}/done"):
                time.sleep(0.01)
        finally:
            tmux(socket, "kill-server")
        return took


def calls(path):
    counts = {}
    for line in open(path):
        m = re.match(r"\s*[\d.]+\s+[\d.]+\s+\d+\s+(\d+)\s+(?:\d+\s+)?(\w+)$", line)
        if m:
            counts[m.group(2)] = int(m.group(1))
    return counts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/revue")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--strace", action="store_true")
    ap.add_argument("marks", type=int, nargs="+")
    a = ap.parse_args()
    for n in a.marks:
        times = [one_run(a.bin, n, 6) for _ in range(a.runs)]
        row = [n, a.runs, statistics.median(times), min(times), max(times)]
        if a.strace:
            with tempfile.TemporaryDirectory() as d:
                one_run(a.bin, n, 6, f"{d}/six")
                one_run(a.bin, n, 0, f"{d}/none")
                six, none = calls(f"{d}/six"), calls(f"{d}/none")
                for c in ["write", "fsync", "fdatasync", "rename"]:
                    row.append((six.get(c, 0) - none.get(c, 0)) / 6)
        print("\t".join(f"{x:.3f}" if isinstance(x, float) else str(x) for x in row))


main()
