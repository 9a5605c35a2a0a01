package jp.kyodo.proposal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import jp.kyodo.directory.readmodel.DirectoryReadModel;
import jp.kyodo.kernel.FiscalYear;
import jp.kyodo.platform.audit.AuditRecord;
import jp.kyodo.platform.audit.AuditTrail;
import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;
import jp.kyodo.platform.problem.ProblemType;
import jp.kyodo.platform.security.Roles;
import jp.kyodo.platform.web.IfMatch;
import jp.kyodo.proposal.domain.ConflictOfInterestPolicy;
import jp.kyodo.proposal.domain.CriteriaWeights;
import jp.kyodo.proposal.domain.CriterionScore;
import jp.kyodo.proposal.domain.DecisionOutcome;
import jp.kyodo.proposal.domain.Proposal;
import jp.kyodo.proposal.domain.ProposalStatus;
import jp.kyodo.proposal.domain.ReviewerScore;
import jp.kyodo.proposal.domain.Screening;
import jp.kyodo.proposal.domain.ScreeningCriterion;
import jp.kyodo.proposal.domain.ScreeningResult;
import jp.kyodo.proposal.domain.SealedScores;
import jp.kyodo.proposal.domain.Theme;
import jp.kyodo.proposal.domain.committee.Committee;
import jp.kyodo.proposal.domain.committee.CommitteeMeeting;
import jp.kyodo.proposal.domain.committee.CommitteeMember;
import jp.kyodo.proposal.domain.committee.ConflictDeclaration;
import jp.kyodo.proposal.domain.committee.MeetingStatus;
import jp.kyodo.proposal.domain.committee.Quorum;
import jp.kyodo.proposal.events.ProposalEvents;

/** Screening (審査) by a committee, the reviewers' sealed scores, the ranking and the decision (採択・不採択). */
@ApplicationScoped
public class ScreeningService {

    public static final ProblemType QUORUM_NOT_MET = ProblemType.of("quorum-not-met", 409,
            "The meeting does not meet the committee's quorum", "会議が定足数に達していません");

    /** One row of a theme's ranking. */
    public record RankedProposal(int rank, Proposal proposal, ScreeningResult result) {
    }

    @Inject
    ProposalAccess access;

    @Inject
    ProposalService proposals;

    @Inject
    DirectoryReadModel directory;

    @Inject
    AuditTrail audit;

    @Inject
    ProposalEvents events;

    @Inject
    ProposalTaskFacts taskFacts;

    @Transactional
    public Screening open(UUID id, IfMatch ifMatch, UUID actingFor, List<String> reviewers, UUID committeeId,
            Integer round, Map<ScreeningCriterion, Integer> weights) {
        // The shape of the request first, as bean validation would check it.
        boolean named = reviewers != null && !reviewers.isEmpty();
        if (named == (committeeId != null)) {
            throw ProblemException.invalidField(named ? "committeeId" : "reviewers",
                    "Name the reviewers or a committee to draw them from, not both.",
                    "審査員か、審査員を選ぶ委員会のどちらか一方を指定してください。");
        }
        Proposal proposal = Proposal.require(id);
        proposals.requireDepartmentOf(proposal, actingFor);
        ifMatch.requireCurrent(proposal.version);
        if (!proposal.status.canMoveTo(ProposalStatus.UNDER_SCREENING)) {
            proposal.moveTo(ProposalStatus.UNDER_SCREENING);
        }
        if (committeeId != null) {
            Committee drawnFrom = Committee.findById(committeeId);
            if (drawnFrom == null) {
                throw ProblemException.invalidField("committeeId", "No such committee.", "委員会が見つかりません。");
            }
            reviewers = drawnFrom.membersInOffice(LocalDate.now(FiscalYear.CITY_ZONE)).stream()
                    .map(CommitteeMember::subject).toList();
            if (reviewers.isEmpty()) {
                throw ProblemException.invalidField("committeeId", "The committee has no member in office today.",
                        "本日在任する委員がいません。");
            }
        }
        Set<String> committee = new LinkedHashSet<>(reviewers);
        if (committee.size() != reviewers.size()) {
            throw ProblemException.invalidField("reviewers", "A reviewer is named twice.", "審査員が重複しています。");
        }
        Map<ScreeningCriterion, Integer> criteriaWeights;
        if (proposal.themeId != null) {
            if (weights != null) {
                throw ProblemException.invalidField("criteriaWeights",
                        "A theme response is screened with the theme's weights.",
                        "テーマへの提案はテーマの重みで審査します。");
            }
            criteriaWeights = Theme.require(proposal.themeId).criteriaWeights;
        } else {
            criteriaWeights = CriteriaWeights.of(weights, "criteriaWeights");
        }
        ProposalStatus from = proposal.moveTo(ProposalStatus.UNDER_SCREENING);
        proposal.flush();
        Screening screening = new Screening();
        screening.proposalId = proposal.id;
        screening.themeId = proposal.themeId;
        screening.round = round == null ? 1 : round;
        screening.reviewers = List.copyOf(committee);
        screening.criteriaWeights = criteriaWeights;
        screening.openedBy = access.subject();
        screening.openedAt = Instant.now();
        screening.committeeId = committeeId;
        screening.persist();
        audit.record(AuditRecord.of("Proposal", id, proposal.version, "screening-opened")
                .transition(from, proposal.status)
                .actingFor(actingFor).details(Map.of("round", screening.round, "committeeSize", committee.size())));
        taskFacts.screeningOpened(proposal, screening);
        events.screeningOpened(proposal, screening);
        return screening;
    }

