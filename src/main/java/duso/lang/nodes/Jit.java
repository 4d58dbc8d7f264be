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
    /** {@code -Dduso.jit.debug=true}: each compilation, its cost and any failure printed on stderr. */
    static final boolean DEBUG = Boolean.getBoolean("duso.jit.debug");
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
        submit(new FunctionJob(code));
    }

    /** Number loops whose runs average fewer iterations than this are not compiled on their own. */
    static final int MIN_RUN = 64;

    /**
     * A loop reached its threshold after {@code iterations} over {@code runs} runs: compiles what
     * should be compiled and returns the iteration count at which to look again. Before the
     * ordinary threshold only number loops ({@link RegionPlan}) qualify, and then the unit that
     * pays best is compiled at once, on this thread: the outermost number loop around this one;
     * else this loop when its runs are long; else, for short runs at the top of a function, the
     * function. A short-run loop compiled on its own would be entered from the interpreter once
     * per run, which while HotSpot still interprets the new code ran slower than the
     * interpreter (bench/fib.du: 44 ms interpreted, 67 ms with its loop compiled at 1,000).
     */
    static int loopIsHot(JitLoop loop, int iterations, int runs) {
        boolean numbers = regions && MODE == Mode.ON && RegionPlan.of(loop.node()) != null;
        if (numbers) {
            // The outermost number loop around this one is compiled, so the whole nest runs as
            // one piece of generated code (HotSpot then compiles one loop nest, instead of a
            // method the interpreter enters once per outer iteration). This run of the inner
            // loop goes on interpreted; should it go on long, the next check compiles it too.
            JitLoop outer = outermostNumberLoop(loop);
            if (outer != loop && !outer.jitRequested()) {
                compileNow(outer);
                return iterations + SECOND_CHECK;
            }
            if (iterations >= (long) MIN_RUN * runs) {
                compileNow(loop);
                return iterations;
            }
            // Short runs at the top of a function (the loop of a function called in a loop):
            // the function is compiled, so each call runs the loop in registers without an
            // entry into compiled code per run.
            FunctionCode f = outer.function();
            if (f != null) {
                compileNow(f);
            }
        }
        if (iterations < loopThreshold) {
            return loopThreshold;
        }
        requestLoop(loop);
        return iterations;
    }

    /** Iterations after compiling its enclosing loop at which an inner loop still interpreted compiles itself. */
    private static final int SECOND_CHECK = 20_000;

    /** The loop, or the outermost loop of the same frame around it whose plan covers it. */
    private static JitLoop outermostNumberLoop(JitLoop loop) {
        JitLoop outer = loop;
        for (JitLoop e = loop.enclosing(); e != null && RegionPlan.of(e.node()) != null; e = e.enclosing()) {
            outer = e;
        }
        return outer;
    }

    /** Compiles a function body on the calling thread (see below); it is used from the next call on. */
    private static void compileNow(FunctionCode code) {
        if (!code.jitRequested) {
            code.jitRequested = true;
            runHere(new FunctionJob(code));
        }
    }

    /**
     * Compiles a number loop on the thread that runs it, which then goes straight on in
     * registers: 1-5 ms on a cold JVM, where a background compile competes for the CPU with
     * this thread and HotSpot's own compilers (10 ms on two cores) while the interpreter runs
     * the loop at its slowest. Measured on bench/loop.du: see docs/tuning.md.
     */
    private static void compileNow(JitLoop loop) {
        if (!loop.jitRequested()) {
            loop.markJitRequested();
            runHere(new LoopJob(loop));
        }
    }

    /** Runs a compilation on this thread: a failure leaves the code interpreted; it is never the script's error. */
    private static void runHere(Runnable job) {
        try {
            job.run();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            if (DEBUG) {
                e.printStackTrace();
            }
        }
    }

    /** Compiles a loop statement (once); the interpreter switches to it mid-loop. */
    static void requestLoop(JitLoop loop) {
        if (MODE == Mode.OFF || loop.jitRequested()) {
            return;
        }
        loop.markJitRequested();
        submit(new LoopJob(loop));
    }

    /*
     * The jobs and the worker are named classes rather than lambdas: a lambda the AOT cache's
     * training did not create is spun at run time, which costs milliseconds of a cold JVM in
     * front of a script's first compilation.
     */

    private record FunctionJob(FunctionCode code) implements Runnable {
        @Override
        public void run() {
            long t0 = System.nanoTime();
            CompiledCode c = JitCompiler.compileBody(code.body, code.name.isEmpty() ? "anon" : code.name);
            trace("function " + code.name, t0, c);
            if (c != null) {
                code.compiled = c;
            }
        }
    }

    private record LoopJob(JitLoop loop) implements Runnable {
        @Override
        public void run() {
            long t0 = System.nanoTime();
            CompiledCode c = JitCompiler.compileLoop(loop);
            trace("loop at " + duso.lang.source.Pos.format(loop.node().pos), t0, c);
            if (c != null) {
                loop.publish(c);
            }
        }
    }

    private static final class Worker implements Runnable {
        @Override
        public void run() {
            while (true) {
                try {
                    QUEUE.take().run();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException | LinkageError e) {
                    // A failed compilation leaves the code interpreted; it is never fatal.
                    if (DEBUG) {
                        e.printStackTrace();
                    }
                }
            }
        }
    }

    private static void trace(String what, long t0, CompiledCode c) {
        if (DEBUG) {
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
        Thread t = Thread.ofPlatform().daemon().name("duso-jit").unstarted(new Worker());
        t.start();
        started = true;
    }

    /** A loop statement the JIT can take over. */
    interface JitLoop {
        boolean jitRequested();

        void markJitRequested();

        void publish(CompiledCode code);

        StmtNode node();

        /** The loop of the same frame this one is directly nested in, or null. */
        JitLoop enclosing();

        /** For a loop at the top of a function's body: that function; otherwise null. */
        FunctionCode function();
    }
}
