package io.roster.api.security;

/** What a caller may do. Roles and API keys are sets of these. */
public enum Permission {
    /** Read org units in scope. */
    ORG_READ,
    /** Create, rename and move org units in scope. */
    ORG_WRITE,
    /** Read member profiles in scope. */
    MEMBER_READ,
    /** Create, change and archive member profiles in scope. */
    MEMBER_WRITE,
    /** See contact details (phones, e-mails, addresses, Telegram) unmasked. */
    MEMBER_CONTACTS_READ,
    /** Merge duplicate member profiles. */
    MEMBER_MERGE,
    /** Define custom member attributes. */
    ATTRIBUTE_ADMIN,
    /** Create, list and revoke API keys. */
    API_KEY_ADMIN,
    /** Log and correct interactions of members in scope. */
    INTERACTION_WRITE,
    /** See deleted interactions; define interaction types. */
    INTERACTION_ADMIN,
    /** Create events and mark registrations and attendance. */
    EVENT_WRITE,
    /** Read the audit trail and verify its hash chain. */
    AUDIT_READ,
    /** Manage webhook subscriptions, read their delivery log, redeliver. */
    WEBHOOK_ADMIN,
    /** Read pipelines, cards in scope, boards and pipeline metrics. */
    TASK_READ,
    /** Create, change, move and comment on cards in scope. */
    TASK_WRITE,
    /** Move a card into a stage that has reached its WIP limit. */
    TASK_WIP_OVERRIDE,
    /** Define pipelines (stages, rules, automations) and org-unit coordinators. */
    PIPELINE_ADMIN,
    /** Read message templates, segments, broadcasts and their deliveries in scope. */
    NOTIFICATION_READ,
    /** Create broadcasts and start, pause, resume and cancel them. */
    NOTIFICATION_SEND,
    /** Create, change and delete message templates. */
    TEMPLATE_WRITE,
    /** Create, change and delete segments (saved member filters). */
    SEGMENT_WRITE,
    /** Read knowledge-base entries in scope and the bot's question statistics. */
    KNOWLEDGE_BASE_READ,
    /** Create, change and delete knowledge-base entries in scope. */
    KNOWLEDGE_BASE_WRITE;
}
