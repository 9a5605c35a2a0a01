package jp.kyodo.agreement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import jp.kyodo.agreement.procedure.Procedures;

/** The procedures of the eight forms with the configured periods, one instance for the service. */
@ApplicationScoped
public class ProcedureCatalogue {

    @Produces
    @ApplicationScoped
    Procedures procedures(ProcedureConfig config) {
        return new Procedures(config.settings());
    }
}
