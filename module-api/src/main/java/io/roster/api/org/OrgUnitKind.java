package io.roster.api.org;

/** The level an org unit stands for. The tree may nest kinds at any depth. */
public enum OrgUnitKind {
    NATIONAL,
    REGION,
    DISTRICT,
    BRANCH,
    CELL,
    OTHER
}
