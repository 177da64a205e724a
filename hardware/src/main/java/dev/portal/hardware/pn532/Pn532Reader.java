package dev.portal.hardware.pn532;

import dev.portal.hardware.pn532.command.CiuRegister;
import dev.portal.hardware.pn532.command.Pn532Firmware;
import dev.portal.hardware.pn532.command.ListedTarget;
import dev.portal.hardware.pn532.command.Pn532Commands;
import dev.portal.hardware.pn532.link.LinkCounters;
import dev.portal.hardware.pn532.link.Pn532Link;
import dev.portal.hardware.pn532.transport.Pn532Transport;
import dev.portal.hardware.reader.RxGain;
import dev.portal.protocol.frame.AntennaGain;
import dev.portal.hardware.reader.ChipInfo;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.hardware.reader.ReaderFaultListener;
import dev.portal.hardware.reader.ReaderHealth;
import dev.portal.hardware.reader.ReaderTimeouts;
import dev.portal.hardware.reader.SelfTestResult;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.TagSession;
import dev.portal.protocol.id.Uid;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link NfcReader} on a PN532 over any {@link Pn532Transport}. The PN532 runs ISO14443A itself (anticollision,
 * CRC, Crypto1), so this class only sequences commands; see {@link TagEnumerator} for how more than two tags
 * are found.
 */
public final class Pn532Reader implements NfcReader {
    private static final Logger log = LoggerFactory.getLogger(Pn532Reader.class);
    /** PowerDown wake-up sources: HSU, I2C, SPI (bits 4, 7, 5). */
    private static final int WAKE_ON_HOST_LINK = 0xB0;

    private final Pn532Transport transport;
    private final ReaderTimeouts timeouts;
    private final Pn532Commands commands;
    private final TagEnumerator enumerator;
    private final FaultTracker faults;
    private ChipInfo chipInfo = new ChipInfo("PN532", "unknown");
    private boolean healthy;

    private Pn532Reader(Pn532Transport transport, ReaderTimeouts timeouts, ReaderFaultListener listener) {
        this.transport = transport;
        this.timeouts = timeouts;
        this.faults = new FaultTracker("pn532@" + transport.describe(), listener);
        Pn532Link link = new Pn532Link(transport, timeouts.bus());
        this.commands = new Pn532Commands(link, timeouts.bus());
        this.enumerator = new TagEnumerator(commands, listTimeout(), tagTimeout());
    }

    /** Wakes and initialises the chip on {@code transport}; closes the transport if that fails. */
    public static Pn532Reader open(Pn532Transport transport, ReaderTimeouts timeouts) throws ReaderException {
        return open(transport, timeouts, ReaderFaultListener.NONE);
    }

