"""What a visitor feels, next to the floor (a bare GLFW window) and chromium --kiosk: first frame,
memory after start and after a tour of every place, idle/attract/warning CPU, tap-to-new-screen
latency and drag-scroll frame times on the longest screen. Run by tests/bench.sh under its own
Xvfb 1920x1080; every figure is a median over several runs.

Prints `name=value unit` lines as it goes, then one table and the targets; writes every figure as
`name=value` to BUILD_DIR/bench.txt (sorted, so two runs compare with diff). Exits non-zero when a
figure could not be measured.
Usage: bench.py BUILD_DIR IDLE_SECONDS CHROMIUM   (env: BENCH_RUNS, BENCH_STEADY_RUNS)
"""
import atexit, ctypes, math, os, re, shutil, signal, statistics, subprocess, sys, tempfile
import threading, time

build, idle_seconds, chrome = sys.argv[1], float(sys.argv[2]), sys.argv[3]
RUNS = int(os.environ.get("BENCH_RUNS", "5"))  # first frame: cheap, so more runs
STEADY_RUNS = max(1, min(RUNS, int(os.environ.get("BENCH_STEADY_RUNS", "3"))))  # the slow phases
TAPS = 50
DRAG_SECONDS = 5.0
EDGE_SECONDS = 0.5  # left out at both ends of the drag: the press and the release are no scroll
TCK = os.sysconf("SC_CLK_TCK")
kiosk = [f"{build}/wegwijzer"]
tmp = tempfile.mkdtemp(prefix="ww-bench-")
figures = {}  # name -> value (float or str)
errors = []
children = []


def record(name, value, unit=""):
    figures[name] = value
    text = f"{value:.2f}" if isinstance(value, float) else str(value)
    print(f"{name}={text} {unit}".rstrip(), flush=True)


def fail(what):
    errors.append(what)
    print(f"bench: {what}", file=sys.stderr, flush=True)


def median(values):
    return statistics.median(values) if values else None


def percentile(values, p):
    v = sorted(values)
    return v[min(len(v) - 1, int(p * (len(v) - 1) + 0.5))]


class Proc:
    """A child in its own process group, its output read line by line and time-stamped."""

    def __init__(self, cmd, env=None):
        self.t0 = time.monotonic()
        self.p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, start_new_session=True,
                                  env=dict(os.environ, **(env or {})))
        self.pid = self.p.pid
        children.append(self)
        self.log = []  # (seconds since start, line)
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for raw in self.p.stdout:
            with self.cond:
                self.log.append((time.monotonic() - self.t0, raw.decode(errors="replace").rstrip()))
                self.cond.notify_all()
        with self.cond:
            self.log.append((None, None))
            self.cond.notify_all()

    def wait_for(self, pattern, timeout, start=0):
        """The first line from log index `start` on that matches: (index, seconds since start,
        match), or None on timeout or exit."""
        rx, end, i = re.compile(pattern), time.monotonic() + timeout, start
        with self.cond:
            while True:
                while i < len(self.log):
                    t, line = self.log[i]
                    if line is None:
                        return None
                    m = rx.search(line)
                    if m:
                        return i, t, m
                    i += 1
                left = end - time.monotonic()
                if left <= 0:
                    return None
                self.cond.wait(left)

    def stop(self):
        if self not in children:
            return  # stopped before: its group id may belong to someone else by now
        children.remove(self)
        if self.p.poll() is None:
            os.killpg(self.pid, signal.SIGTERM)
            try:
                self.p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        try:  # what is left of the group (chromium's helpers), the leader gone or not
            os.killpg(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.p.wait()


def cleanup():
    for c in list(children):
        c.stop()
    shutil.rmtree(tmp, ignore_errors=True)


atexit.register(cleanup)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))


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
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo.extend(kids.get(p, []))
    return found


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


