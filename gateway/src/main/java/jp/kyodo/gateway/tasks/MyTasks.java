package jp.kyodo.gateway.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jp.kyodo.gateway.aggregate.AggregateEndpoint;
import jp.kyodo.gateway.aggregate.Caller;
import jp.kyodo.gateway.aggregate.Fanout;
import jp.kyodo.gateway.aggregate.Ids;
import jp.kyodo.gateway.aggregate.PartNotes;
import jp.kyodo.gateway.aggregate.Reply;
import jp.kyodo.gateway.api.GatewayProblem;
import jp.kyodo.gateway.api.ProblemResponder;

/**
 * The caller's to-do list across the services, worked out from what the services let the caller read (with the
 * caller's own token) - the gateway holds no state of its own. Each kind of task is gathered independently and in
 * parallel; a kind whose reads fail is named in {@code unavailable} ({@code complete: false}) while the others are
 * still listed. See the gateway README for which reads each kind takes and which service reads would make it cheaper.
 */
final class MyTasks {

    static final ZoneId CITY_ZONE = ZoneId.of("Asia/Tokyo");
    static final Set<String> SETTLED_FORMS = Set.of("SUBSIDY", "JOINT_FUNDING", "COLLABORATIVE_COMMISSION");

    private final Fanout fanout;
    private final Caller caller;
    private final Titles titles;
    private final PartNotes notes = new PartNotes();
    private final List<Task> tasks = new ArrayList<>();
    private final Memberships memberships;
    private final LocalDate today;

    MyTasks(Fanout fanout) {
        this.fanout = fanout;
        this.caller = fanout.caller();
        this.titles = new Titles(caller.language());
        this.memberships = Memberships.of(fanout);
        this.today = LocalDate.now(CITY_ZONE);
    }

    Future<Void> answer(RoutingContext ctx) {
        if (caller.isAnonymous()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            ProblemResponder.send(ctx, GatewayProblem.SIGN_IN_REQUIRED);
            return Future.succeededFuture();
        }
        List<Future<?>> kinds = List.of(proposalsToRevise(), proposalsToScore(), agreementTasks(), selfAssessments(),
                overdueMilestones());
        return Future.join(new ArrayList<>(kinds)).transform(done -> {
            if (done.failed()) {
                return Future.failedFuture(done.cause());
            }
            List<Task> sorted;
            synchronized (tasks) {
                sorted = tasks.stream().sorted(Task.ORDER).toList();
            }
            JsonObject answer = notes.writeSummary(new JsonObject(), false)
                    .put("tasks", new JsonArray(sorted.stream().map(Task::toJson).toList()))
                    .put("details", notes.details())
                    .put("generatedAt", Instant.now().toString());
            AggregateEndpoint.sendJson(ctx, answer, caller.language().tag());
            return Future.succeededFuture();
        });
    }

    // --- Drafts to finish, proposals in consultation to revise ---------------------------------------------------

    /**
     * The proposal list shows most callers their own organisations' proposals, drafts included. Staff, coordinators
     * and administrators get the whole city's submitted proposals and no drafts, so their own cannot be told apart:
     * they get no such tasks (see README: a "mine" filter would fix it).
     */
    private Future<Void> proposalsToRevise() {
        if (caller.readsWholeCity()) {
            return Future.succeededFuture();
        }
        Map<UUID, Future<Optional<JsonObject>>> themes = new HashMap<>();
        return all(List.of("DRAFT", "IN_CONSULTATION"), status -> {
            String link = "/api/proposals?status=" + status;
            return fanout.list("proposals", link).compose(reply -> {
                notes.noteFailure(TaskKind.REVISE_PROPOSAL.name(), link, reply);
                if (!(reply instanceof Reply.Found found)) {
                    return Future.succeededFuture();
                }
                return all(found.objects(), proposal -> {
                    UUID id = Ids.uuid(proposal.getValue("id"));
                    if (id == null || !status.equals(proposal.getValue("status"))) {
                        return Future.succeededFuture();
                    }
                    String title = text(proposal, "title");
                    String link1 = "/api/proposals/" + id;
                    UUID themeId = Ids.uuid(proposal.getValue("themeId"));
                    if (!"DRAFT".equals(status) || themeId == null) {
                        add(new Task(TaskKind.REVISE_PROPOSAL, "DRAFT".equals(status) ? titles.finishDraft(title)
                                : titles.reviseInConsultation(title), null, null, link1, null, null));
                        return Future.succeededFuture();
                    }
                    // A theme response must be submitted inside the theme's window: its end is the draft's deadline.
                    Future<Optional<JsonObject>> theme;
                    synchronized (themes) {
                        theme = themes.computeIfAbsent(themeId, this::theme);
                    }
                    return theme.map(t -> {
                        add(new Task(TaskKind.REVISE_PROPOSAL, titles.finishDraft(title),
                                t.map(o -> instant(o.getValue("closesAt"))).orElse(null),
                                t.map(o -> date(o.getValue("closesOn"))).orElse(null), link1, null, null));
                        return null;
                    });
                });
            });
        });
    }

