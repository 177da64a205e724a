package dev.portal.hardware.mfrc522;

import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.spi.Spi;
import dev.portal.hardware.iso14443a.Iso14443aActivation;
import dev.portal.hardware.iso14443a.MifareAuthenticator;
import dev.portal.hardware.iso14443a.MifareClassicCommands;
import dev.portal.hardware.iso14443a.NtagCommands;
import dev.portal.protocol.frame.AntennaGain;
import dev.portal.hardware.reader.ChipInfo;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.hardware.reader.ReaderFault;
import dev.portal.hardware.reader.ReaderHealth;
import dev.portal.hardware.reader.SelfTestResult;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.TagSession;
import dev.portal.protocol.id.Uid;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link NfcReader} on an NXP MFRC522 over Pi4J SPI, with an optional reset line. A chip that stops answering
 * (VersionReg 0x00/0xFF, or no interrupt before the deadline) is reset and initialised again; the failure is
 * still thrown to the caller, counted in {@link #health()} and reported to the {@link Mfrc522Options#listener()}.
 * A reader whose chip could not be brought back retries the reset before each later operation.
 */
public final class Mfrc522Reader implements NfcReader {
    private static final Logger log = LoggerFactory.getLogger(Mfrc522Reader.class);

    private final String name;
    private final Spi spi;
    private final Mfrc522Options options;
    private final ChipControl control;
    private final Mfrc522Transceiver transceiver;
    private final Iso14443aActivation activation;
    private final MifareClassicCommands classic;
    private final NtagCommands ntag;
    private ChipInfo chipInfo = new ChipInfo("MFRC522", "not initialised");
    private AntennaGain gain;
    private boolean healthy;
    private boolean crypto1On;
    private long resets;
    private long busDead;
    private long stalls;

    /**
     * Opens the reader and initialises the chip. A chip that does not answer does not make this fail: the
     * fault is reported and the reader tries again on its next operation.
     */
    public static Mfrc522Reader open(String name, Spi spi, DigitalOutput resetLine, Mfrc522Options options) {
        Mfrc522Reader reader = new Mfrc522Reader(name, spi, resetLine, options);
        try {
            reader.reset();
        } catch (ReaderException e) {
            reader.report(e.failure(), "initialisation failed: " + e.getMessage(), false);
        }
        return reader;
    }

    private Mfrc522Reader(String name, Spi spi, DigitalOutput resetLine, Mfrc522Options options) {
        this.name = name;
        this.spi = spi;
        this.options = options;
        this.gain = options.gain();
        RegisterBus bus = new RegisterBus(spi);
        this.control = new ChipControl(bus, resetLine, options.timeouts().reset());
        this.transceiver = new Mfrc522Transceiver(bus, options.crc(), options.timeouts().bus(), this::chipUnresponsive);
        this.activation = new Iso14443aActivation(transceiver);
        this.classic = new MifareClassicCommands(transceiver, new Authenticator());
        this.ntag = new NtagCommands(transceiver, Mfrc522Registers.FIFO_SIZE);
    }

    public String name() {
        return name;
    }

    @Override
    public ReaderHealth health() {
        return new ReaderHealth(resets, busDead, stalls, transceiver.crcErrors(), transceiver.timeouts());
    }

    @Override
    public ChipInfo chipInfo() {
        return chipInfo;
    }

    @Override
    public void reset() throws ReaderException {
        resets++;
        healthy = false;
        crypto1On = false;
        transceiver.forgetTimer();
        control.reset();
        chipInfo = control.checkVersion();
        control.initialise(gain);
        healthy = true;
        log.debug("{}: initialised {} {}", name, chipInfo.chip(), chipInfo.version());
    }

    @Override
    public SelfTestResult selfTest() throws ReaderException {
        ensureHealthy();
        int version = control.rawVersion();
        SelfTestResult result;
        try {
            result = control.selfTest(version, options.timeouts().bus());
        } finally {
            reset();
        }
        return result;
    }

    @Override
    public void setField(boolean on) throws ReaderException {
        ensureHealthy();
        control.setField(on);
    }

    @Override
    public AntennaGain antennaGain() throws ReaderException {
        ensureHealthy();
        return control.gain();
    }

    @Override
    public void setAntennaGain(AntennaGain gain) throws ReaderException {
        ensureHealthy();
        control.setGain(gain);
        this.gain = control.gain();
    }

    @Override
    public List<TagInfo> scan() throws ReaderException {
        prepareActivation();
        long stallsBefore = stalls;
        // A tag's lost or garbled answer is worth another round; a stalled or dead chip is not.
        return activation.enumerate(e -> e.failure() != Failure.BUS_DEAD && stalls == stallsBefore);
    }

    @Override
    public TagSession select(Uid uid) throws ReaderException {
        return new Mfrc522Session(this, activate(uid));
    }

    /** WUPA (twice: a tag left ACTIVE drops to IDLE on the first) and SELECT of a known UID. */
    TagInfo activate(Uid uid) throws ReaderException {
        prepareActivation();
        Optional<Integer> atqa = activation.wupa();
        if (atqa.isEmpty()) {
            atqa = activation.wupa();
        }
        if (atqa.isEmpty()) {
            throw new ReaderException(Failure.NO_TAG, "no tag answers WUPA");
        }
        long stallsBefore = stalls;
        try {
            return activation.selectKnown(uid, atqa.get());
        } catch (ReaderException e) {
            if (e.failure() == Failure.TIMEOUT && stalls == stallsBefore) {
                throw new ReaderException(Failure.NO_TAG, "tag " + uid + " is not in the field", e);
            }
            throw e;
        }
    }

    private void prepareActivation() throws ReaderException {
        ensureHealthy();
        if (crypto1On) {
            transceiver.stopCrypto1();
            crypto1On = false;
        }
        transceiver.setResponseTimeout(options.activationTimeout());
    }

    /** Switches the chip timer to the tag-command timeout. */
    void prepareCommand() throws ReaderException {
        ensureHealthy();
        transceiver.setResponseTimeout(options.timeouts().command());
    }

    /** Times the chip itself stopped responding; a TIMEOUT with this unchanged was a silent tag. */
    long stallCount() {
        return stalls;
    }

    MifareClassicCommands classic() {
        return classic;
    }

    NtagCommands ntag() {
        return ntag;
    }

    Iso14443aActivation activation() {
        return activation;
    }

    void endCrypto1() throws ReaderException {
        if (crypto1On) {
            transceiver.stopCrypto1();
            crypto1On = false;
        }
    }

    void haltAfterSession() throws ReaderException {
        endCrypto1();
        transceiver.setResponseTimeout(options.activationTimeout());
        activation.halt();
    }

    private void ensureHealthy() throws ReaderException {
        if (healthy) {
            return;
        }
        try {
            reset();
        } catch (ReaderException e) {
            if (e.failure() == Failure.BUS_DEAD) {
                busDead++;
            }
            throw e;
        }
        report(Failure.BUS_DEAD, "chip answers again after reset", true);
    }

    /** The chip raised no interrupt in time: find out whether it is gone, reset it, report, fail. */
    private ReaderException chipUnresponsive(String operation) {
        stalls++;
        healthy = false;
        Failure failure = Failure.TIMEOUT;
        String detail = "chip raised no interrupt during " + operation;
        try {
            int version = control.rawVersion();
            if (version == 0x00 || version == 0xFF) {
                failure = Failure.BUS_DEAD;
                busDead++;
                detail += "; VersionReg reads 0x" + Integer.toHexString(version);
            }
            reset();
            report(failure, detail + "; reset and initialised again", true);
        } catch (ReaderException e) {
            if (e.failure() == Failure.BUS_DEAD && failure != Failure.BUS_DEAD) {
                busDead++;
                failure = Failure.BUS_DEAD;
            }
            report(failure, detail + "; reset failed: " + e.getMessage(), false);
        }
        return new ReaderException(failure, name + ": " + detail);
    }

    private void report(Failure failure, String detail, boolean recovered) {
        if (recovered) {
            log.warn("{}: {}", name, detail);
        } else {
            log.error("{}: {}", name, detail);
        }
        options.listener().onFault(new ReaderFault(name, failure, detail, recovered, Instant.now()));
    }

    @Override
    public void close() {
        try {
            if (healthy) {
                control.setField(false);
            }
        } catch (ReaderException e) {
            log.debug("{}: field not switched off on close: {}", name, e.getMessage());
        }
        spi.close();
    }

    private final class Authenticator implements MifareAuthenticator {
        @Override
        public void authenticate(int command, int block, byte[] key, byte[] uid4) throws ReaderException {
            transceiver.authenticate(command, block, key, uid4);
            crypto1On = true;
        }

        @Override
        public void stopCrypto1() throws ReaderException {
            endCrypto1();
        }
    }
}
