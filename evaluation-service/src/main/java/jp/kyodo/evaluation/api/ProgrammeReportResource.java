package jp.kyodo.evaluation.api;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.kyodo.evaluation.service.programme.ProgrammeReport;
import jp.kyodo.evaluation.service.programme.ProgrammeReportHtml;
import jp.kyodo.evaluation.service.programme.ProgrammeReportRows;
import jp.kyodo.evaluation.service.programme.ProgrammeReportService;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataExport;
import jp.kyodo.platform.problem.ProblemException;

@Path("/api/evaluations/programme-report")
@Tag(name = "Programme report", description = "The programme report (協働推進の年次報告) for the ordinance review")
public class ProgrammeReportResource {

    static final String TEXT_HTML_UTF8 = "text/html; charset=UTF-8";

    @Inject
    ProgrammeReportService reports;

    @ConfigProperty(name = OpenDataExport.PUBLISHER_PROPERTY, defaultValue = "kyodo")
    String publisher;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV, MediaType.TEXT_HTML })
    @Operation(operationId = "getProgrammeReport", summary = "The programme report of a fiscal year (年次報告)",
            description = "Anonymous, CC BY 4.0. Per fiscal year (the one asked for and the two before it): the desk's "
                    + "consultations, proposals received and adopted by origin, field, form, actor type and department, "
                    + "days from submission to decision and from adoption to agreement, agreements and money by form, "
                    + "evaluation results per track (published rounds), public comments. Cells of fewer than 3 cases "
                    + "are hidden. JSON by default; CSV (UTF-8 with BOM) with Accept: text/csv or ?format=csv; an HTML "
                    + "document with SVG charts with Accept: text/html or ?format=html.")
    @APIResponse(responseCode = "200", description = "The report; licence in the Link and X-License headers",
            // Only the CSV carries a tag (a digest of its rows, as every open data set), so it is not always sent.
            headers = @Header(name = "ETag", description = "With CSV: a digest of the rows; If-None-Match with it "
                    + "answers 304 while the figures are unchanged", schema = @Schema(type = SchemaType.STRING)),
            content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeReport.class)),
            @Content(mediaType = OpenDataExport.TEXT_CSV, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)) })
    public Response report(
            @Parameter(description = "Fiscal year (年度), e.g. 2027; default the current one")
            @QueryParam("fiscalYear") FiscalYear fiscalYear,
            @Parameter(description = "json, csv or html; overrides Accept",
                    schema = @Schema(enumeration = { "json", "csv", "html" })) @QueryParam("format") String format,
            @Context HttpHeaders headers) {
        FiscalYear year = fiscalYear == null ? FiscalYear.current() : fiscalYear;
        boolean html = wantsHtml(format, headers);
        OpenDataExport.Format data = html ? null : OpenDataExport.negotiate(format == null || format.isBlank() ? null
                : OpenDataExport.Format.valueOf(format.trim().toUpperCase(Locale.ROOT)), headers);
        ProgrammeReport report = reports.report(year);
        if (html) {
            return Response.ok(ProgrammeReportHtml.render(report), TEXT_HTML_UTF8)
                    .header("Link", "<" + OpenDataExport.LICENCE_URL + ">; rel=\"license\"")
                    .header(OpenDataExport.LICENCE_HEADER, OpenDataExport.LICENCE_ID)
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
        }
        if (data == OpenDataExport.Format.CSV) {
            return OpenDataExport.respond(ProgrammeReportRows.DATASET, ProgrammeReportRows.of(report), year.year(),
                    data, publisher);
        }
        return Response.ok(report, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Link", "<" + OpenDataExport.LICENCE_URL + ">; rel=\"license\"")
                .header(OpenDataExport.LICENCE_HEADER, OpenDataExport.LICENCE_ID)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /** ?format=html, or text/html preferred over JSON and CSV in Accept (as a browser asks). */
    private static boolean wantsHtml(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            String chosen = format.trim().toLowerCase(Locale.ROOT);
            if (!chosen.equals("html") && !chosen.equals("csv") && !chosen.equals("json")) {
                throw ProblemException.invalidField("format", "Must be json, csv or html.",
                        "json・csv・html のいずれかを指定してください。");
            }
            return chosen.equals("html");
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
                return true;
            }
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                    || "csv".equalsIgnoreCase(type.getSubtype())) {
                return false;
            }
        }
        return false;
    }
}
