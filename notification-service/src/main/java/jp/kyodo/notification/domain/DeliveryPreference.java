package jp.kyodo.notification.domain;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How one person wants one kind of notification; without a row, {@link #DEFAULT}. */
@Entity
@Table(name = "delivery_preference")
@IdClass(DeliveryPreference.Key.class)
public class DeliveryPreference extends PanacheEntityBase {

    public static final Delivery DEFAULT = Delivery.IMMEDIATELY;

    @Id
    public String subject;
    @Id
    @Enumerated(EnumType.STRING)
    public NoticeKind kind;
    @Enumerated(EnumType.STRING)
    public Delivery delivery;

    public static Delivery of(String subject, NoticeKind kind) {
        DeliveryPreference found = findById(new Key(subject, kind));
        return found == null ? DEFAULT : found.delivery;
    }

    /** Composite key. */
    public static class Key implements Serializable {
        public String subject;
        public NoticeKind kind;

        public Key() {
        }

        public Key(String subject, NoticeKind kind) {
            this.subject = subject;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(subject, k.subject) && kind == k.kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(subject, kind);
        }
    }
}
