package jp.kyodo.directory.domain;

import jakarta.persistence.Embeddable;

/** How to reach an organisation (連絡先). Shown publicly only when the organisation chose so. */
@Embeddable
public class ContactDetails {

    public String phone;
    public String email;
    public String website;

    public ContactDetails() {
    }

    public ContactDetails(String phone, String email, String website) {
        this.phone = phone;
        this.email = email;
        this.website = website;
    }
}
