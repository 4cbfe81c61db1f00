package io.roster.api.member;

import java.util.List;

/** Changes applied to many members in one transaction, all or nothing. */
public interface MemberBatchService {
    /**
     * Adds and removes tags on every listed member, as a profile change of each (history, audit trail, webhooks as
     * for {@link MemberService#update}), in one transaction: either every member is changed or none is.
     *
     * @return each member's tags and version after the change, in request order
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_WRITE} and {@code MEMBER_READ}
     * @throws io.roster.api.error.ValidationException listing every problem at once: {@code memberIds}
     *     ({@code required}, {@code too-many}), {@code memberIds[i]} ({@code unknown-member} for an unknown,
     *     malformed or out-of-scope id, {@code duplicate}, {@code member-archived}, {@code member-merged}),
     *     {@code add} ({@code required} when neither list names a tag), {@code add[i]} / {@code remove[i]}
     *     ({@code invalid}: blank, longer than 64 characters or with control characters)
     */
    List<TaggedMember> tag(MemberTagBatch batch);
}
