#!/usr/bin/env python3
"""Start-up and memory of Myochart against a bare Tauri window (issue 14).

Run by scripts/bench-app.sh, which builds the binaries and starts Xvfb. Each
round launches, in turn, the bare window, the app on 30 demo clients and the
app on 100,000 clients, and times each from launch until its first screen is
painted and takes input: the window appends "list" to the file
MYOCHART_BENCH_READY names (src-tauri/src/bench.rs), here a FIFO read the
moment it is written. The app on 30 clients then opens the client with 500
sessions (MYOCHART_BENCH_OPEN_CLIENT) and reports "client"; after SETTLE
seconds the proportional set size (PSS) of its whole process tree, WebKit's
processes included, is read, as is the bare window's after the same wait.

On a computer without a GPU the app draws without WebKit's compositor
(`composite_only_on_a_gpu` in src-tauri/src/main.rs), which a bare window
doesn't: there the bare window is also measured drawn that way, and the app's
ratios to it are printed too, like for like.
"""

import argparse
import csv
import os
import random
import select
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

SETTLE = 3.0
# Seconds of calm after a window's processes are gone, before the next launch.
QUIET = 1.0
TIMEOUT = 120.0
GOALS = {"app-30": 1.2, "app-100k": 1.5, "memory": 1.15}

FIRST = ["Anna", "Somchai", "Eleni", "Maria", "Kenji", "Zoë", "Ahmed", "Nguyen", "Olga", "Pierre"]
LAST = ["Smith", "Ricci", "Papadopoulos", "Tanaka", "Müller", "Dubois", "Jones", "Kowalski", "Silva", "Lee"]


def run(*command):
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stderr}")


def add_sessions(db, where, per_client):
    """Sessions written straight into the file (as benches/protection.rs does):
    only their number and size matter here."""
    conn = sqlite3.connect(db)
    conn.execute(
        f"""WITH RECURSIVE visit(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM visit WHERE n < {per_client - 1})
        INSERT INTO sessions (client_id, session_date, therapist, subjective, pain_before, pain_after)
        SELECT id, date('2010-01-04', '+' || (n * 7 + id % 7) || ' days'), 'Anna',
               'Neck and shoulder ache after desk work, worse in the afternoon', 6, 3
        FROM clients, visit WHERE {where}"""
    )
    conn.commit()
    conn.close()


def finish(db):
    """Gives the database made as `<db>.new` its name, once it is whole."""
    os.rename(f"{db}.new", db)
    os.remove(f"{db}.new-migrating")


def fixtures(cli, folder):
    """30 demo clients, the first with 500 sessions; and 100,000 clients with
    5 sessions each. Made once, kept in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    small, large = folder / "clients-30.sqlite", folder / "clients-100k.sqlite"
    if not small.exists():
        run(cli, "--db", f"{small}.new", "demo", "--clients", "30")
        add_sessions(f"{small}.new", "id = 1", 500)
        finish(small)
    if not large.exists():
        export = folder / "clients-100k.csv"
        with open(export, "w", newline="") as file:
            rows = csv.writer(file)
            rows.writerow(["First Name", "Last Name", "DOB", "Mobile"])
            for n in range(100_000):
                born = f"{1940 + n % 60}-{1 + n // 60 % 12:02}-{1 + n // 720 % 28:02}"
                rows.writerow([FIRST[n % 10], f"{LAST[n // 10 % 10]}-{n // 100}", born, f"+1 555 {n:07}"])
        run(cli, "--db", f"{large}.new", "import-clients", str(export), "--date-format", "ymd",
            "--import-duplicates")
        add_sessions(f"{large}.new", "1", 5)
        finish(large)
    return small, large


def process_tree(root):
    """`root` and every process below it, from the parent links in /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                # The command name, in brackets, may hold spaces: the fields start after it.
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    tree, grown = {root}, True
    while grown:
        below = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= below
        grown = bool(below)
    return tree


def alive(pid):
    """Whether `pid` still runs (a zombie, whose memory is freed, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def pss_kib(pids):
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


class Launch:
    """One run of a window binary, with its ready reports."""

    def __init__(self, command, folder, env):
        self.fifo = folder / "ready.fifo"
        if self.fifo.exists():
            self.fifo.unlink()
        os.mkfifo(self.fifo)
        # Opened for reading and writing, so it never reads as closed
        # between the window's reports.
        self.reports = os.open(self.fifo, os.O_RDWR | os.O_NONBLOCK)
        self.pending = b""
        env = dict(os.environ, MYOCHART_BENCH_READY=str(self.fifo), **env)
        self.log = open(folder / "window.log", "ab")
        self.started = time.monotonic()
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=self.log,
                                        start_new_session=True)

    def seconds_until(self, screen):
        """Seconds from launch until the window reported `screen` painted."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            lines = self.pending.split(b"\n")
            for index, line in enumerate(lines[:-1]):
                if line.decode() == screen:
                    self.pending = b"\n".join(lines[index + 1:])
                    return self.at - self.started
            if self.process.poll() is not None:
                sys.exit(f"{self.process.args[0]} stopped (exit {self.process.returncode}) before {screen}")
            if select.select([self.reports], [], [], 0.5)[0]:
                self.pending += os.read(self.reports, 4096)
                self.at = time.monotonic()
        sys.exit(f"{self.process.args[0]} never reported {screen}")

    def pss_mib(self):
        time.sleep(SETTLE)
        return pss_kib(process_tree(self.process.pid)) / 1024

    def stop(self):
        """Kills the window's processes and waits until they are gone and the
        machine is quiet again, so that no launch starts while the one before
        it is still being torn down."""
        tree = process_tree(self.process.pid)
        for pid in tree:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait()
        os.close(self.reports)
        self.log.close()
        deadline = time.monotonic() + TIMEOUT
        while any(alive(pid) for pid in tree) and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(QUIET)