    private Future<Optional<JsonObject>> theme(UUID themeId) {
        String link = "/api/proposals/themes/" + themeId;
        return fanout.get("proposals", link).map(reply -> {
            notes.noteFailure(TaskKind.REVISE_PROPOSAL.name(), link, reply);
            return reply instanceof Reply.Found found && found.body() instanceof JsonObject o ? Optional.of(o)
                    : Optional.empty();
        });
    }

    // --- Proposals to score ------------------------------------------------------------------------------------

    /**
     * Proposals under screening whose committee lists the caller and which the caller has not scored. Only the
     * proposals the list shows the caller can be checked: staff and coordinators see all, a reviewer with no other
     * role only their own organisations' (see README).
     */
    private Future<Void> proposalsToScore() {
        if (!caller.hasAnyRole(Caller.REVIEWER)) {
            return Future.succeededFuture();
        }
        String kind = TaskKind.SCORE_PROPOSAL.name();
        String link = "/api/proposals?status=UNDER_SCREENING";
        return fanout.list("proposals", link).compose(reply -> {
            notes.noteFailure(kind, link, reply);
            if (!(reply instanceof Reply.Found found)) {
                return Future.succeededFuture();
            }
            return all(found.objects(), proposal -> {
                UUID id = Ids.uuid(proposal.getValue("id"));
                if (id == null) {
                    return Future.succeededFuture();
                }
                String screeningLink = "/api/proposals/" + id + "/screening";
                return fanout.get("proposals", screeningLink).compose(screening -> {
                    notes.noteFailure(kind, screeningLink, screening);
                    if (!(screening instanceof Reply.Found s) || !contains(s.object().getValue("reviewers"), caller.subject())) {
                        return Future.succeededFuture();
                    }
                    String scoresLink = "/api/proposals/" + id + "/scores";
                    return fanout.get("proposals", scoresLink).map(scores -> {
                        notes.noteFailure(kind, scoresLink, scores);
                        if (scores instanceof Reply.Found sc && sc.objects().stream()
                                .noneMatch(score -> caller.subject().equals(score.getValue("reviewer")))) {
                            add(new Task(TaskKind.SCORE_PROPOSAL, titles.score(text(proposal, "title")), null, null,
                                    screeningLink, null, null));
                        }
                        return null;
                    });
                });
            });
        });
    }

    // --- Agreements to sign, cost reports to file ---------------------------------------------------------------

    private Future<Void> agreementTasks() {
        boolean signs = caller.hasAnyRole(Caller.CITY_STAFF, Caller.PARTNER, Caller.CITIZEN);
        boolean reports = caller.hasAnyRole(Caller.PARTNER, Caller.CITIZEN);
        List<Future<?>> work = new ArrayList<>();
        if (signs) {
            work.add(agreements("AWAITING_SIGNATURES", List.of(TaskKind.SIGN_AGREEMENT), this::signatures));
        }
        if (signs || reports) {
            // ACTIVE: an amendment may await signatures while the signed version stays in force; reports are due.
            List<TaskKind> kinds = new ArrayList<>();
            if (signs) {
                kinds.add(TaskKind.SIGN_AGREEMENT);
            }
            if (reports) {
                kinds.add(TaskKind.FILE_COST_REPORT);
            }
            work.add(agreements("ACTIVE", kinds, agreement -> Future.join(
                    signs ? signatures(agreement) : Future.succeededFuture(),
                    reports ? costReports(agreement) : Future.succeededFuture()).mapEmpty()));
        }
        if (reports) {
            work.add(agreements("COMPLETED", List.of(TaskKind.FILE_COST_REPORT), this::costReports));
            work.add(agreements("TERMINATED", List.of(TaskKind.FILE_COST_REPORT), this::costReports));
        }
        return Future.join(work).mapEmpty();
    }

    private Future<Void> agreements(String state, List<TaskKind> kinds, Function<JsonObject, Future<?>> each) {
        String link = "/api/agreements?state=" + state;
        return fanout.list("agreements", link).compose(reply -> {
            kinds.forEach(kind -> notes.noteFailure(kind.name(), link, reply));
            return reply instanceof Reply.Found found ? all(found.objects(), each) : Future.succeededFuture();
        });
    }

