package dev.newsdigest.text;

import dev.newsdigest.model.DigestItem;
import dev.newsdigest.config.Messages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DefangTest {
    @org.junit.jupiter.api.Test
    void anOfflineSummaryOfHostilePageTextCarriesNoLiveUrl() {
        var offline = new dev.newsdigest.summarize.OfflineSummarizer(
                new dev.newsdigest.summarize.IocExtractor(java.util.Set.of()), Messages.of("en"));
        var article = new dev.newsdigest.model.Article("news", dev.newsdigest.config.FeedConfig.Section.NEWS,
                "https://n.example/a", "https://n.example/a", "Update now at http://evil.example/patch", "", null, null, 0);
        DigestItem item = offline.summarize(new dev.newsdigest.model.EnrichedArticle(article,
                "Get the fix at https://evil.example/fix.exe today. Nothing else.", "page"));
        assertThat(item.summary()).containsExactly("Get the fix at hxxps://evil[.]example/fix.exe today.", "Nothing else.");
        assertThat(String.join(" ", item.summary()) + item.title()).doesNotContain("http://", "https://");
    }

    @Test
    void liveUrlsInProseAreDefangedLikeIocs() {
        assertThat(Defang.urlsIn("Download the fix from http://evil.example.com/update.exe now, or see www.evil.example."))
                .isEqualTo("Download the fix from hxxp://evil[.]example[.]com/update.exe now, or see www[.]evil[.]example[.]");
        assertThat(Defang.urlsIn("HTTPS://Evil.Example/x")).isEqualTo("hxxpS://Evil[.]Example/x");
        assertThat(Defang.urlsIn("no links here, just 3.5 percent")).isEqualTo("no links here, just 3.5 percent");
    }
}
