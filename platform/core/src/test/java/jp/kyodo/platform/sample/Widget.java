package jp.kyodo.platform.sample;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A minimal aggregate to exercise the platform in tests. */
@Entity
public class Widget extends PanacheEntityBase {

    public enum Colour {
        RED, BLUE
    }

    @Id
    public UUID id;
    public String name;
    @Enumerated(EnumType.STRING)
    public Colour colour;
    @Version
    public long version;
}
