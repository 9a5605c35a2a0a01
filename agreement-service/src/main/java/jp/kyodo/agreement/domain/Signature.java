package jp.kyodo.agreement.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.directory.readmodel.MemberRole;

/** A party's signature (署名・記名押印) on one frozen version, bound to that version's SHA-256. */
@Entity
@Table(name = "agreement_signature")
public class Signature extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "agreement_id")
    public UUID agreementId;
    @Column(name = "version_number")
    public int versionNumber;
    @Column(name = "organization_id")
    public UUID organizationId;
    /** Subject of the person who signed. */
    public String signer;
    @Enumerated(EnumType.STRING)
    @Column(name = "signer_role")
    public MemberRole signerRole;
    @Column(name = "content_sha256")
    public String contentSha256;
    @Column(name = "signed_at")
    public OffsetDateTime signedAt;
    /** SHA-256 of the PDF revision this signature produced (the signed document up to this signature). */
    @Column(name = "document_sha256")
    public String documentSha256;

    public static List<Signature> on(UUID agreementId, int versionNumber) {
        return list("agreementId = ?1 and versionNumber = ?2 order by signedAt, id", agreementId, versionNumber);
    }

    public static List<Signature> allOf(UUID agreementId) {
        return list("agreementId = ?1 order by versionNumber, signedAt, id", agreementId);
    }
}
