"""The runtimes a report compares, how each one runs a twin script, a hello world, the HTTP
server and the fetch client, and which suites it takes part in.

Every runtime runs with its documented defaults. duso-jvm runs through bin/duso, the shipped
launcher, whatever JVM flags it carries; "duso-jvm (JVM defaults)" runs the same jar with only
the stack size the interpreter needs (-Xss8m), to show what the launcher's settings buy or cost
(compute and /ping only). The Go reference joins when DUSO_REF names its binary.
"""
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

from . import install
from .paths import ROOT

ALL_SUITES = {"compute", "startup", "memory", "server", "client"}


@dataclass
class Runtime:
    name: str                  # the key in results.json
    ext: str                   # twin script extension
    prefix: list               # argv that runs a script file given after it
    hello: list = None         # argv of a hello world (None: not in the startup suite)
    suites: set = field(default_factory=lambda: set(ALL_SUITES))
    ping_only: bool = False    # server suite: /ping, not /delay
    version: str = ""

    @property
    def duso(self):
        return self.ext == ".du"

    def script(self, name, *args):
        return self.prefix + [name + self.ext] + [str(a) for a in args]

    def server(self, port):
        if self.duso:
            return self.script("server", "-port", port)
        return self.prefix + [{".js": "server_node.js", ".py": "server_py.py", ".rb": "server_rb.rb"}[self.ext], str(port)]

    def client(self, n, url):
        return self.script("cfetch", "-n", n, "-url", url) if self.duso else self.script("cfetch", n, url)


def _out(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        return (p.stdout + p.stderr).strip()
    except (OSError, subprocess.SubprocessError) as e:
        return f"unknown ({e})"


def launcher():
    return os.path.join(ROOT, "bin", "duso")


def jdk_home():
    return _out([launcher(), "--print-jdk-home"]).splitlines()[-1]


def detect(notes, want_ruby=True):
    """The runtimes available on this machine, in report column order."""
    jdk = jdk_home()
    jar = os.path.join(ROOT, "target", "duso.jar")
    rts = [
        Runtime("duso-jvm", ".du", [launcher()], hello=[launcher(), "eval", "print(1)"]),
        Runtime("duso-jvm (JVM defaults)", ".du", [os.path.join(jdk, "bin", "java"), "-Xss8m", "-jar", jar],
                suites={"compute", "server"}, ping_only=True),
    ]
    ref = os.environ.get("DUSO_REF")
    if ref:
        if os.access(ref, os.X_OK):
            rts.append(Runtime("duso (reference)", ".du", [ref], hello=[ref, "eval", "print(1)"],
                               version=(_out([ref, "version"]).splitlines() or ["unknown"])[0]))
        else:
            notes.append(f"DUSO_REF={ref} is not an executable file; the reference column is skipped.")
    if shutil.which("node"):
        rts.append(Runtime("node", ".js", ["node"], hello=["node", "-e", "console.log(1)"], version=_out(["node", "--version"])))
    else:
        notes.append("node is not installed; its columns are skipped.")
    # The interpreter running this harness, not a `python3` found on PATH: a version manager's
    # shim (pyenv) would add its own start-up time to every Python run. -P keeps the script's
    # folder off sys.path, where the twins json.py and sort.py would shadow the standard library.
    py = sys.executable
    rts.append(Runtime("python", ".py", [py, "-P"], hello=[py, "-P", "-c", "print(1)"], version=sys.version.split()[0]))
    ruby = install.ensure("ruby", "ruby", notes) if want_ruby else None
    if want_ruby and not ruby:
        notes.append("Ruby columns are skipped.")
    if ruby:
        rts.append(Runtime("ruby", ".rb", [ruby], hello=[ruby, "-e", "puts 1"],
                           version=_out([ruby, "-e", "print RUBY_VERSION"])))
    java_version = _out([os.path.join(jdk, "bin", "java"), "-version"]).splitlines()
    duso_version = f"{_out([launcher(), 'version'])} (JDK: {java_version[1] if len(java_version) > 1 else java_version[0]})"
    for r in rts:
        if r.name.startswith("duso-jvm"):
            r.version = duso_version
    return rts
