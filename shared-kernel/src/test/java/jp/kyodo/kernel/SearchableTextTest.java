package jp.kyodo.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchableTextTest {

    @Test
    void halfWidthFullWidthHiraganaAndKatakanaReadingsFoldAlike() {
        assertThat(SearchableText.fold("ｺｳｴﾝ")).isEqualTo(SearchableText.fold("コウエン"))
                .isEqualTo(SearchableText.fold("こうえん"));
        assertThat(SearchableText.fold("ＮＰＯ法人")).isEqualTo(SearchableText.fold("npo法人"));
    }

    @Test
    void commonVariantKanjiFoldToTheirUsualForm() {
        assertThat(SearchableText.fold("髙橋")).isEqualTo(SearchableText.fold("高橋"));
        assertThat(SearchableText.fold("山﨑")).isEqualTo(SearchableText.fold("山崎"));
        assertThat(SearchableText.fold("德島")).isEqualTo(SearchableText.fold("徳島"));
    }

    @Test
    void bigramsFindAWordInsideTextWithoutSpaces() {
        assertThat(SearchableText.bigrams("市民公園の協働管理")).containsAll(SearchableText.bigrams("公園"));
        assertThat(SearchableText.bigrams("市民公園の協働管理")).doesNotContainAnyElementsOf(SearchableText.bigrams("公民"));
        assertThat(SearchableText.bigrams("森")).containsExactly("森");
    }
}
