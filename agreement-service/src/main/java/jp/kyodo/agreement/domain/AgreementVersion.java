package jp.kyodo.agreement.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A frozen version N of an agreement's content, never changed again, with the SHA-256 of its canonical JSON. */
@Entity
@Table(name = "agreement_version")
public class AgreementVersion extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "agreement_id")
    public UUID agreementId;
    public int number;
    /** Canonical JSON of the content: exactly the bytes that were hashed. */
    public String content;
    @Column(name = "content_sha256")
    public String contentSha256;
    @Column(name = "frozen_at")
    public OffsetDateTime frozenAt;
    @Column(name = "frozen_by")
    public String frozenBy;
    @Column(name = "frozen_for")
    public UUID frozenFor;

    public static Optional<AgreementVersion> of(UUID agreementId, int number) {
        return find("agreementId = ?1 and number = ?2", agreementId, number).firstResultOptional();
    }

    public static List<AgreementVersion> allOf(UUID agreementId) {
        return list("agreementId = ?1 order by number", agreementId);
    }
}
