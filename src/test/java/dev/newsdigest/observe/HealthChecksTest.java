package dev.newsdigest.observe;

import dev.newsdigest.support.TestStates;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dev.newsdigest.state.StateStore;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed and publish health checks, from a real state store. */
class HealthChecksTest {
    @TempDir
    Path dir;

    private static HealthCheck.Result call(org.apache.camel.impl.health.AbstractHealthCheck check) {
        check.setCamelContext(new DefaultCamelContext());
        return check.call();
    }

    @Test
    void aFeedIsDownFromItsThirdFailureInARowAndUpAgainAfterASuccess() {
        try (StateStore store = TestStates.open(dir, ZoneId.of("UTC"), Duration.ofMinutes(5), Clock.systemUTC())) {
            FeedHealthCheck check = new FeedHealthCheck("news", store);
            assertThat(call(check).getState()).isEqualTo(HealthCheck.State.UP); // never polled: nothing wrong yet
            store.feedFailed("news", "HTTP 500");
            store.feedFailed("news", "HTTP 500");
            assertThat(call(check).getState()).isEqualTo(HealthCheck.State.UP);
            store.feedFailed("news", "HTTP 500");
            HealthCheck.Result down = call(check);
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage()).hasValue("feed news failed 3 polls in a row: HTTP 500");
            assertThat(down.getDetails()).containsEntry("consecutiveFailures", 3).containsEntry("error", "HTTP 500");
            store.feedSucceeded("news");
            assertThat(call(check).getState()).isEqualTo(HealthCheck.State.UP);
        }
    }

    @Test
    void publishingIsDownWhileAFailedDeliveryIsPending() {
        try (StateStore store = TestStates.open(dir, ZoneId.of("UTC"), Duration.ofMinutes(5), Clock.systemUTC())) {
            PublishHealthCheck check = new PublishHealthCheck(store);
            assertThat(call(check).getDetails()).containsEntry("lastPublish", "never");
            LocalDate day = store.today();
            store.markPublished(day, 1, List.of(), "{}", "# d", List.of("file", "webhook"));
            assertThat(call(check).getState()).isEqualTo(HealthCheck.State.UP); // pending, not failed yet
            StateStore.PendingDelivery hook = store.pendingDeliveries().stream()
                    .filter(d -> d.channel().equals("webhook")).findFirst().orElseThrow();
            store.deliveryFailed(hook, "HTTP 503", false);
            HealthCheck.Result down = call(check);
            assertThat(down.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(down.getMessage()).hasValueSatisfying(m -> assertThat(m).startsWith("delivery failing on webhook"));
            assertThat(down.getDetails()).containsEntry("webhook.error", "HTTP 503").containsEntry("webhook.pending", 1);
            store.deliverySucceeded(hook);
            HealthCheck.Result up = call(check);
            assertThat(up.getState()).isEqualTo(HealthCheck.State.UP);
            assertThat(up.getDetails().get("lastPublish").toString()).startsWith(day + " r1 at ");
            assertThat(up.getDetails().get("webhook.lastDelivery").toString()).isNotEqualTo("never");
        }
    }
}
