package jp.kyodo.platform.opendata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record type as the rows of a published data set (公開データ) and says, once, what the data set is: the
 * runtime serves it under its service's {@link OpenDataEndpoint} as {@code …/open-data/{name}}, and
 * {@link OpenDataDocumentation} documents that path as an operation of its own, {@code export} + the name in camel
 * case ({@code agreement-costs} → {@code exportAgreementCosts}). The record's components, in order, are the columns;
 * its class carries their {@code @Schema}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublishedDataset {

    /** The stable name: the last segment of its URL and the stem of its CSV file's name. */
    String name();

    /** The title (名称) that the JSON document carries. */
    String title();

    /** The operation's summary. */
    String summary();

    /** Which records it holds, in which order, and which records {@code fiscalYear} keeps. */
    String description();

    /**
     * List columns whose values may contain any text; in CSV their elements are separated by a line break inside the
     * quoted cell instead of {@value OpenDataExport#LIST_SEPARATOR}.
     */
    String[] multiLineColumns() default {};
}
