package jp.kyodo.proposal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.proposal.domain.ReferenceNumber;

/**
 * Hands out reference numbers without gaps: the counter row of the fiscal year is incremented in the submitting
 * transaction, so concurrent submissions queue on its row lock and a rolled-back submission returns its number.
 */
@ApplicationScoped
public class ReferenceNumberAllocator {

    private static final String NEXT = """
            insert into reference_number_counter (fiscal_year, last_number) values (?, 1)
            on conflict (fiscal_year) do update set last_number = reference_number_counter.last_number + 1
            returning last_number
            """;

    @Inject
    DataSource dataSource;

    @Transactional(Transactional.TxType.MANDATORY)
    public ReferenceNumber next(FiscalYear fiscalYear) {
        try (Connection c = dataSource.getConnection(); PreparedStatement next = c.prepareStatement(NEXT)) {
            next.setInt(1, fiscalYear.year());
            try (ResultSet rs = next.executeQuery()) {
                rs.next();
                return new ReferenceNumber(fiscalYear, rs.getInt(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not allocate a reference number", e);
        }
    }
}
