package jp.kyodo.agreement.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementState;
import jp.kyodo.agreement.domain.AmendmentState;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.Signature;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.directory.readmodel.ActorType;

@Schema(name = "Agreement", description = "A collaboration agreement (協働契約・協定書) with its version in force and pending version")
public record AgreementView(
        @Schema(description = "Id") UUID id,
        @Schema(description = "The adopted proposal it came from; absent when opened by staff", nullable = true) UUID proposalId,
        @Schema(description = "Title (事業名)") String title,
        @Schema(description = "State: DRAFT (協議中), AWAITING_SIGNATURES (署名待ち), ACTIVE (締結済み), COMPLETED (完了), "
                + "TERMINATED (解除)") AgreementState state,
        @Schema(description = "Amendment (変更協定) in progress on an ACTIVE agreement", nullable = true) AmendmentState amendmentState,
        @Schema(description = "Why the amendment was opened", nullable = true) String amendmentReason,
        @Schema(description = "The signed version in force (効力のある版)", nullable = true) Integer versionInForce,
        @Schema(description = "The version awaiting signatures", nullable = true) Integer pendingVersion,
        @Schema(description = "The last frozen version") int latestVersion,
        @Schema(description = "Parties of the working copy") List<PartyRef> parties,
        @Schema(description = "Signatures on the pending version") List<SignatureView> signaturesOnPendingVersion,
        @Schema(description = "Parties yet to sign the pending version") List<UUID> awaitingSignatureFrom,
        @Schema(description = "Date by which the parties are asked to sign the pending version (Asia/Tokyo; a day the city "
                + "office is open)", format = "date", nullable = true) LocalDate signaturesDueOn,
        @Schema(description = "Reason of completion or termination", nullable = true) String endReason,
        @Schema(description = "When it was completed or terminated", nullable = true) OffsetDateTime endedAt,
        @Schema(description = "When it was opened") OffsetDateTime createdAt,
        @Schema(description = "When it last changed") OffsetDateTime updatedAt,
        @Schema(description = "Version for If-Match (also the ETag)") long version) {

    @Schema(name = "AgreementPartyRef", description = "A party as the directory names it")
    public record PartyRef(@Schema(description = "The party's organisation in the directory") UUID organizationId,
            @Schema(description = "Its name (団体名)", nullable = true) String name,
            @Schema(description = "Kind of actor (協働の主体の種類)", nullable = true) ActorType actorType) {
    }

    public static AgreementView of(Agreement a) {
        AgreementContent content = CanonicalJson.read(a.workingCopy);
        List<Signature> pending = a.pendingVersion == null ? List.of() : Signature.on(a.id, a.pendingVersion);
        Set<UUID> signed = pending.stream().map(s -> s.organizationId).collect(Collectors.toSet());
        return new AgreementView(a.id, a.proposalId, a.title, a.state, a.amendmentState, a.amendmentReason,
                a.versionInForce, a.pendingVersion, a.latestVersion,
                content.parties().stream().map(p -> new PartyRef(p.organizationId(), p.name(), p.actorType())).toList(),
                pending.stream().map(SignatureView::of).toList(),
                a.pendingVersion == null ? List.of()
                        : content.partyIds().stream().filter(p -> !signed.contains(p)).toList(),
                a.signaturesDueOn, a.endReason, a.endedAt, a.createdAt, a.updatedAt, a.version);
    }
}
