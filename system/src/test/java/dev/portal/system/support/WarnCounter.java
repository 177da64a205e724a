package dev.portal.system.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the WARN and ERROR lines that loggers under a prefix write while it is attached, keeping the first
 * few for a report. Counting, not keeping every line: a test that floods a component must not fill its own heap.
 */
public final class WarnCounter extends AppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final int KEPT = 20;

    private final String prefix;
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final AtomicLong count = new AtomicLong();
    private final List<String> first = new ArrayList<>();

    private WarnCounter(String prefix) {
        this.prefix = prefix;
    }

    /** Starts counting the lines of loggers whose name starts with {@code prefix}. */
    public static WarnCounter attach(String prefix) {
        WarnCounter counter = new WarnCounter(prefix);
        counter.setContext(counter.root.getLoggerContext());
        counter.start();
        counter.root.addAppender(counter);
        return counter;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getLevel().isGreaterOrEqual(Level.WARN) && event.getLoggerName().startsWith(prefix)) {
            count.incrementAndGet();
            synchronized (first) {
                if (first.size() < KEPT) {
                    first.add(event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage());
                }
            }
        }
    }

    public long count() {
        return count.get();
    }

    public List<String> first() {
        synchronized (first) {
            return List.copyOf(first);
        }
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
    }
}