    /** A reviewer of the committee submits their scores, once; a conflict of interest is refused with its reason. */
    @Transactional
    public ReviewerScore submitScores(UUID id, List<CriterionScore> scores) {
        String reviewer = access.subject();
        if (!access.hasRole(Roles.REVIEWER)) {
            throw ProblemException.forbidden("Only reviewers score proposals.", "審査員のみが採点できます。");
        }
        Proposal proposal = Proposal.requireForUpdate(id);
        Screening screening = Screening.findById(id);
        // Who may score comes first: a reviewer off the committee learns nothing of the proposal's state.
        if (screening == null || !screening.hasReviewer(reviewer)) {
            throw ProblemException.forbidden("You are not on this proposal's screening committee.",
                    "この提案の審査委員ではありません。");
        }
        ConflictOfInterestPolicy.requireNone(directory.organizationsOf(reviewer),
                proposal.content.proposingOrganizationIds(), proposersInSameTheme(proposal),
                ConflictDeclaration.declared(id, reviewer));
        if (proposal.status != ProposalStatus.UNDER_SCREENING) {
            throw ProblemException.conflict("The proposal is not under screening.", "この提案は審査中ではありません。");
        }
        if (ReviewerScore.submitted(id, reviewer)) {
            throw ProblemException.conflict("You have already submitted your scores.", "採点は提出済みです。");
        }
        requireEveryCriterionOnce(scores);
        ReviewerScore submitted = new ReviewerScore();
        submitted.id = UUID.randomUUID();
        submitted.proposalId = id;
        submitted.reviewer = reviewer;
        submitted.scores = scores.stream().sorted(Comparator.comparing(CriterionScore::criterion)).toList();
        submitted.submittedAt = Instant.now();
        submitted.persist();
        proposal.countChange();
        audit.record(AuditRecord.of("Proposal", id, proposal.version, "scores-submitted")
                .details(Map.of("round", screening.round)));
        events.scoresSubmitted(proposal, screening, (int) ReviewerScore.count("proposalId", id), submitted.submittedAt);
        taskFacts.scored(screening, reviewer);
        return submitted;
    }

    /** The scores the caller may see: sealed for a reviewer who has not submitted yet. */
    public List<ReviewerScore> scoresVisibleToCaller(UUID id) {
        Proposal proposal = Proposal.require(id);
        Screening screening = Screening.findById(id);
        boolean secretariat = access.hasRole(Roles.CITY_STAFF) || access.hasRole(Roles.ADMIN);
        access.subject();
        boolean reviewer = screening != null && screening.hasReviewer(access.subject());
        if (!secretariat && !reviewer) {
            throw ProblemException.forbidden("Individual scores are for the committee and its secretariat.",
                    "個別の採点は審査委員と事務局のみ閲覧できます。");
        }
        if (screening == null) {
            return List.of();
        }
        return SealedScores.visibleTo(access.subject(), secretariat, ReviewerScore.of(proposal.id));
    }

