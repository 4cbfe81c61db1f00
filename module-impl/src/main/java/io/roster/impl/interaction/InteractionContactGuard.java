package io.roster.impl.interaction;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import io.roster.api.interaction.Interaction;
import io.roster.api.interaction.InteractionDraft;
import io.roster.api.interaction.InteractionService;
import io.roster.api.interaction.Revision;
import io.roster.api.security.CallerContext;
import io.roster.api.security.Permission;
import io.roster.impl.member.PhoneNumberSettings;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The number an interaction was made on is a contact detail: callers without
 * {@link Permission#MEMBER_CONTACTS_READ} see it masked, in interactions and in their revisions, as in profiles.
 * Abstract: methods it does not name go to the service unchanged, so the service may grow without touching it.
 */
@Decorator
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public abstract class InteractionContactGuard implements InteractionService {
    @Inject
    @Delegate
    InteractionService delegate;

    @Inject
    CallerContext callers;

    @Inject
    PhoneNumberSettings phones;

    private boolean masked() {
        return !callers.current().has(Permission.MEMBER_CONTACTS_READ);
    }

    private Interaction shown(Interaction i) {
        if (i == null || i.phone() == null || !masked()) {
            return i;
        }
        return new Interaction(
                i.id(),
                i.memberId(),
                i.orgUnitId(),
                i.type(),
                i.direction(),
                i.channel(),
                i.occurredAt(),
                i.durationSeconds(),
                i.subject(),
                i.body(),
                i.outcome(),
                phones.numbers().mask(i.phone()),
                i.eventId(),
                i.campaignId(),
                i.taskId(),
                i.tags(),
                i.source(),
                i.externalRef(),
                i.authorId(),
                i.authorName(),
                i.createdAt(),
                i.updatedAt(),
                i.deletedAt(),
                i.version());
    }

    @Override
    public Logged log(InteractionDraft draft) {
        Logged l = delegate.log(draft);
        // A new interaction holds the number its author just gave; a replay by externalRef may be someone else's.
        return l.created() ? l : new Logged(shown(l.interaction()), false);
    }

    @Override
    public Interaction get(String id) {
        return shown(delegate.get(id));
    }

    @Override
    public Interaction correct(String id, Long expectedVersion, UnaryOperator<InteractionDraft> changes) {
        return shown(delegate.correct(id, expectedVersion, changes));
    }

    @Override
    public Interaction delete(String id, Long expectedVersion) {
        return shown(delegate.delete(id, expectedVersion));
    }

    @Override
    public Page<Revision> revisions(String id, PageRequest page) {
        Page<Revision> p = delegate.revisions(id, page);
        if (!masked()) {
            return p;
        }
        return new Page<>(
                p.items().stream()
                        .map(r -> {
                            Map<String, Object> phone = r.changes().get("phone");
                            if (phone == null) {
                                return r;
                            }
                            Map<String, Map<String, Object>> changes = new LinkedHashMap<>(r.changes());
                            Map<String, Object> hidden = new LinkedHashMap<>();
                            phone.forEach((k, v) -> hidden.put(
                                    k, v instanceof String s ? phones.numbers().mask(s) : v));
                            changes.put("phone", hidden);
                            return new Revision(
                                    r.revision(),
                                    r.changedAt(),
                                    r.changedBy(),
                                    r.changedByName(),
                                    changes,
                                    r.deleted());
                        })
                        .toList(),
                p.nextCursor());
    }

    @Override
    public Page<Interaction> ofMember(String memberId, PageRequest page) {
        Page<Interaction> p = delegate.ofMember(memberId, page);
        if (!masked()) {
            return p;
        }
        return new Page<>(p.items().stream().map(this::shown).toList(), p.nextCursor());
    }
}
