package dev.newsdigest.summarize;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTest {

    @Test
    void truncatesAtTheLastSentenceBoundaryBeforeTheLimit() {
        assertThat(Sentences.truncate("One sentence. Two sentences here. Three is cut", 35)).isEqualTo("One sentence. Two sentences here.");
        assertThat(Sentences.truncate("最初の文です。次の文です。三つ目の文は長い", 14)).isEqualTo("最初の文です。次の文です。");
        assertThat(Sentences.truncate("short", 100)).isEqualTo("short");
    }

    @Test
    void splitsEnglishAndJapaneseSentences() {
        assertThat(Sentences.split("A first one. A second one.\n日本語の文。二つ目。"))
                .containsExactly("A first one.", "A second one.", "日本語の文。", "二つ目。");
    }
}
