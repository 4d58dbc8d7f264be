package duso.runtime.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends a child the reference's way (SIGTERM, then SIGKILL after a grace period) together with
 * everything it started. The JVM cannot put a child in its own process group, so the tree is
 * found through {@link ProcessHandle#descendants()}, snapshotted before the first signal: once a
 * parent dies its children are re-parented and can no longer be found from it.
 */
final class ProcessTree {
    private ProcessTree() {}

    /** Signals the tree now and schedules the SIGKILL behind the caller. */
    static void terminate(Process child, Duration grace) {
        List<ProcessHandle> tree = snapshot(child.toHandle());
        for (ProcessHandle h : tree) {
            h.destroy();
        }
        Thread.ofVirtual().name("exec-reaper").start(() -> killStragglers(child.toHandle(), tree, grace));
    }

    private static void killStragglers(ProcessHandle root, List<ProcessHandle> tree, Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() - deadline < 0 && tree.stream().anyMatch(ProcessHandle::isAlive)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                break;
            }
        }
        List<ProcessHandle> late = new ArrayList<>(tree);
        if (root.isAlive()) {
            late.addAll(snapshot(root));
        }
        for (ProcessHandle h : late) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
    }

    private static List<ProcessHandle> snapshot(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        return all;
    }
}
