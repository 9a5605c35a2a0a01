package jp.kyodo.agreement.domain.content.terms;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An item the city lends (貸与: returned by a date) or supplies (支給: kept) for the cooperation. */
@Schema(name = "CooperationGoods", description = "Goods lent or supplied by the city (物品貸与・支給)")
public record Goods(
        @Schema(description = "Id of the item; assigned by the service when absent", format = "uuid", nullable = true)
        UUID goodsId,
        @Schema(description = "What (品名)", maxLength = 200, required = true) @NotBlank @Size(max = 200) String item,
        @Schema(description = "How many (数量)", minimum = "1", maximum = "100000", required = true) @NotNull @Min(1)
        @Max(100_000) Integer quantity,
        @Schema(description = "LENT (貸与: to be returned) or SUPPLIED (支給)", required = true) @NotNull Provision provision,
        @Schema(description = "Handed over on (貸与日・支給日)", format = "date", required = true) @NotNull LocalDate lentOn,
        @Schema(description = "For goods lent: to be returned by (返却期限)", format = "date", nullable = true)
        LocalDate returnBy) {

    /** Whether the goods go back to the city. */
    public enum Provision {
        LENT, SUPPLIED
    }

    Goods withId(UUID id) {
        return new Goods(id, item, quantity, provision, lentOn, returnBy);
    }
}
