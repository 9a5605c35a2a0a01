package jp.kyodo.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An amount of money in whole yen (円); never negative, never fractional. */
public record Yen(long amount) implements Comparable<Yen> {

    public static final Yen ZERO = new Yen(0);

    public Yen {
        if (amount < 0) {
            throw new IllegalArgumentException("an amount in yen cannot be negative: " + amount);
        }
    }

    @JsonCreator
    public static Yen of(long amount) {
        return new Yen(amount);
    }

    @JsonValue
    public long amount() {
        return amount;
    }

    public Yen plus(Yen other) {
        return new Yen(Math.addExact(amount, other.amount));
    }

    /** The difference, which must not be negative (use {@link #exceeds} to compare first). */
    public Yen minus(Yen other) {
        return new Yen(Math.subtractExact(amount, other.amount));
    }

    public boolean exceeds(Yen other) {
        return amount > other.amount;
    }

    @Override
    public int compareTo(Yen other) {
        return Long.compare(amount, other.amount);
    }

    /** Like 1,234,567円. */
    @Override
    public String toString() {
        return String.format("%,d円", amount);
    }
}
