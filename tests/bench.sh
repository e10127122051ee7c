#!/usr/bin/env bash
# Start-up, idle CPU, memory and frame cost of the kiosk, next to a bare GLFW window (the floor)
# and, when installed, chromium --kiosk on a static page. Runs under its own Xvfb 1920x1080.
# Prints a table and `name=value unit` lines.
# Usage: tests/bench.sh BUILD_DIR [IDLE_SECONDS]   (make bench; BUILD_DIR must be built)
#   BUILD_DIR/wegwijzer      the kiosk (logs event=first_frame after its first swap)
#   BUILD_DIR/bare_window    tests/bench/bare_window.c
#   BUILD_DIR/frame_bench    tests/bench/frame_bench.cpp: per-screen frame CPU, headless
set -euo pipefail
build=${1:-build}
idle_seconds=${2:-30}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
build=$(cd "$build" && pwd)

if [ -z "${WW_BENCH_UNDER_XVFB:-}" ]; then
  for b in wegwijzer bare_window frame_bench; do
    [ -x "$build/$b" ] || { echo "bench: $build/$b is missing (cmake --build $build)" >&2; exit 1; }
  done
  WW_BENCH_UNDER_XVFB=1 exec tests/with-xvfb.sh --size 1920x1080 "$0" "$build" "$idle_seconds"
fi

echo "bench: DISPLAY=$DISPLAY (Xvfb 1920x1080), $(nproc) cores, $(uname -r)"
chrome=$(command -v chromium || command -v chromium-browser || true)

python3 - "$build" "$idle_seconds" "$chrome" <<'PY'
import os, queue, re, shutil, signal, statistics, subprocess, sys, tempfile, threading, time

build, idle_seconds, chrome = sys.argv[1], int(sys.argv[2]), sys.argv[3]
TCK = os.sysconf("SC_CLK_TCK")
results = []  # (name, value, unit)

def out(name, value, unit):
    results.append((name, value, unit))
    print(f"{name}={value:.2f} {unit}" if isinstance(value, float) else f"{name}={value} {unit}", flush=True)

class Proc:
    """A child with its stderr (and stdout) read line by line, each line time-stamped."""
    def __init__(self, cmd, cwd=None):
        self.t0 = time.monotonic()
        self.p = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT,
                                  start_new_session=True)
        self.lines = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in self.p.stdout:
            self.lines.put((time.monotonic(), raw.decode(errors="replace").rstrip()))
        self.lines.put((time.monotonic(), None))

    def wait_for(self, pattern, timeout=60):
        """Seconds from start until a line matching `pattern`; None on timeout or exit."""
        rx = re.compile(pattern)
        end = time.monotonic() + timeout
        while True:
            try:
                t, line = self.lines.get(timeout=max(0.01, end - time.monotonic()))
            except queue.Empty:
                return None
            if line is None:
                return None
            if rx.search(line):
                return t - self.t0
            if time.monotonic() > end:
                return None

    def stop(self):
        if self.p.poll() is None:
            try:
                os.killpg(self.p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.p.pid, signal.SIGKILL)
                self.p.wait()

def tree(pid):
    """pid and all its descendants (chromium is many processes)."""
    kids = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                kids.setdefault(ppid, []).append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out

def cpu_seconds(pid):
    total = 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            pass
    return total / TCK

def cpu_pct(pid, seconds):
    c0, t0 = cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)
    return 100.0 * (cpu_seconds(pid) - c0) / (time.monotonic() - t0)

