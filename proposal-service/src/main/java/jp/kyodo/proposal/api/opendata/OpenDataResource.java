package jp.kyodo.proposal.api.opendata;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataEndpoint;
import jp.kyodo.proposal.service.opendata.AdoptedProposalRecord;
import jp.kyodo.proposal.service.opendata.CommentResultQueries;
import jp.kyodo.proposal.service.opendata.CommentResultQueries.CommentResultRecord;
import jp.kyodo.proposal.service.opendata.OpenDataQueries;
import jp.kyodo.proposal.service.opendata.ThemeOutcomeRecord;

/**
 * Proposals and the results of public comment as open data, for anyone: the data sets of {@link OpenDataQueries} and
 * {@link CommentResultQueries}.
 */
@Path("/api/proposals/open-data")
public class OpenDataResource extends OpenDataEndpoint<FiscalYear> {

    @Inject
    OpenDataResource(OpenDataQueries queries, CommentResultQueries results) {
        super(FiscalYear::of, List.of(Source.of(AdoptedProposalRecord.class, queries::adoptedProposals),
                Source.of(ThemeOutcomeRecord.class, queries::themeOutcomes),
                Source.of(CommentResultRecord.class, results::published)));
    }
}
