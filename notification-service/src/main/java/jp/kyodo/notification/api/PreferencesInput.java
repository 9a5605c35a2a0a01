package jp.kyodo.notification.api;

import java.util.Map;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.kyodo.notification.domain.Delivery;
import jp.kyodo.notification.domain.Language;
import jp.kyodo.notification.domain.NoticeKind;

/** New preferences: the language, and the deliveries of the kinds to change (others keep theirs). */
@Schema(name = "NotificationPreferencesChange", description = "New preferences: the language, and the deliveries of the kinds to change")
public record PreferencesInput(
        @NotNull @Schema(required = true, description = "Language of mails: ja or en") Language language,
        @NotNull @Schema(required = true, description = "Per kind: IMMEDIATELY, DAILY_DIGEST or OFF") Map<NoticeKind, Delivery> deliveries) {
}
