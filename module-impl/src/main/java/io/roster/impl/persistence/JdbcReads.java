package io.roster.impl.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import java.sql.Connection;
import java.sql.SQLException;
import org.hibernate.Session;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.transaction.jta.platform.spi.JtaPlatform;
import org.hibernate.jdbc.ReturningWork;

/**
 * Read-only plain-JDBC work for the hottest reads (a timeline page), run as cheaply as the caller's situation allows.
 * Inside a JTA transaction it runs on that transaction's connection after flushing the persistence context, so it sees
 * what the transaction wrote. Outside one it borrows a pooled autocommit connection from Hibernate's own connection
 * provider and returns it, without opening a Hibernate session: for a read of a fraction of a millisecond, creating
 * and closing a session per request was a visible share of the response time.
 *
 * <p>Only Hibernate's service contracts are used ({@link JtaPlatform}, {@link ConnectionProvider}), so this works
 * under any Jakarta EE host's persistence unit as under the standalone server. When the platform cannot tell whether a
 * transaction is active, the work runs through the session as before.
 */
@ApplicationScoped
public class JdbcReads {
    @PersistenceContext
    EntityManager em;

    private volatile Services services;

    private record Services(SessionFactoryImplementor factory, JtaPlatform jta, ConnectionProvider connections) {}

    /**
     * Runs the work and returns its result.
     *
     * @param work statements that only read; they must not change the connection's settings
     * @param what what is read, for the message of a translated {@link SQLException}
     */
    public <T> T read(ReturningWork<T> work, String what) {
        Services s = services();
        if (status(s) != Status.STATUS_NO_TRANSACTION) {
            if (em.isJoinedToTransaction()) {
                em.flush();
            }
            return em.unwrap(Session.class).doReturningWork(work);
        }
        try {
            Connection c = s.connections().getConnection();
            try {
                T result = work.execute(c);
                if (!c.getAutoCommit()) {
                    // a pool configured without autocommit: end the read's transaction before the connection goes back
                    c.rollback();
                }
                return result;
            } finally {
                s.connections().closeConnection(c);
            }
        } catch (SQLException e) {
            throw s.factory().getJdbcServices().getSqlExceptionHelper().convert(e, "could not read " + what);
        }
    }

    private static int status(Services s) {
        try {
            return s.jta().getCurrentStatus();
        } catch (SystemException e) {
            return Status.STATUS_UNKNOWN;
        }
    }

    private Services services() {
        Services s = services;
        if (s == null) {
            SessionFactoryImplementor factory = em.getEntityManagerFactory().unwrap(SessionFactoryImplementor.class);
            s = new Services(
                    factory,
                    factory.getServiceRegistry().requireService(JtaPlatform.class),
                    factory.getServiceRegistry().requireService(ConnectionProvider.class));
            services = s;
        }
        return s;
    }
}
