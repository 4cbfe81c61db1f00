package io.roster.web.rest.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.api.error.NotFoundException;
import io.roster.api.interaction.Direction;
import io.roster.api.interaction.InteractionChannel;
import io.roster.api.interaction.InteractionDraft;
import io.roster.api.interaction.InteractionService;
import io.roster.api.interaction.InteractionSource;
import io.roster.api.security.Caller;
import io.roster.api.security.CallerContext;
import io.roster.api.security.CallerKind;
import io.roster.api.security.Permission;
import io.roster.api.security.Source;
import io.roster.api.timeline.TimelineEntry;
import io.roster.api.timeline.TimelineQuery;
import io.roster.api.timeline.TimelineService;
import io.roster.web.testing.Api;
import io.roster.web.testing.Deployments;
import io.roster.web.testing.Fixtures;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.net.URL;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The timeline read as a Java host calls it (in the container, not over HTTP): inside the host's JTA transaction it
 * sees what that transaction wrote and not yet committed, and it leaves the transaction usable when it refuses; outside
 * one it reads committed entries on a connection of its own.
 */
@ExtendWith(ArquillianExtension.class)
public class TimelineInTransactionTest {
    @Deployment
    static WebArchive deployment() {
        return Deployments.roster().addClasses(TimelineInTransactionTest.class, Api.class, Fixtures.class);
    }

    @ArquillianResource
    URL url;

    @Inject
    TimelineService timeline;

    @Inject
    InteractionService interactions;

    @Inject
    CallerContext callers;

    @Inject
    UserTransaction tx;

    private static final Caller ADMIN = new Caller(
            "timeline-in-transaction-test",
            CallerKind.SYSTEM,
            "test",
            EnumSet.allOf(Permission.class),
            Set.of(),
            true,
            Source.API);

    @Test
    void insideTheHostsTransactionThePageSeesItsUncommittedWritesAndAfterRollbackTheyAreGone() throws Exception {
        Api api = Api.admin(url);
        String unit = Fixtures.root(api, "Транзакция " + Fixtures.unique("R"))
                .get("id")
                .asText();
        String member = Fixtures.member(
                        api, Fixtures.person(unit, "Олеся", "Ігорівна", "Ґонта-" + Fixtures.unique("m")))
                .get("id")
                .asText();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);

        String logged = callers.runAs(ADMIN, () -> {
            try {
                tx.begin();
                try {
                    String id = interactions
                            .log(new InteractionDraft(
                                    member,
                                    null,
                                    "CALL",
                                    Direction.OUTBOUND,
                                    InteractionChannel.PHONE,
                                    at,
                                    60,
                                    "Звонок в транзакции",
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    Set.of(),
                                    InteractionSource.API,
                                    null,
                                    false))
                            .interaction()
                            .id();
                    List<TimelineEntry> seen = page(member);
                    assertTrue(
                            seen.stream().anyMatch(e -> id.equals(e.refId())),
                            "the page inside the transaction shows its uncommitted interaction: " + seen);
                    assertThrows(NotFoundException.class, () -> page("00000000-0000-7000-8000-000000000000"));
                    assertEquals(
                            Status.STATUS_ACTIVE,
                            tx.getStatus(),
                            "a refused page does not mark the caller's transaction for rollback");
                    return id;
                } finally {
                    tx.rollback();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        List<TimelineEntry> after = callers.runAs(ADMIN, () -> page(member));
        assertTrue(
                after.stream().noneMatch(e -> logged.equals(e.refId())),
                "outside the transaction, after its rollback, the interaction is not on the page: " + after);
        assertEquals(Status.STATUS_NO_TRANSACTION, tx.getStatus());
    }

    private List<TimelineEntry> page(String member) {
        return timeline.page(new TimelineQuery(member, null, null, null, null, null, null))
                .items();
    }
}
