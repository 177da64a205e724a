package dev.portal.portalctl.link;

import dev.portal.portalctl.cli.PortalctlException;
import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandBody;
import dev.portal.protocol.frame.CommandReport;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.protocol.frame.Report;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A conversation with one portal over any {@link PortalLink}: commands with correlation ids and their results,
 * the Birth on request, and streams of the frames it sends. Each waiting consumer has its own stream, opened
 * before the command goes out so the answer cannot slip past.
 */
public final class DeviceSession implements AutoCloseable {
    private final PortalLink link;
    private final Duration timeout;
    private final List<FrameStream> streams = new CopyOnWriteArrayList<>();
    private final AtomicLong correlation = new AtomicLong(new SecureRandom().nextInt(1 << 30));

    public DeviceSession(PortalLink link, Duration timeout) {
        this.link = link;
        this.timeout = timeout;
        link.open(this::deliver);
    }

    public String deviceId() {
        return link.deviceId();
    }

    public Duration timeout() {
        return timeout;
    }

    public FrameStream stream() {
        FrameStream[] self = new FrameStream[1];
        self[0] = new FrameStream(() -> streams.remove(self[0]));
        streams.add(self[0]);
        return self[0];
    }

    /** Sends a command; returns its correlation id. Open a stream first to see the result. */
    public long send(CommandBody body) {
        long id = correlation.incrementAndGet() & 0xFFFF_FFFFL;
        link.send(new Command(id, body));
        return id;
    }

    /** Sends a command and waits for its result. */
    public CommandResult request(CommandBody body, Duration wait) throws InterruptedException {
        try (FrameStream s = stream()) {
            long id = send(body);
            return awaitResult(s, id, wait);
        }
    }

    public CommandResult request(CommandBody body) throws InterruptedException {
        return request(body, timeout);
    }

    /** A command's result and the typed report the portal sent with it (SPEC 5.8), if it sent one. */
    public record Answer(CommandResult result, Optional<Report> report) {
    }

    /** Sends a command and waits for its result, keeping the CommandReport that precedes it. */
    public Answer ask(CommandBody body, Duration wait) throws InterruptedException {
        try (FrameStream s = stream()) {
            long id = send(body);
            return awaitAnswer(s, id, wait);
        }
    }

    public Answer ask(CommandBody body) throws InterruptedException {
        return ask(body, timeout);
    }

    /** Waits for the result of command {@code id}; a report of the same id seen on the way comes with it. */
    public Answer awaitAnswer(FrameStream s, long id, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<Report> report = Optional.empty();
        while (true) {
            Optional<Message> m = s.await(Message.class, x -> x instanceof CommandResult res && res.correlationId() == id
                    || x instanceof CommandReport rep && rep.correlationId() == id, Duration.ofNanos(deadline - System.nanoTime()));
            if (m.isEmpty()) {
                throw PortalctlException.unreachable(link.deviceId() + " did not answer command " + id + " within " + human(wait));
            }
            switch (m.get()) {
                case CommandReport r -> report = Optional.of(r.report());
                case CommandResult r -> {
                    return new Answer(r, report);
                }
                default -> throw new IllegalStateException("filtered out: " + m.get());
            }
        }
    }

    public CommandResult awaitResult(FrameStream s, long id, Duration wait) throws InterruptedException {
        return s.await(CommandResult.class, r -> r.correlationId() == id, wait).orElseThrow(() ->
                PortalctlException.unreachable(link.deviceId() + " did not answer command " + id + " within " + human(wait)));
    }

    /** Asks for the portal's Birth (Rebirth) and waits for it. */
    public Birth birth() throws InterruptedException {
        try (FrameStream s = stream()) {
            send(new Rebirth());
            return s.await(Birth.class, b -> true, timeout).orElseThrow(() ->
                    PortalctlException.unreachable(link.deviceId() + " sent no Birth within " + human(timeout)
                            + " (is it online? try 'portalctl devices')"));
        }
    }

    /** Waits for the portal's next Heartbeat. */
    public Optional<Heartbeat> nextHeartbeat(Duration wait) throws InterruptedException {
        try (FrameStream s = stream()) {
            return s.await(Heartbeat.class, h -> true, wait);
        }
    }

    private void deliver(Frame frame) {
        for (FrameStream s : streams) {
            s.offer(frame);
        }
    }

    public static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    @Override
    public void close() {
        link.close();
    }
}