    /**
     * The parties that still have to sign the version awaiting signatures and that the caller signs for: a non-city
     * party through its representative (partner or citizen role), a city department through a signatory
     * (city-staff role) whose amount limit, if any, covers the city's share.
     */
    private Future<Void> signatures(JsonObject agreement) {
        UUID agreementId = Ids.uuid(agreement.getValue("id"));
        Integer pending = agreement.getValue("pendingVersion") instanceof Number n ? n.intValue() : null;
        if (agreementId == null || pending == null) {
            return Future.succeededFuture();
        }
        String kind = TaskKind.SIGN_AGREEMENT.name();
        String versionLink = "/api/agreements/" + agreementId + "/versions/" + pending;
        Map<UUID, JsonObject> parties = parties(agreement.getValue("parties"));
        List<UUID> awaiting = uuids(agreement.getValue("awaitingSignatureFrom"));
        return all(awaiting, partyId -> {
            JsonObject party = parties.getOrDefault(partyId, new JsonObject());
            boolean department = "CITY_DEPARTMENT".equals(party.getValue("actorType"));
            if (department ? !caller.hasAnyRole(Caller.CITY_STAFF) : !caller.hasAnyRole(Caller.PARTNER, Caller.CITIZEN)) {
                return Future.succeededFuture();
            }
            return membership(kind, partyId).compose(member -> {
                if (member.isEmpty()) {
                    return Future.succeededFuture();
                }
                String role = member.get().role();
                Task task = new Task(TaskKind.SIGN_AGREEMENT, titles.sign(text(agreement, "title"), pending,
                        nameOf(party, partyId)), null, null, versionLink, partyId.toString(), null);
                if (!department) {
                    if (Memberships.REPRESENTATIVE.equals(role)) {
                        add(task);
                    }
                    return Future.succeededFuture();
                }
                if (!Memberships.SIGNATORY.equals(role)) {
                    return Future.succeededFuture();
                }
                Long limit = member.get().amountLimitYen();
                if (limit == null) {
                    add(task);
                    return Future.succeededFuture();
                }
                // A signatory signs only up to their limit: compare it with the city's share of that version.
                return fanout.get("agreements", versionLink).map(version -> {
                    notes.noteFailure(kind, versionLink, version);
                    Object share = version instanceof Reply.Found f ? f.object().getJsonObject("totals", new JsonObject())
                            .getValue("cityShareYen") : null;
                    if (!(share instanceof Number n) || n.longValue() <= limit) {
                        add(task);
                    }
                    return null;
                });
            });
        });
    }

    /**
     * Actual-cost reports (実績報告) due from the caller's non-city parties: for SUBSIDY, JOINT_FUNDING and
     * COLLABORATIVE_COMMISSION, one per party and fiscal year of the term once that year is over (or, for an
     * agreement that ended, up to the year it ended in), until filed. Agreements that ended before the previous
     * fiscal year are not looked at.
     */
    private Future<Void> costReports(JsonObject agreement) {
        UUID agreementId = Ids.uuid(agreement.getValue("id"));
        Integer inForce = agreement.getValue("versionInForce") instanceof Number n ? n.intValue() : null;
        if (agreementId == null || inForce == null) {
            return Future.succeededFuture();
        }
        boolean ended = !"ACTIVE".equals(agreement.getValue("state"));
        LocalDate endedOn = ended ? date(instantOrOffset(agreement.getValue("endedAt"))) : null;
        if (ended && (endedOn == null || fiscalYearOf(endedOn) < fiscalYearOf(today) - 1)) {
            return Future.succeededFuture();
        }
        String kind = TaskKind.FILE_COST_REPORT.name();
        Map<UUID, JsonObject> parties = parties(agreement.getValue("parties"));
        List<UUID> candidates = parties.entrySet().stream()
                .filter(p -> !"CITY_DEPARTMENT".equals(p.getValue().getValue("actorType")))
                .map(Map.Entry::getKey).toList();
        List<Future<Optional<UUID>>> mine = candidates.stream()
                .map(id -> membership(kind, id).map(m -> m.map(x -> id))).toList();
        return Future.join(new ArrayList<>(mine)).compose(done -> {
            List<UUID> myParties = mine.stream().map(Future::result).flatMap(Optional::stream).toList();
            if (myParties.isEmpty()) {
                return Future.succeededFuture();
            }
            String versionLink = "/api/agreements/" + agreementId + "/versions/" + inForce;
            String reportsLink = "/api/agreements/" + agreementId + "/cost-reports";
            return fanout.get("agreements", versionLink).compose(version -> {
                notes.noteFailure(kind, versionLink, version);
                JsonObject content = version instanceof Reply.Found f ? f.object().getJsonObject("content", new JsonObject())
                        : new JsonObject();
                if (!SETTLED_FORMS.contains(content.getValue("form"))) {
                    return Future.succeededFuture();
                }
                JsonObject term = content.getJsonObject("term", new JsonObject());
                LocalDate start = date(term.getValue("start"));
                LocalDate end = date(term.getValue("end"));
                if (start == null || end == null) {
                    return Future.succeededFuture();
                }
                List<Integer> due = new ArrayList<>();
                for (int year = fiscalYearOf(start); year <= fiscalYearOf(end); year++) {
                    boolean over = today.isAfter(LocalDate.of(year + 1, 3, 31));
                    boolean endedInOrAfter = ended && fiscalYearOf(endedOn) >= year;
                    if (over || endedInOrAfter) {
                        due.add(year);
                    }
                }
                if (due.isEmpty()) {
                    return Future.succeededFuture();
                }
                return fanout.get("agreements", reportsLink).map(reports -> {
                    notes.noteFailure(kind, reportsLink, reports);
                    if (!(reports instanceof Reply.Found found)) {
                        return null;
                    }
                    Set<String> filed = new TreeSet<>();
                    found.objects().forEach(r -> filed.add(r.getValue("organizationId") + "/" + r.getValue("fiscalYear")));
                    for (UUID party : myParties) {
                        for (int year : due) {
                            if (!filed.contains(party + "/" + year)) {
                                add(new Task(TaskKind.FILE_COST_REPORT, titles.costReport(text(agreement, "title"), year,
                                        nameOf(parties.get(party), party)), null, null, reportsLink, party.toString(), year));
                            }
                        }
                    }
                    return null;
                });
            });
        });
    }

