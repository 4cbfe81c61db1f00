package io.roster.web.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Daemon threads that each run one step of background work over and over until stopped: the outbox dispatchers
 * (webhooks, broadcasts, the bot's messages) and the bot's long polling. A step returns how much it did; after 0 the
 * thread rests the idle time, after a negative answer ("someone else is doing it") five times as long. A failing step
 * (the database restarting, say) is logged by exception class only — no data — and retried after a longer rest.
 */
public final class BackgroundLoops {

    /** One step of work. */
    public interface Step {
        /** How many items it handled: 0 for none, negative when another instance holds the work. */
        int run() throws InterruptedException;
    }

    private final Logger log;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public BackgroundLoops(Logger log) {
        this.log = log;
    }

    /** Starts a thread that runs {@code step} until {@link #stop}; {@code failure} names it in the log. */
    public synchronized void start(String name, Duration idle, String failure, Step step) {
        Thread t = new Thread(() -> loop(idle, failure, step), name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /** Stops every thread and waits up to 15 s for each to finish its step. */
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread t : threads) {
            try {
                t.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        threads.clear();
    }

    private void loop(Duration idle, String failure, Step step) {
        while (running) {
            try {
                int n = step.run();
                if (n == 0) {
                    Thread.sleep(idle.toMillis());
                } else if (n < 0) {
                    Thread.sleep(idle.toMillis() * 5);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warnf("%s: %s", failure, e.getClass().getSimpleName());
                try {
                    Thread.sleep(Math.max(1000, idle.toMillis() * 5));
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
