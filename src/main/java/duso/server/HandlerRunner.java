package duso.server;

import duso.lang.compiler.CompiledUnit;
import duso.lang.errors.DusoError;
import duso.lang.nodes.Interp;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.runtime.DusoRuntime;
import duso.runtime.NativeFunction;
import duso.runtime.Output;
import duso.runtime.ScriptInstance;
import duso.runtime.ScriptRunner;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a route's handler script for one request in a fresh script instance on the calling
 * (virtual) thread and turns how it ended into a response: the exit() object, 204 when
 * nothing was sent, 200 with no body for a non-object exit value, 500 {@code Handler script
 * error: …} for an uncaught error. If the handler is still running at
 * {@code request_handler_timeout}, 504 is sent from the timer and the instance is
 * interrupted; whatever it produces afterwards is dropped.
 */
final class HandlerRunner {
    /** Sends a response once; later calls return false (the timeout may have answered). */
    interface Responder {
        boolean respond(ResponseSpec response);
    }

    private final DusoRuntime runtime;
    private final ServerConfig config;
    private final Output output;
    private final ScheduledExecutorService timers;

    HandlerRunner(DusoRuntime runtime, ServerConfig config, ScheduledExecutorService timers) {
        this.runtime = runtime;
        this.config = config;
        this.output = Output.of(runtime.console());
        this.timers = timers;
    }

    void handle(Route route, IncomingRequest req, DusoObject params, Responder out) {
        HandlerScript h = route.handler();
        CompiledUnit unit;
        try {
            unit = compiled(h);
        } catch (DusoError e) {
            out.respond(ResponseSpec.goError(500, "Handler script parse error: " + e.render()));
            return;
        } catch (IOException e) {
            out.respond(ResponseSpec.goError(500, "Handler script parse error: " + readError(h, e)));
            return;
        }
        DusoObject context = new DusoObject(2);
        context.put("request", new NativeFunction("request", a -> RequestObject.build(req, params, config)));
        context.put("response", new NativeFunction("response", a -> h.responseHelpers(config)));
        ScriptInstance inst = new ScriptInstance(runtime, h.displayName(), h.dir(), context, output, 0);
        Interp interp = inst.newInterp(false);
        long timeout = config.handlerTimeoutSeconds;
        if (timeout <= 0) {
            // A zero deadline has passed before the handler starts, as in the reference.
            out.respond(ResponseSpec.goError(504, "Handler script timeout exceeded"));
            return;
        }
        ScheduledFuture<?> timer = timers.schedule(() -> {
            if (out.respond(ResponseSpec.goError(504, "Handler script timeout exceeded"))) {
                interp.interrupt("timeout exceeded");
            }
        }, timeout, TimeUnit.SECONDS);
        ResponseSpec result = run(unit, interp);
        timer.cancel(false);
        out.respond(result);
    }

    /**
     * Runs a "WS" route's handler once for an upgraded connection, with {@code connection()}
     * and {@code request()} in its context; the connection is closed when it ends, and an
     * uncaught error is reported on standard error as the reference reports it.
     */
    void handleWebSocket(Route route, IncomingRequest req, DusoObject params, WebSocketConnection conn) {
        HandlerScript h = route.handler();
        try {
            CompiledUnit unit;
            try {
                unit = compiled(h);
            } catch (DusoError e) {
                conn.queue("{\"error\": \"Handler script parse error: " + e.render() + "\"}");
                return;
            } catch (IOException e) {
                conn.queue("{\"error\": \"Handler script parse error: " + readError(h, e) + "\"}");
                return;
            }
            DusoObject context = new DusoObject(2);
            context.put("connection", new NativeFunction("connection", a -> conn.scriptObject()));
            context.put("request", new NativeFunction("request", a -> RequestObject.build(req, params, config)));
            ScriptInstance inst = new ScriptInstance(runtime, h.displayName(), h.dir(), context, output, 0);
            Interp interp = inst.newInterp(false);
            try {
                ScriptRunner.runScript(unit, interp);
            } catch (DusoError e) {
                runtime.console().err("[WS] Handler error: " + e.render() + "\n");
            } catch (StackOverflowError | RuntimeException e) {
                runtime.console().err("[WS] Handler error: " + e + "\n");
            }
        } finally {
            conn.close();
        }
    }

    CompiledUnit compiled(HandlerScript h) throws IOException {
        return h.unit(runtime.cache());
    }

    /** Go's os.ReadFile error text for a handler file that cannot be read. */
    static String readError(HandlerScript h, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "open " + h.displayName() + ": no such file or directory";
        }
        return "open " + h.displayName() + ": " + e.getMessage();
    }

    private ResponseSpec run(CompiledUnit unit, Interp interp) {
        try {
            ScriptRunner.Outcome outcome = ScriptRunner.runScript(unit, interp);
            if (!outcome.exited() || outcome.value() == Nil.NIL) {
                return new ResponseSpec(204);
            }
            if (outcome.value() instanceof DusoObject response) {
                return ExitResponse.from(response, runtime);
            }
            return new ResponseSpec(200);
        } catch (DusoError e) {
            return ResponseSpec.goError(500, "Handler script error: " + e.render());
        } catch (StackOverflowError e) {
            return ResponseSpec.goError(500, "Handler script error: stack overflow");
        } catch (RuntimeException e) {
            return ResponseSpec.goError(500, "Handler script error: panic in handler: " + e);
        }
    }
}
