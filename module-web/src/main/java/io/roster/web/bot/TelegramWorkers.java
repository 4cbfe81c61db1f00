package io.roster.web.bot;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.roster.api.bot.BotService;
import io.roster.web.server.BackgroundLoops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
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

    private final BackgroundLoops loops = new BackgroundLoops(LOG);

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
        if (m.equals("webhook")) {
            try {
                bot.registerWebhook();
            } catch (RuntimeException e) {
                LOG.warnf("Telegram setWebhook failed: %s", e.getClass().getSimpleName());
            }
        } else {
            // bot.poll() answers -1 while another instance polls, 0 after an empty long poll
            loops.start("roster-telegram-polling", pollIdle, "Telegram polling failed", bot::poll);
        }
        loops.start(
                "roster-telegram-outbox", outboxInterval, "Telegram outbox dispatch failed", () -> bot.dispatchDue(50));
    }

    void stop(@Observes ShutdownEvent event) {
        loops.stop();
    }
}
