package jp.kyodo.gateway.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;

import io.vertx.core.json.JsonObject;

/**
 * One item of the caller's to-do list (やることリスト).
 *
 * @param kind           what is to be done
 * @param title          for people, in the caller's language
 * @param dueAt          the instant it is due, if there is a deadline
 * @param dueOn          the same as a date in Asia/Tokyo
 * @param link           the API path of what the task is about (the gateway path is the service's path)
 * @param organizationId the organisation the caller would act for, where the task is one party's
 * @param fiscalYear     the fiscal year (年度) concerned, where it matters
 */
record Task(TaskKind kind, String title, Instant dueAt, LocalDate dueOn, String link, String organizationId,
        Integer fiscalYear) {

    /** Soonest due first, tasks without a deadline last; then by kind, link and organisation: a stable order. */
    static final Comparator<Task> ORDER = Comparator
            .comparing(Task::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Task::kind)
            .thenComparing(Task::link)
            .thenComparing(Task::organizationId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Task::fiscalYear, Comparator.nullsFirst(Comparator.naturalOrder()));

    JsonObject toJson() {
        JsonObject json = new JsonObject().put("kind", kind.name()).put("title", title);
        if (dueAt != null) {
            json.put("dueAt", dueAt.toString());
        }
        if (dueOn != null) {
            json.put("dueOn", dueOn.toString());
        }
        json.put("link", link);
        if (organizationId != null) {
            json.put("organizationId", organizationId);
        }
        if (fiscalYear != null) {
            json.put("fiscalYear", fiscalYear);
        }
        return json;
    }
}
