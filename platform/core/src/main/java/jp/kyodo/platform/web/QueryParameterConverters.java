package jp.kyodo.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import jp.kyodo.platform.problem.LocalizedText;
import jp.kyodo.platform.problem.ProblemException;

/**
 * The one way query parameters are read in every service: a resource declares each one with its type and gets it
 * converted here, never parsing text itself. UUIDs, whole numbers, dates ({@code 2027-04-01}), booleans ({@code true}
 * or {@code false}, nothing else), enums (their exact codes), and value objects with a static {@code fromString}
 * (JAX-RS's own convention, e.g. the fiscal year). An empty value is no value ({@code ?status=} is no filter).
 * <p>
 * A value that does not convert is a 400 naming the parameter. JAX-RS would answer 404, as if the resource were
 * missing (or, for a boolean, take anything but {@code true} for {@code false}). The problem travels as the cause of
 * a {@link BadRequestException}, the one exception a converter may throw as is.
 */
@Provider
public class QueryParameterConverters implements ParamConverterProvider {

    @Override
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = queryParameterName(annotations);
        Function<String, Object> parser = name == null ? null : parser(rawType);
        if (parser == null) {
            return null;
        }
        return new ParamConverter<>() {
            @Override
            @SuppressWarnings("unchecked")
            public T fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return (T) parser.apply(value.trim());
                } catch (RuntimeException e) {
                    throw invalid(name, value, rawType);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
            }
        };
    }

    private static String queryParameterName(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam query) {
                    return query.value();
                }
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<String, Object> parser(Class<?> type) {
        Method fromString = fromString(type);
        if (fromString != null) {
            return value -> invoke(fromString, value);
        }
        if (type.isEnum()) {
            return value -> Enum.valueOf((Class) type, value);
        }
        if (type == UUID.class) {
            return UUID::fromString;
        }
        if (type == Integer.class || type == int.class) {
            return Integer::valueOf;
        }
        if (type == Long.class || type == long.class) {
            return Long::valueOf;
        }
        if (type == Boolean.class || type == boolean.class) {
            return QueryParameterConverters::strictBoolean;
        }
        if (type == LocalDate.class) {
            return LocalDate::parse;
        }
        return null;
    }

    private static Boolean strictBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean: " + value);
        };
    }

    /** {@code public static T fromString(String)} declared by the type itself, or null. */
    private static Method fromString(Class<?> type) {
        try {
            Method method = type.getDeclaredMethod("fromString", String.class);
            int modifiers = method.getModifiers();
            return Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers) && type.isAssignableFrom(
                    method.getReturnType()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object invoke(Method factory, String value) {
        try {
            return factory.invoke(null, value);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException refused ? refused : new IllegalArgumentException(e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BadRequestException invalid(String name, String value, Class<?> type) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        LocalizedText expected = expected(type);
        return new BadRequestException(ProblemException.invalidField(name,
                "Invalid value: " + shown + "." + (expected == null ? "" : " Expected " + expected.en() + "."),
                "値が不正です: " + shown + (expected == null ? "" : "（" + expected.ja() + "）")));
    }

    /** What a valid value looks like, for the message; null where the type says it best itself. */
    private static LocalizedText expected(Class<?> type) {
        if (type.isEnum()) {
            String codes = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return LocalizedText.of("one of " + codes, "次のいずれか: " + codes);
        }
        if (type == Boolean.class || type == boolean.class) {
            return LocalizedText.of("true or false", "true または false");
        }
        if (type == LocalDate.class) {
            return LocalizedText.of("a date such as 2027-04-01", "2027-04-01 の形式の日付");
        }
        if (type == UUID.class) {
            return LocalizedText.of("a UUID", "UUID");
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return LocalizedText.of("a whole number", "整数");
        }
        return null;
    }
}
