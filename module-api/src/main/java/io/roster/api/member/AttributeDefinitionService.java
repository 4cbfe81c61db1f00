package io.roster.api.member;

import io.roster.api.common.Page;
import io.roster.api.common.PageRequest;
import java.util.List;

/**
 * Admin-defined custom member attributes. Reading needs {@code MEMBER_READ}; changing needs {@code ATTRIBUTE_ADMIN}
 * and an unrestricted caller, because definitions apply to the whole organisation.
 */
public interface AttributeDefinitionService {

    /**
     * Defines an attribute.
     *
     * @throws io.roster.api.error.ValidationException when the key, labels or options are invalid
     * @throws io.roster.api.error.ConflictException when the key exists ({@code attribute-key-taken})
     */
    AttributeDefinition define(NewAttributeDefinition definition);

    /**
     * Replaces a definition's labels, options and required flag; the key and type cannot change.
     *
     * @throws io.roster.api.error.StaleVersionException when {@code expectedVersion} is not current
     * @throws io.roster.api.error.ValidationException when the key or type would change, or input is invalid
     */
    AttributeDefinition update(String key, Long expectedVersion, NewAttributeDefinition definition);

    /**
     * One definition.
     *
     * @throws io.roster.api.error.NotFoundException when there is no such attribute
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_READ}
     */
    AttributeDefinition get(String key);

    /**
     * Definitions by key.
     *
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_READ}
     */
    Page<AttributeDefinition> list(PageRequest page);

    /**
     * Every definition (there are few: at most 200 may exist).
     *
     * @throws io.roster.api.error.ForbiddenException without {@code MEMBER_READ}
     */
    List<AttributeDefinition> all();
}
