package org.disclosuresearch.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A cap on how many requests of one expensive kind run at once. Each such request holds memory in proportion to
 * what it reads (a report's text and its highlighting, an export's rows, an aggregate's values); without a cap, a
 * burst from one client inside its rate limit held dozens at once and ran the server out of memory. A request that
 * finds no free slot within {@code wait} is answered 503 with Retry-After instead of queueing without bound.
 */
final class RequestGate {
    private final String kind;
    private final Semaphore slots;
    private final int size;
    private final Duration wait;

    RequestGate(String kind, int slots, Duration wait) {
        if (slots < 1) {
            throw new IllegalArgumentException(kind + ": at least one concurrent request, got " + slots);
        }
        this.kind = kind;
        this.slots = new Semaphore(slots, true);
        this.size = slots;
        this.wait = wait;
    }

    /** A held slot; closing it frees the slot. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /** @throws Busy when every slot stays taken for the whole wait */
    Slot enter() {
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy(kind + ": " + size + " already running, the most this server runs at once; "
                        + "retry in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(kind + ": interrupted while waiting for a free slot");
        }
        return slots::release;
    }

    static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message);
        }
    }
}
