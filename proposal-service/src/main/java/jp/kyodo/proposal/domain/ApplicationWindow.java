package jp.kyodo.proposal.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import jp.kyodo.kernel.FiscalYear;

/** The period in which a theme accepts proposals (募集期間): open from {@code opensAt} until before {@code closesAt}. */
@Embeddable
public class ApplicationWindow {

    @Column(name = "opens_at")
    public Instant opensAt;
    @Column(name = "closes_at")
    public Instant closesAt;

    protected ApplicationWindow() {
    }

    public ApplicationWindow(Instant opensAt, Instant closesAt) {
        this.opensAt = opensAt;
        this.closesAt = closesAt;
    }

    public boolean isOpenAt(Instant moment) {
        return !moment.isBefore(opensAt) && moment.isBefore(closesAt);
    }

    public boolean hasClosedBy(Instant moment) {
        return !moment.isBefore(closesAt);
    }

    /** The first day of the window as the city counts days (Asia/Tokyo). */
    public LocalDate opensOn() {
        return LocalDate.ofInstant(opensAt, FiscalYear.CITY_ZONE);
    }

    /** The last day on which a proposal is still accepted (Asia/Tokyo). */
    public LocalDate closesOn() {
        return LocalDate.ofInstant(closesAt.minusNanos(1), FiscalYear.CITY_ZONE);
    }
}
