package jp.kyodo.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import jp.kyodo.kernel.SearchableText;

/** A skill as the person wrote it, and the key it is found by. */
@Embeddable
public class TalentSkill {

    public String skill;

    @Column(name = "skill_folded")
    public String skillFolded;

    public TalentSkill() {
    }

    public TalentSkill(String skill) {
        this.skill = skill;
        this.skillFolded = SearchableText.fold(skill);
    }
}
