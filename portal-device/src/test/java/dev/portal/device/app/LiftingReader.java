package dev.portal.device.app;

import dev.portal.protocol.frame.AntennaGain;
import dev.portal.hardware.reader.ChipInfo;
import dev.portal.hardware.reader.MifareKey;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.SelfTestResult;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.TagSession;
import dev.portal.protocol.id.Uid;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real reader, with a hand that lifts the toy off the pad after a given number of page writes (or block
 * reads): the next one then goes to an empty field, exactly as when a player grabs the toy during a save (or a read).
 */
final class LiftingReader implements NfcReader {
    private final NfcReader real;
    private final Runnable lift;
    final AtomicInteger writesBeforeLift = new AtomicInteger(-1);
    /** Block reads to let through before the toy is lifted (the next one finds the field empty); negative: never. */
    final AtomicInteger blockReadsBeforeLift = new AtomicInteger(-1);
    /** FAST_READs to let through before the toy is lifted; negative: never. */
    final AtomicInteger fastReadsBeforeLift = new AtomicInteger(-1);
    /** PWD_AUTH commands sent, whatever their outcome. */
    final AtomicInteger passwordsSent = new AtomicInteger();

    LiftingReader(NfcReader real, Runnable lift) {
        this.real = real;
        this.lift = lift;
    }

    @Override
    public dev.portal.hardware.reader.ReaderHealth health() {
        return real.health();
    }

    @Override
    public ChipInfo chipInfo() {
        return real.chipInfo();
    }

    @Override
    public void reset() throws ReaderException {
        real.reset();
    }

    @Override
    public SelfTestResult selfTest() throws ReaderException {
        return real.selfTest();
    }

    @Override
    public void setField(boolean on) throws ReaderException {
        real.setField(on);
    }

    @Override
    public AntennaGain antennaGain() throws ReaderException {
        return real.antennaGain();
    }

    @Override
    public void setAntennaGain(AntennaGain gain) throws ReaderException {
        real.setAntennaGain(gain);
    }

    @Override
    public List<TagInfo> scan() throws ReaderException {
        return real.scan();
    }

    @Override
    public TagSession select(Uid uid) throws ReaderException {
        TagSession s = real.select(uid);
        return new TagSession() {
            @Override
            public TagInfo tag() {
                return s.tag();
            }

            @Override
            public void authenticate(int block, MifareKey key) throws ReaderException {
                s.authenticate(block, key);
            }

            @Override
            public byte[] readBlock(int block) throws ReaderException {
                if (blockReadsBeforeLift.getAndDecrement() == 0) {
                    lift.run();
                }
                return s.readBlock(block);
            }

            @Override
            public void writeBlock(int block, byte[] data) throws ReaderException {
                s.writeBlock(block, data);
            }

            @Override
            public byte[] readPages(int page) throws ReaderException {
                return s.readPages(page);
            }

            @Override
            public byte[] fastRead(int startPage, int endPage) throws ReaderException {
                if (fastReadsBeforeLift.getAndDecrement() == 0) {
                    lift.run();
                }
                return s.fastRead(startPage, endPage);
            }

            @Override
            public void writePage(int page, byte[] data) throws ReaderException {
                if (writesBeforeLift.getAndDecrement() == 0) {
                    lift.run();
                }
                s.writePage(page, data);
            }

            @Override
            public byte[] passwordAuthenticate(byte[] password) throws ReaderException {
                passwordsSent.incrementAndGet();
                return s.passwordAuthenticate(password);
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    @Override
    public void close() {
        real.close();
    }
}
