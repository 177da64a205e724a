package dev.portal.hardware.pn532.link;

import dev.portal.hardware.pn532.frame.Pn532FrameCodec;
import dev.portal.hardware.pn532.frame.FrameParser;
import dev.portal.hardware.pn532.frame.ParseEvent;
import dev.portal.hardware.pn532.frame.Pn532Frame;
import dev.portal.hardware.pn532.transport.Pn532Transport;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PN532 command exchange: send a command frame, wait for the ACK, wait for the response. Each wait has a
 * deadline. Garbage between frames is skipped. A NACK, a corrupt ACK or a missing ACK makes it send the command
 * once more; a response that arrives without its ACK (the ACK was lost) is accepted; a corrupt response is
 * asked for again with a NACK, once. A chip that answers nothing at all is BUS_DEAD.
 */
public final class Pn532Link {
    private static final Logger log = LoggerFactory.getLogger(Pn532Link.class);

    private final Pn532Transport transport;
    private final Duration ackTimeout;
    private final FrameParser parser = new FrameParser();
    private final LinkCounters counters = new LinkCounters();

    public Pn532Link(Pn532Transport transport, Duration ackTimeout) {
        this.transport = transport;
        this.ackTimeout = ackTimeout;
    }

    public LinkCounters counters() {
        return counters;
    }

    public Pn532Transport transport() {
        return transport;
    }

    /**
     * Runs one command and returns the response data (after the D5 code byte).
     *
     * @param responseTimeout how long the chip may take to answer after its ACK (tag operations included)
     */
    public byte[] exchange(int command, byte[] params, Duration responseTimeout) throws ReaderException {
        byte[] frame = Pn532FrameCodec.encode(Pn532Frame.Information.command(command, params));
        String name = String.format("command %02X", command);
        for (int attempt = 1; ; attempt++) {
            transport.discardInput();
            parser.clear();
            transport.write(frame);
            Optional<Pn532Frame.Information> early;
            try {
                early = awaitAck(command, name);
            } catch (Retry retry) {
                if (attempt >= 2) {
                    throw retry.failure(transport.describe(), name);
                }
                counters.resends++;
                log.debug("{} on {}: {}, sending again", name, transport.describe(), retry.reason);
                continue;
            }
            Pn532Frame.Information response = early.isPresent() ? early.get()
                    : awaitResponse(command, name, responseTimeout);
            return response.params();
        }
    }

    /** Aborts whatever the chip is doing (an ACK from the host cancels the running command). */
    public void abort() throws ReaderException {
        transport.write(Pn532FrameCodec.encode(new Pn532Frame.Ack()));
    }

    /** Returns empty on ACK, or the response itself when the ACK was lost and the response came anyway. */
    private Optional<Pn532Frame.Information> awaitAck(int command, String name) throws ReaderException, Retry {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        while (true) {
            Optional<ParseEvent> event = nextEvent(deadline);
            if (event.isEmpty()) {
                counters.ackTimeouts++;
                throw new Retry("no ACK within " + ackTimeout.toMillis() + " ms", Failure.BUS_DEAD);
            }
            switch (event.get()) {
                case ParseEvent.Received(Pn532Frame.Ack ack) -> {
                    return Optional.empty();
                }
                case ParseEvent.Received(Pn532Frame.Nack nack) -> {
                    counters.nacks++;
                    throw new Retry("NACK", Failure.PROTOCOL);
                }
                case ParseEvent.Received(Pn532Frame.ApplicationError error) -> {
                    throw new ReaderException(Failure.PROTOCOL, transport.describe() + ": chip rejected " + name);
                }
                case ParseEvent.Received(Pn532Frame.Information info) -> {
                    if (isResponseTo(info, command)) {
                        counters.lostAcks++;
                        return Optional.of(info);
                    }
                    counters.strayFrames++; // a stale answer to an earlier command: skip it
                }
                case ParseEvent.Corrupt corrupt -> {
                    // noise that looked like a frame, or a damaged ACK: keep listening; if no ACK comes, resend
                    counters.corruptFrames++;
                    log.debug("{} on {}: skipped {}", name, transport.describe(), corrupt);
                }
            }
        }
    }

    private Pn532Frame.Information awaitResponse(int command, String name, Duration timeout) throws ReaderException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean askedAgain = false;
        while (true) {
            Optional<ParseEvent> event = nextEvent(deadline);
            if (event.isEmpty()) {
                counters.responseTimeouts++;
                abort();
                throw new ReaderException(Failure.TIMEOUT,
                        transport.describe() + ": no answer to " + name + " within " + timeout.toMillis() + " ms");
            }
            switch (event.get()) {
                case ParseEvent.Received(Pn532Frame.Information info) when isResponseTo(info, command) -> {
                    return info;
                }
                case ParseEvent.Received(Pn532Frame.ApplicationError error) -> throw new ReaderException(
                        Failure.PROTOCOL, transport.describe() + ": chip rejected " + name);
                case ParseEvent.Received other -> counters.strayFrames++;
                case ParseEvent.Corrupt corrupt -> {
                    counters.corruptFrames++;
                    if (askedAgain) {
                        throw new ReaderException(Failure.PROTOCOL, transport.describe() + ": answer to " + name
                                + " corrupt twice (" + corrupt.kind() + ")");
                    }
                    askedAgain = true;
                    transport.write(Pn532FrameCodec.encode(new Pn532Frame.Nack()));
                }
            }
        }
    }

    private Optional<ParseEvent> nextEvent(long deadline) throws ReaderException {
        while (true) {
            Optional<ParseEvent> event = parser.next();
            if (event.isPresent()) {
                return event;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            byte[] bytes = transport.read(Duration.ofNanos(left));
            parser.feed(bytes);
        }
    }

    private static boolean isResponseTo(Pn532Frame.Information info, int command) {
        return info.tfi() == Pn532Frame.CHIP_TO_HOST && info.code() == command + 1;
    }

    /** Why a command is sent again; becomes the failure when the second attempt fails the same way. */
    private static final class Retry extends Exception {
        private final String reason;
        private final Failure failure;

        Retry(String reason, Failure failure) {
            super(reason, null, false, false);
            this.reason = reason;
            this.failure = failure;
        }

        ReaderException failure(String where, String name) {
            return new ReaderException(failure, where + ": " + name + " failed twice: " + reason);
        }
    }
}
