package io.roster.impl.notification;

import io.roster.api.member.ContactChannel;
import io.roster.api.notification.RenderedMessage;
import io.roster.spi.notification.MessageChannel;
import io.roster.spi.notification.SendResult;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends broadcast deliveries from the outbox ({@code broadcast_delivery}). One step: claim a batch of due deliveries
 * per running broadcast (committed as {@code SENDING} with a lease before any transport call, see
 * {@link DeliveryStore#claim}), reserve throttle slots shared by all instances, send on a few threads, and record each
 * result in its own short transaction.
 *
 * <p>Crash semantics: a delivery whose result was committed is never sent again. A delivery claimed but not recorded
 * (the process died while sending) stays {@code SENDING} until its lease expires and is then claimed and sent again;
 * so if the transport had already accepted it, the member receives it twice — the one window that no outbox can close
 * without the transport's help. Channels get the delivery id as an idempotency key to close it where they can.
 */
@ApplicationScoped
public class BroadcastDispatcher {
    @Inject
    DeliveryStore store;

    @Inject
    MessageChannels channels;

    @Inject
    DefaultTemplateService templates;

    @Inject
    @ConfigProperty(name = "roster.notifications.send-threads", defaultValue = "4")
    int sendThreads;

    @Inject
    @ConfigProperty(name = "roster.notifications.lease", defaultValue = "PT2M")
    Duration lease;

    @Inject
    @ConfigProperty(name = "roster.notifications.retry-base", defaultValue = "PT30S")
    Duration retryBase;

    @Inject
    @ConfigProperty(name = "roster.notifications.retry-max", defaultValue = "PT1H")
    Duration retryMax;

    @Inject
    @ConfigProperty(name = "roster.notifications.quiet-hours", defaultValue = "21:00-09:00")
    String quietHours;

    private volatile ExecutorService pool;
    private final Map<java.util.UUID, long[]> runningSeen = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, TemplateRenderer.Compiled> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    private ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    AtomicInteger n = new AtomicInteger();
                    p = Executors.newFixedThreadPool(Math.max(1, sendThreads), r -> {
                        Thread t = new Thread(r, "roster-notifications-send-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                    pool = p;
                }
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        ExecutorService p = pool;
        if (p != null) {
            p.shutdownNow();
        }
    }

    /** The default quiet hours, {@code HH:mm-HH:mm}. */
    static DeliveryRules.QuietHours parseQuietHours(String value) {
        if (value == null || value.isBlank() || "none".equalsIgnoreCase(value.strip())) {
            return DeliveryRules.QuietHours.NONE;
        }
        String[] parts = value.strip().split("-");
        return new DeliveryRules.QuietHours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
    }

    /**
     * One step over every running broadcast.
     *
     * @param max deliveries to claim per broadcast at most
     * @return how many deliveries were claimed
     */
    public int dispatchDue(int max) {
        store.activateScheduled();
        DeliveryRules.QuietHours defaults = parseQuietHours(quietHours);
        ZoneId zone = templates.zone();
        int total = 0;
        for (DeliveryStore.Active b : store.running(defaults.start(), defaults.end())) {
            DeliveryStore.Claim claim =
                    store.claim(b, claimLimit(b, max), lease, channels::available, r -> render(b, r), zone);
            total += claim.claimed();
            if (claim.claimed() == 0) {
                store.completeIfDone(b.id());
                continue;
            }
            send(b, claim.toSend());
        }
        return total;
    }

    /** Throttled broadcasts claim only a few seconds' worth, so a claim's lease comfortably outlasts its slots. */
    private int claimLimit(DeliveryStore.Active b, int max) {
        double rate = b.rate();
        for (ContactChannel c : b.channels()) {
            double channelMax =
                    channels.forChannel(c).map(MessageChannel::maxPerSecond).orElse(0.0);
            if (channelMax > 0) {
                rate = DeliveryRules.effectiveRate(rate, channelMax);
            }
        }
        if (rate <= 0) {
            return max;
        }
        return (int) Math.max(1, Math.min(max, Math.ceil(rate * 5)));
    }

    private RenderedMessage render(DeliveryStore.Active b, Recipient r) {
        var t = b.template();
        var lang = DefaultTemplateService.chooseLanguage(t.variants(), r.language(), templates.fallback());
        var v = t.variants().get(lang.code());
        Map<String, Object> vars = r.variables(lang);
        String key = t.id() + ":" + t.version() + ":" + lang.code() + ":";
        return new RenderedMessage(
                lang,
                v.subject() == null
                        ? null
                        : compiled(key + "s", v.subject(), false).render(vars),
                compiled(key + "t", v.text(), false).render(vars),
                v.html() == null ? null : compiled(key + "h", v.html(), true).render(vars));
    }

    private TemplateRenderer.Compiled compiled(String key, String source, boolean html) {
        if (compiled.size() > 1000) {
            compiled.clear();
        }
        return compiled.computeIfAbsent(key, k -> TemplateRenderer.compileValid(source, html));
    }

    private void send(DeliveryStore.Active b, List<DeliveryStore.Outgoing> out) {
        Map<ContactChannel, List<DeliveryStore.Outgoing>> byChannel = new LinkedHashMap<>();
        for (DeliveryStore.Outgoing o : out) {
            byChannel
                    .computeIfAbsent(o.message().channel(), k -> new ArrayList<>())
                    .add(o);
        }
        List<Future<?>> running = new ArrayList<>();
        for (Map.Entry<ContactChannel, List<DeliveryStore.Outgoing>> e : byChannel.entrySet()) {
            List<DeliveryStore.Outgoing> list = e.getValue();
            MessageChannel channel = channels.forChannel(e.getKey()).orElse(null);
            if (channel == null) {
                for (DeliveryStore.Outgoing o : list) {
                    result(b, o, SendResult.retry("channel not configured", null), false);
                }
                continue;
            }
            // Two throttles, each shared by every instance: the channel's own limit across all broadcasts, and the
            // broadcast's rate on this channel. A message goes at the later of its two slots.
            double channelRate = channel.maxPerSecond();
            double broadcastRate = b.rate();
            int n = list.size();
            Instant channelFirst = channelRate > 0 ? store.reserve("channel:" + channel.id(), n, channelRate) : null;
            Instant broadcastFirst = broadcastRate > 0
                    ? store.reserve("broadcast:" + b.id() + ":" + e.getKey(), n, broadcastRate)
                    : null;
            for (int i = 0; i < n; i++) {
                DeliveryStore.Outgoing o = list.get(i);
                Instant at = Instant.EPOCH;
                if (channelFirst != null) {
                    at = DeliveryRules.slot(channelFirst, i, channelRate);
                }
                if (broadcastFirst != null) {
                    Instant s = DeliveryRules.slot(broadcastFirst, i, broadcastRate);
                    at = s.isAfter(at) ? s : at;
                }
                Instant when = at;
                running.add(pool().submit(() -> {
                    long wait = Duration.between(Instant.now(), when).toMillis();
                    if (wait > 0) {
                        try {
                            Thread.sleep(wait);
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    // a pause or cancel takes effect within the claimed batch: what is not sent yet goes back
                    if (!stillRunning(b)) {
                        store.release(o);
                        return;
                    }
                    SendResult r;
                    try {
                        r = channel.send(o.message());
                    } catch (RuntimeException ex) {
                        r = SendResult.retry("channel error (" + ex.getClass().getSimpleName() + ")", null);
                    }
                    result(b, o, r, channel.confirmsDelivery());
                }));
            }
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException ee) {
                // a result that could not be recorded stays SENDING and is sent again after its lease
            }
        }
    }

    /** Whether a broadcast still runs, asked of the database at most every 200 ms per broadcast. */
    private boolean stillRunning(DeliveryStore.Active b) {
        long now = System.nanoTime();
        long[] seen = runningSeen.get(b.id());
        if (seen != null && now - seen[0] < 200_000_000L) {
            return seen[1] == 1;
        }
        boolean running = store.running(b.id());
        runningSeen.put(b.id(), new long[] {now, running ? 1 : 0});
        if (runningSeen.size() > 1000) {
            runningSeen.clear();
        }
        return running;
    }

    private void result(DeliveryStore.Active b, DeliveryStore.Outgoing o, SendResult r, boolean confirms) {
        switch (r.status()) {
            case SENT -> store.record(b, o, confirms ? "DELIVERED" : "SENT", r.providerMessageId(), null, null);
            case FAILED -> store.record(b, o, "FAILED", null, r.error(), null);
            case RETRY -> {
                if (o.attempt() >= b.maxAttempts()) {
                    store.record(b, o, "FAILED", null, r.error(), null);
                } else {
                    Duration pause = DeliveryRules.backoff(o.attempt(), retryBase, retryMax, r.retryAfter());
                    store.record(b, o, "QUEUED", null, r.error(), Instant.now().plus(pause));
                }
            }
        }
    }
}
