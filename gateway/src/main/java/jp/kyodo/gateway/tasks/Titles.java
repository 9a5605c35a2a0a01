package jp.kyodo.gateway.tasks;

import jp.kyodo.gateway.api.Language;

/** Task titles in the caller's language; names and titles are quoted as the services give them. */
final class Titles {

    private final boolean ja;

    Titles(Language language) {
        this.ja = language == Language.JA;
    }

    String finishDraft(String proposal) {
        return ja ? "提案「" + proposal + "」の下書きを仕上げて提出する"
                : "Finish and submit the draft proposal “" + proposal + "”";
    }

    String reviseInConsultation(String proposal) {
        return ja ? "提案「" + proposal + "」を所管課との協議を踏まえて改訂する"
                : "Revise the proposal “" + proposal + "” in consultation with the department";
    }

    String score(String proposal) {
        return ja ? "提案「" + proposal + "」を採点する" : "Score the proposal “" + proposal + "”";
    }

    String sign(String agreement, int version, String party) {
        return ja ? "協定「" + agreement + "」第" + version + "版に" + party + "として署名する"
                : "Sign version " + version + " of the agreement “" + agreement + "” for " + party;
    }

    String selfAssess(String plan, String roundKind, int fiscalYear, String party) {
        boolean interim = "INTERIM".equals(roundKind);
        if (ja) {
            return "「" + plan + "」の" + (interim ? "中間評価" : "事後評価") + "（" + fiscalYear + "年度）の自己評価を" + party
                    + "として提出する";
        }
        return "Submit " + party + "’s self-assessment for the " + (interim ? "interim" : "final") + " evaluation of “"
                + plan + "” (fiscal year " + fiscalYear + ")";
    }

    String costReport(String agreement, int fiscalYear, String party) {
        return ja ? "協定「" + agreement + "」の" + fiscalYear + "年度の実績報告を" + party + "として提出する"
                : "File " + party + "’s actual-cost report for fiscal year " + fiscalYear + " of “" + agreement + "”";
    }

    String overdue(String milestone, String agreement, long daysOverdue, boolean reflection) {
        if (ja) {
            return "協定「" + agreement + "」の" + (reflection ? "振り返り" : "工程") + "「" + milestone + "」が期限を"
                    + daysOverdue + "日過ぎています";
        }
        return (reflection ? "Reflection point" : "Milestone") + " “" + milestone + "” of “" + agreement + "” is "
                + daysOverdue + (daysOverdue == 1 ? " day" : " days") + " overdue";
    }
}