    /**
     * As {@link #open(Pn532Transport, ReaderTimeouts)}, reporting chip faults to {@code listener}. A chip that
     * stops answering later is woken and initialised again before the next operation (it may have been power
     * cycled and be back in power-down); the failure itself still reaches the caller.
     */
    public static Pn532Reader open(Pn532Transport transport, ReaderTimeouts timeouts, ReaderFaultListener listener)
            throws ReaderException {
        Pn532Reader reader = new Pn532Reader(transport, timeouts, listener);
        try {
            reader.reset();
            return reader;
        } catch (ReaderException | RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    public LinkCounters linkCounters() {
        return commands.link().counters();
    }

    @Override
    public ReaderHealth health() {
        return faults.health(commands.link().counters());
    }

    @Override
    public ChipInfo chipInfo() {
        return chipInfo;
    }

    @Override
    public void reset() throws ReaderException {
        // No reset line on the usual HSU/I2C boards: wake the chip and configure it from scratch.
        faults.resetDone();
        healthy = false;
        try {
            initialise();
        } catch (ReaderException e) {
            faults.observe(e);
            throw e;
        }
        healthy = true;
    }

    @Override
    public SelfTestResult selfTest() throws ReaderException {
        return guarded(this::runSelfTest);
    }

    private SelfTestResult runSelfTest() throws ReaderException {
        Pn532Firmware fw = commands.getFirmwareVersion();
        if (fw.ic() != Pn532Firmware.PN532_IC) {
            return new SelfTestResult(false, String.format("IC %02X is not a PN532", fw.ic()));
        }
        byte[] payload = new byte[16];
        new SecureRandom().nextBytes(payload);
        byte[] echo = commands.diagnoseEcho(payload);
        if (!Arrays.equals(payload, echo)) {
            return new SelfTestResult(false, "Diagnose echo differs: sent " + HexFormat.of().formatHex(payload)
                    + ", got " + HexFormat.of().formatHex(echo));
        }
        return new SelfTestResult(true, "PN532 v" + fw.versionString() + ", host link echo of 16 bytes intact");
    }

    @Override
    public void setField(boolean on) throws ReaderException {
        guarded(() -> {
            commands.rfField(on);
            return null;
        });
    }

    @Override
    public AntennaGain antennaGain() throws ReaderException {
        return guarded(() -> RxGain.fromRegister(commands.readRegister(CiuRegister.RF_CFG)));
    }

    @Override
    public void setAntennaGain(AntennaGain gain) throws ReaderException {
        guarded(() -> {
            int value = commands.readRegister(CiuRegister.RF_CFG);
            commands.writeRegister(CiuRegister.RF_CFG, RxGain.toRegister(value, gain));
            return null;
        });
    }

    @Override
    public List<TagInfo> scan() throws ReaderException {
        return guarded(enumerator::enumerate);
    }

    @Override
    public TagSession select(Uid uid) throws ReaderException {
        return guarded(() -> selectTag(uid));
    }

    private TagSession selectTag(Uid uid) throws ReaderException {
        enumerator.wakeAll(); // the tag is likely halted by the last scan; a field cycle makes it IDLE again
        List<ListedTarget> listed = commands.inListPassiveTarget106A(1, Optional.of(uid), listTimeout());
        if (listed.isEmpty() || !listed.get(0).uid().equals(uid)) {
            throw new ReaderException(Failure.NO_TAG, "tag " + uid + " does not answer on " + transport.describe());
        }
        return new Pn532TagSession(commands, enumerator, listed.get(0), tagTimeout(), this::failed);
    }

    private interface Operation<T> {
        T run() throws ReaderException;
    }

    /** Runs an operation on a healthy chip; a failure is counted, and a dead bus makes the chip suspect. */
    private <T> T guarded(Operation<T> operation) throws ReaderException {
        ensureHealthy();
        try {
            return operation.run();
        } catch (ReaderException e) {
            failed(e);
            throw e;
        }
    }

    private void failed(ReaderException e) {
        faults.observe(e);
        if (e.failure() == Failure.BUS_DEAD && healthy) {
            healthy = false;
            faults.report(Failure.BUS_DEAD, e.getMessage(), false);
        }
    }

    private void ensureHealthy() throws ReaderException {
        if (!healthy) {
            reset();
            faults.report(Failure.BUS_DEAD, "chip answers again after waking and re-initialisation", true);
        }
    }

    @Override
    public void close() {
        try {
            if (healthy) {
                commands.inRelease(0);
                commands.rfField(false);
                commands.powerDown(WAKE_ON_HOST_LINK);
            }
        } catch (ReaderException e) {
            log.debug("{}: shutting the chip down failed: {}", transport.describe(), e.getMessage());
        } finally {
            transport.close();
        }
    }

    private void initialise() throws ReaderException {
        transport.wakeUp();
        commands.samConfigurationNormal(timeouts.reset());
        Pn532Firmware fw = commands.getFirmwareVersion();
        if (fw.ic() != Pn532Firmware.PN532_IC) {
            throw new ReaderException(Failure.PROTOCOL, String.format("%s: IC %02X is not a PN532",
                    transport.describe(), fw.ic()));
        }
        chipInfo = new ChipInfo("PN532", fw.versionString());
        // A few activation attempts, never the chip's default "for ever", so an empty field answers at once.
        commands.maxRetries(0xFF, 0x01, 0x02);
        // The chip waits this long for a tag's answer before it reports status 01 (timeout).
        commands.timings(0x0B, Pn532Commands.timeoutCode(timeouts.command()));
        // CRC_A on for InCommunicateThru (HLTA is sent that way).
        commands.writeRegister(CiuRegister.TX_MODE, commands.readRegister(CiuRegister.TX_MODE)
                | CiuRegister.CRC_ENABLE);
        commands.writeRegister(CiuRegister.RX_MODE, commands.readRegister(CiuRegister.RX_MODE)
                | CiuRegister.CRC_ENABLE);
        commands.inRelease(0);
        commands.rfField(true);
        log.info("{}: PN532 firmware {} ready", transport.describe(), fw.versionString());
    }

    private Duration tagTimeout() {
        return timeouts.bus().plus(timeouts.command());
    }

    private Duration listTimeout() {
        return timeouts.bus().plus(timeouts.command().multipliedBy(4));
    }
}
