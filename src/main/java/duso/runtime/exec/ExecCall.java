package duso.runtime.exec;

import duso.lang.nodes.Interp;
import duso.lang.values.DusoObject;
import duso.runtime.Args;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of an external program for {@code exec()}: start it, feed its stdin, capture both
 * outputs, and park the calling script until it ends, its deadline passes or its instance is
 * stopped ({@code kill(pid)}, shutdown). On a deadline or a stop the script gets its error at
 * once and the child is ended behind it, as in the reference.
 */
public final class ExecCall {
    private static final Duration TERM_GRACE = Duration.ofSeconds(2);
    private static final File DEV_NULL = new File("/dev/null");
    private static final Pattern ERRNO = Pattern.compile("error=\\d+, (.*)$");

    /** What to run; {@code stdin} null means the child reads /dev/null; {@code timeoutNanos} < 0: none. */
    public record Request(String command, String path, List<String> argv, Map<String, String> env, Path dir,
            String stdin, int maxOutput, long timeoutNanos) {}

    private ExecCall() {}

    public static DusoObject run(Request req, Interp interp) {
        List<String> cmdline = new ArrayList<>(req.argv.size() + 1);
        cmdline.add(req.path);
        cmdline.addAll(req.argv);
        ProcessBuilder pb = new ProcessBuilder(cmdline).directory(req.dir.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        try {
            env.putAll(req.env);
        } catch (IllegalArgumentException e) {
            throw Args.error("exec() could not start " + req.command + ": fork/exec " + req.path + ": invalid argument");
        }
        pb.redirectInput(req.stdin == null ? ProcessBuilder.Redirect.from(DEV_NULL) : ProcessBuilder.Redirect.PIPE);
        long deadline = System.nanoTime() + req.timeoutNanos;
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            throw Args.error("exec() could not start " + req.command + ": " + startFailure(req, e));
        }
        if (req.stdin != null) {
            feed(child.getOutputStream(), req.stdin);
        }
        CappedCapture out = new CappedCapture(child.getInputStream(), req.maxOutput);
        CappedCapture err = new CappedCapture(child.getErrorStream(), req.maxOutput);
        Thread caller = Thread.currentThread();
        CompletableFuture<Integer> finished = new CompletableFuture<>();
        Thread.ofVirtual().name("exec-wait").start(() -> {
            try {
                out.await();
                err.await();
                finished.complete(child.waitFor());
            } catch (InterruptedException e) {
                finished.completeExceptionally(e);
            }
            LockSupport.unpark(caller);
        });
        Integer code = await(finished, interp, req, deadline, child);
        DusoObject result = new DusoObject(8);
        result.put("ok", code == 0);
        result.put("code", (double) code);
        result.put("stdout", out.text());
        result.put("stderr", err.text());
        result.put("truncated", out.truncated() || err.truncated());
        return result;
    }

    /** Parks until the child is done; ends it and throws on the deadline or an instance stop. */
    private static Integer await(CompletableFuture<Integer> finished, Interp interp, Request req, long deadline,
            Process child) {
        Thread me = Thread.currentThread();
        Runnable previous = interp == null ? null : interp.setInterruptWaker(() -> LockSupport.unpark(me));
        boolean javaInterrupted = false;
        try {
            while (true) {
                // A pending Java interrupt would make every park return at once: set it aside.
                javaInterrupted |= Thread.interrupted();
                if (finished.isDone()) {
                    return finished.getNow(-1);
                }
                if (interp != null && interp.interruptReason() != null) {
                    ProcessTree.terminate(child, TERM_GRACE);
                    throw Args.error("exec() cancelled: " + req.command);
                }
                if (req.timeoutNanos >= 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        ProcessTree.terminate(child, TERM_GRACE);
                        throw Args.error("exec() timed out: " + req.command);
                    }
                    LockSupport.parkNanos(left);
                } else {
                    LockSupport.park();
                }
            }
        } finally {
            if (interp != null) {
                interp.setInterruptWaker(previous);
            }
            if (javaInterrupted) {
                me.interrupt();
            }
        }
    }

    /** Writes the script's stdin text and closes the pipe; a child that stops reading is its own business. */
    private static void feed(OutputStream pipe, String text) {
        Thread.ofVirtual().name("exec-stdin").start(() -> {
            try (pipe) {
                pipe.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the child exited or closed its stdin early
            }
        });
    }

    /**
     * Go's wording for a failed start: its fork/exec error with the OS's text in Go's lower case
     * ("fork/exec /bin/echo: no such file or directory" for a missing working directory).
     */
    private static String startFailure(Request req, IOException e) {
        String reason;
        if (!Files.exists(req.dir)) {
            reason = "no such file or directory";
        } else if (!Files.isDirectory(req.dir)) {
            reason = "not a directory";
        } else {
            if (String.valueOf(e.getMessage()).contains("null character")) {
                return "fork/exec " + req.path + ": invalid argument";
            }
            Matcher m = ERRNO.matcher(String.valueOf(e.getMessage()));
            reason = m.find() ? m.group(1) : String.valueOf(e.getMessage());
            if (!reason.isEmpty()) {
                reason = Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
            }
        }
        return "fork/exec " + req.path + ": " + reason;
    }
}
