#!/usr/bin/env python3
"""The booted-machine test: boots a Debian image with the kiosk package installed (image.sh)
under QEMU and tries to break it as the field would. Each figure is printed as one line
`vm: NAME=VALUE`, so two runs (and two Debian releases) can be compared.

Usage: vm_test.py --run DIR --ref DIR --items FILE --checks boot,stable,... [--accel auto]
  --run    the folder with disk.raw, vmlinuz and initrd.img (image.sh); screendumps land here
  --ref    the kiosk's own --proof PNGs at the machine's screen size (reference.sh)
  --items  a --log-items line of home at that size: where each tile is
"""
import argparse
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from machine import Machine, Timeout  # noqa: E402

SIZE = (1280, 800)
# differs() below this: the same screen.
SAME = 0.08
UNIT = "wegwijzer.service"
# The one command the README gives a site for the kiosk's own lines.
JOURNAL = "journalctl -t wegwijzer"


def say(name, value):
    print(f"vm: {name}={value}", flush=True)


class Failed(Exception):
    pass


def wait_for(what, limit, probe, every=1.0):
    """Calls probe() until it returns a true value; that value, or Failed after `limit` s."""
    end = time.monotonic() + limit
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > end:
            raise Failed(f"{what}: not within {limit} s")
        time.sleep(every)


def differs(png, ref):
    """How far png is from ref: the RMSE (0..1) of both shrunk to 64x40. The guest's X server
    has another DPI than the reference's Xvfb, so the same screen is laid out a few pixels
    apart; shrunk, the same screen is about 0.03 apart, two different screens 0.2 and more."""
    small = []
    for i, path in enumerate((png, ref)):
        out = f"{png}.{i}.small.png"
        subprocess.run(["convert", path, "-resize", "64x40!", out], check=True)
        small.append(out)
    r = subprocess.run(["compare", "-metric", "RMSE", *small, "null:"],
                       capture_output=True, text=True)
    for out in small:
        os.unlink(out)
    m = re.search(r"\(([0-9.e+-]+)\)", r.stderr)
    return float(m.group(1)) if m else 1.0


def dark(png):
    """The fraction of near-black pixels (a console, a black screen)."""
    out = subprocess.run(["convert", png, "-colorspace", "Gray", "-threshold", "8%", "-negate",
                          "-format", "%[fx:mean]", "info:"], capture_output=True, text=True)
    return float(out.stdout.strip() or 1)


