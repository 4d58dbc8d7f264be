package duso.runtime.schedule;

import duso.lang.errors.DusoError;
import duso.lang.lexer.GoQuote;
import duso.lang.values.DeepCopy;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.runtime.ChildInstance;
import duso.runtime.ChildScript;
import duso.runtime.Datastores;
import duso.runtime.DusoRuntime;
import duso.runtime.Output;
import duso.runtime.ScriptInstance;
import duso.runtime.Supervisor;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The jobs registered with schedule(), and the one virtual thread that fires them. It sleeps
 * until the earliest job is due (never a periodic poll), fires each due job as a spawned
 * script instance (its own pid, killable, stopped by shutdown), and puts recurring jobs back
 * at their next occurrence, computed from the previous one so runs do not drift. Every change
 * is mirrored in the read-only {@code duso_schedule} datastore, keyed by job id.
 *
 * <p>Nothing exists until the first schedule() call. The scheduler never keeps the process
 * alive: like every other background instance it ends when the main script does, and from
 * the start of shutdown nothing more fires.
 */
public final class Scheduler {
    static final String NAMESPACE = "duso_schedule";
    /** How long the loop sleeps at most, so a changed wall clock is noticed within a minute. */
    private static final long MAX_WAIT_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** One registered job; nextFire changes only under the scheduler's lock. */
    private static final class Job {
        final String id;
        final Interval every;
        final String path;
        final String shown;
        final ScriptInstance origin;
        final Object context;
        ZonedDateTime nextFire;
        volatile long lastPid;
        final long order;

        Job(String id, Interval every, ZonedDateTime nextFire, String path, String shown, ScriptInstance origin,
                Object context, long order) {
            this.id = id;
            this.every = every;
            this.nextFire = nextFire;
            this.path = path;
            this.shown = shown;
            this.origin = origin;
            this.context = context;
            this.order = order;
        }
    }

    private final DusoRuntime rt;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Job> queue = new PriorityQueue<>((a, b) -> {
        int c = a.nextFire.toInstant().compareTo(b.nextFire.toInstant());
        return c != 0 ? c : Long.compare(a.order, b.order);
    });
    private final Map<String, Job> byId = new HashMap<>();
    private long registered;
    private boolean loopStarted;
    private boolean closed;

    private Scheduler(DusoRuntime rt) {
        this.rt = rt;
        rt.onShutdown(this::close);
    }

    public static Scheduler of(DusoRuntime rt) {
        return rt.service(Scheduler.class, () -> new Scheduler(rt));
    }

    /**
     * Registers (or, for a known id, replaces) a job that runs {@code path}, named from
     * {@code caller}, first at {@code firstFire} and then every {@code every} (null: once).
     * The context is copied now; each run gets its own copy of that.
     */
    public void add(String id, Interval every, ZonedDateTime firstFire, ScriptInstance caller, String path,
            Object context) {
        // Keeps only what a later run needs from the caller: its runtime and directory.
        ScriptInstance origin = new ScriptInstance(rt, caller.file(), caller.dir(), Nil.NIL, Output.of(rt.console()), 0);
        String shown = ChildScript.resolvedName(caller, path);
        Object copied = context == null ? Nil.NIL : DeepCopy.acrossInstances(context);
        lock.lock();
        try {
            Job job = new Job(id, every, firstFire, path, shown, origin, copied, registered++);
            store().set(NAMESPACE, id, record(job)); // first: a record the store refuses is an error here
            Job old = byId.put(id, job);
            if (old != null) {
                queue.remove(old);
            }
            queue.add(job);
            if (!loopStarted && !closed) {
                loopStarted = true;
                Thread.ofVirtual().name("duso-scheduler").start(this::loop);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Cancels a job; false when there was none. Its record goes either way. */
    public boolean remove(String id) {
        lock.lock();
        try {
            Job job = byId.remove(id);
            if (job != null) {
                queue.remove(job);
                changed.signalAll();
            }
            store().delete(NAMESPACE, id);
            return job != null;
        } finally {
            lock.unlock();
        }
    }

    private void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        List<Job> due = new ArrayList<>();
        lock.lock();
        try {
            while (!closed) {
                Job head = queue.peek();
                ZonedDateTime now = ZonedDateTime.now();
                if (head == null || head.nextFire.isAfter(now)) {
                    changed.awaitNanos(head == null ? MAX_WAIT_NANOS : waitNanos(now, head.nextFire));
                    continue;
                }
                while (!queue.isEmpty() && !queue.peek().nextFire.isAfter(now)) {
                    due.add(queue.poll());
                }
                // Started without the lock: compiling the script may take a moment, and
                // schedule()/unschedule() callers should not wait for it.
                lock.unlock();
                try {
                    for (Job job : due) {
                        start(job);
                    }
                } finally {
                    lock.lock();
                }
                for (Job job : due) {
                    reschedule(job);
                }
                due.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** How long to sleep before {@code due}: at least a nanosecond, at most MAX_WAIT_NANOS. */
    private static long waitNanos(ZonedDateTime now, ZonedDateTime due) {
        Duration d = Duration.between(now, due);
        return d.compareTo(Duration.ofNanos(MAX_WAIT_NANOS)) > 0 ? MAX_WAIT_NANOS : Math.max(1, d.toNanos());
    }

    /** Starts one run of the job as a spawned instance; a script that cannot be used is reported. */
    private void start(Job job) {
        try {
            ChildScript script = ChildScript.fromFile(job.origin, job.path,
                    cause -> "schedule: failed to parse " + job.shown + " (job " + GoQuote.quote(job.id) + "): " + cause);
            ChildInstance child = ChildInstance.create(job.origin, script, job.context, pid -> Output.of(rt.console()));
            job.lastPid = child.pid();
            Supervisor.of(rt).spawn(child.instance(), child::run, "schedule", null);
        } catch (DusoError e) {
            rt.console().err(e.messageText() + "\n");
        } catch (RuntimeException e) {
            rt.console().err("schedule: panic in script: " + e + "\n");
        }
    }

    /**
     * After a run has started: a recurring job goes back in the queue at its next occurrence
     * (counted from the previous one, so runs do not drift), a one-shot is dropped with its
     * record. A job cancelled or replaced meanwhile is left alone, so unschedule() during a
     * run is final.
     */
    private void reschedule(Job job) {
        if (byId.get(job.id) != job) {
            return;
        }
        ZonedDateTime next = null;
        if (job.every != null) {
            try {
                next = job.every.after(job.nextFire);
            } catch (DateTimeException | ArithmeticException e) {
                next = null; // beyond any calendar: the job has no more runs
            }
        }
        if (next == null) {
            byId.remove(job.id);
            store().delete(NAMESPACE, job.id);
            return;
        }
        job.nextFire = next;
        queue.add(job);
        store().set(NAMESPACE, job.id, record(job));
    }

    /** The job as scripts read it: {every, script, next_fire, context, last_pid}. */
    private static DusoObject record(Job job) {
        DusoObject r = new DusoObject();
        r.put("every", job.every == null ? Nil.NIL : job.every.text());
        r.put("script", job.shown);
        r.put("next_fire", (double) job.nextFire.toEpochSecond());
        r.put("context", job.context);
        r.put("last_pid", job.lastPid == 0 ? Nil.NIL : (Object) (double) job.lastPid);
        return r;
    }

    private Datastores store() {
        return Datastores.of(rt);
    }
}
