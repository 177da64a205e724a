package dev.portal.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returnsOnceAnotherThreadMakesTheConditionTrue() {
        AtomicInteger count = new AtomicInteger();
        CompletableFuture.runAsync(() -> count.set(3), CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        Await.until("the count to reach 3", () -> count.get() == 3, Duration.ofSeconds(10));
        assertEquals(3, count.get());
    }

    @Test
    void aTimeoutSaysWhatWasAwaitedAndTheStateThen() {
        AtomicInteger polls = new AtomicInteger();
        AssertionError e = assertThrows(AssertionError.class, () -> Await.until(() -> "a reply (polled " + polls.get() + " times)",
                () -> polls.incrementAndGet() < 0, Duration.ofMillis(200)));
        assertTrue(e.getMessage().startsWith("timed out after 200 ms awaiting a reply (polled "), e.getMessage());
        assertTrue(polls.get() > 1, "the condition is checked again until the timeout");
    }

    @Test
    void valueReturnsWhatTheProbeFound() {
        AtomicInteger calls = new AtomicInteger();
        String found = Await.value("the third call", () -> calls.incrementAndGet() == 3 ? Optional.of("third")
                : Optional.empty(), Duration.ofSeconds(10));
        assertEquals("third", found);
    }

    @Test
    void aCheckedExceptionFromTheConditionFailsAtOnceNamingWhatWasAwaited() {
        AssertionError e = assertThrows(AssertionError.class, () -> Await.until("the file", () -> {
            throw new IOException("disk gone");
        }, Duration.ofSeconds(10)));
        assertTrue(e.getMessage().contains("awaiting the file: java.io.IOException: disk gone"), e.getMessage());
    }
}
