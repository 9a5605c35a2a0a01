package jp.kyodo.directory.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.directory.readmodel.MemberRole;
import jp.kyodo.directory.readmodel.OrganizationStatus;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.SearchableText;
import jp.kyodo.platform.problem.ProblemException;

/**
 * An actor in collaborations (協働の主体): its profile, members, eligibility checks and status. Status changes
 * follow UNVERIFIED → VERIFIED ⇄ SUSPENDED; the organisation's version rises with every change of what the
 * directory events carry, including its members.
 */
@Entity
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public ActorType type;

    @Enumerated(EnumType.STRING)
    public OrganizationStatus status;

    public String name;

    @Column(name = "name_kana")
    public String nameKana;

    @Column(name = "name_folded")
    public String nameFolded;

    @Column(name = "kana_sort")
    public String kanaSort;

    @Column(name = "corporate_number")
    public String corporateNumber;

    @Column(name = "representative_name")
    public String representativeName;

    @Column(name = "postal_code")
    public String postalCode;

    public String address;

    @Embedded
    public ContactDetails contact = new ContactDetails();

    @Column(name = "contact_public")
    public boolean contactPublic;

    public String description;

    @ElementCollection
    @CollectionTable(name = "organization_field", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "field")
    @Enumerated(EnumType.STRING)
    public Set<FieldOfActivity> fields = new LinkedHashSet<>();

    @ElementCollection
    @CollectionTable(name = "organization_search_gram", joinColumns = @JoinColumn(name = "organization_id"))
    @Column(name = "gram")
    public Set<String> searchGrams = new LinkedHashSet<>();

    @OneToMany(mappedBy = "organization", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("addedAt, id")
    public List<Membership> members = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "eligibility_check", joinColumns = @JoinColumn(name = "organization_id"))
    @MapKeyColumn(name = "requirement")
    @MapKeyEnumerated(EnumType.STRING)
    public Map<EligibilityRequirement, EligibilityCheck> eligibility = new EnumMap<>(EligibilityRequirement.class);

    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    /** A new organisation: departments are the city itself and need no eligibility check, others start unverified. */
    public static Organization register(ActorType type) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.type = type;
        organization.status = type.isCityDepartment() ? OrganizationStatus.VERIFIED : OrganizationStatus.UNVERIFIED;
        organization.registeredAt = now();
        organization.updatedAt = organization.registeredAt;
        return organization;
    }

    /** Sets the name and reading, and the keys they are searched and sorted by. */
    public void rename(String name, String nameKana) {
        this.name = name;
        this.nameKana = nameKana;
        this.nameFolded = SearchableText.fold(name);
        this.kanaSort = KanaReading.sortKey(nameKana);
        Set<String> grams = new LinkedHashSet<>(SearchableText.bigrams(name));
        grams.addAll(SearchableText.bigrams(nameKana));
        this.searchGrams.retainAll(grams);
        this.searchGrams.addAll(grams);
    }

    public void replaceFields(Iterable<FieldOfActivity> chosen) {
        Set<FieldOfActivity> wanted = new LinkedHashSet<>();
        chosen.forEach(wanted::add);
        fields.retainAll(wanted);
        fields.addAll(wanted);
    }

    // --- status (提案者の要件の確認) ---

    public void verify() {
        requireStatus(OrganizationStatus.VERIFIED, OrganizationStatus.UNVERIFIED, OrganizationStatus.SUSPENDED);
        List<EligibilityRequirement> unmet = Eligibility.unmet(eligibility);
        if (!unmet.isEmpty()) {
            throw DirectoryProblems.eligibilityIncomplete(unmet);
        }
        status = OrganizationStatus.VERIFIED;
        touch();
    }

    public void suspend() {
        requireStatus(OrganizationStatus.SUSPENDED, OrganizationStatus.VERIFIED);
        status = OrganizationStatus.SUSPENDED;
        touch();
    }

    /** The status changes allowed from the current one. */
    public List<OrganizationStatus> allowedTransitions() {
        return switch (status) {
            case UNVERIFIED -> List.of(OrganizationStatus.VERIFIED);
            case VERIFIED -> List.of(OrganizationStatus.SUSPENDED);
            case SUSPENDED -> List.of(OrganizationStatus.VERIFIED);
        };
    }

    private void requireStatus(OrganizationStatus target, OrganizationStatus... from) {
        if (!List.of(from).contains(status)) {
            throw ProblemException.invalidTransition(status.name(), target.name(),
                    allowedTransitions().stream().map(Enum::name).toList());
        }
    }

    public void recordEligibility(EligibilityRequirement requirement, boolean satisfied, String evidence, String checkedBy) {
        eligibility.put(requirement, new EligibilityCheck(satisfied, evidence, checkedBy, now()));
        touch();
    }

    // --- members ---

    public Optional<Membership> memberOf(String subject) {
        return members.stream().filter(m -> m.subject.equals(subject)).findFirst();
    }

    public Optional<Membership> representative() {
        return members.stream().filter(m -> m.role == MemberRole.REPRESENTATIVE).findFirst();
    }

    public Membership addMember(String subject, MemberRole role, Long amountLimitYen, String displayName, String email) {
        if (memberOf(subject).isPresent()) {
            throw DirectoryProblems.alreadyMember();
        }
        if (role == MemberRole.REPRESENTATIVE && representative().isPresent()) {
            throw DirectoryProblems.representativeExists();
        }
        if (role == MemberRole.SIGNATORY && !type.isCityDepartment()) {
            throw ProblemException.invalidField("role", "Only a city department has signatories (決裁権者).",
                    "決裁権者を置けるのは市の所管課のみです。");
        }
        if (amountLimitYen != null && role != MemberRole.SIGNATORY) {
            throw ProblemException.invalidField("amountLimitYen", "Only a signatory has an amount limit.",
                    "金額の上限は決裁権者にのみ設定できます。");
        }
        Membership member = new Membership();
        member.id = UUID.randomUUID();
        member.organization = this;
        member.subject = subject;
        member.role = role;
        member.amountLimitYen = amountLimitYen;
        member.displayName = displayName;
        member.email = email;
        member.addedAt = now();
        members.add(member);
        touch();
        return member;
    }

    /** An existing member becomes the representative, keeping their membership and personal details. */
    public Membership promoteToRepresentative(Membership member, String displayName, String email) {
        if (representative().isPresent()) {
            throw DirectoryProblems.representativeExists();
        }
        member.role = MemberRole.REPRESENTATIVE;
        member.amountLimitYen = null;
        if (displayName != null) {
            member.displayName = displayName;
        }
        if (email != null) {
            member.email = email;
        }
        touch();
        return member;
    }

    public void removeMember(Membership member) {
        members.remove(member);
        touch();
    }

    /**
     * Marks a change the version must count. Member rows are separate entities, so the organisation row is touched
     * explicitly; the timestamp strictly increases so that two changes in one transaction are two versions.
     */
    void touch() {
        OffsetDateTime now = now();
        updatedAt = updatedAt == null || now.isAfter(updatedAt) ? now : updatedAt.plus(1, ChronoUnit.MICROS);
    }

    /** Marks a profile change. */
    /** A file was attached or removed: the record changed, so it has a version (and an event) of its own. */
    public void filesChanged() {
        touch();
    }

    public void profileChanged() {
        touch();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
