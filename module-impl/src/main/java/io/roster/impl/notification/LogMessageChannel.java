package io.roster.impl.notification;

import io.roster.api.member.ContactChannel;
import io.roster.spi.notification.MessageChannel;
import io.roster.spi.notification.OutgoingMessage;
import io.roster.spi.notification.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * For development: stands in for the channels listed in {@code roster.notifications.log-channels} (e.g.
 * {@code TELEGRAM,EMAIL}) and only logs that a message went out: delivery id, channel and length, never the text or
 * the address. It wins over the real transports of those channels.
 */
@ApplicationScoped
public class LogMessageChannel implements MessageChannel {
    private static final System.Logger LOG = System.getLogger("io.roster.notifications.log-channel");

    @Inject
    @ConfigProperty(name = "roster.notifications.log-channels")
    Optional<List<String>> configured;

    private volatile Set<ContactChannel> channels;

    @Override
    public String id() {
        return "log";
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public Set<ContactChannel> channels() {
        Set<ContactChannel> c = channels;
        if (c == null) {
            EnumSet<ContactChannel> s = EnumSet.noneOf(ContactChannel.class);
            configured.orElse(List.of()).stream()
                    .map(String::strip)
                    .filter(v -> !v.isEmpty())
                    .forEach(v -> s.add(ContactChannel.valueOf(v.toUpperCase(Locale.ROOT))));
            c = Set.copyOf(s);
            channels = c;
        }
        return c;
    }

    @Override
    public boolean available() {
        return !channels().isEmpty();
    }

    @Override
    public SendResult send(OutgoingMessage message) {
        if (LOG.isLoggable(System.Logger.Level.INFO)) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "message {0} on {1}: {2} characters",
                    message.deliveryId(),
                    message.channel(),
                    message.text().length());
        }
        return SendResult.sent("log-" + message.deliveryId());
    }
}
