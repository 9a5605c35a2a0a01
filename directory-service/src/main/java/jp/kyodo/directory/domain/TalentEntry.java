package jp.kyodo.directory.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jp.kyodo.kernel.FieldOfActivity;
import jp.kyodo.kernel.SearchableText;

/**
 * 人材バンクの登録: a person's skills, fields, availability and contact, held only while they consent to the stated
 * purpose. Consent lapses after the retention period unless renewed; then, or on withdrawal, the entry is deleted.
 */
@Entity
@Table(name = "talent_entry")
public class TalentEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The person's login subject: each person has at most one entry, and only they change it. */
    public String subject;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "display_name_kana")
    public String displayNameKana;

    @Column(name = "name_folded")
    public String nameFolded;

    @ElementCollection
    @CollectionTable(name = "talent_skill", joinColumns = @JoinColumn(name = "entry_id"))
    @OrderColumn(name = "position")
    public List<TalentSkill> skills = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "talent_field", joinColumns = @JoinColumn(name = "entry_id"))
    @Column(name = "field")
    @Enumerated(EnumType.STRING)
    public Set<FieldOfActivity> fields = new LinkedHashSet<>();

    public String availability;
    /** Where the person can work (活動できる地域), e.g. a ward; free text, matched folded. */
    public String area;
    @Column(name = "area_folded")
    public String areaFolded;
    public String email;
    public String phone;

    @Column(name = "purpose_id")
    public String purposeId;

    @Column(name = "consented_at")
    public OffsetDateTime consentedAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    /** The expiry the person was asked to renew their consent before (null: not asked). */
    @Column(name = "renewal_asked_for")
    public OffsetDateTime renewalAskedFor;

    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static TalentEntry of(String subject) {
        TalentEntry entry = new TalentEntry();
        entry.id = UUID.randomUUID();
        entry.subject = subject;
        entry.registeredAt = now();
        return entry;
    }

    public void describe(String displayName, String displayNameKana, List<String> skills, Iterable<FieldOfActivity> fields,
            String availability, String area, String email, String phone) {
        this.area = area;
        this.areaFolded = area == null ? null : SearchableText.fold(area);
        this.displayName = displayName;
        this.displayNameKana = displayNameKana;
        this.nameFolded = SearchableText.fold(displayName) + "|" + SearchableText.fold(displayNameKana);
        this.skills.clear();
        skills.forEach(s -> this.skills.add(new TalentSkill(s)));
        Set<FieldOfActivity> wanted = new LinkedHashSet<>();
        fields.forEach(wanted::add);
        this.fields.retainAll(wanted);
        this.fields.addAll(wanted);
        this.availability = availability;
        this.email = email;
        this.phone = phone;
        this.updatedAt = now();
    }

    /** Consent to the purpose, given now: the entry is kept for the retention period from today. */
    public void consent(PurposeOfUse purpose, Duration retention) {
        this.purposeId = purpose.id();
        this.consentedAt = now();
        this.expiresAt = consentedAt.plus(retention);
        this.updatedAt = consentedAt;
    }

    public boolean isExpired() {
        return !expiresAt.isAfter(now());
    }

    public boolean belongsTo(String subject) {
        return this.subject.equals(subject);
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
