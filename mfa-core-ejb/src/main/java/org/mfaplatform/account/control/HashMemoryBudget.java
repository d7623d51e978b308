package org.mfaplatform.account.control;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The memory that password hashes running at the same time may hold together. An Argon2id hash
 * allocates all its memory at once (19 MiB with OWASP's parameters, up to {@link
 * Argon2idParameters#MAX_MEMORY_KIB}); without a bound, a burst of logins, honest or not, would
 * allocate one such block per request in flight and exhaust the heap of the whole server. Within
 * the budget hashes run side by side; beyond it a login waits for the memory of one that is
 * finishing, so a burst costs time instead of an {@link OutOfMemoryError}.
 */
public final class HashMemoryBudget {

    /**
     * A quarter of the heap the JVM may grow to: with Keycloak's default of 512 MiB, six hashes of
     * 19 MiB at once, more than the cores of a typical node can compute at the same time anyway.
     */
    public static final HashMemoryBudget SERVER =
            new HashMemoryBudget(Math.max(1, Runtime.getRuntime().maxMemory() / 4 / 1024));

    private final int budgetKiB;

    private final Semaphore freeKiB;

    /**
     * @param budgetKiB at least 1; larger than {@link Integer#MAX_VALUE} KiB counts as that
     */
    public HashMemoryBudget(long budgetKiB) {
        if (budgetKiB < 1) {
            throw new IllegalArgumentException("a hash memory budget needs at least 1 KiB");
        }
        this.budgetKiB = (int) Math.min(Integer.MAX_VALUE, budgetKiB);
        // Fair, so a large hash is not starved by a stream of smaller ones passing it.
        this.freeKiB = new Semaphore(this.budgetKiB, true);
    }

    /**
     * Runs {@code hash} once {@code memoryKiB} of the budget is free, and frees it afterwards. A
     * hash larger than the whole budget runs alone.
     */
    public <T> T run(int memoryKiB, Supplier<T> hash) {
        int claimed = Math.max(1, Math.min(memoryKiB, budgetKiB));
        // A login thread is not interrupted for anything it should give up on; it waits.
        freeKiB.acquireUninterruptibly(claimed);
        try {
            return hash.get();
        } finally {
            freeKiB.release(claimed);
        }
    }

    /** How many hashes wait for memory right now (an estimate, as for any {@link Semaphore}). */
    public int waiting() {
        return freeKiB.getQueueLength();
    }
}
