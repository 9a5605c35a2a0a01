package jp.kyodo.platform.opendata;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * What a request for a published data set asks, the same for every data set of every service
 * ({@code @BeanParam OpenDataRequest request}): the fiscal year to keep and the format. Both are typed, so a value that
 * does not convert is a 400 naming the parameter (platform query-parameter converters).
 */
public class OpenDataRequest {

    @QueryParam("fiscalYear")
    @Parameter(description = "Keeps the records of this fiscal year (年度), e.g. 2027; every year when absent. What a "
            + "record's fiscal year is, each data set says.", schema = @Schema(ref = "FiscalYear"))
    Integer fiscalYear;

    @QueryParam("format")
    @Parameter(description = "csv or json; overrides Accept",
            schema = @Schema(type = SchemaType.STRING, enumeration = { "csv", "json" }))
    OpenDataExport.Format format;

    @Context
    HttpHeaders headers;
}
