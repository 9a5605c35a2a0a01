package jp.kyodo.directory.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 利用目的: what the city does with talent-bank data, stated before a person consents (個人情報保護法). A person
 * consents to one statement, named by its id; a new wording gets a new id and needs new consent.
 */
@Schema(description = "Purpose of use (利用目的) a person consents to")
public record PurposeOfUse(@Schema(description = "Id of this wording; consent names it") String id,
        @Schema(description = "The statement in English") String en,
        @Schema(description = "The statement in Japanese") String ja) {

    public static final PurposeOfUse CURRENT = new PurposeOfUse("talent-bank-2025-1",
            "City staff and coordinators of civic activity support centres use your skills, fields, availability and "
                    + "contact details only to contact you about collaboration projects and volunteer opportunities in "
                    + "the city. Nothing is published or given to third parties. You can change or delete your entry at "
                    + "any time; it is deleted automatically when your consent is not renewed within the retention period.",
            "市の職員および市民活動支援センターのコーディネーターが、市内の協働事業やボランティア活動についてご連絡するためにのみ、"
                    + "あなたの技能・分野・活動可能な時間・連絡先を利用します。公開や第三者への提供は行いません。"
                    + "登録内容はいつでも変更・削除でき、保存期間内に同意の更新がない場合は自動的に削除されます。");
}
