#!/usr/bin/env python3
"""Measurements for benches/whole-process.sh, each printed as one line of
JSON for the script to report:

    measure.py time RUNS COMMAND...   wall time of RUNS runs (after warm-up runs)
    measure.py rss COMMAND...         peak resident memory of one run
    measure.py pty RUNS BINARY        the interview in a pseudo-terminal: spawn
                                      to the start form, and the last Enter of
                                      the form to the first question on screen

Every command must exit 0. The environment is passed on as it is: the script
sets a throw-away HOME.
"""

import json
import os
import pty
import re
import resource
import select
import statistics
import struct
import subprocess
import sys
import shutil
import tempfile
import termios
import fcntl
import time

WARMUP = 5
TIMEOUT = 10.0


def run_quietly(command):
    done = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr.decode(errors='replace')}")


def summary(seconds):
    ms = sorted(s * 1000 for s in seconds)
    return {"runs": len(ms), "median_ms": statistics.median(ms), "min_ms": ms[0], "max_ms": ms[-1]}


def measure_time(runs, command):
    for _ in range(WARMUP):
        run_quietly(command)
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        run_quietly(command)
        seconds.append(time.perf_counter() - start)
    return summary(seconds)


def measure_rss(command):
    # Children only, and this process has had no other: the figure is this run's.
    run_quietly(command)
    return {"peak_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


class Screen:
    """Just enough of a terminal to read what is on it: text, cursor
    positioning and clearing, which is all a ratatui frame is made of. Other
    escape sequences are skipped."""

    SEQUENCE = re.compile(rb"\x1b\[([0-9;?]*)([ -/]*[@-~])|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\x1b\][^\x07]*\x07")

    def __init__(self, rows=24, cols=80):
        self.rows, self.cols = rows, cols
        self.clear()
        self.row = self.col = 0
        self.pending = b""

    def clear(self):
        self.cells = [[" "] * self.cols for _ in range(self.rows)]

    def feed(self, data):
        data = self.pending + data
        self.pending = b""
        at = 0
        while at < len(data):
            if data[at] == 0x1B:
                match = self.SEQUENCE.match(data, at)
                if not match:
                    if len(data) - at < 64:
                        self.pending = data[at:]  # cut off mid-sequence
                        return
                    at += 1
                    continue
                self.escape(match)
                at = match.end()
                continue
            end = at
            while end < len(data) and data[end] != 0x1B:
                end += 1
            self.text(data[at:end])
            at = end

    def escape(self, match):
        params, final = match.group(1), match.group(2)
        if final == b"H" or final == b"f":
            parts = [int(p) if p.isdigit() else 1 for p in params.split(b";")] + [1, 1]
            self.row, self.col = min(parts[0], self.rows) - 1, min(parts[1], self.cols) - 1
        elif final == b"J" and params in (b"2", b"3"):
            self.clear()
        elif final == b"K":
            for col in range(self.col, self.cols):
                self.cells[self.row][col] = " "

    def text(self, raw):
        for char in raw.decode("utf-8", errors="replace"):
            if char == "\r":
                self.col = 0
            elif char == "\n":
                self.row = min(self.row + 1, self.rows - 1)
            elif char >= " ":
                if self.col < self.cols:
                    self.cells[self.row][self.col] = char
                self.col += 1

    def contents(self):
        return "\n".join("".join(row).rstrip() for row in self.cells)


class Interview:
    """crm-quick in an 80x24 pseudo-terminal, with a data directory of its
    own (no draft to offer to resume)."""

    def __init__(self, binary):
        self.data = tempfile.mkdtemp()
        self.started = time.perf_counter()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.environ.update(NO_COLOR="1", TERM="xterm-256color", XDG_DATA_HOME=self.data)
            args = [binary, "assess", "-q", "crm-quick", "--organization", "X"]
            os.execv(binary, args)
        self.screen = Screen()

    def wait_for(self, text):
        deadline = time.perf_counter() + TIMEOUT
        while text not in self.screen.contents():
            left = deadline - time.perf_counter()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                sys.exit(f"never showed {text!r}; the screen:\n{self.screen.contents()}")
            self.screen.feed(os.read(self.fd, 65536))
        return time.perf_counter()

    def send(self, keys):
        os.write(self.fd, keys.encode())

    def leave(self):
        """q, then yes: leaving unfinished ends with exit 130, the draft kept."""
        self.send("q")
        self.wait_for("Leave the interview?")
        self.send("y")
        deadline = time.perf_counter() + TIMEOUT
        while time.perf_counter() < deadline and select.select([self.fd], [], [], TIMEOUT)[0]:
            try:
                if not os.read(self.fd, 65536):
                    break
            except OSError:
                break  # the PTY reports EIO once the program has gone
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        shutil.rmtree(self.data)
        if os.waitstatus_to_exitcode(status) != 130:
            sys.exit(f"the interview exited {os.waitstatus_to_exitcode(status)}, not 130 (left unfinished)")


def measure_pty(runs, binary):
    to_form, to_question = [], []
    for _ in range(WARMUP + runs):
        tty = Interview(binary)
        form = tty.wait_for("Who is this assessment for?")
        # Organisation, name, role and group: Enter moves on; a fifth begins.
        for field in ["› Your name", "› Your role", "› Your group", "› Begin the interview"]:
            tty.send("\r")
            tty.wait_for(field)
        pressed = time.perf_counter()
        tty.send("\r")
        shown = tty.wait_for("Where is the objective of the CRM project")
        to_form.append(form - tty.started)
        to_question.append(shown - pressed)
        tty.leave()
    return {"to_start_form": summary(to_form[WARMUP:]), "enter_to_question": summary(to_question[WARMUP:])}


def main():
    what, args = sys.argv[1], sys.argv[2:]
    if what == "time":
        result = measure_time(int(args[0]), args[1:])
    elif what == "rss":
        result = measure_rss(args)
    elif what == "pty":
        result = measure_pty(int(args[0]), args[1])
    else:
        sys.exit(__doc__)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
