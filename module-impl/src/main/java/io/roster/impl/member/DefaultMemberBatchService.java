package io.roster.impl.member;

import io.roster.api.error.FieldError;
import io.roster.api.error.ValidationException;
import io.roster.api.member.Member;
import io.roster.api.member.MemberBatchService;
import io.roster.api.member.MemberService;
import io.roster.api.member.MemberTagBatch;
import io.roster.api.member.TaggedMember;
import io.roster.api.security.Permission;
import io.roster.impl.common.Ids;
import io.roster.impl.security.Access;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Bulk tagging. Every member is checked first with one query (in scope, not archived, not merged), so all problems
 * are reported at once and nothing is changed; then each member is changed through {@link MemberService#update},
 * so the profile rules, the audit trail and the change events are exactly those of a single change.
 */
@ApplicationScoped
public class DefaultMemberBatchService implements MemberBatchService {
    @Inject
    MemberService members;

    @Inject
    Access access;

    @PersistenceContext
    EntityManager em;

    @Override
    @Transactional
    public List<TaggedMember> tag(MemberTagBatch batch) {
        access.require(Permission.MEMBER_WRITE);
        access.require(Permission.MEMBER_READ);
        List<FieldError> errors = new ArrayList<>();
        List<String> ids = batch.memberIds() == null ? List.of() : batch.memberIds();
        List<String> add = batch.add() == null ? List.of() : batch.add();
        List<String> remove = batch.remove() == null ? List.of() : batch.remove();
        if (ids.isEmpty()) {
            errors.add(new FieldError("memberIds", "required", "name at least one member"));
        } else if (ids.size() > MemberTagBatch.MAX_MEMBERS) {
            errors.add(new FieldError(
                    "memberIds", "too-many", "at most " + MemberTagBatch.MAX_MEMBERS + " members per batch"));
        }
        if (add.isEmpty() && remove.isEmpty()) {
            errors.add(new FieldError("add", "required", "name a tag to add or to remove"));
        }
        checkTags(errors, "add", add);
        checkTags(errors, "remove", remove);
        if (ids.size() <= MemberTagBatch.MAX_MEMBERS) {
            checkMembers(errors, ids);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<TaggedMember> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            Member m = members.update(id, null, d -> {
                Set<String> tags = new LinkedHashSet<>(d.tags() == null ? Set.of() : d.tags());
                tags.addAll(add);
                remove.forEach(tags::remove);
                return d.toBuilder().tags(tags).build();
            });
            out.add(new TaggedMember(m.id(), m.tags(), m.version()));
        }
        return out;
    }

    private static void checkTags(List<FieldError> errors, String path, List<String> tags) {
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (tag == null
                    || tag.isBlank()
                    || tag.codePointCount(0, tag.length()) > MemberRules.MAX_TAG_LENGTH
                    || tag.codePoints().anyMatch(Character::isISOControl)) {
                errors.add(new FieldError(
                        path + "[" + i + "]",
                        "invalid",
                        "each tag is 1-" + MemberRules.MAX_TAG_LENGTH + " characters without control characters"));
            }
        }
    }

    /** One query for all members: those not found in scope are unknown, whatever the reason. */
    private void checkMembers(List<FieldError> errors, List<String> ids) {
        Map<UUID, Integer> first = new HashMap<>();
        List<UUID> parsed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Optional<UUID> id = ids.get(i) == null ? Optional.empty() : Ids.parse(ids.get(i));
            if (id.isEmpty()) {
                errors.add(unknown(i));
            } else if (first.putIfAbsent(id.get(), i) != null) {
                errors.add(new FieldError("memberIds[" + i + "]", "duplicate", "the member is named twice"));
            } else {
                parsed.add(id.get());
            }
        }
        if (parsed.isEmpty()) {
            return;
        }
        Access.Scope scope = access.scope();
        StringBuilder sql = new StringBuilder("select m.id, m.archived_at is not null, m.merged_into_id is not null"
                + " from member m where m.id = any(cast(?1 as uuid[]))");
        if (!scope.unrestricted()) {
            sql.append(" and m.org_unit_id in (select u.id from org_unit u where u.path <@ cast(?2 as ltree[]))");
        }
        Query q = em.createNativeQuery(sql.toString());
        q.setParameter(
                1, "{" + String.join(",", parsed.stream().map(UUID::toString).toList()) + "}");
        if (!scope.unrestricted()) {
            q.setParameter(2, scope.pathsLiteral());
        }
        Set<UUID> found = new HashSet<>();
        for (Object row : q.getResultList()) {
            Object[] r = (Object[]) row;
            UUID id = (UUID) r[0];
            found.add(id);
            int i = first.get(id);
            if ((Boolean) r[2]) {
                errors.add(
                        new FieldError("memberIds[" + i + "]", "member-merged", "the member was merged into another"));
            } else if ((Boolean) r[1]) {
                errors.add(new FieldError("memberIds[" + i + "]", "member-archived", "the member is archived"));
            }
        }
        for (UUID id : parsed) {
            if (!found.contains(id)) {
                errors.add(unknown(first.get(id)));
            }
        }
    }

    private static FieldError unknown(int i) {
        return new FieldError("memberIds[" + i + "]", "unknown-member", "no such member in your scope");
    }
}
