package dev.newsdigest.state;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

/** The model's spending per day (calls and tokens), kept in the state so that a restart does not reset the budget. */
public class TokenLedger {
    private final StateStore store;

    public TokenLedger(StateStore store) {
        this.store = store;
    }

    /** Adds one model call and its tokens to {@code day}. */
    public void spend(LocalDate day, long inputTokens, long outputTokens) {
        update(day, "calls = calls + 1, input_tokens = input_tokens + ?, output_tokens = output_tokens + ?", inputTokens, outputTokens);
    }

    /** Notes that {@code day}'s budget stopped a model call. */
    public void budgetReached(LocalDate day) {
        update(day, "budget_reached = TRUE");
    }

    /**
     * Updates the day's row, made first if it is the day's first booking (INSERT ... ON CONFLICT DO NOTHING, which H2
     * and PostgreSQL both run, and which several instances may race to run), in one transaction.
     */
    private void update(LocalDate day, String set, long... values) {
        store.inTransaction(c -> {
            try (PreparedStatement first = c.prepareStatement("INSERT INTO llm_usage(usage_day) VALUES (?) ON CONFLICT DO NOTHING");
                 PreparedStatement u = c.prepareStatement("UPDATE llm_usage SET " + set + " WHERE usage_day = ?")) {
                first.setObject(1, day);
                first.executeUpdate();
                for (int i = 0; i < values.length; i++) {
                    u.setLong(i + 1, values[i]);
                }
                u.setObject(values.length + 1, day);
                return u.executeUpdate();
            }
        });
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
