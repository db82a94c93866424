package dev.newsdigest.story;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Near-duplicate titles: syndicated copies are alike; titles that share letters but not words, or only a template, are not. */
class TitleSimilarityTest {
    @Test
    void syndicatedCopiesAreAlikeAndSharedLettersOrTemplatesAreNot() {
        assertThat(TitleSimilarity.of("North Korean hackers pose as recruiters to target developers with malware",
                "North Korean Hackers Pose as Recruiters to Target Developers With Malware")).isEqualTo(1.0);
        assertThat(TitleSimilarity.of("Direct to inside", "Redirect to inside")).isLessThan(StoryMatcher.TITLE_THRESHOLD);
        assertThat(TitleSimilarity.of("Ransomware attack disrupts operations at Halliburton",
                "Ransomware attack disrupts operations at Kadokawa")).isLessThan(StoryMatcher.TITLE_THRESHOLD);
        assertThat(TitleSimilarity.of("「FortiWeb」に深刻な脆弱性、悪用を確認", "「FortiWeb」に深刻な脆弱性、悪用を確認　管理者アカウント作成の被害"))
                .isLessThan(StoryMatcher.TITLE_THRESHOLD);
        assertThat(TitleSimilarity.of("KADOKAWAにランサム攻撃、ニコニコ動画など停止", "KADOKAWAにランサム攻撃　ニコニコ動画など停止"))
                .isGreaterThanOrEqualTo(StoryMatcher.TITLE_THRESHOLD);
    }

    @Test
    void corporateFormsAndPunctuationDoNotMakeTwoNames() {
        assertThat(Names.fold("Casio Computer Co., Ltd.")).isEqualTo(Names.fold("Casio Computer"));
        assertThat(Names.fold("株式会社ＫＡＤＯＫＡＷＡ")).isEqualTo(Names.fold("Kadokawa"));
        assertThat(Names.fold("HOYA株式会社")).isEqualTo(Names.fold("Hoya Corporation"));
        assertThat(Names.fold("Halliburton")).isNotEqualTo(Names.fold("Kadokawa"));
    }
}
