package jp.kyodo.platform.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jp.kyodo.platform.opendata.OpenDataExport;
import jp.kyodo.platform.opendata.OpenDataRequest;
import jp.kyodo.platform.opendata.OpenDataResponses;
import jp.kyodo.platform.opendata.OpenDataset;

/** A published data set of sample rows whose texts and types exercise the CSV writer, filtered by year. */
@Path("/api/widgets/open-data")
@Produces({ MediaType.APPLICATION_JSON, OpenDataExport.TEXT_CSV })
public class WidgetOpenDataResource {

    @Inject
    OpenDataResponses openData;

    public static final UUID FIRST = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    public static final UUID SECOND = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    public static final String TRICKY_NAME = "みどり,の森 \"里山\"";
    public static final String TWO_LINES = "公園の清掃。\n毎月第2土曜日";

    public record WidgetRow(UUID widgetId, int year, String name, Widget.Colour colour, List<Widget.Colour> colours,
            List<String> notes, BigDecimal ratio, LocalDate madeOn, OffsetDateTime checkedAt, Long weight) {
    }

    public static final OpenDataset<WidgetRow> WIDGETS = OpenDataset.of("widgets", "部品の公開情報", WidgetRow.class,
            "notes");

    static final List<WidgetRow> ROWS = List.of(
            new WidgetRow(FIRST, 2027, TRICKY_NAME, Widget.Colour.RED, List.of(Widget.Colour.RED, Widget.Colour.BLUE),
                    List.of("一行目; まだ一行目", TWO_LINES), new BigDecimal("1E+2"), LocalDate.of(2027, 4, 1),
                    OffsetDateTime.parse("2027-04-01T09:00:00+09:00"), null),
            new WidgetRow(SECOND, 2028, "普通の部品", Widget.Colour.BLUE, List.of(), List.of(), null, null, null, 5L));

    @GET
    @Path("widgets")
    public Response widgets(@BeanParam OpenDataRequest request) {
        return openData.answer(WIDGETS, request, year -> {
            if (year < 2000) {
                throw new IllegalArgumentException("too early");
            }
            return year;
        }, year -> ROWS.stream().filter(r -> year == null || r.year() == year).toList());
    }

    /** A row type that is not public: the CSV writer reads it from another package all the same. */
    record HiddenRow(String text, List<Integer> years) {
    }

    static final OpenDataset<HiddenRow> HIDDEN = OpenDataset.of("hidden-rows", "非公開の型", HiddenRow.class);

    @GET
    @Path("hidden-rows")
    public Response hiddenRows(@BeanParam OpenDataRequest request) {
        return openData.answer(HIDDEN, request, year -> year, year -> List.of(new HiddenRow("a\"b", List.of(2027, 2028))));
    }
}
