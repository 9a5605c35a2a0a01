package jp.kyodo.platform.opendata;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A published data set (公開データ): its stable name, its title, and the record type whose components, in order, are
 * its columns (in CSV the header, in JSON the properties of each record).
 *
 * @param multiLineColumns list columns whose values may contain any text; in CSV their elements are separated by a
 *                         line break inside the quoted cell instead of {@value OpenDataExport#LIST_SEPARATOR}
 */
public record OpenDataset<R extends Record>(String name, String title, Class<R> rowType, Set<String> multiLineColumns) {

    public OpenDataset {
        for (String column : multiLineColumns) {
            if (Arrays.stream(rowType.getRecordComponents()).noneMatch(c -> c.getName().equals(column))) {
                throw new IllegalArgumentException(rowType.getSimpleName() + " has no column " + column);
            }
        }
    }

    public static <R extends Record> OpenDataset<R> of(String name, String title, Class<R> rowType,
            String... multiLineColumns) {
        return new OpenDataset<>(name, title, rowType, Set.of(multiLineColumns));
    }

    /** The data set a record type declares with {@link PublishedDataset}. */
    public static <R extends Record> OpenDataset<R> of(Class<R> rowType) {
        PublishedDataset published = rowType.getAnnotation(PublishedDataset.class);
        if (published == null) {
            throw new IllegalArgumentException(rowType.getName() + " carries no @PublishedDataset");
        }
        return of(published.name(), published.title(), rowType, published.multiLineColumns());
    }

    /** The column names, in their documented order. */
    public List<String> columns() {
        return Arrays.stream(rowType.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
