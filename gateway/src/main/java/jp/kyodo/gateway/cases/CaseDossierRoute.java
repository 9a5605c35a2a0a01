package jp.kyodo.gateway.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jp.kyodo.gateway.aggregate.AggregateEndpoint;
import jp.kyodo.gateway.aggregate.ServiceClient;

/** {@code GET /api/cases/{proposalId}}: the case dossier (案件の一覧) - see {@link CaseDossier}. */
@ApplicationScoped
public class CaseDossierRoute {

    public static final String PATH = "/api/cases/:proposalId";

    @Inject
    Vertx vertx;

    @Inject
    ServiceClient services;

    void mount(@Observes Router router) {
        AggregateEndpoint.mount(router, vertx, PATH, services, (ctx, fanout) -> new CaseDossier(fanout).answer(ctx));
    }
}
