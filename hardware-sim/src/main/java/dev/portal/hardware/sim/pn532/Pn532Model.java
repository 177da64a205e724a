package dev.portal.hardware.sim.pn532;

import dev.portal.hardware.pn532.command.CommandCode;
import dev.portal.hardware.pn532.frame.Pn532FrameCodec;
import dev.portal.hardware.pn532.frame.FrameParser;
import dev.portal.hardware.pn532.frame.ParseEvent;
import dev.portal.hardware.pn532.frame.Pn532Frame;
import dev.portal.hardware.sim.rf.RfField;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PN532 at the frame level, independent of the host link that carries its bytes (pty, I2C). Host bytes go
 * in through {@link #receive}; every well-formed command frame is answered with an ACK and then the response,
 * each handed to the output as one chunk. A host NACK gets the last frame again; a frame with a bad checksum
 * is dropped silently (the host times out and sends again); a well-formed frame the chip cannot take gets the
 * error frame. The chip starts in power-down: on HSU it wakes at a 55 byte, on I2C at its address.
 * Thread-safe: the link thread feeds bytes while tests change faults.
 */
public final class Pn532Model {
    private static final Logger log = LoggerFactory.getLogger(Pn532Model.class);
    private static final byte[] GARBAGE = {0x12, (byte) 0xFF, 0x00, (byte) 0xFF, 0x05, 0x00, 0x00, (byte) 0xFF, 0x42};

    private final Pn532ModelState chip;
    private final BooleanSupplier dead;
    private final SystemCommands system;
    private final InitiatorCommands initiator;
    private final FrameParser parser = new FrameParser();
    private final Deque<LinkFault> faults = new ArrayDeque<>();
    private final ModelCounters counters = new ModelCounters();
    private Consumer<byte[]> output = bytes -> { };
    private byte[] lastFrame;

    /** A PN532 whose antenna is {@code field}; the field's fault injector's dead-bus switch silences the chip. */
    public Pn532Model(RfField field) {
        this(new RfFieldAir(field), () -> field.faults().isBusDead());
    }

    Pn532Model(AirInterface air, BooleanSupplier dead) {
        this.dead = dead;
        this.chip = new Pn532ModelState(air);
        this.system = new SystemCommands(chip);
        this.initiator = new InitiatorCommands(chip);
    }

    /** Where the chip's frames go, one call per frame (ACK, response). */
    public synchronized void connect(Consumer<byte[]> output) {
        this.output = output;
    }

    /** Queues a link fault; faults play in the order queued, each once. */
    public synchronized void inject(LinkFault fault) {
        faults.add(fault);
    }

    public synchronized boolean lowPower() {
        return chip.lowPower;
    }

    public synchronized ModelCounters counters() {
        return counters.copy();
    }

    /** A brown-out: the chip loses power and comes back in its reset state, asleep, knowing no targets. */
    public synchronized void powerCycle() {
        chip.powerOnReset();
        parser.clear();
        lastFrame = null;
    }

    /** An I2C address match (or SPI chip select) wakes the chip at once. */
    public synchronized void wake() {
        chip.lowPower = false;
    }

    /** Bytes from the host. In power-down, bytes before the first 0x55 are lost, as on the real HSU. */
    public synchronized void receive(byte[] bytes) {
        if (dead.getAsBoolean()) {
            return; // a dead chip hears nothing
        }
        int from = 0;
        if (chip.lowPower) {
            while (from < bytes.length && bytes[from] != 0x55) {
                from++;
            }
            if (from == bytes.length) {
                return;
            }
            chip.lowPower = false;
            log.debug("woken by the host");
        }
        parser.feed(bytes, from, bytes.length - from);
        for (Optional<ParseEvent> e = parser.next(); e.isPresent(); e = parser.next()) {
            switch (e.get()) {
                case ParseEvent.Received(Pn532Frame.Information info) -> command(info);
                case ParseEvent.Received(Pn532Frame.Nack nack) -> {
                    if (lastFrame != null) {
                        output.accept(lastFrame.clone());
                    }
                }
                case ParseEvent.Received other -> log.trace("host sent {}", other);
                case ParseEvent.Corrupt corrupt -> {
                    counters.corruptFrames++;
                    log.debug("dropped a corrupt host frame: {}", corrupt);
                }
            }
        }
    }

    private void command(Pn532Frame.Information info) {
        LinkFault fault = faults.poll();
        if (fault == LinkFault.IGNORE_NEXT_COMMAND) {
            return;
        }
        if (fault == LinkFault.NACK_NEXT_COMMAND) {
            send(Pn532FrameCodec.encode(new Pn532Frame.Nack()));
            return;
        }
        if (fault == LinkFault.GARBAGE_BEFORE_NEXT_FRAME) {
            output.accept(GARBAGE.clone());
        }
        if (fault != LinkFault.DROP_NEXT_ACK) {
            output.accept(Pn532FrameCodec.encode(new Pn532Frame.Ack()));
        }
        counters.commands++;
        CommandOutcome result = info.tfi() == Pn532Frame.HOST_TO_CHIP ? dispatch(info.code(), info.params())
                : CommandOutcome.syntaxError();
        if (result instanceof CommandOutcome.Answer(Pn532Frame frame)) {
            byte[] bytes = Pn532FrameCodec.encode(frame);
            lastFrame = bytes.clone();
            if (fault == LinkFault.CORRUPT_NEXT_RESPONSE) {
                bytes[bytes.length - 2] ^= 0x5A;
            }
            output.accept(bytes);
            if (frame instanceof Pn532Frame.ApplicationError) {
                counters.errorFrames++;
            }
        }
        if (info.code() == CommandCode.POWER_DOWN && result instanceof CommandOutcome.Answer(Pn532Frame.Information i)) {
            chip.field(false);
            chip.lowPower = true;
        }
    }

    private void send(byte[] bytes) {
        lastFrame = bytes.clone();
        output.accept(bytes);
    }

    private CommandOutcome dispatch(int code, byte[] params) {
        return switch (code) {
            case CommandCode.DIAGNOSE, CommandCode.GET_FIRMWARE_VERSION, CommandCode.GET_GENERAL_STATUS,
                 CommandCode.READ_REGISTER, CommandCode.WRITE_REGISTER, CommandCode.SET_PARAMETERS,
                 CommandCode.SAM_CONFIGURATION, CommandCode.POWER_DOWN, CommandCode.RF_CONFIGURATION ->
                    system.handle(code, params);
            case CommandCode.IN_LIST_PASSIVE_TARGET, CommandCode.IN_DATA_EXCHANGE, CommandCode.IN_COMMUNICATE_THRU,
                 CommandCode.IN_DESELECT, CommandCode.IN_RELEASE, CommandCode.IN_SELECT, CommandCode.IN_AUTO_POLL ->
                    initiator.handle(code, params);
            default -> {
                log.debug("unknown command {}", String.format("%02X", code));
                yield CommandOutcome.syntaxError();
            }
        };
    }
}
