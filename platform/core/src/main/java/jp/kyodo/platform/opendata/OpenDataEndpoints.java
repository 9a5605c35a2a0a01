package jp.kyodo.platform.opendata;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.RestResponse;

/**
 * What a service's open-data resource is made of: one method per data set, taking an {@link OpenDataRequest} and
 * answering with {@link #answer}; the formats, the licence and the documentation of the answer
 * ({@link OpenDataDocumentation}) are the platform's.
 */
public abstract class OpenDataEndpoints {

    @Inject
    OpenDataResponses responses;

    /** The data set's records that {@code select} reads for the requested fiscal year, in the requested format. */
    protected <R extends Record, Y> RestResponse<OpenDataDocument<R>> answer(OpenDataset<R> dataset,
            OpenDataRequest request, IntFunction<Y> fiscalYear, Function<Y, List<R>> select) {
        return responses.answer(dataset, request, fiscalYear, select);
    }
}
