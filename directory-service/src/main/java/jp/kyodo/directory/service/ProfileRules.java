package jp.kyodo.directory.service;

import java.util.ArrayList;
import java.util.List;

import jp.kyodo.directory.api.OrganizationProfile;
import jp.kyodo.directory.domain.ActorTraits;
import jp.kyodo.directory.domain.ContactDetails;
import jp.kyodo.directory.domain.CorporateNumber;
import jp.kyodo.directory.domain.KanaReading;
import jp.kyodo.directory.domain.Organization;
import jp.kyodo.directory.domain.PostalCode;
import jp.kyodo.directory.readmodel.ActorType;
import jp.kyodo.platform.problem.FieldError;
import jp.kyodo.platform.problem.ProblemException;

/** Checks a profile's values that Bean Validation cannot (check digit, postal code, reading) and applies them. */
final class ProfileRules {

    private ProfileRules() {
    }

    /** Applies the profile to the organisation, or 400 listing every field that is wrong. */
    static void apply(OrganizationProfile profile, ActorType type, Organization organization) {
        List<FieldError> errors = new ArrayList<>();
        if (!KanaReading.isValid(profile.nameKana())) {
            errors.add(FieldError.of("nameKana", "Write the reading in kana (hiragana or katakana).",
                    "フリガナはひらがなまたはカタカナで入力してください。"));
        }
        String corporateNumber = null;
        if (blankToNull(profile.corporateNumber()) != null) {
            if (!ActorTraits.mayHaveCorporateNumber(type)) {
                errors.add(FieldError.of("corporateNumber", "A resident group has no legal personality, so no corporate number.",
                        "住民等の団体は法人格がないため法人番号を登録できません。"));
            } else {
                corporateNumber = CorporateNumber.parse(profile.corporateNumber()).map(CorporateNumber::digits).orElse(null);
                if (corporateNumber == null) {
                    errors.add(FieldError.of("corporateNumber",
                            "Not a corporate number: 13 digits whose first is the check digit of the other twelve.",
                            "法人番号が正しくありません（13桁で、先頭がチェックデジットです）。"));
                }
            }
        }
        String postalCode = null;
        if (blankToNull(profile.postalCode()) != null) {
            postalCode = PostalCode.parse(profile.postalCode()).map(PostalCode::digits).orElse(null);
            if (postalCode == null) {
                errors.add(FieldError.of("postalCode", "A postal code has 7 digits, e.g. 100-0001.",
                        "郵便番号は7桁で入力してください（例: 100-0001）。"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        organization.rename(profile.name().strip(), KanaReading.normalize(profile.nameKana()));
        organization.corporateNumber = corporateNumber;
        organization.representativeName = blankToNull(profile.representativeName());
        organization.postalCode = postalCode;
        organization.address = blankToNull(profile.address());
        organization.contact = profile.contact() == null ? new ContactDetails()
                : new ContactDetails(blankToNull(profile.contact().phone()), blankToNull(profile.contact().email()),
                        blankToNull(profile.contact().website()));
        organization.contactPublic = Boolean.TRUE.equals(profile.contactPublic());
        organization.replaceFields(profile.fields() == null ? List.of() : profile.fields());
        organization.description = blankToNull(profile.description());
        organization.profileChanged();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
