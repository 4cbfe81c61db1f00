package io.roster.web.rest.member;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.roster.api.common.Language;
import io.roster.api.member.MemberSummary;

/** A member list row as JSON: the summary's fields plus {@code displayName} in the caller's language. */
public record MemberSummaryView(@JsonUnwrapped MemberSummary member, String displayName) {
    public static MemberSummaryView of(MemberSummary m, Language language) {
        return new MemberSummaryView(m, m.displayName(language));
    }
}
