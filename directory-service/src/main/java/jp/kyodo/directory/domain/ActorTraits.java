package jp.kyodo.directory.domain;

import java.util.List;
import java.util.Map;

import jp.kyodo.directory.readmodel.ActorType;

/** The traits (特性) the collaboration guidelines attribute to each type of actor, shown with an organisation. */
public final class ActorTraits {

    /** A trait in English and Japanese. */
    public record Trait(String code, String ja) {
    }

    private static final Trait DIVERSITY = new Trait("DIVERSITY", "多様性");
    private static final Trait ORIGINALITY = new Trait("ORIGINALITY", "独自性");
    private static final Trait SPONTANEITY = new Trait("SPONTANEITY", "自発性");
    private static final Trait LOCALITY = new Trait("LOCALITY", "地域性");
    private static final Trait CONTINUITY = new Trait("CONTINUITY", "継続性");
    private static final Trait MUTUAL_BENEFIT = new Trait("MUTUAL_BENEFIT", "互助性");
    private static final Trait AUTONOMY = new Trait("AUTONOMY", "自主性");
    private static final Trait AGILITY = new Trait("AGILITY", "機動性");
    private static final Trait EXPERTISE = new Trait("EXPERTISE", "専門性");
    private static final Trait PIONEERING = new Trait("PIONEERING", "先駆性");
    private static final Trait STABILITY = new Trait("STABILITY", "安定性");
    private static final Trait FAIRNESS = new Trait("FAIRNESS", "公平性");
    private static final Trait COORDINATION = new Trait("COORDINATION", "調整力");

    private static final Map<ActorType, List<Trait>> TRAITS = Map.of(
            ActorType.RESIDENT_GROUP, List.of(DIVERSITY, ORIGINALITY, SPONTANEITY),
            ActorType.COMMUNITY_ASSOCIATION, List.of(LOCALITY, CONTINUITY, MUTUAL_BENEFIT),
            ActorType.CIVIC_GROUP, List.of(AUTONOMY, AGILITY, EXPERTISE),
            ActorType.BUSINESS, List.of(EXPERTISE, PIONEERING, AGILITY),
            ActorType.PUBLIC_INTEREST_CORPORATION, List.of(MUTUAL_BENEFIT, EXPERTISE, STABILITY),
            ActorType.ACADEMIC, List.of(EXPERTISE, STABILITY),
            ActorType.PUBLIC_AGENCY, List.of(EXPERTISE, STABILITY, PIONEERING),
            ActorType.CITY_DEPARTMENT, List.of(FAIRNESS, STABILITY, EXPERTISE),
            ActorType.INTERMEDIARY, List.of(COORDINATION));

    private ActorTraits() {
    }

    public static List<Trait> of(ActorType type) {
        return TRAITS.get(type);
    }

    /** Only a resident group lacks legal personality, so only it can never have a corporate number. */
    public static boolean mayHaveCorporateNumber(ActorType type) {
        return type != ActorType.RESIDENT_GROUP;
    }
}
