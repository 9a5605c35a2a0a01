package jp.kyodo.platform.tasks;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A step that now waits for someone, as the owning service's policy decides it.
 *
 * @param ref          what, on which aggregate, by whom
 * @param dueOn        the due date (already moved off closed days by the owner); may be null when nothing fixes one
 * @param actors       the people who may act on it, when the owner's policy narrows them (the signatories whose limit
 *                     covers the city's share); empty means whoever acts for the addressee organisation
 * @param departmentId the city department responsible for the aggregate: where an overdue task is escalated
 * @param titleJa      the title in Japanese, naming only the aggregate and organisations (never people)
 * @param titleEn      the title in English
 * @param link         the API path of what the task is about
 */
public record OpenTask(TaskRef ref, LocalDate dueOn, List<String> actors, UUID departmentId, String titleJa,
        String titleEn, String link) {

    public OpenTask {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(titleJa, "titleJa");
        Objects.requireNonNull(titleEn, "titleEn");
        Objects.requireNonNull(link, "link");
        actors = actors == null ? List.of() : List.copyOf(actors);
        if (!link.startsWith("/api/")) {
            throw new IllegalArgumentException("a task links to an API path: " + link);
        }
    }

    public OpenTask(TaskRef ref, LocalDate dueOn, UUID departmentId, String titleJa, String titleEn, String link) {
        this(ref, dueOn, List.of(), departmentId, titleJa, titleEn, link);
    }
}
