package io.roster.impl.notification;

import io.roster.api.common.Language;
import io.roster.api.member.ContactChannel;
import io.roster.api.member.MemberNames;
import io.roster.api.member.MemberStatus;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the dispatcher knows about one recipient at send time: the profile values templates may use, and the facts
 * that decide whether and where to send (status, consents, do-not-contact, addresses, time zone).
 *
 * @param email the first working e-mail address, or {@code null}
 * @param phone the first working phone number (E.164), or {@code null}
 * @param telegramChatId the linked Telegram chat, or {@code null}
 * @param zone the time zone of the member's unit (inherited), for quiet hours
 */
public record Recipient(
        UUID memberId,
        String givenName,
        String patronymic,
        String familyName,
        Language language,
        MemberStatus status,
        String membershipNumber,
        String orgUnitName,
        boolean archived,
        boolean merged,
        Set<ContactChannel> doNotContact,
        Set<ContactChannel> consents,
        String email,
        String phone,
        Long telegramChatId,
        ZoneId zone) {

    /** The address on a channel, or {@code null} when there is none. */
    public String address(ContactChannel channel) {
        return switch (channel) {
            case TELEGRAM -> telegramChatId == null ? null : telegramChatId.toString();
            case EMAIL -> email;
            case SMS -> phone;
            default -> null;
        };
    }

    /** The template variables (see {@code TemplateService.VARIABLES}), rendered in {@code lang}. */
    public Map<String, Object> variables(Language lang) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("givenName", givenName);
        v.put("patronymic", patronymic);
        v.put("familyName", familyName);
        v.put("displayName", MemberNames.display(givenName, patronymic, familyName, lang));
        v.put("orgUnitName", orgUnitName);
        v.put("membershipNumber", membershipNumber);
        v.put("status", status == null ? null : status.name());
        return v;
    }
}
