package jp.kyodo.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read whose answer is the same for everyone who may see it (published records, the public directory, open
 * data), so a CDN or a city portal may keep it. {@link PublicReads} gives every successful answer of such a method
 * (or of every method of such a class) {@code Cache-Control: public}, an {@code ETag}, and answers a matching
 * {@code If-None-Match} with 304. A method that is public only for some of its answers (a proposal is readable by
 * anyone once adopted) leaves the annotation off and marks those answers with {@link PublicReads#publicly}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface PublicRead {
}
