package jp.kyodo.platform.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import jp.kyodo.platform.problem.ProblemException;

/**
 * Typed query parameters (UUIDs, whole numbers, dates, enums) whose value does not parse are a 400 naming the
 * parameter. JAX-RS would answer 404, as if the resource were missing, which sends a client looking in the wrong place.
 * The problem travels as the cause of a {@link BadRequestException}, the one exception a converter may throw as is.
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
                if (value == null) {
                    return null;
                }
                try {
                    return (T) parser.apply(value.trim());
                } catch (RuntimeException e) {
                    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
                    throw new BadRequestException(ProblemException.invalidField(name,
                            "Invalid value: " + shown + ".", "値が不正です: " + shown));
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
        if (type == UUID.class) {
            return UUID::fromString;
        }
        if (type == Integer.class || type == int.class) {
            return Integer::valueOf;
        }
        if (type == Long.class || type == long.class) {
            return Long::valueOf;
        }
        if (type == LocalDate.class) {
            return LocalDate::parse;
        }
        if (type.isEnum()) {
            return value -> Enum.valueOf((Class) type, value);
        }
        return null;
    }
}
