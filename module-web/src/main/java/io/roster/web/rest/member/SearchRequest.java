package io.roster.web.rest.member;

import io.roster.api.member.ContactChannel;
import io.roster.api.member.MemberStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Body of {@code POST /member-searches}: the same search as {@code GET /members}, for callers who must keep names,
 * phones and e-mails out of URLs (and so out of proxy and access logs). {@code sort} takes the same values as the
 * query parameter: {@code name}, {@code -name}, {@code updatedAt}, {@code -updatedAt}, {@code createdAt},
 * {@code -createdAt}, {@code relevance}.
 */
public record SearchRequest(
        String q,
        String orgUnitId,
        Set<MemberStatus> statuses,
        Set<String> tags,
        Integer supportLevelMin,
        Integer supportLevelMax,
        ContactChannel consent,
        Instant updatedSince,
        Integer notContactedForDays,
        io.roster.api.interaction.Outcome lastOutcome,
        String attendedEventId,
        Boolean includeArchived,
        String sort,
        Integer limit,
        String cursor) {}
