package jp.kyodo.systemtests;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Reads a mail as GreenMail's API returns it (the raw MIME message): its decoded subject and text parts. */
final class Mails {

    private static final Session SESSION = Session.getInstance(new Properties());

    private Mails() {
    }

    static String subject(String raw) {
        try {
            String subject = parse(raw).getSubject();
            return subject == null ? "" : subject;
        } catch (Exception e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    /** Every text part, decoded (plain text and HTML). */
    static String text(String raw) {
        try {
            return text(parse(raw).getContent());
        } catch (Exception e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        return "";
    }

    private static MimeMessage parse(String raw) throws Exception {
        return new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }
}