class Test:
    def __init__(self, args):
        self.args = args
        self.run_dir = os.path.abspath(args.run)
        self.ref = args.ref
        self.m = None
        self.shots = 0
        with open(args.items) as f:
            line = f.read()
        self.items = {k: tuple(int(v) for v in xy.split(","))
                      for k, xy in re.findall(r"(\S+)=(-?\d+,-?\d+)", line)}

    # -- helpers --------------------------------------------------------------------------------
    def machine(self, accel):
        d = self.run_dir
        return Machine(d, os.path.join(d, "disk.raw"), os.path.join(d, "vmlinuz"),
                       os.path.join(d, "initrd.img"), accel=accel, size=SIZE)

    def shot(self, name):
        self.shots += 1
        return self.m.screendump(os.path.join(self.run_dir, f"{self.shots:02d}-{name}.png"))

    def unit(self, *props):
        out = self.m.out(f"systemctl show {UNIT} -p " + " -p ".join(props))
        return dict(line.split("=", 1) for line in out.splitlines() if "=" in line)

    def active(self):
        u = self.unit("ActiveState", "MainPID", "NRestarts")
        return u if u["ActiveState"] == "active" and u["MainPID"] != "0" else None

    def boot_id(self):
        return self.m.out("cat /proc/sys/kernel/random/boot_id")

    def shows(self, place, limit=60):
        """Waits until the screen shows `place` (its --proof PNG); the screendump's path."""
        ref = os.path.join(self.ref, place + ".png")
        last = [None]

        def probe():
            png = self.shot(place)
            last[0] = differs(png, ref)
            return png if last[0] < SAME else None
        try:
            return wait_for(f"the screen shows {place}", limit, probe, every=2)
        except Failed as e:
            raise Failed(f"{e} (the last screendump is {last[0]:.3f} from it)")

    def ready_again(self, old_pid, limit):
        """Waits until the unit is active with another main process (a restart)."""
        return wait_for("the kiosk back", limit,
                        lambda: (lambda u: u if u and u["MainPID"] != old_pid else None)(
                            self.active_quiet()), every=0.5)

    def active_quiet(self):
        try:
            return self.active()
        except (Timeout, RuntimeError):
            return None

    def journal_has(self, pattern):
        code, out = self.m.run(f"{JOURNAL} -b --no-pager -o cat | grep -cE '{pattern}'",
                               check=False)
        return code == 0

    # -- the machine ----------------------------------------------------------------------------
    def boot(self):
        accel = self.args.accel
        if accel == "auto":
            accel = "kvm" if self.kvm_boots() else "tcg"
        say("accel", accel)
        self.accel = accel
        self.m = self.machine(accel)
        self.m.start()
        t0 = self.m.started
        self.m.agent(600).close()
        u = wait_for("the unit active (READY=1 from the kiosk's first frame)", 600,
                     self.active_quiet)
        say("boot_to_ready_s", round(time.monotonic() - t0))
        self.ready_at = time.monotonic()
        self.first_pid = u["MainPID"]
        png = self.shows("home")
        if dark(png) > 0.5:
            raise Failed(f"{png}: mostly black")
        say("home_screen", "ok")
        # The hardened unit as systemd sees it, and Xorg without root (no setuid wrapper).
        say("security_score", self.m.out(
            f"systemd-analyze security {UNIT} | sed -n 's/.*exposure level.*: \\([0-9.]*\\).*/\\1/p'"))
        user = self.m.out("ps -C Xorg -o user= | sort -u")
        if user != "wegwijzer":
            raise Failed(f"Xorg runs as '{user}', not as wegwijzer")
        say("xorg_user", user)

    def kvm_boots(self):
        """KVM only when it really boots this kernel (on some hosts it hangs early)."""
        if not os.access("/dev/kvm", os.R_OK | os.W_OK):
            return False
        probe = self.machine("kvm")
        try:
            probe.start()
            # Under TCG the kernel says hello within a few seconds; a KVM that cannot run it
            # says nothing at all.
            end = time.monotonic() + 20
            while time.monotonic() < end and probe.alive():
                with open(probe.serial, errors="replace") as f:
                    if "Linux version" in f.read():
                        return True
                time.sleep(1)
            return False
        except Exception:
            return False
        finally:
            probe.power_off()

    # -- checks ---------------------------------------------------------------------------------
    def sessions(self):
        """Sessions today in the kiosk's usage figures (wegwijzer --stats), and the report."""
        stats = self.m.out("wegwijzer --stats --days 1 --config /etc/wegwijzer/kiosk.toml")
        m = re.search(r"^Sessions +(\d+)$", stats, re.M)
        return (int(m.group(1)) if m else 0), stats

    def check_tap(self):
        self.sessions_before = self.sessions()[0]
        x, y = self.items["tile-vormen"]
        self.m.tap(x, y)
        self.shows("vormen", 60)
        say("tap", "ok")

    def check_stable(self):
        left = 300 - (time.monotonic() - self.ready_at)
        if left > 0:
            time.sleep(left)  # what is checked is that nothing happens in 5 minutes
        u = self.active()
        if not u or u["NRestarts"] != "0" or u["MainPID"] != self.first_pid:
            raise Failed(f"5 minutes after READY the unit is not the same active kiosk: {u}")
        for line in ("event=start ", "event=first_frame"):
            if not self.journal_has(line):
                raise Failed(f"'{JOURNAL}' lacks {line}")
        say("stable", "ok")
        # The tap's session ended with the idle reset (90 + 30 s) and was counted.
        count, stats = self.sessions()
        if count != self.sessions_before + 1 or "screen:vormen" not in stats:
            raise Failed(f"the tap's session is not in the usage figures:\n{stats}")
        say("tap_counted", "ok")

    def restarted_after(self, signal, figure):
        """Sends the kiosk `signal`: home must be back (a new kiosk, one X server); `figure` is
        the seconds that took."""
        pid = self.active()["MainPID"]
        t = time.monotonic()
        self.m.run(f"kill -{signal} {pid}")
        self.ready_again(pid, 180)
        self.shows("home", 120)
        say(figure, round(time.monotonic() - t))
        self.no_stray_server()

    def check_restart(self):
        self.restarted_after("KILL", "restart_after_kill_s")

    def check_watchdog(self):
        self.restarted_after("STOP", "watchdog_restart_s")
        if self.m.run(f"journalctl -b -u {UNIT} --no-pager | grep -q 'Watchdog timeout'",
                      check=False)[0] != 0:
            raise Failed("the restart was not the watchdog's")

    def no_stray_server(self):
        """One X server and one kiosk: the old ones went with the old kiosk."""
        out = self.m.out("ps -u wegwijzer -o comm= | sort | uniq -c")
        counts = {c: int(n) for n, c in (l.split() for l in out.splitlines())}
        if counts.get("Xorg", 0) != 1 or counts.get("wegwijzer", 0) != 1:
            raise Failed(f"processes of user wegwijzer after a restart: {out}")

    def check_lockdown(self):
        boot = self.boot_id()
        before = self.active()
        combos = [["esc"], ["alt", "tab"], ["meta_l"], ["alt", "f4"]]
        combos += [["ctrl", "alt", f"f{n}"] for n in range(1, 13)]
        combos += [["ctrl", "alt", "backspace"]] + [["ctrl", "alt", "delete"]] * 8
        combos += [["alt", "sysrq", k] for k in ("k", "u", "b")]
        for keys in combos:
            self.m.keys(*keys)
            vt = self.m.out("cat /sys/class/tty/tty0/active", 120)
            if vt != "tty1":
                self.shot("lockdown-" + "-".join(keys))
                raise Failed(f"{'+'.join(keys)} switched to {vt}")
        # Give the last keys time to act (a reboot, a remount) before looking.
        time.sleep(5)
        png = self.shot("lockdown")
        if self.boot_id() != boot:
            raise Failed("the machine rebooted")
        after = self.active()
        if not after or after["MainPID"] != before["MainPID"]:
            raise Failed(f"the kiosk was ended: {before} -> {after}")
        if "rw" not in self.m.out("findmnt -no OPTIONS /").split(","):
            raise Failed("the root filesystem is no longer writable")
        self.m.run("touch /var/lib/wegwijzer/.rw-check && rm /var/lib/wegwijzer/.rw-check")
        gettys = self.m.out("systemctl list-units --no-legend --plain 'getty@tty*' 'autovt@*'")
        if gettys:
            raise Failed(f"a login prompt was started: {gettys}")
        d = differs(png, os.path.join(self.ref, "home.png"))
        if d > SAME or dark(png) > 0.5:
            raise Failed(f"{png} does not show the kiosk's home ({d:.3f} from it)")
        say("lockdown", "ok")

    def now(self):
        """The guest's clock (for journalctl --since)."""
        return int(self.m.out("date +%s"))

    def journal_wait(self, pattern, limit, since=None):
        """Waits until this boot's kiosk lines (since the guest's time `since`) match the grep -E
        pattern; the matching lines."""
        after = f"--since @{since}" if since else ""

        def probe():
            code, out = self.m.run(f"{JOURNAL} -b {after} --no-pager -o cat | grep -E '{pattern}'",
                                   check=False)
            return out if code == 0 else None
        return wait_for(f"'{pattern}' in the kiosk's log", limit, probe, every=2)

    def with_profile(self, extra, session=None):
        """The installed profile plus `extra` (TOML) and `session` ({key: value} in its
        [session] table), then the unit restarted; with neither it is restored."""
        edits = "".join(f" -e 's/^{k} *=.*/{k} = {v}/'" for k, v in (session or {}).items())
        self.m.run("cp -n /etc/wegwijzer/kiosk.toml /root/kiosk.toml.orig && "
                   "cp /root/kiosk.toml.orig /etc/wegwijzer/kiosk.toml && "
                   + (f"sed -i {edits} /etc/wegwijzer/kiosk.toml && " if edits else "") +
                   f"cat >>/etc/wegwijzer/kiosk.toml <<'EOF'\n{extra}\nEOF\n"
                   "wegwijzer --check --config /etc/wegwijzer/kiosk.toml >/dev/null")
        pid = self.active()["MainPID"]
        self.m.run(f"systemctl restart {UNIT}")
        return self.ready_again(pid, 180)

    def check_night(self):
        now = self.m.out("date +%H")
        start, end = (int(now) + 23) % 24, (int(now) + 2) % 24
        since = self.now()
        self.with_profile(f'[night]\nenabled = true\nstart = "{start:02d}:00"\n'
                          f'end = "{end:02d}:00"')
        line = self.journal_wait("event=screen_power ", 120, since)
        if "state=off" in line:
            png = self.shot("night")
            if dark(png) < 0.98:
                raise Failed(f"{png}: the screen is not dark at night")
            say("night", "dpms_off")
        elif "fallback=dim" in line:
            say("night", "dimmed")
        else:
            raise Failed(f"night: {line}")
        # A touch wakes it for a visitor.
        self.m.tap(*self.items["tile-vormen"])
        self.journal_wait("event=screen_power state=on", 60, since)
        png = self.shot("night-woken")
        if dark(png) > 0.5:
            raise Failed(f"{png}: a touch did not wake the screen")
        say("night_wake", "ok")
        self.with_profile("")

    def check_crash_loop(self):
        """Crash after crash: the unit's last resort (StartLimitAction=reboot) reboots. The
        kills run in the guest (a loop killing every new kiosk for up to 10 minutes), so the
        guest agent is not asked hundreds of times while the machine goes down."""
        boot = self.boot_id()
        self.m.run("nohup sh -c 'end=$(($(date +%s) + 600)); while [ $(date +%s) -lt $end ]; do "
                   "p=$(systemctl show -p MainPID --value wegwijzer.service); "
                   "[ \"$p\" != 0 ] && kill -9 $p && echo killed >>/root/kills; sleep 1; done' "
                   ">/dev/null 2>&1 </dev/null &")
        t = time.monotonic()
        wait_for("a reboot by the unit's start limit", 900,
                 lambda: self.boot_id_quiet() not in (None, boot), every=10)
        wait_for("the kiosk after the reboot", 600, self.active_quiet)
        self.shows("home", 120)
        kills = self.m.out("wc -l </root/kills 2>/dev/null || echo 0")
        say("crash_loop", f"reboot_after_{kills}_kills_{round(time.monotonic() - t)}s")

    def guest_screen_text(self, name):
        png = self.shot(name)
        r = subprocess.run(["tesseract", png, "-"], capture_output=True, text=True)
        return r.stdout

    def check_purge(self):
        self.m.run("DEBIAN_FRONTEND=noninteractive apt-get purge -y -q wegwijzer", 300)
        left = self.m.out("ls -d /etc/wegwijzer /var/lib/wegwijzer /var/cache/wegwijzer "
                          "/usr/share/wegwijzer /usr/bin/wegwijzer /etc/pam.d/wegwijzer "
                          "/etc/X11/xorg.conf.d/50-wegwijzer-lockdown.conf "
                          "/etc/sysctl.d/99-wegwijzer-kiosk.conf "
                          "/etc/systemd/logind.conf.d/wegwijzer-kiosk.conf "
                          "/etc/systemd/system/ctrl-alt-del.target 2>/dev/null; "
                          "getent passwd wegwijzer; ps -u wegwijzer -o pid= 2>/dev/null; "
                          "find /etc/systemd -name 'wegwijzer*'; true")
        if left:
            raise Failed(f"purge left: {left}")
        for when in ("purge", "reboot"):
            text = wait_for(f"a login prompt on tty1 after {when}", 120,
                            lambda: (lambda t: t if "login:" in t else None)(
                                self.guest_screen_text("login-" + when)), every=3)
            if when == "purge":
                boot = self.boot_id()
                # In the background: the agent is stopped by the reboot before it could answer.
                self.m.run("nohup sh -c 'sleep 2; systemctl reboot' >/dev/null 2>&1 </dev/null &")
                wait_for("a new boot", 600, lambda: self.boot_id_quiet() not in (None, boot),
                         every=5)
        say("purge", "ok")

    def boot_id_quiet(self):
        try:
            return self.boot_id()
        except (Timeout, RuntimeError):
            return None

    def check_upgrade(self):
        """A newer package installed with apt while a visitor is there: the kiosk goes on until
        the session's idle reset, then restarts into the new version; the profile, the usage
        figures and the content version survive."""
        deb = self.args.upgrade_deb
        version = subprocess.run(["dpkg-deb", "-f", deb, "Version"], capture_output=True,
                                 text=True, check=True).stdout.strip()
        self.m.put(deb, "/root/upgrade.deb")
        self.m.run("echo '# edited by the site' >>/etc/wegwijzer/kiosk.toml")
        content = self.content_version()
        sessions = self.sessions()[0]
        pid = self.active()["MainPID"]
        self.m.tap(*self.items["tile-vormen"])
        self.shows("vormen", 60)
        t, since = time.monotonic(), self.now()
        self.m.run("DEBIAN_FRONTEND=noninteractive apt-get install -y -q "
                   "-o Dpkg::Options::=--force-confold /root/upgrade.deb", 600)
        self.journal_wait("event=upgrade restart=after_session", 60, since)
        if self.active()["MainPID"] != pid:
            raise Failed("the upgrade restarted the kiosk while a visitor was there")
        self.shows("vormen", 10)  # still the visitor's screen
        self.journal_wait("event=session_reset reason=idle", 300, since)
        self.ready_again(pid, 300)
        self.shows("home", 120)
        say("upgrade_restart_after_s", round(time.monotonic() - t))
        installed = self.m.out("dpkg-query -W -f='${Version}' wegwijzer")
        if installed != version:
            raise Failed(f"installed {installed}, not {version}")
        if "# edited by the site" not in self.m.out("cat /etc/wegwijzer/kiosk.toml"):
            raise Failed("the upgrade lost the site's profile")
        if self.sessions()[0] < sessions + 1:
            raise Failed("the upgrade lost the usage figures")
        if self.content_version() != content:
            raise Failed(f"the content version went from {content} to {self.content_version()}")
        say("upgrade", "ok")

    def content_version(self):
        """The content version the kiosk last started with (event=content_source)."""
        line = self.journal_wait("event=content_source layouts=", 120).splitlines()[-1]
        return int(re.search(r"version=(\d+)", line).group(1))

    def check_power_cuts(self):
        """Hard power-offs at random moments while content updates arrive and sessions are
        written: every boot shows valid content (the version it showed before or one applied
        before the cut, never the shipped content once an update was shown), and the usage
        figures' database is intact."""
        import random
        import shutil
        rng = random.Random(self.args.seed)
        say("power_cut_seed", self.args.seed)
        www, bundles = self.args.www, self.args.bundles
        with open(self.args.pubkey) as f:
            pub = f.read().splitlines()[1]
        port = open(os.path.join(www, "port")).read().strip()

        def publish(v):  # the bundle before its signature, as a publisher must
            for name in ("bundle.tar.gz", "bundle.tar.gz.minisig"):
                shutil.copy(os.path.join(bundles, str(v), name), os.path.join(www, name + ".new"))
                os.replace(os.path.join(www, name + ".new"), os.path.join(www, name))

        versions = sorted(int(v) for v in os.listdir(bundles))
        publish(versions[0])
        self.with_profile(f'[update]\nurl = "http://10.0.2.2:{port}/bundle.tar.gz"\n'
                          f'public_keys = ["{pub}"]\ninterval_minutes = 0.05',
                          session={"idle_timeout": 2, "warning_seconds": 1})
        shown_before, applied, ok = None, set(), 0
        for i, v in enumerate(versions):
            if i > 0:
                self.m = self.machine(self.accel)
                self.m.start()
                self.m.agent(600).close()
                wait_for("the kiosk after a power cut", 600, self.active_quiet)
                shown = self.content_version()
                self.check_after_cut(shown, shown_before, applied)
                ok += 1
                shown_before = shown
                publish(v)
            else:
                shown_before = self.content_version()
            # Visitors come and go (each session is written at its reset) while the update
            # arrives; the power goes at a random moment.
            cut = time.monotonic() + rng.uniform(1, 60)
            while time.monotonic() < cut:
                self.m.tap(*self.items["tile-vormen"])
                time.sleep(min(rng.uniform(0.5, 4), max(0, cut - time.monotonic())))
            code, out = self.m.run(f"{JOURNAL} -b --no-pager -o cat | "
                                   "grep 'event=content_update status=ok'", check=False)
            applied = {int(x) for x in re.findall(r"version=(\d+)", out)}
            self.m.power_off()
            say(f"power_cut_{i + 1}", f"after_{'+'.join(map(str, sorted(applied))) or 'none'}")
        self.m = self.machine(self.accel)
        self.m.start()
        self.m.agent(600).close()
        wait_for("the kiosk after the last power cut", 600, self.active_quiet)
        self.check_after_cut(self.content_version(), shown_before, applied)
        ok += 1
        say("power_cuts", f"{ok}/{len(versions)}")
        self.with_profile("")

    def check_after_cut(self, shown, before, applied):
        if shown not in {before} | applied:
            raise Failed(f"after a power cut the kiosk shows version {shown}; it showed "
                         f"{before} and had applied {sorted(applied)}")
        if before and not shown:
            raise Failed("after a power cut the kiosk fell back to the shipped content")
        if not self.journal_has("event=content_reload status=ok"):
            raise Failed("after a power cut the content does not load")
        check = self.m.out("sqlite3 /var/lib/wegwijzer/stats.sqlite 'PRAGMA integrity_check'")
        if check != "ok":
            raise Failed(f"stats.sqlite after a power cut: {check}")
        png = self.shot("after-cut")  # home or, with the short idle time, the attract loop
        if dark(png) > 0.5:
            raise Failed(f"{png}: no kiosk on the screen after a power cut")

    def run(self, checks):
        try:
            self.boot()
            for name in checks:
                if name != "boot":
                    getattr(self, "check_" + name)()
            return 0
        except (Failed, Timeout, RuntimeError) as e:
            print(f"vm: FAIL {e}", flush=True)
            self.post_mortem()
            return 1
        finally:
            if self.m:
                self.m.power_off()

    def post_mortem(self):
        try:
            print(self.m.out(f"systemctl status --no-pager {UNIT}; {JOURNAL} -b --no-pager | "
                             f"tail -30; journalctl -b -u {UNIT} --no-pager | tail -30", 60))
        except Exception as e:
            print(f"(no post-mortem from the guest: {e}); serial log tail:")
            try:
                with open(self.m.serial, errors="replace") as f:
                    print("".join(f.readlines()[-30:]))
            except OSError:
                pass


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--run", required=True)
    p.add_argument("--ref", required=True)
    p.add_argument("--items", required=True)
    p.add_argument("--checks", default="boot,tap,stable,restart,watchdog,lockdown")
    p.add_argument("--accel", default="auto", choices=["auto", "kvm", "tcg"])
    p.add_argument("--upgrade-deb", help="a higher version of the installed package")
    p.add_argument("--www", help="the update server's folder (with its port file)")
    p.add_argument("--bundles", help="signed bundles, one folder per version")
    p.add_argument("--pubkey", help="the bundles' minisign public key file")
    p.add_argument("--seed", type=int, default=int(time.time()), help="the power cuts' moments")
    args = p.parse_args()
    return Test(args).run(args.checks.split(","))


if __name__ == "__main__":
    sys.exit(main())
