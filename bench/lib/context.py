"""The settings one harness run shares between suites: which runtimes, how many rounds, how
long the server runs last and which client sizes, for a full run or a --quick one."""
import sys
import time

# rounds per suite: (quick, full). Start-up runs are short and noisy, so they get more.
# The compute scripts run for well under a second, so --quick can afford the full run's rounds there.
ROUNDS = {"compute": (5, 5), "startup": (10, 10), "memory": (1, 3), "server": (1, 3), "client": (1, 3)}
SERVER = {True: {"warmup_s": 5, "duration_s": 5, "ping_conns": 64, "delay_conns": 1000},
          False: {"warmup_s": 15, "duration_s": 10, "ping_conns": 64, "delay_conns": 5000}}
# 5,000 is left to --sizes: Python's thread-per-worker client needs minutes there and loads a
# 2-core machine into the hundreds, which disturbs anything else measured on it.
CLIENT_SIZES = {True: [100], False: [100, 500, 1000]}


class Context:
    def __init__(self, runtimes, quick, rounds, sizes, workloads, tmp):
        self.runtimes = runtimes
        self.quick = quick
        self._rounds = rounds
        self._sizes = sizes
        self.workloads = workloads
        self.tmp = tmp
        self.t0 = time.time()

    def rounds(self, suite):
        return self._rounds or ROUNDS[suite][0 if self.quick else 1]

    def rounds_used(self):
        return {suite: self.rounds(suite) for suite in ROUNDS}

    def server_config(self):
        return dict(SERVER[self.quick])

    def client_sizes(self):
        return self._sizes or CLIENT_SIZES[self.quick]

    def pause_s(self):
        return 1 if self.quick else 2

    def log(self, message):
        print(f"[{time.time() - self.t0:6.0f} s] {message}", file=sys.stderr, flush=True)
