package dev.newsdigest.summarize;

/** The day's token budget ({@code digest.llm.daily-token-budget}) is spent: the item gets the offline summary, without retry. */
public class BudgetReachedException extends RuntimeException {
    public BudgetReachedException(String message) {
        super(message);
    }
}
