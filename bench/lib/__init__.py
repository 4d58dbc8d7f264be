"""The benchmark harness behind bench/run: suites that measure, a report that renders, and a
PNG bar-chart renderer of its own, so the harness needs nothing beyond Python's standard library."""
