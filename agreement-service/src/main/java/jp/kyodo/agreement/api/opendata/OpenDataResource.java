package jp.kyodo.agreement.api.opendata;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import jp.kyodo.agreement.service.opendata.AdoptedPlaceRecord;
import jp.kyodo.agreement.service.opendata.AgreementCostRecord;
import jp.kyodo.agreement.service.opendata.AgreementRecord;
import jp.kyodo.agreement.service.opendata.EndorsedEventRecord;
import jp.kyodo.agreement.service.opendata.GrantRecord;
import jp.kyodo.agreement.service.opendata.OpenDataQueries;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.opendata.OpenDataEndpoint;

/** Agreements as open data, for anyone: the data sets of {@link OpenDataQueries}. */
@Path("/api/agreements/open-data")
public class OpenDataResource extends OpenDataEndpoint<FiscalYear> {

    @Inject
    OpenDataResource(OpenDataQueries queries) {
        super(FiscalYear::of, List.of(Source.of(AgreementRecord.class, queries::agreements),
                Source.of(AgreementCostRecord.class, queries::costs),
                Source.of(GrantRecord.class, queries::grants),
                Source.of(EndorsedEventRecord.class, queries::endorsedEvents),
                Source.of(AdoptedPlaceRecord.class, queries::adoptedPlaces)));
    }
}
