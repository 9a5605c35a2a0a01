package jp.kyodo.platform.db;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A read request (GET, HEAD) loads its entities read-only and never flushes. Outside a transaction - where every
 * read of the services runs - Hibernate otherwise keeps a snapshot of each loaded entity to detect changes, which for
 * an entity with a JSON document (a proposal's content, an agreement's working copy) means copying the document
 * through a serialisation round trip, and checks them before each query, only to discard everything at the end of
 * the request. A read that runs in its own transaction is not affected.
 */
public class ReadOnlyReads {

    @Inject
    Session session;

    @ServerRequestFilter
    public void loadReadOnly(ContainerRequestContext request) {
        String method = request.getMethod();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(FlushMode.MANUAL);
        }
    }
}
