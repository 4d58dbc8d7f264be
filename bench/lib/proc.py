"""Running one measured process: whole-process wall time, peak RSS from the OS, and a failure
recorded as data (the first line of stderr) rather than raised, so one runtime's crash never
aborts a run of the others.

Peak RSS comes from GNU time's %M (the kernel's ru_maxrss for the process, in KB), written to a
file of its own (-o) so the program's stderr stays untouched. Wall time is taken here with
perf_counter rather than from time's %e, which only has 10 ms resolution.
"""
import os
import signal
import subprocess
import tempfile
import time

TIME = "/usr/bin/time"


def error_line(stderr, stdout, code):
    """What a failed run says about itself: the first line of stderr, except that a Python
    traceback opens with boilerplate ("Traceback ...", "Exception in thread ...") and names the
    exception on its last line; a process ended by a signal says so."""
    lines = [l.strip() for l in (stderr or "").splitlines() if l.strip()]
    if lines and lines[0].startswith(("Traceback", "Exception in thread")):
        text = lines[-1][:200]
    else:
        text = first_line(stderr) or first_line(stdout)
    if code is not None and (code < 0 or code > 128):
        text = f"killed by signal {code - 128 if code > 128 else -code}" + (f" ({text})" if text else "")
    return text or f"exit status {code}"


def first_line(text):
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()[:200]
    return ""


def measure(cmd, cwd=None, timeout=300, env=None):
    """Runs cmd to completion. Returns a dict: ok, wall_ms, rss_kb, code, stdout, error."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        t0 = time.perf_counter()
        try:
            # A session of its own, so a timeout kills the program too, not just time(1).
            p = subprocess.Popen([TIME, "-f", "%e %M", "-o", tf.name] + cmd, cwd=cwd, env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 start_new_session=True)
        except OSError as e:
            return {"ok": False, "error": f"could not start {cmd[0]}: {e}"}
        try:
            stdout, stderr = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
            return {"ok": False, "error": f"timed out after {timeout} s"}
        wall_ms = (time.perf_counter() - t0) * 1000
        fields = tf.read().split()
    # time writes "Command exited with non-zero status N" before its format line on failure.
    rss_kb = int(fields[-1]) if fields and fields[-1].isdigit() else None
    run = {"ok": p.returncode == 0, "wall_ms": round(wall_ms, 2), "rss_kb": rss_kb,
           "code": p.returncode, "stdout": stdout[-2000:]}
    if p.returncode != 0:
        run["error"] = error_line(stderr, stdout, p.returncode)
    return run


def proc_status(pid):
    """VmRSS and VmHWM (peak) of a live process, in KB, from /proc/PID/status."""
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    out[key] = int(rest.split()[0])
    except OSError:
        pass
    return out


class Server:
    """A server process under test, started in its own process group so stopping it also stops
    anything it forked (the launcher execs java, so the pid is the JVM's own)."""

    def __init__(self, cmd, cwd, log_path):
        self.log = open(log_path, "w")
        self.proc = subprocess.Popen(cmd, cwd=cwd, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    @property
    def pid(self):
        return self.proc.pid

    def alive(self):
        return self.proc.poll() is None

    def status(self):
        return proc_status(self.proc.pid)

    def stop(self):
        if self.alive():
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self.log.close()

    def log_tail(self):
        with open(self.log.name, errors="replace") as f:
            return first_line(f.read()[-4000:])
