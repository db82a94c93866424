package dev.newsdigest.publish;

import java.util.concurrent.Semaphore;

/**
 * {@code digest.concurrency} as a hard bound: at most that many articles are in progress at once, across all feeds and
 * whichever thread runs them (a parallel split runs its first entry on the thread that split the feed, outside the pool).
 */
public class ArticleSlots {
    private final Semaphore slots;

    public ArticleSlots(int concurrency) {
        this.slots = new Semaphore(concurrency);
    }

    /** Waits for a free slot. */
    public void take() throws InterruptedException {
        slots.acquire();
    }

    /** Gives the slot back; the route does this in a finally block. */
    public void give() {
        slots.release();
    }
}
