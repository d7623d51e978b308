package org.mfaplatform.account.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HashMemoryBudgetTest {

    /** A thread per hash: the common pool may have a single one on a small machine. */
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void hashesWithinTheBudgetRunSideBySide() throws Exception {
        HashMemoryBudget budget = new HashMemoryBudget(100);
        CountDownLatch bothInside = new CountDownLatch(2);

        CompletableFuture<Boolean> first = holdUntil(budget, 50, bothInside);
        CompletableFuture<Boolean> second = holdUntil(budget, 50, bothInside);

        assertTrue(first.get(10, TimeUnit.SECONDS), "both hashes ran at the same time");
        assertTrue(second.get(10, TimeUnit.SECONDS));
    }

    @Test
    void hashBeyondTheBudgetWaitsForTheMemoryOfOneThatFinishes() throws Exception {
        HashMemoryBudget budget = new HashMemoryBudget(100);
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Integer> first =
                CompletableFuture.supplyAsync(
                        () ->
                                budget.run(
                                        60,
                                        () -> {
                                            firstInside.countDown();
                                            await(releaseFirst);
                                            return 1;
                                        }),
                        threads);
        assertTrue(firstInside.await(10, TimeUnit.SECONDS));

        AtomicBoolean secondRan = new AtomicBoolean();
        CompletableFuture<Integer> second =
                CompletableFuture.supplyAsync(
                        () ->
                                budget.run(
                                        60,
                                        () -> {
                                            secondRan.set(true);
                                            return 2;
                                        }),
                        threads);
        waitUntilWaiting(budget, 1);

        assertFalse(secondRan.get(), "60 + 60 KiB exceed the 100 KiB budget");
        releaseFirst.countDown();
        assertEquals(1, first.get(10, TimeUnit.SECONDS));
        assertEquals(2, second.get(10, TimeUnit.SECONDS));
        assertEquals(0, budget.waiting());
    }

    @Test
    void hashLargerThanTheWholeBudgetRunsAlone() {
        HashMemoryBudget budget = new HashMemoryBudget(100);

        assertEquals("done", budget.run(500, () -> "done"));
        assertEquals("again", budget.run(500, () -> "again"), "its memory came back");
    }

    @Test
    void memoryComesBackWhenTheHashFails() {
        HashMemoryBudget budget = new HashMemoryBudget(100);

        assertThrows(
                IllegalStateException.class,
                () ->
                        budget.run(
                                100,
                                () -> {
                                    throw new IllegalStateException("hash failed");
                                }));

        assertEquals("next", budget.run(100, () -> "next"));
    }

    @Test
    void refusesAnEmptyBudget() {
        assertThrows(IllegalArgumentException.class, () -> new HashMemoryBudget(0));
    }

    /** Runs a hash of {@code memoryKiB} that only ends once {@code latch} counts every hash in. */
    private CompletableFuture<Boolean> holdUntil(
            HashMemoryBudget budget, int memoryKiB, CountDownLatch latch) {
        return CompletableFuture.supplyAsync(
                () ->
                        budget.run(
                                memoryKiB,
                                () -> {
                                    latch.countDown();
                                    try {
                                        return latch.await(10, TimeUnit.SECONDS);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                        return false;
                                    }
                                }),
                threads);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntilWaiting(HashMemoryBudget budget, int hashes)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (budget.waiting() < hashes) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no hash started waiting");
            }
            Thread.sleep(5);
        }
    }
}
