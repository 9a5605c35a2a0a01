package jp.kyodo.agreement.api.procedure;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.procedure.AdoptProcedure.SupplyState;
import jp.kyodo.agreement.procedure.ProcedureTrack;
import jp.kyodo.agreement.procedure.SupplyRequest;

/** An adopt group's request for supplies and the department's answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SupplyRequest", description = "A request for supplies (物品支給申請) of an adopt group, and the answer")
public record SupplyRequestView(
        @Schema(description = "Id of the request", required = true, format = "uuid") String requestId,
        @Schema(description = "REQUESTED (申請中), APPROVED (支給決定) or DECLINED (不支給)", required = true) SupplyState state,
        @Schema(description = "What is requested", required = true) List<SupplyItemView> items,
        @Schema(description = "Day of the request", required = true, format = "date") LocalDate requestedOn,
        @Schema(description = "Needed by", format = "date", nullable = true) LocalDate neededBy,
        @Schema(description = "The group's note", nullable = true) String note,
        @Schema(description = "Day of the answer", format = "date", nullable = true) LocalDate decidedOn,
        @Schema(description = "The department's answer", nullable = true) String answer,
        @Schema(description = "What is expected next, by whom and by when; absent once nothing is", nullable = true)
        TrackViews.Expected expected) {

    /** One item requested. */
    @Schema(name = "SupplyItem", description = "An item requested (品名と数量)")
    public record SupplyItemView(@Schema(description = "What, e.g. ごみ袋", required = true) String item,
            @Schema(description = "How many", required = true) int quantity) {
    }

    public static SupplyRequestView of(ProcedureTrack track, LocalDate today) {
        SupplyRequest r = track.data(SupplyRequest.class);
        return new SupplyRequestView(r.requestId, track.state(SupplyState.class),
                r.items.stream().map(i -> new SupplyItemView(i.item(), i.quantity())).toList(), r.requestedOn, r.neededBy,
                r.note, r.decidedOn, r.answer, TrackViews.Expected.of(track, today));
    }
}
