"""Installing a missing tool from Debian's packages, as the harness promises for Ruby (and wrk,
which the server suite cannot do without). A failed install is a note in the report, never a
crash: the runtime's columns are skipped instead."""
import os
import shutil
import subprocess


def ensure(binary, package, notes):
    """The path of binary, installing `package` with apt-get when it is missing; None if that fails."""
    if shutil.which(binary):
        return shutil.which(binary)
    print(f"{binary} not found: installing Debian's {package} package (apt-get install -y {package})...", flush=True)
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    p = None
    # Install first; only if that fails refresh the package lists and try again.
    for step in (["install", "-y", package], ["update"], ["install", "-y", package]):
        try:
            p = subprocess.run(sudo + ["apt-get"] + step, capture_output=True, text=True, env=env, timeout=600)
        except (OSError, subprocess.TimeoutExpired) as e:
            notes.append(f"`{binary}` is missing and `apt-get install -y {package}` could not run ({e}).")
            return None
        if step[0] == "install" and p.returncode == 0 and shutil.which(binary):
            notes.append(f"`{binary}` was not installed; the harness installed Debian's `{package}` package.")
            return shutil.which(binary)
    last = ((p.stderr or p.stdout).strip().splitlines() or ["no output"])[-1]
    notes.append(f"`{binary}` is missing and `apt-get install -y {package}` failed ({last}).")
    return None
