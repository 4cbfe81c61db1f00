package io.roster.web.rest.member;

import io.roster.api.member.ContactChannel;
import io.roster.api.member.MemberSort;
import io.roster.api.member.MemberStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Body of {@code POST /member-searches}: the same search as {@code GET /members}, for callers who must keep names,
 * phones and e-mails out of URLs (and so out of proxy and access logs).
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
        Boolean includeArchived,
        MemberSort sort,
        Integer limit,
        String cursor) {}
