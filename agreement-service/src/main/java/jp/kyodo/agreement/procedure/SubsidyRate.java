package jp.kyodo.agreement.procedure;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.Yen;

/** A subsidy rate (補助率) as the city writes it: 1/2, 2/3, 10/10. */
@Schema(name = "SubsidyRate", description = "Subsidy rate (補助率) as a fraction, e.g. 1/2 or 2/3")
public record SubsidyRate(
        @Schema(description = "Numerator", minimum = "1", maximum = "100", required = true) @NotNull @Min(1) @Max(100)
        Integer numerator,
        @Schema(description = "Denominator; the rate is at most 1", minimum = "1", maximum = "100", required = true)
        @NotNull @Min(1) @Max(100) Integer denominator) {

    @JsonIgnore
    public boolean isAtMostWhole() {
        return numerator != null && denominator != null && numerator <= denominator;
    }

    /** The amount times the rate, rounded down to the yen. */
    public Yen of(Yen amount) {
        return Yen.of(Math.multiplyExact(amount.amount(), (long) numerator) / denominator);
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
