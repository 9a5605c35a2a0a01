package jp.kyodo.evaluation.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import jp.kyodo.directory.readmodel.ActorType;

/** A party of the agreement: each one assesses every round on its own, departments included. */
@Embeddable
public class PlanParty {

    @Column(name = "organization_id")
    public UUID organizationId;
    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type")
    public ActorType actorType;
    public String name;

    public PlanParty() {
    }

    public PlanParty(UUID organizationId, ActorType actorType, String name) {
        this.organizationId = organizationId;
        this.actorType = actorType;
        this.name = name;
    }

    public boolean isCityDepartment() {
        return actorType == ActorType.CITY_DEPARTMENT;
    }
}
