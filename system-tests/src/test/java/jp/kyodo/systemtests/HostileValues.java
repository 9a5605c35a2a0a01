package jp.kyodo.systemtests;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;

/**
 * Hostile and edge-case values for {@link HostileRequests}, drawn from jqwik's generators with one fixed seed, so that
 * a run can be repeated value for value.
 */
final class HostileValues {

    /** Injection attempts a text field may meet: SQL, markup and script, path and template tricks. */
    private static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "'; DROP TABLE organization; --", "\" OR 1=1 --", "1; SELECT pg_sleep(5)--",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>",
            "javascript:alert(1)", "../../../../etc/passwd", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "%00%0d%0a",
            "=HYPERLINK(\"http://127.0.0.1\")", "\\u0000");

    /** Characters that break naive handling: NUL, controls, bidi overrides, zero-width, astral, combining marks. */
    private static final List<String> ODD_CHARACTERS = List.of("\u0000", "\u0007", "\r\n", "\u202e", "\u200b", "\ufeff",
            "\ud83c\udf38", "\u0301", "\uffff", "\t");

    private final Random random;
    private final RandomGenerator<String> injections;
    private final RandomGenerator<String> anyText;
    private final RandomGenerator<String> notUuid;
    private final RandomGenerator<BigInteger> beyondLong;
    private final RandomGenerator<String> enumLike;

    HostileValues(long seed) {
        random = new Random(seed);
        Arbitrary<String> noise = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(12);
        injections = Combinators.combine(Arbitraries.of(INJECTIONS), Arbitraries.of(ODD_CHARACTERS), noise)
                .as((injection, odd, tail) -> injection + odd + tail).generator(1000);
        anyText = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(64).generator(1000);
        notUuid = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('g', 'z').ofMinLength(1).ofMaxLength(36),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20),
                Arbitraries.strings().withChars("0123456789abcdef-").ofLength(35),
                Arbitraries.of("null", "undefined", "0", "-1", "{id}", "00000000-0000-0000-0000-00000000000g"))
                .generator(1000);
        beyondLong = Arbitraries.bigIntegers()
                .between(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE), BigInteger.TEN.pow(40))
                .generator(1000);
        enumLike = Arbitraries.strings().withCharRange('A', 'Z').withChars('_').ofMinLength(3).ofMaxLength(20)
                .generator(1000);
    }

    /** SQL, HTML or script with an odd character and random noise. */
    String injection() {
        return injections.next(random).value();
    }

    /** Any characters at all, lone surrogates and controls included. */
    String anyText() {
        return anyText.next(random).value();
    }

    /** Something that is not a UUID. */
    String notUuid() {
        return notUuid.next(random).value();
    }

    /** An integer beyond the range of a long, as JSON number text. */
    String beyondLong() {
        BigInteger value = beyondLong.next(random).value();
        return random.nextBoolean() ? value.toString() : value.negate().toString();
    }

    /** An upper-case name that is no value of the enum (the enum's own values are passed to avoid them). */
    String unknownEnum(List<String> known) {
        for (int i = 0; i < 20; i++) {
            String candidate = enumLike.next(random).value();
            if (!known.contains(candidate)) {
                return candidate;
            }
        }
        return "NO_SUCH_VALUE";
    }

    /** A UUID nothing has (random, so it exists nowhere). */
    String unknownUuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** Printable ASCII of the given length (for header values, which must stay printable). */
    String printable(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('!' + random.nextInt('~' - '!' + 1)));
        }
        return s.toString();
    }

    /** A string of {@code length} letters (the huge-string cases). */
    String huge(int length) {
        String chunk = Arbitraries.strings().alpha().numeric().ofLength(997).generator(1000).next(random).value();
        StringBuilder s = new StringBuilder(length + chunk.length());
        while (s.length() < length) {
            s.append(chunk);
        }
        s.setLength(length);
        return s.toString();
    }
}
