package dev.newsdigest.story;

import java.time.LocalDate;

import dev.newsdigest.state.StateStore;
import dev.newsdigest.state.StoryLedger;
import dev.newsdigest.support.PipelineTestSupport;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A story published yesterday, told again today: the item is 【続報】 under yesterday's story key, with a line of what is
 * new since, from the stored fields.
 */
class FollowUpTest extends PipelineTestSupport {
    private static final String YESTERDAYS_KEY = "https://first-outlet.example/fortiweb-flaw";

    private StateStore store() {
        return context.getRegistry().lookupByNameAndType("stateStore", StateStore.class);
    }

    @Test
    void aStoryPublishedYesterdayIsAFollowUpWithWhatIsNew() {
        LocalDate today = store().today();
        // yesterday's digest told the FortiWeb story with its CVE and one address
        store().stories().published(YESTERDAYS_KEY, today.minusDays(1), """
                {"title":"Fortinet warns of FortiWeb flaw exploited to create admin accounts","language":"en","cves":["CVE-2025-64446"],
                 "victims":[],"eventType":"vulnerability-exploited","eventKey":"event|cve-2025-64446","kev":[],"iocs":["ipv4:203.0.113.45"]}""");

        poll();
        publish();

        JsonNode fortiWeb = null;
        for (JsonNode item : digestJson().path("items")) {
            if (item.path("url").asText().contains("fortiweb")) {
                fortiWeb = item;
            } else {
                assertThat(item.has("followUp")).as(item.path("url").asText()).isFalse();
            }
        }
        assertThat(fortiWeb.path("storyKey").asText()).isEqualTo(YESTERDAYS_KEY);
        JsonNode followUp = fortiWeb.path("followUp");
        assertThat(followUp.path("previousDay").asText()).isEqualTo(today.minusDays(1).toString());
        assertThat(followUp.path("newCves")).isEmpty();
        int addresses = 0;
        for (JsonNode ioc : fortiWeb.path("iocs")) {
            addresses += ioc.path("type").asText().equals("cve") ? 0 : 1;
        }
        assertThat(followUp.path("newIocs").asInt()).isEqualTo(addresses - 1).isPositive(); // all but yesterday's address

        String md = markdown();
        assertThat(md).contains("### 【続報】【要約】FortiWeb authentication bypass flaw exploited in attacks\n");
        assertThat(md).contains("- 前回（" + today.minusDays(1) + "）からの更新: 新しいIOC " + (addresses - 1) + "件\n");

        // the story is now last published today, under its first key
        assertThat(store().stories().recent(today, today.plusDays(1))).extracting(StoryLedger.StoredStory::key).contains(YESTERDAYS_KEY);
    }
}