class Finger:
    """Pointer input through XTest on one X connection: a process per event (xdotool) is too
    slow and too uneven for a 60 Hz drag. The kiosk is fullscreen, so screen = window pixels."""

    def __init__(self):
        c = ctypes
        self.x11, self.xtst = c.CDLL("libX11.so.6"), c.CDLL("libXtst.so.6")
        self.x11.XOpenDisplay.restype = c.c_void_p
        self.x11.XOpenDisplay.argtypes = [c.c_char_p]
        self.x11.XFlush.argtypes = [c.c_void_p]
        self.xtst.XTestFakeMotionEvent.argtypes = [c.c_void_p, c.c_int, c.c_int, c.c_int, c.c_ulong]
        self.xtst.XTestFakeButtonEvent.argtypes = [c.c_void_p, c.c_uint, c.c_int, c.c_ulong]
        self.dpy = self.x11.XOpenDisplay(None)
        if not self.dpy:
            sys.exit("bench: cannot open the X display for XTest input")

    def move(self, x, y):
        self.xtst.XTestFakeMotionEvent(self.dpy, -1, int(x), int(y), 0)
        self.x11.XFlush(self.dpy)

    def button(self, down):
        self.xtst.XTestFakeButtonEvent(self.dpy, 1, 1 if down else 0, 0)
        self.x11.XFlush(self.dpy)

    def tap(self, x, y):
        self.move(x, y)
        self.button(True)
        time.sleep(0.05)  # a finger's touch, not a zero-length click
        self.button(False)


finger = Finger()
ITEMS = r"event=items place=(\S+)(.*)"
HOME_ITEMS = r"event=items place=(screen:home)(.*)"


def items_of(match):
    """{item id: (x, y)} of an `event=items` line."""
    return {k: tuple(map(int, v.split(","))) for k, v in
            (f.split("=", 1) for f in match.group(2).split())}


# --- first frame, memory after start, idle CPU: kiosk, floor, chromium --------------------------
def start_runs(name, make_cmd):
    """First frame over RUNS starts; the first STEADY_RUNS of them then rest 3 s and give memory
    and idle CPU (idle_seconds each)."""
    ff, pss, rss, idle = [], [], [], []
    for i in range(RUNS):
        p = Proc(make_cmd())
        r = p.wait_for(r"event=first_frame", 60)
        if r is None:
            fail(f"{name} never logged event=first_frame (within 60 s)")
            p.stop()
            return
        ff.append(r[1] * 1000)
        if i < STEADY_RUNS:
            time.sleep(3)
            m = memory_mb(p.pid)
            pss.append(m[0]); rss.append(m[1])
            idle.append(cpu_pct(p.pid, idle_seconds))
        p.stop()
    print(f"bench: first frame of {name}, each run: {', '.join(f'{v:.0f}' for v in ff)} ms",
          flush=True)
    record(f"first_frame_ms.{name}", median(ff), "ms")
    record(f"pss_mb.{name}", median(pss), "MB")
    record(f"rss_mb.{name}", median(rss), "MB")
    record(f"idle_cpu_pct.{name}", median(idle), "%")


# --- the kiosk's own phases ----------------------------------------------------------------------
def tour():
    """Memory after --tour has shown every place in both text sizes and come home."""
    pss, rss = [], []
    for _ in range(STEADY_RUNS):
        p = Proc(kiosk + ["--tour"])
        if p.wait_for(r"event=tour_done", 180) is None:
            fail("kiosk --tour never logged event=tour_done (within 180 s)")
            p.stop()
            return
        time.sleep(3)
        m = memory_mb(p.pid)
        pss.append(m[0]); rss.append(m[1])
        p.stop()
    record("pss_mb_after_tour.kiosk", median(pss), "MB")
    record("rss_mb_after_tour.kiosk", median(rss), "MB")


def phase_cpu(name, warning_seconds, event, seconds=5):
    """CPU of the kiosk once the log shows `event` (the attract loop, the idle countdown)."""
    pcts = []
    for _ in range(STEADY_RUNS):
        p = Proc(kiosk + ["--set", "session.idle_timeout=2",
                          "--set", f"session.warning_seconds={warning_seconds}"])
        if p.wait_for(event, 30) is None:
            fail(f"kiosk never logged {event} (within 30 s)")
            p.stop()
            return
        time.sleep(1)
        pcts.append(cpu_pct(p.pid, seconds))
        p.stop()
    record(f"{name}_cpu_pct.kiosk", median(pcts), "%")


