package duso.runtime;

/**
 * Waits that must not be cut short by a Java interrupt (joining a script's thread, waiting for
 * shutdown to finish): a Java interrupt is not how scripts are stopped here (that is the
 * instance's stop signal), so it is kept for whoever raised it and the wait goes on.
 */
public final class Uninterruptibly {
    /** A blocking call that may throw InterruptedException (Thread::join, CountDownLatch::await). */
    @FunctionalInterface
    public interface Wait {
        void run() throws InterruptedException;
    }

    private Uninterruptibly() {}

    public static void await(Wait wait) {
        boolean interrupted = false;
        while (true) {
            try {
                wait.run();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
