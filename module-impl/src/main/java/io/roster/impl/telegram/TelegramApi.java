package io.roster.impl.telegram;

import com.pengrad.telegrambot.TelegramBot;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one client of the Telegram Bot API (pengrad's java-telegram-bot-api), shared by the Telegram message channel
 * and the bot. The API base URL is configurable so tests and closed networks can point it at a local server; the
 * token never appears in logs.
 */
@ApplicationScoped
public class TelegramApi {

    /** The base URL that the token is appended to, as Telegram documents it. */
    public static final String DEFAULT_API_URL = "https://api.telegram.org/bot";

    @Inject
    @ConfigProperty(name = "roster.telegram.bot-token")
    Optional<String> token;

    @Inject
    @ConfigProperty(name = "roster.telegram.api-url", defaultValue = DEFAULT_API_URL)
    String apiUrl;

    @Inject
    @ConfigProperty(name = "roster.telegram.timeout", defaultValue = "PT30S")
    Duration timeout;

    private volatile TelegramBot bot;

    /** Whether a bot token is configured. */
    public boolean configured() {
        return token.filter(t -> !t.isBlank()).isPresent();
    }

    /**
     * The client, built on first use.
     *
     * @throws IllegalStateException when no bot token is configured
     */
    public TelegramBot bot() {
        TelegramBot b = bot;
        if (b == null) {
            synchronized (this) {
                b = bot;
                if (b == null) {
                    String t = token.filter(s -> !s.isBlank())
                            .orElseThrow(() -> new IllegalStateException("roster.telegram.bot-token is not set"));
                    // Long polling holds a request open for up to its timeout; the read timeout must outlast it.
                    OkHttpClient http = new OkHttpClient.Builder()
                            .connectTimeout(10, TimeUnit.SECONDS)
                            .readTimeout(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS)
                            .writeTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                            .build();
                    b = new TelegramBot.Builder(t)
                            .apiUrl(apiUrl)
                            .okHttpClient(http)
                            .build();
                    bot = b;
                }
            }
        }
        return b;
    }

    @PreDestroy
    void close() {
        TelegramBot b = bot;
        if (b != null) {
            b.removeGetUpdatesListener();
            b.shutdown();
        }
    }
}
