package jp.kyodo.directory.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.domain.ContactDetails;

@Schema(description = "How to reach the organisation (連絡先)")
public record ContactView(@Schema(description = "Telephone") String phone, @Schema(description = "E-mail") String email,
        @Schema(description = "Web site") String website) {

    static ContactView of(ContactDetails contact) {
        return contact == null ? new ContactView(null, null, null)
                : new ContactView(contact.phone, contact.email, contact.website);
    }
}
