"""A QEMU machine for the booted-machine test: started and stopped by PID, driven over QMP
(screen dumps, keys, the absolute pointer, power-off) and the QEMU guest agent (commands in
the guest). Every wait has a limit. Nothing listens on the network: both channels are unix
sockets in the run folder, and the guest's user network reaches only the host's loopback."""
import base64
import json
import os
import signal
import socket
import subprocess
import time


class Timeout(Exception):
    pass


class Channel:
    """A line-delimited JSON channel over a unix socket (QMP and the guest agent speak it)."""

    def __init__(self, path, limit):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(limit)
        self.sock.connect(path)
        self.buf = b""

    def send(self, obj):
        self.sock.sendall(json.dumps(obj).encode() + b"\n")

    def recv(self, limit):
        end = time.monotonic() + limit
        while b"\n" not in self.buf:
            left = end - time.monotonic()
            if left <= 0:
                raise Timeout("no answer")
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                raise Timeout("no answer")
            if not chunk:
                raise ConnectionError("closed")
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line.lstrip(b"\xff"))

    def close(self):
        self.sock.close()


class Machine:
    def __init__(self, run_dir, disk, kernel, initrd, accel="tcg", memory_mb=2048,
                 size=(1280, 800), netdev_extra=""):
        self.dir = run_dir
        self.qmp_path = os.path.join(run_dir, "qmp.sock")
        self.qga_path = os.path.join(run_dir, "qga.sock")
        self.serial = os.path.join(run_dir, "serial.log")
        self.disk, self.kernel, self.initrd = disk, kernel, initrd
        self.accel, self.memory_mb, self.size = accel, memory_mb, size
        self.netdev_extra = netdev_extra
        self.proc = None
        self.qmp = None
        self.started = None

    def argv(self):
        w, h = self.size
        return [
            "qemu-system-x86_64", "-machine", "pc", "-accel", self.accel, "-smp", "2",
            "-m", str(self.memory_mb), "-nodefaults", "-no-user-config",
            "-kernel", self.kernel, "-initrd", self.initrd,
            "-append", "root=/dev/vda rw console=ttyS0 edd=off panic=10 net.ifnames=0",
            "-drive", f"file={self.disk},if=virtio,format=raw,cache=unsafe",
            "-device", f"VGA,edid=on,xres={w},yres={h}",
            "-device", "qemu-xhci", "-device", "usb-tablet",
            "-netdev", "user,id=net0,restrict=off" + self.netdev_extra,
            "-device", "virtio-net-pci,netdev=net0",
            "-device", "virtio-serial",
            "-chardev", f"socket,path={self.qga_path},server=on,wait=off,id=qga0",
            "-device", "virtserialport,chardev=qga0,name=org.qemu.guest_agent.0",
            "-qmp", f"unix:{self.qmp_path},server=on,wait=off",
            "-serial", f"file:{self.serial}", "-display", "none",
        ]

    # -- power ---------------------------------------------------------------------------------
    def start(self):
        for p in (self.qmp_path, self.qga_path):
            if os.path.exists(p):
                os.unlink(p)
        log = open(os.path.join(self.dir, "qemu.log"), "ab")
        self.proc = subprocess.Popen(self.argv(), stdout=log, stderr=log, start_new_session=True)
        self.started = time.monotonic()
        with open(os.path.join(self.dir, "qemu.pid"), "w") as f:
            f.write(str(self.proc.pid))
        end = time.monotonic() + 30
        while not os.path.exists(self.qmp_path):
            if self.proc.poll() is not None:
                raise RuntimeError("qemu exited at once: see qemu.log")
            if time.monotonic() > end:
                raise Timeout("no QMP socket")
            time.sleep(0.1)
        self.qmp = Channel(self.qmp_path, 10)
        self.qmp.recv(10)  # greeting
        self.command("qmp_capabilities")

    def power_off(self):
        """A hard power-off: QEMU quits without a shutdown of the guest."""
        try:
            self.command("quit")
        except Exception:
            pass
        self.kill()

    def kill(self):
        if self.proc is None:
            return
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None
        if self.qmp:
            self.qmp.close()
            self.qmp = None

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    # -- QMP -----------------------------------------------------------------------------------
    def command(self, name, **args):
        msg = {"execute": name}
        if args:
            msg["arguments"] = args
        self.qmp.send(msg)
        while True:
            answer = self.qmp.recv(60)
            if "event" in answer:
                continue
            if "error" in answer:
                raise RuntimeError(f"QMP {name}: {answer['error']}")
            return answer.get("return")

    def screendump(self, path):
        """The guest's screen as PNG (QMP writes PPM; ImageMagick converts)."""
        ppm = path + ".ppm"
        self.command("screendump", filename=os.path.abspath(ppm))
        subprocess.run(["convert", ppm, path], check=True)
        os.unlink(ppm)
        return path

    def keys(self, *qcodes):
        """Presses the keys together and lets them go (QMP send-key: real key events)."""
        self.command("send-key", keys=[{"type": "qcode", "data": k} for k in qcodes])

    def tap(self, x, y):
        """A tap through the absolute pointer (usb-tablet) at screen pixel x, y."""
        w, h = self.size
        ax, ay = int(x * 32767 / (w - 1)), int(y * 32767 / (h - 1))
        move = [{"type": "abs", "data": {"axis": "x", "value": ax}},
                {"type": "abs", "data": {"axis": "y", "value": ay}}]
        self.command("input-send-event", events=move)
        self.command("input-send-event",
                     events=[{"type": "btn", "data": {"down": True, "button": "left"}}])
        time.sleep(0.15)  # a finger's touch lasts this long; the kiosk sees press and release
        self.command("input-send-event",
                     events=[{"type": "btn", "data": {"down": False, "button": "left"}}])

    # -- the guest agent -----------------------------------------------------------------------
    def agent(self, limit):
        """Connects to the guest agent, waiting up to `limit` s for it to answer."""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            if not self.alive():
                raise RuntimeError("qemu is not running")
            try:
                ch = Channel(self.qga_path, 5)
                token = int(time.monotonic() * 1000) % 2**31
                ch.send({"execute": "guest-sync-delimited", "arguments": {"id": token}})
                while True:
                    answer = ch.recv(5)
                    if answer.get("return") == token:
                        return ch
            except (Timeout, OSError, ConnectionError, ValueError):
                time.sleep(1)
        raise Timeout(f"the guest agent did not answer within {limit} s")

    def run(self, cmd, limit=60, check=True):
        """Runs a shell command in the guest as root; returns (exit code, stdout+stderr)."""
        ch = self.agent(limit)
        try:
            ch.send({"execute": "guest-exec", "arguments": {
                "path": "/bin/sh", "arg": ["-c", cmd], "capture-output": True}})
            pid = ch.recv(limit)["return"]["pid"]
            end = time.monotonic() + limit
            while True:
                ch.send({"execute": "guest-exec-status", "arguments": {"pid": pid}})
                st = ch.recv(limit)["return"]
                if st.get("exited"):
                    break
                if time.monotonic() > end:
                    raise Timeout(f"guest command did not end within {limit} s: {cmd}")
                time.sleep(0.2)
        finally:
            ch.close()
        out = base64.b64decode(st.get("out-data", "")).decode(errors="replace")
        out += base64.b64decode(st.get("err-data", "")).decode(errors="replace")
        code = st.get("exitcode", -1)
        if check and code != 0:
            raise RuntimeError(f"guest command failed ({code}): {cmd}\n{out}")
        return code, out

    def put(self, local, remote, limit=120):
        """Copies a host file into the guest (guest-file-write, in pieces)."""
        ch = self.agent(limit)
        try:
            ch.send({"execute": "guest-file-open", "arguments": {"path": remote, "mode": "wb"}})
            handle = ch.recv(limit)["return"]
            with open(local, "rb") as f:
                while True:
                    piece = f.read(48 * 1024)
                    if not piece:
                        break
                    ch.send({"execute": "guest-file-write", "arguments": {
                        "handle": handle, "buf-b64": base64.b64encode(piece).decode()}})
                    ch.recv(limit)
            ch.send({"execute": "guest-file-close", "arguments": {"handle": handle}})
            ch.recv(limit)
        finally:
            ch.close()

    def out(self, cmd, limit=60):
        return self.run(cmd, limit)[1].strip()
