package jp.kyodo.gateway.tasks;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import jp.kyodo.gateway.aggregate.Caller;
import jp.kyodo.gateway.aggregate.Fanout;
import jp.kyodo.gateway.aggregate.Ids;
import jp.kyodo.gateway.aggregate.Reply;

/**
 * Which organisations the caller belongs to, and in what role, as the directory says. The directory has no "my
 * memberships" read, so it is found out in one of two ways:
 * <ul>
 * <li>most callers: {@code GET /api/directory/organizations} lists exactly their own organisations (one list for
 * the whole answer); the role known from it is whether they are the representative ({@code representativeSubject});
 * </li>
 * <li>staff, coordinators and administrators: that list is the whole directory, so each organisation in question is
 * looked up on its own ({@code GET /api/directory/organizations/{id}/members}), once per answer.</li>
 * </ul>
 * A membership that cannot be told fails the future with {@link Unknown}, naming the read that failed.
 */
abstract class Memberships {

    static final String REPRESENTATIVE = "REPRESENTATIVE";
    static final String SIGNATORY = "SIGNATORY";
    static final String MEMBER = "MEMBER";

    /** The caller's membership of an organisation. */
    record Member(String role, Long amountLimitYen) {
    }

    /** The directory could not say. */
    static final class Unknown extends RuntimeException {
        final String link;
        final Reply reply;

        Unknown(String link, Reply reply) {
            super("membership unknown: " + link, null, false, false);
            this.link = link;
            this.reply = reply;
        }
    }

    static Memberships of(Fanout fanout) {
        return fanout.caller().readsWholeCity() ? new LookedUp(fanout) : new Listed(fanout);
    }

    /** Empty when the caller is not a member. */
    abstract Future<Optional<Member>> of(UUID organizationId);

    /** Whether {@link #of} costs a service call per organisation (so candidates are worth narrowing first). */
    abstract boolean costsACallEach();

    /** The caller's own organisations, from the directory's list of them. */
    private static final class Listed extends Memberships {

        static final String LINK = "/api/directory/organizations";

        private final Fanout fanout;
        private Future<Reply> listing;

        Listed(Fanout fanout) {
            this.fanout = fanout;
        }

        @Override
        boolean costsACallEach() {
            return false;
        }

        @Override
        synchronized Future<Optional<Member>> of(UUID organizationId) {
            if (listing == null) {
                listing = fanout.list("directory", LINK);
            }
            String subject = fanout.caller().subject();
            return listing.compose(reply -> {
                if (!(reply instanceof Reply.Found found)) {
                    return Future.failedFuture(new Unknown(LINK, reply));
                }
                for (JsonObject organization : found.objects()) {
                    if (organizationId.equals(Ids.uuid(organization.getValue("id")))) {
                        boolean represents = subject.equals(organization.getValue("representativeSubject"));
                        return Future.succeededFuture(Optional.of(new Member(represents ? REPRESENTATIVE : MEMBER, null)));
                    }
                }
                // Not in the list - unless the list was longer than the pages read.
                return found.truncated() ? Future.failedFuture(new Unknown(LINK, found))
                        : Future.succeededFuture(Optional.empty());
            });
        }
    }

    /** One members read per organisation, remembered for the rest of the answer. */
    private static final class LookedUp extends Memberships {

        private final Fanout fanout;
        private final Map<UUID, Future<Optional<Member>>> known = new HashMap<>();

        LookedUp(Fanout fanout) {
            this.fanout = fanout;
        }

        @Override
        boolean costsACallEach() {
            return true;
        }

        @Override
        synchronized Future<Optional<Member>> of(UUID organizationId) {
            return known.computeIfAbsent(organizationId, this::lookUp);
        }

        private Future<Optional<Member>> lookUp(UUID organizationId) {
            String link = "/api/directory/organizations/" + organizationId + "/members";
            String subject = fanout.caller().subject();
            return fanout.get("directory", link).compose(reply -> {
                if (reply instanceof Reply.Withheld) {
                    // Not an organisation the caller may see the members of (or none at all): not theirs.
                    return Future.succeededFuture(Optional.<Member>empty());
                }
                if (!(reply instanceof Reply.Found found)) {
                    return Future.failedFuture(new Unknown(link, reply));
                }
                for (JsonObject member : found.objects()) {
                    if (subject.equals(member.getValue("subject"))) {
                        Object role = member.getValue("role");
                        Object limit = member.getValue("amountLimitYen");
                        return Future.succeededFuture(Optional.of(new Member(role instanceof String r ? r : MEMBER,
                                limit instanceof Number n ? n.longValue() : null)));
                    }
                }
                return Future.succeededFuture(Optional.<Member>empty());
            });
        }
    }

    /**
     * Whether the caller could act for a party of this type at all, by role, as the services check it: a city
     * department through staff ({@code city-staff}), any other organisation through a partner, citizen or
     * coordinator. Used to spare membership look-ups that cannot lead to a task.
     */
    static boolean mayActFor(Caller caller, String actorType) {
        return "CITY_DEPARTMENT".equals(actorType) ? caller.hasAnyRole(Caller.CITY_STAFF)
                : caller.hasAnyRole(Caller.PARTNER, Caller.CITIZEN, Caller.COORDINATOR);
    }
}
