package dev.newsdigest.story;

import java.util.List;

import dev.newsdigest.model.Digest;
import dev.newsdigest.model.DigestItem;
import dev.newsdigest.model.Incident;
import dev.newsdigest.model.Victim;
import dev.newsdigest.publish.DigestRenderer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A breach told both as a news story and among the Japanese incidents is marked on both sides. */
class IncidentLinkTest {
    @Test
    void anIncidentNamingAStorysVictimIsLinkedAndBothSidesSaySo() {
        DigestItem news = new DigestItem("bleepingcomputer", "https://news.example.com/kinoshita", "Japanese parts maker Kinoshita Seiki hit by ransomware",
                "木下精機にランサムウェア攻撃", null, List.of("s"), List.of(), List.of(), List.of(), List.of(), false, null, "model:m", "page",
                DigestItem.Usage.NONE).withEvent(List.of(new Victim("Kinoshita Seiki", "木下精機")), List.of(), "ransomware", "k|ransomware", null);
        DigestItem other = new DigestItem("bleepingcomputer", "https://news.example.com/other", "Other news", "他のニュース", null, List.of("s"),
                List.of(), List.of(), List.of(), List.of(), false, null, "model:m", "page", DigestItem.Usage.NONE);
        List<Incident> incidents = Stories.linkIncidents(List.of(news, other), List.of(
                new Incident("securitynext", "木下精機にランサム攻撃、出荷に遅れ", "https://www.security-next.com/147198", null),
                new Incident("securitynext", "病院でランサム被害、電子カルテが利用不能に", "https://www.security-next.com/147100", null)));

        assertThat(incidents).extracting(Incident::storyKey).containsExactly("https://news.example.com/kinoshita", null);

        Digest digest = new Digest("2026-11-26", 1, "2026-11-26T23:55:04+09:00", "ja", null, "o", List.of(), List.of(news, other), incidents,
                List.of(), List.of(), new Digest.Usage(0, 0, 0, false));
        String md = new DigestRenderer().markdown(digest);
        assertThat(md).contains("- 日本の侵害事例にも掲載: 木下精機にランサム攻撃、出荷に遅れ\n",
                "- 木下精機にランサム攻撃、出荷に遅れ（ニュース「木下精機にランサムウェア攻撃」と同じ事例）(https://www.security-next.com/147198)\n",
                "- 病院でランサム被害、電子カルテが利用不能に(https://www.security-next.com/147100)\n");
        assertThat(occurrences(md, "日本の侵害事例にも掲載")).isEqualTo(1);
    }

    private static int occurrences(String text, String needle) {
        return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }
}
