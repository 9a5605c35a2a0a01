package jp.kyodo.agreement.service;

import java.util.UUID;

import jakarta.persistence.LockModeType;

import jp.kyodo.agreement.domain.Agreement;
import jp.kyodo.agreement.domain.AgreementVersion;
import jp.kyodo.agreement.domain.CanonicalJson;
import jp.kyodo.agreement.domain.content.AgreementContent;
import jp.kyodo.platform.problem.ProblemException;

/** Finding agreements and their versions, with the 404s people read. */
public final class Agreements {

    private Agreements() {
    }

    public static Agreement find(UUID id) {
        Agreement agreement = Agreement.findById(id);
        if (agreement == null) {
            throw notFound();
        }
        return agreement;
    }

    /** The agreement locked for a change that must see every earlier change (signatures arrive concurrently). */
    public static Agreement lock(UUID id) {
        Agreement agreement = Agreement.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (agreement == null) {
            throw notFound();
        }
        return agreement;
    }

    public static AgreementVersion version(UUID agreementId, int number) {
        return AgreementVersion.of(agreementId, number).orElseThrow(() -> ProblemException.notFound(
                "No version " + number + " of this agreement.", "この協定に第" + number + "版はありません。"));
    }

    public static AgreementContent workingCopy(Agreement agreement) {
        return CanonicalJson.read(agreement.workingCopy);
    }

    /** The content of the version in force; 409 when nothing is in force yet. */
    public static AgreementContent inForce(Agreement agreement) {
        if (agreement.versionInForce == null) {
            throw ProblemException.conflict("No version of this agreement is in force.", "この協定には効力のある版がありません。");
        }
        return CanonicalJson.read(version(agreement.id, agreement.versionInForce).content);
    }

    /**
     * The content naming the parties as the agreement stands: the version awaiting signatures, else the version in
     * force, else the working copy.
     */
    public static AgreementContent current(Agreement agreement) {
        if (agreement.pendingVersion != null) {
            return CanonicalJson.read(version(agreement.id, agreement.pendingVersion).content);
        }
        if (agreement.versionInForce != null) {
            return inForce(agreement);
        }
        return workingCopy(agreement);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such agreement.", "協定が見つかりません。");
    }
}
