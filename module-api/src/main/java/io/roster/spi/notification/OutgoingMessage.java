package io.roster.spi.notification;

import io.roster.api.common.Language;
import io.roster.api.member.ContactChannel;
import java.util.List;

/**
 * One rendered message on its way to one member.
 *
 * @param deliveryId the delivery's stable id (UUID): the same on every retry of this message, an idempotency key
 * @param memberId the recipient member, or {@code null} for a Telegram chat not linked to a member (bot replies)
 * @param channel the contact channel it goes out on
 * @param address where to: a Telegram chat id, an e-mail address, a phone number in E.164
 * @param language the language it was rendered in
 * @param subject the subject line (e-mail), or {@code null}
 * @param text the plain-text body; always present
 * @param html an HTML body (e-mail), already escaped by the template engine, or {@code null}
 * @param buttons inline buttons under the message (Telegram), possibly empty; other channels ignore them
 */
public record OutgoingMessage(
        String deliveryId,
        String memberId,
        ContactChannel channel,
        String address,
        Language language,
        String subject,
        String text,
        String html,
        List<MessageButton> buttons) {

    public OutgoingMessage {
        buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }
}
