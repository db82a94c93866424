package dev.newsdigest.summarize;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Optional;
import java.util.function.Supplier;

import dev.newsdigest.observe.DigestMetrics;
import dev.newsdigest.state.FleetLimits;
import dev.newsdigest.state.TokenLedger;
import com.google.common.util.concurrent.RateLimiter;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way to the model, for articles and the overview alike: the day's token budget,
 * {@code digest.llm.requests-per-minute}, {@code digest.llm.max-concurrent} calls in flight, and the item's deadline
 * ({@code digest.llm.item-timeout}). Each call's latency and tokens go to the metrics, its tokens to the day's ledger.
 * The budget is checked before a call, so calls already in flight may overshoot it by at most their own size.
 */
public class ModelGate {
    private static final Logger LOG = LoggerFactory.getLogger(ModelGate.class);
    private final Semaphore inFlight;
    private final RateLimiter perMinute;
    private final long dailyBudget;
    private final TokenLedger ledger;
    private final Supplier<LocalDate> today;
    private final DigestMetrics metrics;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "model-call");
        t.setDaemon(true);
        return t;
    });

    private final Duration itemTimeout;

    /** The limits of the whole fleet of instances sharing the database; empty: this process's own. */
    private final Optional<FleetLimits> fleet;

    public ModelGate(int maxConcurrent, int requestsPerMinute, long dailyBudget, Duration itemTimeout, TokenLedger ledger,
                     Supplier<LocalDate> today, DigestMetrics metrics) {
        this(maxConcurrent, requestsPerMinute, dailyBudget, itemTimeout, ledger, today, metrics, Optional.empty());
    }

    public ModelGate(int maxConcurrent, int requestsPerMinute, long dailyBudget, Duration itemTimeout, TokenLedger ledger,
                     Supplier<LocalDate> today, DigestMetrics metrics, Optional<FleetLimits> fleet) {
        this.fleet = fleet;
        this.itemTimeout = itemTimeout;
        this.inFlight = new Semaphore(maxConcurrent);
        this.perMinute = requestsPerMinute == Integer.MAX_VALUE ? null : RateLimiter.create(requestsPerMinute / 60.0);
        this.dailyBudget = dailyBudget;
        this.ledger = ledger;
        this.today = today;
        this.metrics = metrics;
    }

    /** When work that starts now must be done (epoch millis): now plus {@code digest.llm.item-timeout}. */
    public long deadline() {
        return System.currentTimeMillis() + itemTimeout.toMillis();
    }

    /** Whether today's budget is spent. */
    public boolean budgetReached() {
        return dailyBudget != Long.MAX_VALUE && ledger.usage(today.get()).tokens() >= dailyBudget;
    }

    /** Makes one call within the limits, abandoned at {@code deadline} (epoch millis); {@code what} names it in errors. */
    public ChatResponse call(Callable<ChatResponse> call, long deadline, String what) {
        LocalDate day = today.get();
        if (budgetReached()) {
            ledger.budgetReached(day);
            throw new BudgetReachedException("daily token budget of " + dailyBudget + " reached");
        }
        try {
            if (!rate(deadline)) {
                throw new ItemTimeoutException("time budget used up waiting for digest.llm.requests-per-minute for " + what);
            }
            int slot = slot(deadline);
            if (slot < 0) {
                throw new ItemTimeoutException("time budget used up waiting for a free model slot for " + what);
            }
            long started = System.nanoTime();
            boolean ok = false;
            try {
                Future<ChatResponse> pending = calls.submit(call);
                try {
                    ChatResponse response = pending.get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                    ok = true;
                    book(day, response.tokenUsage());
                    return response;
                } catch (TimeoutException e) {
                    pending.cancel(true);
                    throw new ItemTimeoutException("time budget used up waiting for the model's answer for " + what);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } finally {
                giveSlot(slot);
                metrics.modelCall(Duration.ofNanos(System.nanoTime() - started), ok);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ItemTimeoutException("interrupted while waiting for the model");
        }
    }

    /** One token of {@code digest.llm.requests-per-minute}, the fleet's or this process's, by {@code deadline}. */
    private boolean rate(long deadline) throws InterruptedException {
        if (fleet.isPresent()) {
            return fleet.get().takeRate(deadline);
        }
        return perMinute == null || perMinute.tryAcquire(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
    }

    /** One of {@code digest.llm.max-concurrent} slots, the fleet's or this process's, by {@code deadline}; -1 when none came free. */
    private int slot(long deadline) throws InterruptedException {
        if (fleet.isPresent()) {
            return fleet.get().takeSlot(deadline);
        }
        long left = deadline - System.currentTimeMillis();
        return left > 0 && inFlight.tryAcquire(left, TimeUnit.MILLISECONDS) ? 0 : -1;
    }

    private void giveSlot(int slot) {
        if (fleet.isPresent()) {
            fleet.get().giveSlot(slot);
        } else {
            inFlight.release();
        }
    }

    private void book(LocalDate day, TokenUsage usage) {
        long in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        long out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        metrics.tokens(in, out);
        try {
            ledger.spend(day, in, out);
        } catch (RuntimeException e) {
            LOG.warn("model tokens of a call not booked ({}); the day's budget may undercount them", e.getMessage());
        }
    }
}