def tap_latency():
    """TAPS taps that each show a new place (a home tile, then home again), timed by the kiosk
    itself (--log-latency: input callback to the end of the swap that shows the new place)."""
    p = Proc(kiosk + ["--log-latency", "--log-items"])
    r = p.wait_for(HOME_ITEMS, 30)
    if r is None:
        fail("kiosk --log-latency --log-items never logged the home screen's items")
        p.stop()
        return
    place, items = "screen:home", items_of(r[2])
    tiles = sorted(k for k in items if k.startswith("tile-"))
    if not tiles:
        fail("tap latency: no tile-... items on the home screen")
        p.stop()
        return
    ms = []
    for i in range(TAPS):
        target = tiles[(i // 2) % len(tiles)] if place == "screen:home" else (
            "home" if "home" in items else "back")
        mark = len(p.log)
        finger.tap(*items[target])
        lat = p.wait_for(r"event=tap_latency ms=([0-9.]+)", 10, mark)
        # The new place's items, for the next tap (logged once it has settled).
        r = p.wait_for(ITEMS, 10, mark)
        while r is not None and r[2].group(1) == place:
            r = p.wait_for(ITEMS, 10, r[0] + 1)
        if lat is None or r is None:
            fail(f"tap {i + 1} on {target} ({place}): no "
                 f"{'event=tap_latency' if lat is None else 'new place'} within 10 s")
            break
        ms.append(float(lat[2].group(1)))
        place, items = r[2].group(1), items_of(r[2])
    p.stop()
    record("tap_latency_taps", len(ms))
    if ms:
        record("tap_latency_ms_p50", percentile(ms, 0.5), "ms")
        record("tap_latency_ms_p99", percentile(ms, 0.99), "ms")


def drag_scroll(screen):
    """A finger held down on `screen` and moved smoothly up and down at 60 Hz for DRAG_SECONDS.
    Frame times from Mesa's HUD: with GALLIUM_HUD_PERIOD=0 it samples every frame and
    GALLIUM_HUD_DUMP_DIR gets one line per frame, the time since the previous swap in ms (no time
    stamps: a swap's time is a known frame's plus the running sum). Only `frametime` is asked
    for (at period 0 the `fps` graph is just 1000/frametime), and the HUD is not drawn: it would
    add its own drawing to the frames measured (the dump is written all the same)."""
    fps, p99s, cpus = [], [], []
    for run in range(STEADY_RUNS):
        dump = tempfile.mkdtemp(dir=tmp)
        p = Proc(kiosk + ["--log-items"], env={
            "GALLIUM_HUD": "frametime", "GALLIUM_HUD_PERIOD": "0", "GALLIUM_HUD_VISIBLE": "false",
            "GALLIUM_HUD_DUMP_DIR": dump})
        home = p.wait_for(HOME_ITEMS, 30)
        tile = f"tile-{screen}"
        if home is None or tile not in items_of(home[2]):
            fail(f"drag: no {tile} on the home screen")
            p.stop()
            return
        finger.tap(*items_of(home[2])[tile])
        if p.wait_for(rf"event=items place=screen:{screen} ", 10, home[0]) is None:
            fail(f"drag: screen {screen} did not open")
            p.stop()
            return
        time.sleep(1)
        # Down at y=840, up to 240 and back, twice in DRAG_SECONDS; cos: slow at the turns.
        finger.move(960, 840)
        finger.button(True)
        t_down, c0 = time.monotonic(), cpu_seconds(p.pid)
        n = int(DRAG_SECONDS * 60)
        for i in range(1, n + 1):
            time.sleep(max(0.0, t_down + i / 60 - time.monotonic()))
            finger.move(960, 540 + 300 * math.cos(2 * math.pi * 2 * i / n))
        t_up = time.monotonic()
        cpus.append(100.0 * (cpu_seconds(p.pid) - c0) / (t_up - t_down))
        finger.button(False)
        time.sleep(1)
        p.stop()  # the HUD's files are complete once the kiosk has closed its GL context
        files = [f for f in os.listdir(dump) if f.startswith("frametime")]
        if not files:
            fail("drag: GALLIUM_HUD_DUMP_DIR stayed empty (not Mesa/gallium?)")
            return
        with open(os.path.join(dump, files[0])) as f:
            frame_ms = [float(line) for line in f if line.strip()]
        # Swap times on our clock: the kiosk rests before the press (no frames), so the last
        # frame time over 0.5 s ends at the first frame of the drag, drawn as the finger went down.
        rest = [i for i, ms in enumerate(frame_ms) if ms > 500]
        if not rest:
            fail("drag: no rest before the press in the HUD's frame times")
            return
        lo, hi = t_down + EDGE_SECONDS, t_up - EDGE_SECONDS
        swap, moving = t_down, []
        for ms in frame_ms[rest[-1] + 1:]:
            swap += ms / 1000
            if lo <= swap <= hi:
                moving.append(ms)
        if len(moving) < 10:
            fail(f"drag run {run + 1}: only {len(moving)} frames while the finger moved")
            return
        fps.append(len(moving) / (hi - lo))
        p99s.append(percentile(moving, 0.99))
    record("drag_fps.kiosk", median(fps), "fps")
    record("drag_frame_ms_p99.kiosk", median(p99s), "ms")
    record("drag_cpu_pct.kiosk", median(cpus), "%")


def frame_bench():
    """tests/bench/frame_bench.cpp: per-place frame CPU, headless; its lines go to bench.txt too."""
    out = subprocess.run([f"{build}/frame_bench", "200"], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True, timeout=300)
    print(out.stdout, end="", flush=True)
    if out.returncode != 0:
        fail(f"frame_bench exited with {out.returncode}")
    for m in re.finditer(r"^([\w.-]+)=(\S+)", out.stdout, re.M):
        figures[m.group(1)] = m.group(2)


def chromium_cmd(page):
    return [chrome, "--kiosk", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--enable-logging=stderr", "--v=0", f"--user-data-dir={tempfile.mkdtemp(dir=tmp)}",
            f"file://{page}"]


# --- run -----------------------------------------------------------------------------------------
frame_bench()
longest = figures.get("longest_screen", "jobcoach-vinden")
start_runs("kiosk", lambda: kiosk)
tour()
phase_cpu("attract", 1, r"event=attract")
phase_cpu("warning", 600, r"event=idle_warning")
tap_latency()
drag_scroll(longest)
start_runs("bare_window", lambda: [f"{build}/bare_window"])
page = os.path.join(tmp, "index.html")
with open(page, "w") as f:
    f.write("<!doctype html><meta charset=utf-8><title>kiosk</title>"
            "<body style='font:32px sans-serif;background:#fff'><h1>Wegwijzer</h1>"
            "<p>Een statische pagina als vergelijking.</p>"
            "<script>requestAnimationFrame(()=>requestAnimationFrame(()=>"
            "console.log('event=first_frame')))</script></body>")
start_runs("chromium", lambda: chromium_cmd(page))

# Ratios to the floor, measured in this run.
floor = {"first_frame": figures.get("first_frame_ms.bare_window"),
         "pss": figures.get("pss_mb.bare_window")}
for name, fig, base in [("first_frame_ratio.kiosk", "first_frame_ms.kiosk", "first_frame"),
                        ("pss_ratio.kiosk", "pss_mb.kiosk", "pss"),
                        ("pss_after_tour_ratio.kiosk", "pss_mb_after_tour.kiosk", "pss"),
                        ("first_frame_ratio.chromium", "first_frame_ms.chromium", "first_frame"),
                        ("pss_ratio.chromium", "pss_mb.chromium", "pss")]:
    if figures.get(fig) is not None and floor[base]:
        record(name, figures[fig] / floor[base], "x")
record("bench_runs.first_frame", RUNS)
record("bench_runs.steady", STEADY_RUNS)


# --- table ---------------------------------------------------------------------------------------
def f(name, fmt):
    v = figures.get(name)
    return fmt.format(v) if isinstance(v, (int, float)) else "-"


print()
print(f"Medians. First frame: {RUNS} runs; memory, CPU, tour, drag: {STEADY_RUNS} runs "
      f"(idle CPU over {idle_seconds:g} s each); tap latency: {TAPS} taps in one run.")
print("CPU in % of one core; idle = home, no input. 1920x1080 Xvfb, Mesa llvmpipe.")
print(f"{'':22}{'first frame':>12}{'PSS':>11}{'RSS':>11}{'idle CPU':>10}")
for label, key in [("kiosk", "kiosk"), ("bare_window (floor)", "bare_window"),
                   ("chromium", "chromium")]:
    print(f"{label:22}{f('first_frame_ms.' + key, '{:.0f} ms'):>12}"
          f"{f('pss_mb.' + key, '{:.1f} MB'):>11}{f('rss_mb.' + key, '{:.1f} MB'):>11}"
          f"{f('idle_cpu_pct.' + key, '{:.2f} %'):>10}")
print(f"{'runs':22}{RUNS:>12}{STEADY_RUNS:>11}{STEADY_RUNS:>11}{STEADY_RUNS:>10}")
print()
print(f"{'kiosk only':22}{'median':>12}   runs")
for label, name, fmt, runs in [
        ("PSS after tour", "pss_mb_after_tour.kiosk", "{:.1f} MB", STEADY_RUNS),
        ("RSS after tour", "rss_mb_after_tour.kiosk", "{:.1f} MB", STEADY_RUNS),
        ("attract CPU", "attract_cpu_pct.kiosk", "{:.1f} %", STEADY_RUNS),
        ("warning CPU", "warning_cpu_pct.kiosk", "{:.1f} %", STEADY_RUNS),
        ("drag CPU", "drag_cpu_pct.kiosk", "{:.1f} %", STEADY_RUNS),
        ("drag fps", "drag_fps.kiosk", "{:.1f}", STEADY_RUNS),
        ("drag frame time p99", "drag_frame_ms_p99.kiosk", "{:.1f} ms", STEADY_RUNS),
        ("tap latency p50", "tap_latency_ms_p50", "{:.1f} ms", f"1 ({TAPS} taps)"),
        ("tap latency p99", "tap_latency_ms_p99", "{:.1f} ms", f"1 ({TAPS} taps)")]:
    print(f"{label:22}{f(name, fmt):>12}   {runs}")
print()
print("Targets (ratios to the bare window of this run):")


def target(label, name, ok, shown, goal):
    v = figures.get(name)
    verdict = "-" if v is None else "met" if ok(v) else "MISSED"
    print(f"  {label:16}{'-' if v is None else shown.format(v):>20} ({goal}): {verdict}")


target("first frame", "first_frame_ratio.kiosk", lambda v: v <= 1.3, "{:.2f}x the floor",
       "target <= 1.3x")
target("PSS after start", "pss_ratio.kiosk", lambda v: v <= 1.3, "{:.2f}x the floor",
       "target <= 1.3x")
target("PSS after tour", "pss_after_tour_ratio.kiosk", lambda v: v <= 1.3, "{:.2f}x the floor",
       "target <= 1.3x")
target("tap p99", "tap_latency_ms_p99", lambda v: v <= 50, "{:.1f} ms", "target <= 50 ms")
target("drag fps", "drag_fps.kiosk", lambda v: v >= 55, "{:.1f}", "target >= 55")
target("drag p99", "drag_frame_ms_p99.kiosk", lambda v: v <= 20, "{:.1f} ms", "target <= 20 ms")
target("idle CPU", "idle_cpu_pct.kiosk", lambda v: v < 0.005, "{:.2f} %", "target 0.00 %")
target("attract CPU", "attract_cpu_pct.kiosk", lambda v: v <= 10, "{:.1f} %", "target <= 10 %")
print(f"  (chromium: first frame {f('first_frame_ratio.chromium', '{:.2f}x')}, "
      f"PSS {f('pss_ratio.chromium', '{:.2f}x')} the floor)")

with open(os.path.join(build, "bench.txt"), "w") as out:
    for name in sorted(figures):
        v = figures[name]
        if v is not None:
            out.write(f"{name}={v:.3f}\n" if isinstance(v, float) else f"{name}={v}\n")
print(f"\nbench: figures in {build}/bench.txt")
if errors:
    sys.exit("bench: not measured: " + "; ".join(errors))
