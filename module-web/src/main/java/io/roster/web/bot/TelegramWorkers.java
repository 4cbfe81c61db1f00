package io.roster.web.bot;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.roster.api.bot.BotService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Telegram bot's background work, by {@code roster.telegram.mode}: {@code polling} runs a long-polling loop
 * (one instance at a time polls; the others wait), {@code webhook} registers the webhook on start; in both modes a
 * dispatcher sends the bot's outbox. {@code off} (the default) starts nothing.
 */
@ApplicationScoped
public class TelegramWorkers {
    private static final Logger LOG = Logger.getLogger(TelegramWorkers.class);

    @Inject
    BotService bot;

    @ConfigProperty(name = "roster.telegram.mode", defaultValue = "off")
    String mode;

    @ConfigProperty(name = "roster.telegram.poll-idle", defaultValue = "PT1S")
    Duration pollIdle;

    @ConfigProperty(name = "roster.telegram.outbox-poll-interval", defaultValue = "PT0.5S")
    Duration outboxInterval;

    @ConfigProperty(name = "roster.telegram.bot-token")
    Optional<String> token;

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        String m = mode.strip().toLowerCase(Locale.ROOT);
        if (m.equals("off")) {
            return;
        }
        if (!m.equals("webhook") && !m.equals("polling")) {
            LOG.warnf("roster.telegram.mode '%s' is not off, webhook or polling: the bot is off", mode);
            return;
        }
        if (token.filter(t -> !t.isBlank()).isEmpty()) {
            LOG.warnf("roster.telegram.mode is %s but roster.telegram.bot-token is not set: the bot is off", m);
            return;
        }
        running = true;
        if (m.equals("webhook")) {
            try {
                bot.registerWebhook();
            } catch (RuntimeException e) {
                LOG.warnf("Telegram setWebhook failed: %s", e.getClass().getSimpleName());
            }
        } else {
            thread("roster-telegram-polling", this::poll);
        }
        thread("roster-telegram-outbox", this::dispatch);
    }

    void stop(@Observes ShutdownEvent event) {
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

    private void thread(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void poll() {
        while (running) {
            try {
                int n = bot.poll();
                if (n <= 0) {
                    // another instance polls (-1), or Telegram answered an empty long poll
                    Thread.sleep(n < 0 ? pollIdle.toMillis() * 5 : pollIdle.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!rest("Telegram polling failed", e)) {
                    return;
                }
            }
        }
    }

    private void dispatch() {
        while (running) {
            try {
                if (bot.dispatchDue(50) == 0) {
                    Thread.sleep(outboxInterval.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!rest("Telegram outbox dispatch failed", e)) {
                    return;
                }
            }
        }
    }

    private boolean rest(String what, RuntimeException e) {
        if (!running) {
            return false;
        }
        LOG.warnf("%s: %s", what, e.getClass().getSimpleName());
        try {
            Thread.sleep(Math.max(1000, pollIdle.toMillis() * 5));
            return true;
        } catch (InterruptedException ie) {
            return false;
        }
    }
}
