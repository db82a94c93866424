package dev.newsdigest.cli;

import java.io.PrintStream;

/**
 * An {@link Error} (OutOfMemoryError, StackOverflowError...) anywhere ends the process with exit code 1 and one line,
 * at once: a JVM in that state cannot be trusted to finish a run or to stop cleanly, and waiting for it could hang for
 * ever. Nothing is lost by halting: every article's progress is in the state before it counts, and the next run takes
 * up what this one left.
 */
public final class FatalErrors {
    /** Prepared up front: under OutOfMemoryError there may be no memory left to build it. */
    private static final String PREFIX = "news-digest: fatal error, exiting with 1: ";

    private FatalErrors() {
    }

    /** Halts on {@code failure} if an {@link Error} is in its cause chain; returns otherwise. */
    static void haltOnError(Throwable failure, PrintStream err) {
        Error error = find(failure);
        if (error != null) {
            halt(error, Thread.currentThread().getName(), err);
        }
    }

    /** For threads whose failures nobody else sees. */
    public static void install(PrintStream err) {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            Error error = find(failure);
            if (error != null) {
                halt(error, thread.getName(), err);
            }
            err.println("news-digest: uncaught " + failure + " in thread " + thread.getName());
        });
    }

    /**
     * Halts the process on an {@link Error} that a route caught: Camel wraps an Error thrown by a processor into its
     * exchange's exception, and a route's {@code onException} or {@code doCatch} for {@code Exception} would then handle
     * it as any failure and go on (seen: an OutOfMemoryError became one CVE source's failure). Wrapping every processor,
     * this sees the exception before any handler does.
     */
    public static org.apache.camel.spi.InterceptStrategy interceptStrategy(PrintStream err) {
        return (context, definition, target, next) -> new org.apache.camel.support.processor.DelegateAsyncProcessor(target) {
            @Override
            public boolean process(org.apache.camel.Exchange exchange, org.apache.camel.AsyncCallback callback) {
                return processor.process(exchange, done -> {
                    if (exchange.getException() != null) {
                        haltOnError(exchange.getException(), err);
                    }
                    callback.done(done);
                });
            }
        };
    }

    static Error find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Error e) {
                return e;
            }
        }
        return null;
    }

    private static void halt(Error error, String thread, PrintStream err) {
        try {
            err.println(PREFIX + error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage())
                    + " (thread " + thread + ")");
            err.flush();
        } finally {
            Runtime.getRuntime().halt(1);
        }
    }
}
