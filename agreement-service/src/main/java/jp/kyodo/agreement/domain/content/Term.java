package jp.kyodo.agreement.domain.content;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.annotation.JsonIgnore;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.kernel.FiscalYear;

/** The term of the agreement (協定期間), both days included. */
@Schema(name = "AgreementTerm", description = "Term of the agreement (協定期間), both days included")
public record Term(
        @Schema(description = "First day", example = "2027-04-01") @NotNull LocalDate start,
        @Schema(description = "Last day", example = "2028-03-31") @NotNull LocalDate end) {

    @JsonIgnore
    public boolean isOrdered() {
        return start == null || end == null || !end.isBefore(start);
    }

    /** Every fiscal year (年度) the term touches, in order. */
    public List<Integer> fiscalYears() {
        List<Integer> years = new ArrayList<>();
        if (start == null || end == null || !isOrdered()) {
            return years;
        }
        for (FiscalYear y = FiscalYear.containing(start); !y.firstDay().isAfter(end); y = y.next()) {
            years.add(y.year());
        }
        return years;
    }
}
