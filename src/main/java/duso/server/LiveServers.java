package duso.server;

import duso.runtime.DusoRuntime;
import duso.runtime.WebSockets;
import java.util.ArrayList;
import java.util.List;

/**
 * The servers of this runtime that are accepting requests, so process shutdown can drain
 * them: all stop together (each gives in-flight handlers up to 30 s), and only then are
 * WebSocket connections closed; datastores flush after this, as final shutdown hooks.
 */
final class LiveServers {
    private final DusoRuntime runtime;
    private final List<JettyServer> servers = new ArrayList<>();
    private boolean drained;

    private LiveServers(DusoRuntime runtime) {
        this.runtime = runtime;
    }

    static LiveServers of(DusoRuntime rt) {
        return rt.service(LiveServers.class, () -> {
            LiveServers l = new LiveServers(rt);
            rt.onShutdown(l::drain);
            return l;
        });
    }

    /** Registers a started server; false when the drain has already run (it must stop itself). */
    synchronized boolean add(JettyServer s) {
        if (drained) {
            return false;
        }
        servers.add(s);
        return true;
    }

    synchronized void remove(JettyServer s) {
        servers.remove(s);
    }

    private void drain() {
        List<JettyServer> all;
        synchronized (this) {
            drained = true;
            all = new ArrayList<>(servers);
            servers.clear();
        }
        List<Thread> stopping = new ArrayList<>();
        for (JettyServer s : all) {
            s.wakeStarter();
            stopping.add(Thread.ofPlatform().name("duso-http-drain").start(s::stop));
        }
        for (Thread t : stopping) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        WebSockets.of(runtime).closeAll();
    }
}
