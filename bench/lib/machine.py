"""What a report was measured on: CPU, cores, RAM, kernel, load, tool versions and the commit of
duso-jvm, read from /proc and the tools themselves so a report can be compared with another."""
import os
import subprocess

from .paths import ROOT


def _read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def cpu_model():
    for line in _read("/proc/cpuinfo").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return "unknown"


def ram_gb():
    for line in _read("/proc/meminfo").splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 1024 / 1024, 1)
    return None


def load_average():
    return " ".join(_read("/proc/loadavg").split()[:3])


def git_commit():
    def git(*args):
        p = subprocess.run(["git", "-C", ROOT] + list(args), capture_output=True, text=True)
        return p.stdout.strip() if p.returncode == 0 else ""
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "src", "pom.xml", "bin")
    return commit + (" (with uncommitted changes to src/, pom.xml or bin/)" if dirty else "")


def tool_version(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        lines = (p.stdout + p.stderr).strip().splitlines()
        return lines[0] if lines else "unknown"
    except OSError:
        return "not installed"


def describe():
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": ram_gb(),
        "kernel": _read("/proc/sys/kernel/osrelease").strip(),
        "os": next((l.split("=", 1)[1].strip('"') for l in _read("/etc/os-release").splitlines()
                    if l.startswith("PRETTY_NAME=")), "unknown"),
        "load_before": load_average(),
        "commit": git_commit(),
        "wrk": tool_version(["wrk", "-v"]),
    }