    @Transactional
    public Proposal decide(UUID id, IfMatch ifMatch, UUID actingFor, DecisionOutcome outcome, String rationale,
            UUID meetingId) {
        Proposal proposal = Proposal.require(id);
        proposals.requireDepartmentOf(proposal, actingFor);
        ifMatch.requireCurrent(proposal.version);
        if (!proposal.status.canMoveTo(outcome.status())) {
            proposal.moveTo(outcome.status());
        }
        Screening screening = Screening.findById(id);
        if (screening != null && screening.committeeId != null) {
            decideAtMeeting(screening, meetingId);
        } else if (meetingId != null) {
            throw ProblemException.invalidField("meetingId", "This screening was not drawn from a committee.",
                    "この審査は委員会によるものではありません。");
        }
        if (screening == null || screening.counted(ReviewerScore.of(id)).isEmpty()) {
            throw ProblemException.conflict("No reviewer has submitted scores yet that count.",
                    "採決に数えられる審査員の採点がまだありません。");
        }
        if (outcome == DecisionOutcome.NOT_ADOPTED) {
            return proposals.end(proposal, ProposalStatus.NOT_ADOPTED, "not-adopted", actingFor, rationale);
        }
        ProposalStatus from = proposal.moveTo(ProposalStatus.ADOPTED);
        proposal.decidedAt = Instant.now();
        proposal.decisionRationale = rationale;
        // After every change of the row: its queries flush it, and a second flush of new changes would skip a version.
        taskFacts.ended(proposal, from, "ADOPTED");
        proposal.flush();
        audit.record(AuditRecord.of("Proposal", id, proposal.version, "adopted").transition(from, proposal.status)
                .actingFor(actingFor).reason(rationale));
        events.adopted(proposal);
        return proposal;
    }

    /**
     * A committee decides at one of its held meetings with the proposal on the agenda, when its quorum is met; the
     * scores that count are those of the members present without a conflict (see {@link Quorum}).
     */
    private void decideAtMeeting(Screening screening, UUID meetingId) {
        if (meetingId == null) {
            throw ProblemException.invalidField("meetingId",
                    "A committee decides at a meeting: name the meeting (meetingId).",
                    "委員会の審査は会議で決定します（meetingId を指定してください）。");
        }
        Committee committee = Committee.require(screening.committeeId);
        CommitteeMeeting meeting = CommitteeMeeting.findById(meetingId);
        if (meeting == null || !meeting.committeeId.equals(committee.id)) {
            throw ProblemException.invalidField("meetingId", "Not a meeting of the screening's committee.",
                    "審査を行う委員会の会議ではありません。");
        }
        if (meeting.status != MeetingStatus.HELD || !meeting.deliberatesOn(screening.proposalId)) {
            throw ProblemException.conflict("The meeting must be held (attendance recorded) with the proposal on its agenda.",
                    "提案を議題とする会議が開催（出席を記録）されていません。");
        }
        Quorum quorum = Quorum.at(committee, meeting, ConflictDeclaration.conflictedOn(screening.proposalId));
        if (!quorum.isMet()) {
            throw new ProblemException(QUORUM_NOT_MET, LocalizedText.of(
                    quorum.countedMembers().size() + " members without a conflict were present; the quorum is "
                            + quorum.required() + ".",
                    "利害関係のない出席委員は " + quorum.countedMembers().size() + " 名で、定足数 " + quorum.required()
                            + " 名に達していません。"),
                    List.of(), Map.of("quorum", quorum.required(), "countedMembers", quorum.countedMembers().size()));
        }
        screening.decidedAtMeeting = meeting.id;
        screening.countedReviewers = quorum.countedMembers();
    }

