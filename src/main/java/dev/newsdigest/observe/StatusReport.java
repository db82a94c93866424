package dev.newsdigest.observe;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import dev.newsdigest.config.FeedConfig;
import dev.newsdigest.config.Settings;
import dev.newsdigest.fetch.InFlight;
import dev.newsdigest.state.Instances;
import dev.newsdigest.state.StateStore;
import dev.newsdigest.state.TokenLedger;

/** What the {@code status} command prints: each feed's last poll, today's items, the last digest and its deliveries, today's model usage. */
public final class StatusReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private StatusReport() {
    }

    public static String render(Settings settings, StateStore store) {
        return render(settings, store, List.of());
    }

    /** The report of a running process: also the outbound requests it has under way, with their age. */
    public static String render(Settings settings, StateStore store, List<InFlight.Request> inFlight) {
        ZoneId zone = settings.timezone();
        StringBuilder out = new StringBuilder();
        out.append("state: ").append(settings.stateDir().toAbsolutePath()).append('\n');
        List<Instances.Instance> instances = store.instances();
        if (!instances.isEmpty()) {
            out.append("instances (sharing ").append(settings.database()).append("):\n");
            Instant now = Instant.now();
            for (Instances.Instance i : instances) {
                out.append("  ").append(i.host()).append(" pid ").append(i.pid()).append(i.self() ? " (this one)" : "")
                        .append("  heartbeat ").append(time(i.heartbeat(), zone)).append(i.alive(now) ? "" : " (not alive)")
                        .append(", ").append(i.claims()).append(" claim(s)\n");
            }
        }
        out.append("feeds:\n");
        Map<String, StateStore.FeedStatus> statuses = store.feedStatuses();
        int width = settings.feeds().stream().mapToInt(f -> f.id().length()).max().orElse(4);
        for (FeedConfig feed : settings.feeds()) {
            StateStore.FeedStatus s = statuses.get(feed.id());
            out.append("  ").append(pad(feed.id(), width)).append("  ");
            if (s == null) {
                out.append("not polled yet\n");
                continue;
            }
            out.append("last poll ").append(time(s.lastPoll(), zone)).append("  ");
            out.append(s.ok() ? "ok" : "failing (" + s.consecutiveFailures() + " in a row): " + s.error());
            if (s.ok() && s.newItems() != null) {
                out.append(", ").append(s.newItems()).append(" new");
            }
            out.append('\n');
        }
        LocalDate today = store.today();
        out.append("today (").append(today).append("): ").append(store.doneCount(today)).append(" item(s) collected\n");
        TokenLedger.DayUsage usage = new TokenLedger(store).usage(today);
        out.append("model today: ").append(usage.calls()).append(" call(s), ").append(usage.inputTokens()).append(" input + ")
                .append(usage.outputTokens()).append(" output tokens");
        if (settings.llmDailyTokenBudget() != Long.MAX_VALUE) {
            out.append(" of a budget of ").append(settings.llmDailyTokenBudget()).append(usage.budgetReached() ? " (reached)" : "");
        }
        out.append('\n');
        if (!inFlight.isEmpty()) {
            Instant now = Instant.now();
            out.append("requests in flight: ").append(inFlight.size()).append('\n');
            for (InFlight.Request r : inFlight) {
                out.append("  ").append(pad(r.kind(), 8)).append(r.method()).append(' ').append(r.host()).append("  for ")
                        .append(r.age(now).toSeconds()).append(" s\n");
            }
        }
        StateStore.PublishedRevision last = store.lastPublished();
        if (last == null) {
            out.append("last digest: none published yet\n");
            return out.toString();
        }
        out.append("last digest: ").append(last.day()).append(" revision ").append(last.revision()).append(", published ")
                .append(time(last.publishedAt(), zone)).append('\n');
        String prefix = last.day() + "-r" + last.revision();
        List<StateStore.DeliveryState> deliveries = store.deliveries(last.day()).stream()
                .filter(d -> d.idempotencyKey().startsWith(prefix)).toList();
        for (StateStore.DeliveryState d : deliveries) {
            out.append("  ").append(pad(d.channel(), 8)).append(d.status().toLowerCase(java.util.Locale.ROOT))
                    .append(d.attempts() > 1 ? " after " + d.attempts() + " attempts" : "")
                    .append(d.lastError() == null || d.status().equals("SENT") ? "" : ": " + d.lastError())
                    .append(d.idempotencyKey().equals(prefix) ? "" : " (" + d.idempotencyKey() + ")").append('\n');
        }
        return out.toString();
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? "never" : TIME.format(t.atZone(zone));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
