package io.roster.impl.member;

import io.roster.api.member.AttributeConflictRule;
import io.roster.api.member.Member;
import io.roster.api.member.MemberDraft;
import io.roster.api.member.MemberService;
import io.roster.api.security.Caller;
import io.roster.api.security.CallerContext;
import io.roster.api.security.Permission;
import io.roster.impl.audit.AuditLog;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.function.UnaryOperator;

/**
 * Contact details leave the member service only as the caller may see them: masked without
 * {@link Permission#MEMBER_CONTACTS_READ}, and otherwise recorded in the audit trail as a read of that member's contact
 * details. A decorator, so every way into {@link MemberService} (REST, the bot, a Java host) gets the same answer and
 * the service's own rules stay about members. Abstract: methods it does not name (lists carry no contact details) go
 * to the service unchanged.
 */
@Decorator
@Priority(Interceptor.Priority.LIBRARY_BEFORE)
public abstract class MemberContactGuard implements MemberService {
    @Inject
    @Delegate
    MemberService delegate;

    @Inject
    CallerContext callers;

    @Inject
    AuditLog audit;

    @Inject
    PhoneNumberSettings phones;

    @Override
    public Member create(MemberDraft draft, boolean allowDuplicates) {
        // The new profile holds only what its creator just gave: nothing is disclosed, so nothing is masked or
        // recorded as read.
        return delegate.create(draft, allowDuplicates);
    }

    @Override
    public Member get(String id) {
        return disclose(delegate.get(id));
    }

    @Override
    public Member update(String id, Long expectedVersion, UnaryOperator<MemberDraft> changes) {
        return disclose(delegate.update(id, expectedVersion, changes));
    }

    @Override
    public Member archive(String id, Long expectedVersion) {
        return disclose(delegate.archive(id, expectedVersion));
    }

    @Override
    public Member merge(String targetId, String sourceId, AttributeConflictRule rule, Long expectedTargetVersion) {
        return disclose(delegate.merge(targetId, sourceId, rule, expectedTargetVersion));
    }

    private Member disclose(Member member) {
        Caller caller = callers.current();
        if (!ContactMasking.hasContactDetails(member)) {
            return member;
        }
        if (!caller.has(Permission.MEMBER_CONTACTS_READ)) {
            return ContactMasking.mask(member, phones.numbers());
        }
        audit.recordContactRead(member.id(), member.orgUnitId());
        return member;
    }
}
