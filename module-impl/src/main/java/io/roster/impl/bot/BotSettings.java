package io.roster.impl.bot;

import io.roster.api.common.Language;
import io.roster.api.security.Caller;
import io.roster.api.security.CallerKind;
import io.roster.api.security.Permission;
import io.roster.api.security.Source;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bot's configuration ({@code roster.telegram.*}, {@code roster.knowledge-base.*}; docs/configuration.md).
 * Dependent, not application-scoped: its fields are read directly, and a normal-scoped bean would be a client proxy
 * whose own fields are empty.
 */
@Dependent
public class BotSettings {
    @Inject
    @ConfigProperty(name = "roster.telegram.bot-username")
    Optional<String> botUsername;

    @Inject
    @ConfigProperty(name = "roster.telegram.webhook-url")
    Optional<String> webhookUrl;

    @Inject
    @ConfigProperty(name = "roster.telegram.webhook-secret")
    Optional<String> webhookSecret;

    @Inject
    @ConfigProperty(name = "roster.telegram.poll-timeout", defaultValue = "PT25S")
    Duration pollTimeout;

    @Inject
    @ConfigProperty(name = "roster.telegram.rate-limit-per-minute", defaultValue = "20")
    int perMinute;

    @Inject
    @ConfigProperty(name = "roster.telegram.link-code-ttl", defaultValue = "PT72H")
    Duration linkCodeTtl;

    @Inject
    @ConfigProperty(name = "roster.telegram.default-language", defaultValue = "ru")
    String defaultLanguage;

    @Inject
    @ConfigProperty(name = "roster.telegram.reply-retry-base", defaultValue = "PT2S")
    Duration retryBase;

    @Inject
    @ConfigProperty(name = "roster.telegram.reply-max-attempts", defaultValue = "10")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "roster.telegram.escalation-pipeline", defaultValue = "member-question")
    String escalationPipeline;

    @Inject
    @ConfigProperty(name = "roster.knowledge-base.threshold", defaultValue = "0.6")
    double threshold;

    @Inject
    @ConfigProperty(name = "roster.knowledge-base.suggestion-threshold", defaultValue = "0.25")
    double suggestionThreshold;

    @Inject
    @ConfigProperty(name = "roster.knowledge-base.question-log-retention", defaultValue = "P180D")
    Duration questionLogRetention;

    /** The bot acts as Roster itself, through the BOT source; it never needs to see contact details. */
    static final Caller BOT = botCaller();

    private static Caller botCaller() {
        Set<Permission> permissions = EnumSet.allOf(Permission.class);
        permissions.remove(Permission.MEMBER_CONTACTS_READ);
        return new Caller("telegram-bot", CallerKind.SYSTEM, "Telegram bot", permissions, Set.of(), true, Source.BOT);
    }

    Language defaultLanguage() {
        Language l = Language.fromTag(defaultLanguage);
        return l == null ? Language.RU : l;
    }

    /** {@code https://t.me/<bot>?start=<code>}, or null without a configured username. */
    String deepLink(String code) {
        return botUsername
                .map(String::strip)
                .map(u -> u.startsWith("@") ? u.substring(1) : u)
                .filter(u -> !u.isEmpty())
                .map(u -> "https://t.me/" + u + "?start=" + code)
                .orElse(null);
    }
}
