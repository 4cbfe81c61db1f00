package io.roster.api.notification;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Message templates. Reading needs {@code NOTIFICATION_READ}, writing {@code TEMPLATE_WRITE}; a template belongs to an
 * org unit and is visible to callers whose scope contains that unit.
 */
public interface TemplateService {

    /** The variables a template may use, filled from the member's profile. */
    List<String> VARIABLES = List.of(
            "givenName", "patronymic", "familyName", "displayName", "orgUnitName", "membershipNumber", "status");

    /**
     * Creates a template after compiling every variant.
     *
     * @throws io.roster.api.error.ValidationException for a missing field, an unknown language, a template that does
     *     not compile or uses a variable outside {@link #VARIABLES} (field path e.g. {@code variants.ru.text})
     * @throws io.roster.api.error.ConflictException when the unit already has a template of that name
     * @throws io.roster.api.error.NotFoundException when the unit is unknown or outside scope
     */
    NotificationTemplate create(TemplateDraft draft);

    /**
     * One template.
     *
     * @throws io.roster.api.error.NotFoundException when unknown, deleted or outside scope
     */
    NotificationTemplate get(String id);

    /** Templates in scope, newest first. */
    Page<NotificationTemplate> list(PageRequest page);

    /**
     * Changes a template; validated like {@link #create}.
     *
     * @param expectedVersion the version the caller saw, or {@code null}
     * @throws io.roster.api.error.StaleVersionException when {@code expectedVersion} is not current
     */
    NotificationTemplate update(String id, Long expectedVersion, UnaryOperator<TemplateDraft> changes);

    /**
     * Deletes a template; broadcasts that used it keep their rendered history.
     *
     * @throws io.roster.api.error.NotFoundException when unknown or outside scope
     */
    void delete(String id);

    /**
     * Renders a template for a member as a broadcast would, without sending anything.
     *
     * @throws io.roster.api.error.NotFoundException when the template or the member is unknown or outside scope
     */
    RenderedMessage preview(String id, String memberId);
}
