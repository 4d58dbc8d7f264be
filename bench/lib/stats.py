"""Round ordering and medians: the two rules that make runs on a shared machine comparable."""
import statistics


def rotate(items, round_index):
    """The runtimes in this round's order: A B C, then B C A, ... so no runtime always runs
    first (cold caches) or right after the heaviest one."""
    k = round_index % len(items) if items else 0
    return items[k:] + items[:k]


def median_of(runs, key):
    """Median of key over the successful runs that have it, or None."""
    values = [r[key] for r in runs if r.get("ok") and r.get(key) is not None]
    return statistics.median(values) if values else None


def failure(runs):
    """The first failure's message when no run succeeded, else None."""
    if runs and not any(r.get("ok") for r in runs):
        return runs[0].get("error", "failed")
    return None
