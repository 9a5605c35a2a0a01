package jp.kyodo.notification.domain;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A submitted proposal's title and proposers, so that its decision can be told to them. */
@Entity
@Table(name = "known_proposal")
public class KnownProposal extends PanacheEntityBase {

    @Id
    public UUID id;
    public String title;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public UUID[] proposerIds;
    public UUID departmentId;
}
