package duso.lang.nodes;

import java.util.concurrent.LinkedBlockingQueue;

/**
 * When to compile to bytecode. Functions are compiled after {@link #callThreshold} calls and
 * loops after {@link #loopThreshold} iterations, on one background thread so scripts keep
 * running (interpreted) while their hot code is being compiled; the result is published
 * through a volatile field and picked up on the next call or iteration.
 *
 * <p>{@code -Dduso.jit=off} keeps everything interpreted and {@code -Dduso.jit=eager} compiles
 * synchronously on first use; the test suite runs the golden scripts in both of those modes
 * so the two tiers are checked against each other.
 */
public final class Jit {
    enum Mode { OFF, ON, EAGER }

    static final Mode MODE = switch (System.getProperty("duso.jit", "on")) {
        case "off" -> Mode.OFF;
        case "eager" -> Mode.EAGER;
        default -> Mode.ON;
    };

    static final int callThreshold = MODE == Mode.EAGER ? 1 : Integer.getInteger("duso.jit.calls", 50_000);
    static final int loopThreshold = MODE == Mode.EAGER ? 1 : Integer.getInteger("duso.jit.loops", 2_000_000);
    /** {@code -Dduso.jit.regions=false} keeps number loops boxed (for comparing the two). */
    static final boolean regions = !"false".equals(System.getProperty("duso.jit.regions"));
    /**
     * Loops that run entirely in registers ({@link RegionPlan}) pay for their compilation within
     * a few thousand iterations, so they are compiled much sooner than other loops.
     */
    static final int numberLoopThreshold = MODE == Mode.EAGER ? 1 : Integer.getInteger("duso.jit.numberLoops", 1_000);

    private static final LinkedBlockingQueue<Runnable> QUEUE = new LinkedBlockingQueue<>();
    private static volatile boolean started;

    private Jit() {}

    /**
     * After how many iterations (over all its runs) a loop is first considered for compiling:
     * the number-loop threshold, so only loops that get that far are ever analysed.
     */
    static int firstLoopCheck() {
        if (MODE == Mode.OFF) {
            return Integer.MAX_VALUE;
        }
        return regions ? Math.min(numberLoopThreshold, loopThreshold) : loopThreshold;
    }

    static boolean enabled() {
        return MODE != Mode.OFF;
    }

    /** Compiles a function body (once); the code is used from the next call on. */
    static void requestFunction(FunctionCode code) {
        if (MODE == Mode.OFF || code.jitRequested) {
            return;
        }
        code.jitRequested = true;
        submit(() -> {
            long t0 = System.nanoTime();
            CompiledCode c = JitCompiler.compileBody(code.body, code.name.isEmpty() ? "anon" : code.name);
            trace("function " + code.name, t0, c);
            if (c != null) {
                code.compiled = c;
            }
        });
    }

    /** Number loops whose runs average fewer iterations than this wait for the ordinary threshold. */
    static final int MIN_RUN = 64;

    /**
     * A loop reached its threshold after {@code iterations} over {@code runs} runs: compiles it and
     * returns the iteration count, or returns the later threshold to wait for. Before the
     * ordinary threshold only number loops qualify, and of those only loops with long runs: one
     * whose runs are short (the inner loop of a function called in a loop) enters compiled code
     * so often that, while HotSpot still interprets that code, it runs slower than the warm
     * interpreter: measured on bench/fib.du, 44 ms interpreted against 67 ms compiled at 1,000.
     */
    static int loopIsHot(JitLoop loop, int iterations, int runs) {
        boolean longRunsOfNumbers = regions && iterations >= (long) MIN_RUN * runs && RegionPlan.of(loop.node()) != null;
        if (iterations < loopThreshold && !longRunsOfNumbers) {
            return loopThreshold;
        }
        requestLoop(loop);
        return iterations;
    }

    /** Compiles a loop statement (once); the interpreter switches to it mid-loop. */
    static void requestLoop(JitLoop loop) {
        if (MODE == Mode.OFF || loop.jitRequested()) {
            return;
        }
        loop.markJitRequested();
        submit(() -> {
            long t0 = System.nanoTime();
            CompiledCode c = JitCompiler.compileLoop(loop);
            trace("loop at " + duso.lang.source.Pos.format(loop.node().pos), t0, c);
            if (c != null) {
                loop.publish(c);
            }
        });
    }

    private static void trace(String what, long t0, CompiledCode c) {
        if (Boolean.getBoolean("duso.jit.debug")) {
            long micros = (System.nanoTime() - t0) / 1000;
            System.err.println("duso-jit: " + (c == null ? "skipped " : "compiled ") + what + " in " + micros + " us");
        }
    }

    private static void submit(Runnable job) {
        if (MODE == Mode.EAGER) {
            job.run();
            return;
        }
        if (!started) {
            startWorker();
        }
        QUEUE.add(job);
    }

    private static synchronized void startWorker() {
        if (started) {
            return;
        }
        Thread t = Thread.ofPlatform().daemon().name("duso-jit").unstarted(() -> {
            while (true) {
                try {
                    QUEUE.take().run();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException | LinkageError e) {
                    // A failed compilation leaves the code interpreted; it is never fatal.
                    if (Boolean.getBoolean("duso.jit.debug")) {
                        e.printStackTrace();
                    }
                }
            }
        });
        t.start();
        started = true;
    }

    /** A loop statement the JIT can take over. */
    interface JitLoop {
        boolean jitRequested();

        void markJitRequested();

        void publish(CompiledCode code);

        StmtNode node();
    }
}
