package jp.kyodo.directory.domain;

import java.util.List;
import java.util.Map;

import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;

/** The directory's own kinds of problem, next to the rules that raise them. */
public final class DirectoryProblems {

    public static final ProblemType ELIGIBILITY_INCOMPLETE = ProblemType.of("eligibility-incomplete", 409,
            "The eligibility requirements are not all met", "提案者の要件を満たしていない項目があります");
    public static final ProblemType DUPLICATE_CORPORATE_NUMBER = ProblemType.of("duplicate-corporate-number", 409,
            "An organisation with this corporate number is already registered", "この法人番号の団体は既に登録されています");
    public static final ProblemType ALREADY_MEMBER = ProblemType.of("already-member", 409,
            "This person is already a member", "この人は既にメンバーです");
    public static final ProblemType REPRESENTATIVE_EXISTS = ProblemType.of("representative-exists", 409,
            "The organisation already has a representative", "この団体には既に代表者がいます");
    public static final ProblemType TALENT_ENTRY_EXISTS = ProblemType.of("talent-entry-exists", 409,
            "You already have a talent-bank entry", "人材バンクに既に登録されています");

    private DirectoryProblems() {
    }

    public static ProblemException eligibilityIncomplete(List<EligibilityRequirement> unmet) {
        return new ProblemException(ELIGIBILITY_INCOMPLETE,
                LocalizedText.of("Record every requirement as satisfied before verifying; unmet: " + unmet + ".",
                        "確認前にすべての要件を満たしたことを記録してください。未充足: " + unmet),
                List.of(), Map.of("unmetRequirements", unmet.stream().map(Enum::name).toList()));
    }

    public static ProblemException duplicateCorporateNumber() {
        return new ProblemException(DUPLICATE_CORPORATE_NUMBER,
                LocalizedText.of("Another organisation is registered with this corporate number (法人番号).",
                        "同じ法人番号で別の団体が登録されています。"));
    }

    public static ProblemException alreadyMember() {
        return new ProblemException(ALREADY_MEMBER, LocalizedText.of(
                "This subject is already a member; remove them first to give another role.",
                "既にメンバーです。役割を変える場合は一度削除してください。"));
    }

    public static ProblemException representativeExists() {
        return new ProblemException(REPRESENTATIVE_EXISTS, LocalizedText.of(
                "There is a representative already; change the representative instead.",
                "代表者が既にいます。代表者の変更を行ってください。"));
    }

    public static ProblemException organizationNotFound() {
        return ProblemException.notFound("No such organisation.", "団体が見つかりません。");
    }
}
