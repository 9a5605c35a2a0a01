package jp.kyodo.proposal.domain.publiccomment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kyodo.platform.problem.FieldError;

/**
 * The rules of a comment period and of its result. A period runs at least the minimum number of days (30 by
 * default, as 行政手続法 第39条 sets for national 意見公募 and cities copy): shorter only with the reason stated
 * (やむを得ない理由, 第40条). The published result covers every comment received, each in exactly one group.
 */
public final class CommentPeriodRules {

    private CommentPeriodRules() {
    }

    public static List<FieldError> periodProblems(LocalDate opensOn, LocalDate closesOn, String shortPeriodReason,
            int minimumDays, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (opensOn.isBefore(today)) {
            errors.add(FieldError.of("opensOn", "The period cannot start in the past.", "開始日が過去の日付です。"));
        }
        if (closesOn.isBefore(opensOn)) {
            errors.add(FieldError.of("closesOn", "The period ends before it starts.", "終了日が開始日より前です。"));
            return errors;
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(opensOn, closesOn) + 1;
        boolean reasoned = shortPeriodReason != null && !shortPeriodReason.isBlank();
        if (days < minimumDays && !reasoned) {
            errors.add(FieldError.of("shortPeriodReason", "The period is " + days + " days, less than the minimum of "
                    + minimumDays + ": state the reason.", "意見提出期間が " + days + " 日で、" + minimumDays
                    + " 日未満です。理由を記載してください。"));
        }
        if (days >= minimumDays && reasoned) {
            errors.add(FieldError.of("shortPeriodReason", "Only a period shorter than " + minimumDays
                    + " days states a reason.", minimumDays + " 日以上の期間には理由は不要です。"));
        }
        return errors;
    }

    /** Every comment (by receipt number 1..received) in exactly one group; no group refers to a comment that is not. */
    public static List<FieldError> resultProblems(List<OpinionGroup> groups, int received) {
        List<FieldError> errors = new ArrayList<>();
        Map<Integer, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> numbers = groups.get(g).receiptNumbers();
            for (int i = 0; i < numbers.size(); i++) {
                int n = numbers.get(i);
                String field = "groups[" + g + "].receiptNumbers[" + i + "]";
                if (n < 1 || n > received) {
                    errors.add(FieldError.of(field, "No comment has receipt number " + n + ".",
                            "受付番号 " + n + " の意見はありません。"));
                } else if (groupOf.putIfAbsent(n, g) != null) {
                    errors.add(FieldError.of(field, "Comment " + n + " is in two groups.",
                            "受付番号 " + n + " の意見が複数の項目にあります。"));
                }
            }
        }
        return errors;
    }

    /** Receipt numbers no group covers yet: publishing needs none. */
    public static List<Integer> uncovered(List<OpinionGroup> groups, int received) {
        List<Integer> missing = new ArrayList<>();
        for (int n = 1; n <= received; n++) {
            final int number = n;
            if (groups.stream().noneMatch(g -> g.receiptNumbers().contains(number))) {
                missing.add(n);
            }
        }
        return missing;
    }
}
