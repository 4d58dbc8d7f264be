"""Client orchestration, Python: N threads started together, each making 5 sequential requests
to the delay server over its own keep-alive connection (http.client). Prints the wall time and
how many succeeded.

    python3 bench/cfetch.py N [url]
"""
import http.client
import sys
import threading
import time
from urllib.parse import urlsplit

n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
url = urlsplit(sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:18090/delay")
rounds = 5
ok = [0] * n


def worker(i):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    try:
        for _ in range(rounds):
            conn.request("GET", url.path)
            if conn.getresponse().read() == b"ok":
                ok[i] += 1
    except OSError as e:  # counted as failed fetches; one line instead of a traceback per thread
        print(f"worker {i}: {type(e).__name__}: {e}", file=sys.stderr)
    finally:
        conn.close()


t0 = time.perf_counter()
threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"python n={n} ok={sum(ok)}/{n * rounds} in {round((time.perf_counter() - t0) * 1000)}ms")
