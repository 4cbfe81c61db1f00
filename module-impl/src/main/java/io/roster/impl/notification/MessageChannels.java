package io.roster.impl.notification;

import io.roster.api.member.ContactChannel;
import io.roster.spi.notification.MessageChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The message channels found as CDI beans; for each contact channel the available one with the highest priority. */
@ApplicationScoped
public class MessageChannels {
    @Inject
    @Any
    Instance<MessageChannel> beans;

    private volatile List<MessageChannel> all;

    private List<MessageChannel> all() {
        List<MessageChannel> a = all;
        if (a == null) {
            a = beans.stream()
                    .sorted(Comparator.comparingInt(MessageChannel::priority).reversed())
                    .toList();
            all = a;
        }
        return a;
    }

    /** The transport for a contact channel now, if one is available. */
    public Optional<MessageChannel> forChannel(ContactChannel channel) {
        for (MessageChannel c : all()) {
            if (c.channels().contains(channel) && c.available()) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Whether some transport can send on a contact channel now. */
    public boolean available(ContactChannel channel) {
        return forChannel(channel).isPresent();
    }
}