def spread(values, unit):
    return f"{statistics.median(values):8.0f} {unit}  ({min(values):.0f}..{max(values):.0f})"


def ratio_interval(app, bare, draws=4000):
    """The 95 % interval of median(app) / median(bare), by resampling rounds
    (a bootstrap): a round's launches ran side by side, so they are drawn
    together. On a noisy machine one run's ratio swings; the interval says
    how far."""
    chance = random.Random(14)
    rounds = list(zip(app, bare))
    ratios = sorted(
        statistics.median(a for a, _ in sample) / statistics.median(b for _, b in sample)
        for sample in (chance.choices(rounds, k=len(rounds)) for _ in range(draws))
    )
    return ratios[int(0.025 * draws)], ratios[int(0.975 * draws) - 1]


def against(app, bare, goal):
    """The ratio of the medians, its interval, and whether the goal is met:
    "ok" only when the whole interval is within it."""
    low, high = ratio_interval(app, bare)
    verdict = "ok" if high <= goal else "ABOVE" if low > goal else "undecided, run more rounds"
    ratio = statistics.median(app) / statistics.median(bare)
    return f"{ratio:.2f}x bare (95 % {low:.2f}..{high:.2f}; goal {goal}x: {verdict})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--bare", required=True)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    small, large = fixtures(args.cli, args.work / "fixtures")
    home = args.work / "home"
    # The app's logs, settings, WebKit caches and backups stay in the work folder.
    env = {f"XDG_{kind}_HOME": str(home / kind.lower()) for kind in ["DATA", "CONFIG", "CACHE", "STATE"]}
    env["MYOCHART_BACKUPS"] = str(args.work / "backups")

    def bare(extra=None):
        launch = Launch([args.bare], args.work, {**env, **(extra or {})})
        try:
            return launch.seconds_until("list"), launch.pss_mib()
        finally:
            launch.stop()

    def app(db, open_client):
        extra = {"MYOCHART_BENCH_OPEN_CLIENT": "1"} if open_client else {}
        launch = Launch([args.app, "--db", str(db)], args.work, {**env, **extra})
        try:
            started = launch.seconds_until("list")
            if not open_client:
                return started, None
            launch.seconds_until("client")
            return started, launch.pss_mib()
        finally:
            launch.stop()

    variants = {"bare": bare, "app-30": lambda: app(small, True), "app-100k": lambda: app(large, False)}
    # As the app decides whether there is a GPU: by a DRM render node.
    if not any(Path("/dev/dri").glob("renderD*")):
        variants["bare-flat"] = lambda: bare({"WEBKIT_DISABLE_COMPOSITING_MODE": "1"})
    # One launch each first, not counted: caches warm alike for all.
    for measure in variants.values():
        measure()
    start = {name: [] for name in variants}
    memory = {"bare": [], "app-30": [], "bare-flat": []}
    for round_ in range(args.runs):
        # Interleaved, in a turning order, so a slow moment of the machine
        # doesn't fall on one variant.
        names = list(variants)
        names = names[round_ % len(names):] + names[:round_ % len(names)]
        for name in names:
            seconds, mib = variants[name]()
            start[name].append(seconds * 1000)
            if mib is not None:
                memory[name].append(mib)
        print(f"round {round_ + 1}/{args.runs}: " + ", ".join(
            f"{name} {start[name][-1]:.0f} ms" for name in variants), file=sys.stderr)

    print(f"\nStart-up until the list is painted and takes input; {args.runs} runs each, median (min..max)")
    print(f"  bare Tauri window        {spread(start['bare'], 'ms')}")
    for name, label in [("app-30", "Myochart, 30 clients    "), ("app-100k", "Myochart, 100,000       ")]:
        print(f"  {label} {spread(start[name], 'ms')}  {against(start[name], start['bare'], GOALS[name])}")
    print(f"\nPSS of the process tree, {SETTLE:.0f} s after the screen is painted, median (min..max)")
    print(f"  bare Tauri window        {spread(memory['bare'], 'MiB')}")
    print(f"  Myochart, 500-session client open {statistics.median(memory['app-30']):.0f} MiB"
          f"  ({min(memory['app-30']):.0f}..{max(memory['app-30']):.0f})"
          f"  {against(memory['app-30'], memory['bare'], GOALS['memory'])}")
    if "bare-flat" in variants:
        flat_start = statistics.median(start["bare-flat"])
        print("\nWithout a GPU here, the app draws without WebKit's compositor; the bare window drawn so:")
        print(f"  start-up {spread(start['bare-flat'], 'ms')}: Myochart "
              f"{statistics.median(start['app-30']) / flat_start:.2f}x with 30 clients, "
              f"{statistics.median(start['app-100k']) / flat_start:.2f}x with 100,000")
        print(f"  PSS      {spread(memory['bare-flat'], 'MiB')}: Myochart "
              f"{statistics.median(memory['app-30']) / statistics.median(memory['bare-flat']):.2f}x")


if __name__ == "__main__":
    main()
