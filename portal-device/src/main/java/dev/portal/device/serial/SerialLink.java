package dev.portal.device.serial;

import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.PresentToken;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.serial.SerialFrameReader;
import dev.portal.protocol.serial.SerialFrameWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The portal's serial console for a technician's cable when there is no network: reads COBS-framed Command
 * frames from the port, hands those its {@link CableGuard} lets through to the command dispatcher and writes the
 * results back; the service may also mirror its event frames here ({@link #sendEncoded}) so
 * {@code portalctl serial PORT watch} sees them. A PresentToken goes to the guard; a command the guard refuses is
 * answered REJECTED here and never reaches the dispatcher. Garbage on the line is skipped and counted; a frame
 * that is not a Command is answered with nothing and counted. The reader runs on its own thread until
 * {@link #close()}.
 */
public final class SerialLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SerialLink.class);
    private final SerialPortIo port;
    private final SerialCommandHandler handler;
    private final CableGuard guard;
    private final Function<Message, Frame> framer;
    private final SerialFrameWriter writer;
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final Thread reader;
    private volatile boolean running = true;

    /**
     * @param framer puts this boot's header on a message (boot id, next sequence, time)
     */
    public SerialLink(SerialPortIo port, SerialCommandHandler handler, CableGuard guard, Function<Message, Frame> framer) {
        this.port = port;
        this.handler = handler;
        this.guard = guard;
        this.framer = framer;
        this.writer = new SerialFrameWriter(port.out());
        this.reader = Thread.ofPlatform().daemon().name("serial-" + port.name()).unstarted(this::readLoop);
    }

    /**
     * A console for a service whose command dispatcher takes encoded Command frames (as they come from MQTT) and
     * answers through its event stream: commands are handed over re-encoded, and the service mirrors every frame
     * it emits to {@link #sendEncoded}, so results, Births and events reach the cable the way they reach the broker.
     */
    public static SerialLink forwarding(SerialPortIo port, java.util.function.Consumer<byte[]> submit, CableGuard guard,
                                       long bootId) {
        Function<Message, Frame> framer = localFramer(bootId);
        return new SerialLink(port, (command, reply) -> submit.accept(
                dev.portal.protocol.frame.FrameCodec.encode(framer.apply(command))), guard, framer);
    }

    /** A framer with its own sequence for a link used without the MQTT emitter (not clock-synced). */
    public static Function<Message, Frame> localFramer(long bootId) {
        AtomicLong seq = new AtomicLong();
        long started = System.nanoTime();
        return m -> new Frame(Header.of(bootId, seq.getAndIncrement() & 0xFFFF_FFFFL,
                (System.nanoTime() - started) / 1_000_000, false), m);
    }

    public SerialLink start() {
        reader.start();
        log.info("serial console listening on {}", port.name());
        return this;
    }

    /** Sends one message (an event or a result) as a frame. */
    public void send(Message message) {
        try {
            synchronized (writer) {
                writer.write(framer.apply(message));
            }
        } catch (IOException e) {
            log.warn("serial write to {} failed: {}", port.name(), e.getMessage());
        }
    }

    /** Sends a frame the service already encoded (the same bytes it publishes over MQTT). */
    public void sendEncoded(byte[] frame) {
        try {
            synchronized (writer) {
                writer.writeEncoded(frame);
            }
        } catch (IOException e) {
            log.warn("serial write to {} failed: {}", port.name(), e.getMessage());
        }
    }

    public long commandsHandled() {
        return commands.get();
    }

    /** Packets dropped as garbage or undecodable. */
    public long framesRejected() {
        return rejected.get();
    }

    /** Commands refused because the cable was read-only for their session. */
    public long commandsRefused() {
        return refused.get();
    }

    /** Valid frames that were not commands. */
    public long framesIgnored() {
        return ignored.get();
    }

    private void readLoop() {
        InputStream in = port.in();
        SerialFrameReader frames = new SerialFrameReader(new InputStream() {
            @Override
            public int read() throws IOException {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                // The port returns 0 on its read timeout; keep polling until closed, so close() is never stuck.
                while (running) {
                    int n = in.read(b, off, len);
                    if (n != 0) {
                        return n;
                    }
                }
                return -1;
            }
        }, e -> {
            rejected.incrementAndGet();
            log.debug("serial: dropped {}: {}", e.reason(), e.getMessage());
        });
        try {
            while (running) {
                Optional<Frame> frame = frames.read();
                if (frame.isEmpty()) {
                    break;
                }
                dispatch(frame.get());
            }
        } catch (IOException e) {
            if (running) {
                log.error("serial port {} failed: {}", port.name(), e.getMessage());
            }
        }
    }

    private void dispatch(Frame frame) {
        if (!(frame.message() instanceof Command command)) {
            ignored.incrementAndGet();
            log.debug("serial: ignoring a {} frame; only commands are accepted", frame.message().getClass().getSimpleName());
            return;
        }
        commands.incrementAndGet();
        long session = frame.header().bootId();
        if (command.body() instanceof PresentToken token) {
            send(guard.present(command.correlationId(), session, token));
            return;
        }
        Optional<String> refusal = guard.refusal(session, command.body());
        if (refusal.isPresent()) {
            refused.incrementAndGet();
            send(new CommandResult(command.correlationId(), Status.REJECTED, refusal.get()));
            return;
        }
        try {
            handler.handle(command, this::send);
        } catch (RuntimeException e) {
            log.error("command {} failed in the dispatcher", command.correlationId(), e);
            send(new CommandResult(command.correlationId(), Status.FAILED, "internal error: " + e));
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.close();
    }
}
