package dev.newsdigest.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlNormalizerTest {

    @Test
    void lowerCasesSchemeAndHostAndDropsFragmentDefaultPortAndTrackingParameters() {
        assertThat(UrlNormalizer.normalize("HTTPS://WWW.Example.COM:443/News/Item?id=7&utm_source=rss&utm_medium=x&fbclid=abc#comments"))
                .isEqualTo("https://www.example.com/News/Item?id=7");
    }

    @Test
    void twoCampaignLinksToTheSameStoryGetOneKey() {
        assertThat(UrlNormalizer.normalize("http://a.example/story?utm_campaign=mail"))
                .isEqualTo(UrlNormalizer.normalize("http://A.example/story#top"));
    }

    @Test
    void keepsNonDefaultPortsAndOrdinaryParameters() {
        assertThat(UrlNormalizer.normalize("http://127.0.0.1:8080/p?page=2")).isEqualTo("http://127.0.0.1:8080/p?page=2");
    }

    @Test
    void refusesWhatIsNotAnAbsoluteHttpUrl() {
        assertThat(UrlNormalizer.normalize("javascript:alert(1)")).isNull();
        assertThat(UrlNormalizer.normalize("/relative/path")).isNull();
        assertThat(UrlNormalizer.normalize("")).isNull();
        assertThat(UrlNormalizer.normalize(null)).isNull();
    }
}
