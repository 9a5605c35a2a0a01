package jp.kyodo.directory.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.domain.TalentEntry;
import jp.kyodo.kernel.FieldOfActivity;

@Schema(name = "TalentEntry", description = "A talent-bank entry (人材バンク): personal data, for the person, city staff and coordinators only; "
        + "every read is logged")
public record TalentEntryView(
        @Schema(description = "Id") UUID id,
        @Schema(description = "The person's login subject") String subject,
        @Schema(description = "Name (氏名)") String displayName,
        @Schema(description = "Reading of the name (フリガナ) in full-width katakana, e.g. ミドリノモリ", nullable = true) String displayNameKana,
        @Schema(description = "Skills (技能)") List<String> skills,
        @Schema(description = "Fields of activity (活動分野)") List<FieldOfActivity> fields,
        @Schema(description = "Availability (活動可能な日時)", nullable = true) String availability,
        @Schema(description = "Where the person can work (活動できる地域)", nullable = true) String area,
        @Schema(description = "E-mail", nullable = true) String email,
        @Schema(description = "Telephone", nullable = true) String phone,
        @Schema(description = "Purpose of use consented to (利用目的)") String purposeId,
        @Schema(description = "When consent was given or last renewed") OffsetDateTime consentedAt,
        @Schema(description = "When the entry is deleted unless consent is renewed (保存期限)") OffsetDateTime expiresAt,
        @Schema(description = "Version; also the ETag") long version) {

    public static TalentEntryView of(TalentEntry e) {
        return new TalentEntryView(e.id, e.subject, e.displayName, e.displayNameKana,
                e.skills.stream().map(s -> s.skill).toList(), e.fields.stream().sorted().toList(), e.availability, e.area, e.email,
                e.phone, e.purposeId, e.consentedAt, e.expiresAt, e.version);
    }
}