    /** Proposals of a theme's round by weighted mean, best first; ties by reference number. */
    public List<RankedProposal> ranking(UUID themeId, int round) {
        Theme.require(themeId);
        if (!access.isCityOrCoordinator()) {
            access.subject();
            throw ProblemException.forbidden("The ranking is for staff, coordinators and administrators.",
                    "順位は職員・コーディネーター・管理者のみ閲覧できます。");
        }
        List<Screening> screenings = Screening.list("themeId = ?1 and round = ?2", themeId, round);
        List<RankedProposal> rows = new ArrayList<>();
        for (Screening screening : screenings) {
            Proposal proposal = Proposal.findById(screening.proposalId);
            rows.add(new RankedProposal(0, proposal,
                    ScreeningResult.of(screening.criteriaWeights, screening.counted(ReviewerScore.of(screening.proposalId)))));
        }
        rows.sort(Comparator.comparing((RankedProposal r) -> r.result().weightedMean(),
                Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(r -> r.proposal().referenceNumber));
        List<RankedProposal> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ranked.add(new RankedProposal(i + 1, rows.get(i).proposal(), rows.get(i).result()));
        }
        return ranked;
    }

    /** The aggregate result, once decided (before, it would unseal scores); the caller may read the proposal. */
    public ScreeningResult publishableResultOf(Proposal proposal) {
        if (!proposal.status.isDecided()) {
            return null;
        }
        Screening screening = Screening.findById(proposal.id);
        return screening == null ? null
                : ScreeningResult.of(screening.criteriaWeights, screening.counted(ReviewerScore.of(proposal.id)));
    }

    /**
     * {@link #publishableResultOf} for a page of proposals in two queries (the screenings, then all their scores),
     * not two per proposal; keyed by proposal id, decided proposals with a screening only.
     */
    public Map<UUID, ScreeningResult> publishableResultsOf(List<Proposal> proposals) {
        List<UUID> decided = proposals.stream().filter(p -> p.status.isDecided()).map(p -> p.id).toList();
        if (decided.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<ReviewerScore>> scores = new HashMap<>();
        for (ReviewerScore score : ReviewerScore.<ReviewerScore>list(
                "proposalId in ?1 order by submittedAt, id", decided)) {
            scores.computeIfAbsent(score.proposalId, id -> new ArrayList<>()).add(score);
        }
        Map<UUID, ScreeningResult> results = new HashMap<>();
        for (Screening screening : Screening.<Screening>list("proposalId in ?1", decided)) {
            results.put(screening.proposalId, ScreeningResult.of(screening.criteriaWeights,
                    screening.counted(scores.getOrDefault(screening.proposalId, List.of()))));
        }
        return results;
    }

    public boolean isCommitteeReviewer(Proposal proposal) {
        if (access.isAnonymous()) {
            return false;
        }
        Screening screening = Screening.findById(proposal.id);
        return screening != null && screening.hasReviewer(access.subject());
    }

    /** The public outcome of a theme: counts only, so proposals not adopted are not exposed one by one. */
    public Map<ProposalStatus, Long> outcomeCounts(UUID themeId) {
        Theme.require(themeId);
        Map<ProposalStatus, Long> counts = new EnumMap<>(ProposalStatus.class);
        for (ProposalStatus status : EnumSet.complementOf(EnumSet.of(ProposalStatus.DRAFT))) {
            counts.put(status, Proposal.count("themeId = ?1 and status = ?2", themeId, status));
        }
        return counts;
    }

    private static List<UUID> proposersInSameTheme(Proposal proposal) {
        if (proposal.themeId == null) {
            return List.of();
        }
        List<Proposal> sameTheme = Proposal.list("themeId = ?1 and id <> ?2 and status <> ?3", proposal.themeId,
                proposal.id, ProposalStatus.DRAFT);
        return sameTheme.stream().flatMap(p -> p.content.proposingOrganizationIds().stream()).distinct().toList();
    }

    private static void requireEveryCriterionOnce(List<CriterionScore> scores) {
        List<FieldError> errors = new ArrayList<>();
        Set<ScreeningCriterion> seen = EnumSet.noneOf(ScreeningCriterion.class);
        for (int i = 0; i < scores.size(); i++) {
            if (!seen.add(scores.get(i).criterion())) {
                errors.add(FieldError.of("scores[" + i + "].criterion", "This criterion is scored twice.",
                        "この基準が重複しています。"));
            }
        }
        for (ScreeningCriterion criterion : ScreeningCriterion.values()) {
            if (!seen.contains(criterion)) {
                errors.add(FieldError.of("scores", "Score every criterion; " + criterion + " is missing.",
                        "すべての基準を採点してください（" + criterion + " がありません）。"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }
}
