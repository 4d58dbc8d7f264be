"""Where things are: the bench/ folder (scripts run with it as working directory, like the
handler scripts server.du routes to) and the repository root (bin/duso, target/duso.jar)."""
import os

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(BENCH)
