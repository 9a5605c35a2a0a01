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
 * @param conflicted   organisations whose members may not act on it although they are among its addressees (a
 *                     conflict of interest, as the owner's policy decides it); usually empty
 */
public record OpenTask(TaskRef ref, LocalDate dueOn, List<String> actors, UUID departmentId, String titleJa,
        String titleEn, String link, List<UUID> conflicted) {

    public OpenTask {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(titleJa, "titleJa");
        Objects.requireNonNull(titleEn, "titleEn");
        Objects.requireNonNull(link, "link");
        actors = actors == null ? List.of() : List.copyOf(actors);
        conflicted = conflicted == null ? List.of() : List.copyOf(conflicted);
        if (!link.startsWith("/api/")) {
            throw new IllegalArgumentException("a task links to an API path: " + link);
        }
    }

    public OpenTask(TaskRef ref, LocalDate dueOn, List<String> actors, UUID departmentId, String titleJa,
            String titleEn, String link) {
        this(ref, dueOn, actors, departmentId, titleJa, titleEn, link, List.of());
    }

    public OpenTask(TaskRef ref, LocalDate dueOn, UUID departmentId, String titleJa, String titleEn, String link) {
        this(ref, dueOn, List.of(), departmentId, titleJa, titleEn, link, List.of());
    }

    /** The same task, which members of these organisations may not act on. */
    public OpenTask excluding(List<UUID> organizations) {
        return new OpenTask(ref, dueOn, actors, departmentId, titleJa, titleEn, link, organizations);
    }
}
