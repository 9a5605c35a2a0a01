package jp.kyodo.directory.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.directory.domain.ContactDetails;

@Schema(name = "OrganizationContact", description = "How to reach the organisation (連絡先)")
public record ContactView(@Schema(description = "Telephone", nullable = true) String phone, @Schema(description = "E-mail", nullable = true) String email,
        @Schema(description = "Web site", nullable = true) String website) {

    static ContactView of(ContactDetails contact) {
        return contact == null ? new ContactView(null, null, null)
                : new ContactView(contact.phone, contact.email, contact.website);
    }
}
