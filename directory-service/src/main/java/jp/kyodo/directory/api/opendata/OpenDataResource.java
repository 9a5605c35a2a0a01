package jp.kyodo.directory.api.opendata;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import jp.kyodo.directory.service.opendata.OpenDataQueries;
import jp.kyodo.directory.service.opendata.OrganizationRecord;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataEndpoint;

/** The public directory as open data, for anyone: the data set of {@link OpenDataQueries}. */
@Path("/api/directory/open-data")
public class OpenDataResource extends OpenDataEndpoint<FiscalYear> {

    @Inject
    OpenDataResource(OpenDataQueries queries) {
        super(FiscalYear::of, List.of(Source.of(OrganizationRecord.class, queries::organizations)));
    }
}