def memory_mb(pid):
    pss = rss = 0
    for p in tree(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    k, v = line.split(":", 1)
                    if k == "Pss": pss += int(v.split()[0])
                    elif k == "Rss": rss += int(v.split()[0])
        except (OSError, ValueError):
            pass
    return pss / 1024, rss / 1024

def startup(name, cmd, ready, runs=5, cwd=None):
    times = []
    for _ in range(runs):
        p = Proc(cmd, cwd)
        t = p.wait_for(ready, 60)
        p.stop()
        if t is None:
            print(f"bench: {name} never logged '{ready}'", file=sys.stderr)
            return None
        times.append(t * 1000)
    ms = statistics.median(times)
    out(f"first_frame_ms.{name}", ms, "ms")
    return ms

kiosk = [f"{build}/wegwijzer"]
summary = {}

# --- the kiosk -------------------------------------------------------------------------------
def steady_state(name, cmd, timeout=30, key=None, idle_for=None):
    """Memory after start and CPU while idle, for the kiosk and for what it is compared with.
    `name` labels the printed figures, `key` (default: name) the summary table row."""
    p = Proc(cmd)
    if p.wait_for(r"event=first_frame", timeout) is not None:
        time.sleep(3)
        pss, rss = memory_mb(p.p.pid)
        out(f"pss_mb.{name}", pss, "MB"); out(f"rss_mb.{name}", rss, "MB")
        idle = cpu_pct(p.p.pid, idle_for or idle_seconds)
        out(f"idle_cpu_pct.{name}", idle, "%")
        summary[key or name].update(pss=pss, rss=rss, idle=idle)
    p.stop()

summary["kiosk"] = {"start": startup("kiosk", kiosk, r"event=first_frame")}
steady_state("kiosk", kiosk)

def phase_cpu(name, warning_seconds, event):
    """CPU of the kiosk once the log shows `event` (the attract loop, the idle countdown)."""
    p = Proc(kiosk + ["--set", "session.idle_timeout=2", "--set", f"session.warning_seconds={warning_seconds}"])
    if p.wait_for(event, 30) is not None:
        time.sleep(1)
        summary["kiosk"][name] = cpu_pct(p.p.pid, 15)
        out(f"{name}_cpu_pct.kiosk", summary["kiosk"][name], "%")
    p.stop()

phase_cpu("attract", 1, r"event=attract")
phase_cpu("warning", 600, r"event=idle_warning")

# Full-rate rendering while a finger is down (xdotool drags on home): the real cost of frames,
# GL on the software renderer included. Nothing caps it but the swap interval.
if shutil.which("xdotool"):
    p = Proc(kiosk)
    if p.wait_for(r"event=first_frame") is not None:
        time.sleep(2)
        subprocess.run(["xdotool", "mousemove", "960", "800", "mousedown", "1"], check=False)
        stop = threading.Event()
        def wiggle():
            i = 0
            while not stop.is_set():
                subprocess.run(["xdotool", "mousemove", "960", str(300 + (i % 2) * 500)], check=False)
                i += 1
                time.sleep(0.05)
        mover = threading.Thread(target=wiggle)
        mover.start()
        time.sleep(1)
        summary["kiosk"]["drag"] = cpu_pct(p.p.pid, 10)
        stop.set()
        mover.join()
        subprocess.run(["xdotool", "mouseup", "1"], check=False)
        out("drag_cpu_pct.kiosk", summary["kiosk"]["drag"], "%")
    p.stop()

# --- the floor: a bare GLFW window with a GL context -------------------------------------------
bare = [f"{build}/bare_window"]
summary["bare"] = {"start": startup("bare_window", bare, r"event=first_frame")}
steady_state("bare_window", bare, key="bare", idle_for=10)

# --- chromium --kiosk on a static page, if installed -------------------------------------------
if chrome:
    tmp = tempfile.mkdtemp(prefix="ww-bench-chrome-")
    page = os.path.join(tmp, "index.html")
    with open(page, "w") as f:
        f.write("<!doctype html><meta charset=utf-8><title>kiosk</title>"
                "<body style='font:32px sans-serif;background:#fff'><h1>Wegwijzer</h1>"
                "<p>Een statische pagina als vergelijking.</p>"
                "<script>requestAnimationFrame(()=>requestAnimationFrame(()=>"
                "console.log('event=first_frame')))</script></body>")
    def chrome_cmd():
        return [chrome, "--kiosk", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--enable-logging=stderr", "--v=0", f"--user-data-dir={tempfile.mkdtemp(dir=tmp)}",
                f"file://{page}"]
    times = []
    for _ in range(5):
        p = Proc(chrome_cmd())
        t = p.wait_for(r"event=first_frame", 60)
        p.stop()
        if t is not None: times.append(t * 1000)
    summary["chromium"] = {"start": statistics.median(times) if times else None}
    if times: out("first_frame_ms.chromium", summary["chromium"]["start"], "ms")
    steady_state("chromium", chrome_cmd(), 60)
    shutil.rmtree(tmp, ignore_errors=True)
else:
    print("bench: chromium is not installed: its comparison is skipped", flush=True)

# --- table -----------------------------------------------------------------------------------
def f(v, fmt):
    return fmt.format(v) if isinstance(v, (int, float)) else "-"
print()
print("CPU in % of one core; idle = home with no input; attract/warning: once those phases run.")
print(f"{'':14}{'first frame':>14}{'PSS':>10}{'RSS':>10}{'idle CPU':>10}{'attract':>10}{'warning':>10}"
      f"{'drag':>10}")
for name, s in summary.items():
    print(f"{name:14}{f(s.get('start'), '{:.0f} ms'):>14}{f(s.get('pss'), '{:.1f} MB'):>10}"
          f"{f(s.get('rss'), '{:.1f} MB'):>10}{f(s.get('idle'), '{:.2f} %'):>10}"
          f"{f(s.get('attract'), '{:.1f} %'):>10}{f(s.get('warning'), '{:.1f} %'):>10}"
          f"{f(s.get('drag'), '{:.1f} %'):>10}")
print()
PY

# --- frame cost per screen, headless (ImGui's CPU side; the GL driver's work comes on top) ------
"$build/frame_bench" 200 2>/dev/null
