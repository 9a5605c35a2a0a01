package jp.kyodo.evaluation.api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.evaluation.domain.EvaluationRound;
import jp.kyodo.evaluation.service.EvaluationReader;
import jp.kyodo.evaluation.service.RoundResult;
import jp.kyodo.platform.pagination.Cursor;
import jp.kyodo.platform.pagination.Page;
import jp.kyodo.platform.pagination.PageRequest;
import jp.kyodo.platform.web.PublicRead;

/** Published evaluation results (評価結果の公表), readable by anyone without login. */
@PublicRead
@Path("/api/evaluations/published")
@Tag(name = "Published evaluations")
public class PublishedEvaluationResource {

    @Inject
    EvaluationReader reader;

    @GET
    @Operation(operationId = "listPublishedEvaluations", summary = "List published evaluation results, newest first (no login needed)",
            description = "A cursor page of published evaluation results, newest first. Readable without login.")
    public Page<RoundResult> published(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        List<EvaluationRound> rows = reader.publishedRounds(Cursor.decode(page.cursor(), 2), page.fetchSize());
        Map<UUID, RoundResult> results = reader.publishedResults(rows.subList(0, Math.min(rows.size(), page.limit())));
        return Page.of(rows, page.limit(), r -> Cursor.after(r.publishedAt.toString(), r.id.toString()),
                r -> results.get(r.id));
    }

    @GET
    @Path("{roundId}")
    @Operation(operationId = "getPublishedEvaluation", summary = "Read a published evaluation result: both tracks per party, divergences, findings, improvements",
            description = "A published result as the public reads it: each party's scores of both tracks side by side, never added up, with the divergences, the agreed findings and improvements and the third-party assessment.")
    public RoundResult result(@PathParam("roundId") UUID roundId) {
        return reader.published(roundId).result();
    }
}
