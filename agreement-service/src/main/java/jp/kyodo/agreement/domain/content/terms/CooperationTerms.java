package jp.kyodo.agreement.domain.content.terms;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.CollaborationForm;

/** Project cooperation (事業協力): goods the city lends or supplies, and how often the partner reports its activity. */
@Schema(name = "CooperationTerms", description = "Terms of a 事業協力 (PROJECT_COOPERATION): goods lent or supplied "
        + "(物品貸与・支給) and the interval of the activity reports")
public record CooperationTerms(
        @Schema(description = "PROJECT_COOPERATION", enumeration = "PROJECT_COOPERATION", required = true) @NotNull
        CollaborationForm form,
        @Schema(description = "Goods lent or supplied", nullable = true)
        @Size(max = 100) List<@Valid @NotNull Goods> goods,
        @Schema(description = "The partner reports its activity every this many months of the term (活動報告の間隔); "
                + "required before the version is frozen", minimum = "1", maximum = "12", nullable = true)
        @Min(1) @Max(12) Integer reportIntervalMonths) implements FormTerms {

    public CooperationTerms {
        goods = goods == null ? List.of() : goods;
    }

    @Override
    public FormTerms withIdsAssigned(Supplier<UUID> ids) {
        return new CooperationTerms(form, goods.stream().map(g -> g.goodsId() == null ? g.withId(ids.get()) : g).toList(),
                reportIntervalMonths);
    }
}
