package jp.kyodo.gateway.tasks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import jp.kyodo.gateway.aggregate.AggregateEndpoint;
import jp.kyodo.gateway.aggregate.ServiceClient;

/** {@code GET /api/me/tasks}: what awaits the caller across the services - see {@link MyTasks}. */
@ApplicationScoped
public class MyTasksRoute {

    public static final String PATH = "/api/me/tasks";

    @Inject
    Vertx vertx;

    @Inject
    ServiceClient services;

    void mount(@Observes Router router) {
        AggregateEndpoint.mount(router, vertx, PATH, services, (ctx, fanout) -> new MyTasks(fanout).answer(ctx));
    }
}
