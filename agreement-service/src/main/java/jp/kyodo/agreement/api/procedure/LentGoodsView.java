package jp.kyodo.agreement.api.procedure;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.procedure.CooperationProcedure.GoodsState;
import jp.kyodo.agreement.procedure.LentGoods;
import jp.kyodo.agreement.procedure.ProcedureTrack;

/** Goods lent for a project cooperation and their return. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "LentGoods", description = "Goods lent by the city (貸与物品) and their return")
public record LentGoodsView(
        @Schema(description = "The goods' id in the terms", required = true, format = "uuid") String goodsId,
        @Schema(description = "What (品名)", required = true) String item,
        @Schema(description = "How many", required = true) int quantity,
        @Schema(description = "LENT (貸与中) or RETURNED (返却済)", required = true) GoodsState state,
        @Schema(description = "Lent on", required = true, format = "date") LocalDate lentOn,
        @Schema(description = "To be returned by (返却期限)", required = true, format = "date") LocalDate returnBy,
        @Schema(description = "Returned on", format = "date", nullable = true) LocalDate returnedOn,
        @Schema(description = "Condition on return (返却時の状態)", nullable = true) String condition,
        @Schema(description = "What is expected next, by whom and by when; absent once nothing is", nullable = true)
        TrackViews.Expected expected) {

    public static LentGoodsView of(ProcedureTrack track, LocalDate today) {
        LentGoods g = track.data(LentGoods.class);
        return new LentGoodsView(g.goodsId, g.item, g.quantity, track.state(GoodsState.class), g.lentOn, g.returnBy,
                g.returnedOn, g.condition, TrackViews.Expected.of(track, today));
    }
}