    // --- Self-assessments due ------------------------------------------------------------------------------------

    /**
     * OPEN rounds of the caller's plans in which one of the caller's parties has not submitted. The evaluation
     * service lists plans, then rounds per plan, then a round's parties; no read lists "open rounds awaiting me".
     */
    private Future<Void> selfAssessments() {
        String kind = TaskKind.SUBMIT_SELF_ASSESSMENT.name();
        String link = "/api/evaluations";
        return fanout.list("evaluations", link).compose(reply -> {
            notes.noteFailure(kind, link, reply);
            if (!(reply instanceof Reply.Found found)) {
                return Future.succeededFuture();
            }
            return all(found.objects(), this::selfAssessmentsOf);
        });
    }

    private Future<Void> selfAssessmentsOf(JsonObject plan) {
        UUID planId = Ids.uuid(plan.getValue("id"));
        if (planId == null) {
            return Future.succeededFuture();
        }
        String kind = TaskKind.SUBMIT_SELF_ASSESSMENT.name();
        Map<UUID, JsonObject> parties = parties(plan.getValue("parties"));
        List<UUID> candidates = parties.entrySet().stream()
                .filter(p -> !memberships.costsACallEach() || Memberships.mayActFor(caller, text(p.getValue(), "actorType")))
                .map(Map.Entry::getKey).toList();
        List<Future<Optional<UUID>>> mine = candidates.stream()
                .map(id -> membership(kind, id).map(m -> m.map(x -> id))).toList();
        return Future.join(new ArrayList<>(mine)).compose(done -> {
            Set<UUID> myParties = new TreeSet<>();
            mine.forEach(f -> f.result().ifPresent(myParties::add));
            if (myParties.isEmpty()) {
                return Future.succeededFuture();
            }
            String roundsLink = "/api/evaluations/" + planId + "/rounds";
            return fanout.list("evaluations", roundsLink).compose(rounds -> {
                notes.noteFailure(kind, roundsLink, rounds);
                if (!(rounds instanceof Reply.Found found)) {
                    return Future.succeededFuture();
                }
                List<JsonObject> open = found.objects().stream().filter(r -> "OPEN".equals(r.getValue("status"))).toList();
                return all(open, summary -> {
                    UUID roundId = Ids.uuid(summary.getValue("id"));
                    if (roundId == null) {
                        return Future.succeededFuture();
                    }
                    String roundLink = "/api/evaluations/rounds/" + roundId;
                    return fanout.get("evaluations", roundLink).map(round -> {
                        notes.noteFailure(kind, roundLink, round);
                        if (!(round instanceof Reply.Found view)) {
                            return null;
                        }
                        JsonArray assessments = view.object().getJsonArray("parties", new JsonArray());
                        for (Object item : assessments) {
                            if (item instanceof JsonObject assessment && !Boolean.TRUE.equals(assessment.getValue("submitted"))) {
                                UUID party = Ids.uuid(assessment.getValue("organizationId"));
                                if (party != null && myParties.contains(party)) {
                                    int fiscalYear = summary.getValue("fiscalYear") instanceof Number n ? n.intValue() : 0;
                                    add(new Task(TaskKind.SUBMIT_SELF_ASSESSMENT, titles.selfAssess(text(plan, "title"),
                                            text(summary, "kind"), fiscalYear, nameOf(assessment, party)), null, null,
                                            roundLink, party.toString(), fiscalYear == 0 ? null : fiscalYear));
                                }
                            }
                        }
                        return null;
                    });
                });
            });
        });
    }

