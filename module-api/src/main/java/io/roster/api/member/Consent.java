package io.roster.api.member;

import java.time.Instant;

/**
 * A person's consent (or its withdrawal) to be contacted over one channel, with its evidence. Every change is kept
 * in the consent history.
 *
 * @param channel the channel
 * @param granted {@code true} when consent is given, {@code false} when withdrawn or refused; required
 * @param source where it was obtained, e.g. {@code paper form}, {@code website}, {@code telegram}
 * @param evidence what proves it, e.g. a form number or the text the person agreed to
 * @param recordedAt when it was given; {@code null} on input means now; not in the future
 */
public record Consent(ContactChannel channel, Boolean granted, String source, String evidence, Instant recordedAt) {}
