package io.roster.api.member;

/** Orders of a member list. Every order is total (ties broken by id), so cursors are stable. */
public enum MemberSort {
    /** By family name, given name, patronymic. */
    NAME,
    NAME_DESC,
    UPDATED_AT,
    UPDATED_AT_DESC,
    CREATED_AT,
    CREATED_AT_DESC,
    /** Best fuzzy match first; only with a name query. */
    RELEVANCE
}
