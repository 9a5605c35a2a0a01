package jp.kyodo.proposal.api.opendata;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataDocumentation;
import jp.kyodo.platform.opendata.OpenDataExport;
import jp.kyodo.platform.opendata.OpenDataRecords;
import jp.kyodo.platform.opendata.OpenDataRequest;
import jp.kyodo.platform.opendata.OpenDataResponses;
import jp.kyodo.proposal.service.opendata.AdoptedProposalRecord;
import jp.kyodo.proposal.service.opendata.OpenDataQueries;
import jp.kyodo.proposal.service.opendata.ThemeOutcomeRecord;
import jp.kyodo.platform.web.PublicRead;

/** Proposals as open data, for anyone, as JSON or CSV under CC BY 4.0 ({@link OpenDataQueries}). */
@PublicRead
@Path("/api/proposals/open-data")
@Tag(name = OpenDataDocumentation.TAG)
@Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
public class OpenDataResource {

    @Inject
    OpenDataResponses openData;

    @Inject
    OpenDataQueries queries;

    @GET
    @Path("adopted-proposals")
    @Operation(operationId = "exportAdoptedProposals", summary = "Adopted proposals as open data (採択提案の公開データ)",
            description = "Every ADOPTED proposal with its decision, the committee's rationale and the aggregate screening "
                    + "result, ordered by fiscal year and reference number. fiscalYear is the proposal's fiscal year (that "
                    + "of its theme, or of its submission).")
    @OpenDataRecords(AdoptedProposalRecord.class)
    public Response adoptedProposals(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.ADOPTED_PROPOSALS, request, FiscalYear::of, queries::adoptedProposals);
    }

    @GET
    @Path("theme-outcomes")
    @Operation(operationId = "exportThemeOutcomes", summary = "Proposal counts per theme as open data (テーマ別の提案件数)",
            description = "For every published theme, how many proposals were received and how they ended; citizen-initiated "
                    + "proposals, which answer no theme, are counted per fiscal year in a row without theme. Counts only: "
                    + "proposals not adopted are never listed one by one. fiscalYear is the theme's (or the proposals') "
                    + "fiscal year.")
    @OpenDataRecords(ThemeOutcomeRecord.class)
    public Response themeOutcomes(@BeanParam OpenDataRequest request) {
        return openData.answer(OpenDataQueries.THEME_OUTCOMES, request, FiscalYear::of, queries::themeOutcomes);
    }
}
