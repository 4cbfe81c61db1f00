package io.roster.web.rest.member;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.roster.api.common.Language;
import io.roster.api.member.Member;

/**
 * A member as JSON: the profile's fields plus {@code displayName} in the caller's language.
 */
public record MemberView(@JsonUnwrapped Member member, String displayName) {
    public static MemberView of(Member m, Language language) {
        return new MemberView(m, m.displayName(language));
    }
}