    // --- Milestones overdue (staff) ----------------------------------------------------------------------------------

    /** The agreement service's list of overdue milestones of ACTIVE agreements, readable by staff and administrators. */
    private Future<Void> overdueMilestones() {
        if (!caller.hasAnyRole(Caller.CITY_STAFF, Caller.ADMIN)) {
            return Future.succeededFuture();
        }
        String link = "/api/agreements/milestones/overdue";
        return fanout.list("agreements", link).map(reply -> {
            notes.noteFailure(TaskKind.MILESTONE_OVERDUE.name(), link, reply);
            if (reply instanceof Reply.Found found) {
                for (JsonObject item : found.objects()) {
                    UUID agreementId = Ids.uuid(item.getValue("agreementId"));
                    LocalDate dueOn = date(item.getValue("dueDate"));
                    if (agreementId == null) {
                        continue;
                    }
                    long days = item.getValue("daysOverdue") instanceof Number n ? n.longValue() : 0;
                    add(new Task(TaskKind.MILESTONE_OVERDUE, titles.overdue(text(item, "name"), text(item, "title"), days,
                            "REFLECTION".equals(item.getValue("kind"))),
                            dueOn == null ? null : dueOn.plusDays(1).atStartOfDay(CITY_ZONE).toInstant(), dueOn,
                            "/api/agreements/" + agreementId, null, null));
                }
            }
            return null;
        });
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** The caller's membership; when the directory cannot say, the kind is marked unavailable and no task follows. */
    private Future<Optional<Memberships.Member>> membership(String kind, UUID organizationId) {
        return memberships.of(organizationId).recover(failure -> {
            if (failure instanceof Memberships.Unknown unknown) {
                notes.noteFailure(kind, unknown.link, unknown.reply);
                return Future.succeededFuture(Optional.empty());
            }
            return Future.failedFuture(failure);
        });
    }

    private void add(Task task) {
        synchronized (tasks) {
            tasks.add(task);
        }
    }

    private static <T> Future<Void> all(List<T> items, Function<T, Future<?>> each) {
        List<Future<?>> started = new ArrayList<>();
        items.forEach(item -> started.add(each.apply(item)));
        return Future.join(started).mapEmpty();
    }

    static int fiscalYearOf(LocalDate date) {
        return date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1;
    }

    private static Map<UUID, JsonObject> parties(Object value) {
        Map<UUID, JsonObject> parties = new java.util.LinkedHashMap<>();
        if (value instanceof JsonArray array) {
            for (Object item : array) {
                if (item instanceof JsonObject party) {
                    UUID id = Ids.uuid(party.getValue("organizationId"));
                    if (id != null) {
                        parties.put(id, party);
                    }
                }
            }
        }
        return parties;
    }

    private static List<UUID> uuids(Object value) {
        List<UUID> ids = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.forEach(item -> {
                UUID id = Ids.uuid(item);
                if (id != null) {
                    ids.add(id);
                }
            });
        }
        return ids;
    }

    private static boolean contains(Object array, String value) {
        return array instanceof JsonArray values && values.contains(value);
    }

    private static String text(JsonObject object, String key) {
        Object value = object == null ? null : object.getValue(key);
        return value instanceof String s ? s : "";
    }

    private static String nameOf(JsonObject party, UUID id) {
        String name = text(party, "name");
        return name.isEmpty() ? id.toString() : name;
    }

    private static Instant instant(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An instant given with or without an offset ({@code OffsetDateTime} fields serialise with one). */
    private static Instant instantOrOffset(Object value) {
        Instant instant = instant(value);
        if (instant != null || !(value instanceof String text)) {
            return instant;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate date(Object value) {
        if (value instanceof Instant instant) {
            return instant.atZone(CITY_ZONE).toLocalDate();
        }
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
