package jp.kyodo.agreement.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The settlement (精算) of one partner's fiscal year: the amount the city confirms against the actual-cost report,
 * what it already paid, and so what remains to be paid or returned.
 */
@Entity
@Table(name = "agreement_settlement")
public class Settlement extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Column(name = "organization_id")
    public UUID organizationId;
    @Column(name = "fiscal_year")
    public int fiscalYear;
    @Column(name = "confirmed_amount_yen")
    public long confirmedAmountYen;
    @Column(name = "already_paid_yen")
    public long alreadyPaidYen;
    @Column(name = "to_pay_yen")
    public long toPayYen;
    @Column(name = "to_return_yen")
    public long toReturnYen;
    public String note;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** What is left once the confirmed amount is set against the payments made: to pay, or to return. */
    public void settle(long confirmed, long alreadyPaid) {
        confirmedAmountYen = confirmed;
        alreadyPaidYen = alreadyPaid;
        toPayYen = Math.max(0, confirmed - alreadyPaid);
        toReturnYen = Math.max(0, alreadyPaid - confirmed);
    }

    public static List<Settlement> allOf(UUID agreementId) {
        return list("agreementId = ?1 order by fiscalYear, organizationId", agreementId);
    }
}
