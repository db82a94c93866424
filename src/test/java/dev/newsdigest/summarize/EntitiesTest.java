package dev.newsdigest.summarize;

import java.util.List;

import dev.newsdigest.model.Victim;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The model's entities are kept only where the article names them, in any script; its event fields are checked. */
class EntitiesTest {
    private static final String JAPANESE = "株式会社ＫＡＤＯＫＡＷＡは、ランサムウェアを含むサイバー攻撃を受けたと発表した。BlackSuitが犯行声明を出した。";

    @Test
    void aVictimIsKeptWhenTheArticleWritesItsOriginalOrEnglishName() {
        List<Victim> kept = Entities.victims(List.of(
                new Victim("KADOKAWA", "株式会社KADOKAWA"),     // full-width in the text: NFKC makes them one
                new Victim("Niconico", "ニコニコ"),              // not in the text: made up
                new Victim("BlackSuit", "")), JAPANESE);         // its English name is in the text
        assertThat(kept).containsExactly(new Victim("KADOKAWA", "株式会社KADOKAWA"), new Victim("BlackSuit", "BlackSuit"));
        assertThat(Entities.grounded(List.of("BlackSuit", "LockBit"), JAPANESE)).containsExactly("BlackSuit");
    }

    @Test
    void theEventTypeIsOneOfTheSchemasAndTheKeyIsAKey() {
        assertThat(Entities.eventType("ransomware")).isEqualTo("ransomware");
        assertThat(Entities.eventType("cyber-war")).isNull();
        assertThat(Entities.eventKey("Siemens Energy|Data-Breach|MOVEit <script>")).isEqualTo("siemens-energy|data-breach|moveit-script");
        assertThat(Entities.eventKey("  ")).isNull();
    }
}
