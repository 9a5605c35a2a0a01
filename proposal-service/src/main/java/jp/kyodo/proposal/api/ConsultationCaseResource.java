package jp.kyodo.proposal.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.security.Caller;
import jp.kyodo.platform.security.Roles;
import jp.kyodo.proposal.domain.ProposalStatus;
import jp.kyodo.proposal.service.ConsultationCaseSearch;

@Path("/api/proposals/consultation-cases")
@Tag(name = "Consultation cases", description = "Consultation cases (相談案件): proposals that did not lead to collaboration")
public class ConsultationCaseResource {

    @Inject
    ConsultationCaseSearch search;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Search consultation cases by text (Japanese, no spaces needed; full- and half-width alike), field, fiscal year and outcome; staff and coordinators")
    public Page<ConsultationCaseSearch.Found> search(@QueryParam("q") String text,
            @QueryParam("field") FieldOfActivity field, @QueryParam("fiscalYear") FiscalYear fiscalYear,
            @QueryParam("outcome") ProposalStatus outcome, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        caller.requireAnyRole(Roles.CITY_STAFF, Roles.COORDINATOR, Roles.ADMIN);
        if (outcome != null && !outcome.endsAsConsultationCase()) {
            throw ProblemException.invalidField("outcome", "One of NOT_ADOPTED, WITHDRAWN, NOT_PURSUED.",
                    "NOT_ADOPTED, WITHDRAWN, NOT_PURSUED のいずれかを指定してください。");
        }
        if (text != null && text.length() > 200) {
            throw ProblemException.invalidField("q", "At most 200 characters.", "200文字以内で指定してください。");
        }
        PageRequest page = PageRequest.of(cursor, limit);
        Cursor after = Cursor.decode(page.cursor(), 2);
        return Page.of(search.search(new ConsultationCaseSearch.Query(text, field,
                fiscalYear == null ? null : fiscalYear.year(), outcome), after,
                page.fetchSize()), page.limit(), ConsultationCaseSearch::cursorOf, f -> f);
    }
}
