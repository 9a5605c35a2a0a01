package jp.kyodo.platform.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.platform.opendata.OpenDataEndpoint;
import jp.kyodo.platform.opendata.PublishedDataset;

/** Published data sets of sample rows whose texts and types exercise the CSV writer, filtered by year. */
@Path("/api/widgets/open-data")
public class WidgetOpenDataResource extends OpenDataEndpoint<Integer> {

    public static final UUID FIRST = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    public static final UUID SECOND = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    public static final String TRICKY_NAME = "みどり,の森 \"里山\"";
    public static final String TWO_LINES = "公園の清掃。\n毎月第2土曜日";

    @PublishedDataset(name = "widgets", title = "部品の公開情報", summary = "Widgets as open data",
            description = "Every widget. fiscalYear keeps that year's widgets.", multiLineColumns = "notes")
    @Schema(name = "OpenDataWidget")
    public record WidgetRow(UUID widgetId, int year, String name, Widget.Colour colour, List<Widget.Colour> colours,
            List<String> notes, BigDecimal ratio, LocalDate madeOn, OffsetDateTime checkedAt, Long weight) {
    }

    static final List<WidgetRow> ROWS = List.of(
            new WidgetRow(FIRST, 2027, TRICKY_NAME, Widget.Colour.RED, List.of(Widget.Colour.RED, Widget.Colour.BLUE),
                    List.of("一行目; まだ一行目", TWO_LINES), new BigDecimal("1E+2"), LocalDate.of(2027, 4, 1),
                    OffsetDateTime.parse("2027-04-01T09:00:00+09:00"), null),
            new WidgetRow(SECOND, 2028, "普通の部品", Widget.Colour.BLUE, List.of(), List.of(), null, null, null, 5L));

    /** A row type that is not public: the CSV writer reads it from another package all the same. */
    @PublishedDataset(name = "hidden-rows", title = "非公開の型", summary = "Rows of a type that is not public",
            description = "One row, whatever the year.")
    @Schema(name = "OpenDataHiddenRow")
    record HiddenRow(String text, List<Integer> years) {
    }

    WidgetOpenDataResource() {
        super(WidgetOpenDataResource::fiscalYear, List.of(
                Source.of(WidgetRow.class,
                        year -> ROWS.stream().filter(r -> year == null || r.year() == year).toList()),
                Source.of(HiddenRow.class, year -> List.of(new HiddenRow("a\"b", List.of(2027, 2028))))));
    }

    private static Integer fiscalYear(int year) {
        if (year < 2000) {
            throw new IllegalArgumentException("too early");
        }
        return year;
    }
}
