package jp.kyodo.platform.opendata;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The record type of a published data set's export operation: its answer is documented once, by
 * {@link OpenDataDocumentation}, as an {@link OpenDataDocument} of these records in JSON and as their CSV rows.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OpenDataRecords {

    /** The row type, a record whose class carries its {@code @Schema}. */
    Class<? extends Record> value();
}
