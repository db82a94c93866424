package com.example.digest.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.h2.api.ErrorCode;

/** The model's spending per day (calls and tokens), kept in the state so that a restart does not reset the budget. */
public class TokenLedger {
    private final StateStore store;

    public TokenLedger(StateStore store) {
        this.store = store;
    }

    /** Adds one model call and its tokens to {@code day}. */
    public synchronized void spend(LocalDate day, long inputTokens, long outputTokens) {
        upsert(c -> {
            try (PreparedStatement u = c.prepareStatement("""
                    MERGE INTO llm_usage u USING (VALUES (CAST(? AS DATE))) AS s(usage_day) ON u.usage_day = s.usage_day
                    WHEN MATCHED THEN UPDATE SET calls = u.calls + 1, input_tokens = u.input_tokens + ?, output_tokens = u.output_tokens + ?
                    WHEN NOT MATCHED THEN INSERT (usage_day, calls, input_tokens, output_tokens) VALUES (s.usage_day, 1, ?, ?)""")) {
                u.setObject(1, day);
                u.setLong(2, inputTokens);
                u.setLong(3, outputTokens);
                u.setLong(4, inputTokens);
                u.setLong(5, outputTokens);
                return u.executeUpdate();
            }
        });
    }

    /** Notes that {@code day}'s budget stopped a model call. */
    public synchronized void budgetReached(LocalDate day) {
        upsert(c -> {
            try (PreparedStatement u = c.prepareStatement("""
                    MERGE INTO llm_usage u USING (VALUES (CAST(? AS DATE))) AS s(usage_day) ON u.usage_day = s.usage_day
                    WHEN MATCHED THEN UPDATE SET budget_reached = TRUE
                    WHEN NOT MATCHED THEN INSERT (usage_day, budget_reached) VALUES (s.usage_day, TRUE)""")) {
                u.setObject(1, day);
                return u.executeUpdate();
            }
        });
    }

    /** Runs a MERGE; two first bookings of a day can race to insert its row, so the loser runs again as an update. */
    private void upsert(Database.SqlWork<Integer> merge) {
        try {
            store.run(merge);
        } catch (StateStore.StateStoreException e) {
            if (!(e.getCause() instanceof SQLException sql) || sql.getErrorCode() != ErrorCode.DUPLICATE_KEY_1) {
                throw e;
            }
            store.run(merge);
        }
    }

    /** What {@code day} has spent so far. */
    public DayUsage usage(LocalDate day) {
        return store.run(c -> {
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT calls, input_tokens, output_tokens, budget_reached FROM llm_usage WHERE usage_day = ?")) {
                q.setObject(1, day);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? new DayUsage(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4))
                            : new DayUsage(0, 0, 0, false);
                }
            }
        });
    }

    /** One day's model spending. */
    public record DayUsage(int calls, long inputTokens, long outputTokens, boolean budgetReached) {
        public long tokens() {
            return inputTokens + outputTokens;
        }
    }
}
