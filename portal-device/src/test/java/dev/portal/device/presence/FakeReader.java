package dev.portal.device.presence;

import dev.portal.protocol.frame.AntennaGain;
import dev.portal.hardware.reader.ChipInfo;
import dev.portal.hardware.reader.MifareKey;
import dev.portal.hardware.reader.NfcReader;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.SelfTestResult;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.TagSession;
import dev.portal.protocol.id.Uid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A reader for presence-logic unit tests: NTAG213-like tags in memory, a seeded chance that a tag misses an
 * answer, and a switch that makes the bus dead. (End-to-end tests use the chip models and the real driver.)
 */
public final class FakeReader implements NfcReader {
    private final Map<Uid, byte[]> tags = new LinkedHashMap<>();
    private final Random random;
    private volatile double missChance;
    private volatile boolean dead;
    int scans;
    int resets;
    /** After this many more page writes the toy is lifted (the write fails); negative: never. */
    public volatile int writesBeforeLift = -1;
    /** Tags answer only at this receiver gain or more (a weak antenna). */
    public volatile int minGainDb = 18;
    private volatile int gainDb = 33;
    /** The next data read lifts the toy first (a toy pulled while its record is read). */
    volatile boolean liftOnNextRead;
    /** This many more area reads come back garbled while the toy stays (a tag at the edge of the field). */
    volatile int garbledReads;
    /** The memory of the last toy lifted during a write. */
    volatile byte[] lastMemory;

    FakeReader(long seed) {
        random = new Random(seed);
    }

    synchronized void put(String uidHex) {
        byte[] mem = new byte[45 * 4];
        mem[3 * 4 + 2] = 0x12; // capability container: NTAG213
        tags.put(Uid.parse(uidHex), mem);
    }

    /** Puts a toy back with the memory it had. */
    public synchronized void putBack(String uidHex, byte[] mem) {
        tags.put(Uid.parse(uidHex), mem);
    }

    synchronized byte[] memory(String uidHex) {
        return tags.get(Uid.parse(uidHex));
    }

    synchronized void take(String uidHex) {
        tags.remove(Uid.parse(uidHex));
    }

    void missChance(double p) {
        missChance = p;
    }

    void dead(boolean d) {
        dead = d;
    }

    private void alive() throws ReaderException {
        if (dead) {
            throw new ReaderException(ReaderException.Failure.BUS_DEAD, "fake bus dead");
        }
    }

    private boolean answers() {
        return gainDb >= minGainDb && random.nextDouble() >= missChance;
    }

    @Override
    public dev.portal.hardware.reader.ReaderHealth health() {
        return new dev.portal.hardware.reader.ReaderHealth(resets, 0, 0, 0, 0);
    }

    @Override
    public ChipInfo chipInfo() {
        return new ChipInfo("FAKE", "1");
    }

    @Override
    public void reset() throws ReaderException {
        resets++;
        alive();
    }

    @Override
    public SelfTestResult selfTest() {
        return new SelfTestResult(true, "fake");
    }

    @Override
    public void setField(boolean on) throws ReaderException {
        alive();
    }

    @Override
    public AntennaGain antennaGain() {
        return new AntennaGain(gainDb);
    }

    @Override
    public void setAntennaGain(AntennaGain gain) throws ReaderException {
        alive();
        gainDb = gain.decibels();
    }

    @Override
    public synchronized List<TagInfo> scan() throws ReaderException {
        alive();
        scans++;
        List<TagInfo> out = new ArrayList<>();
        for (Uid u : tags.keySet()) {
            if (answers()) {
                out.add(TagInfo.of(u, 0x0044, 0x00));
            }
        }
        return out;
    }

    @Override
    public synchronized TagSession select(Uid uid) throws ReaderException {
        alive();
        byte[] mem = tags.get(uid);
        if (mem == null || !answers()) {
            throw new ReaderException(ReaderException.Failure.NO_TAG, "no " + uid);
        }
        return new Session(uid, mem);
    }

    @Override
    public void close() {
    }

    private final class Session implements TagSession {
        private final Uid uid;
        private final byte[] mem;

        Session(Uid uid, byte[] mem) {
            this.uid = uid;
            this.mem = mem;
        }

        private void present() throws ReaderException {
            synchronized (FakeReader.this) {
                if (tags.get(uid) != mem) {
                    throw new ReaderException(ReaderException.Failure.TIMEOUT, "tag left");
                }
            }
        }

        @Override
        public TagInfo tag() {
            return TagInfo.of(uid, 0x0044, 0);
        }

        @Override
        public void authenticate(int block, MifareKey key) throws ReaderException {
            throw new ReaderException(ReaderException.Failure.PROTOCOL, "NTAG");
        }

        @Override
        public byte[] readBlock(int block) throws ReaderException {
            throw new ReaderException(ReaderException.Failure.PROTOCOL, "NTAG");
        }

        @Override
        public void writeBlock(int block, byte[] data) throws ReaderException {
            throw new ReaderException(ReaderException.Failure.PROTOCOL, "NTAG");
        }

        @Override
        public byte[] readPages(int page) throws ReaderException {
            present();
            return Arrays.copyOfRange(mem, page * 4, page * 4 + 16);
        }

        @Override
        public byte[] fastRead(int startPage, int endPage) throws ReaderException {
            if (liftOnNextRead) {
                liftOnNextRead = false;
                synchronized (FakeReader.this) {
                    tags.remove(uid);
                }
            }
            present();
            if (garbledReads > 0) {
                garbledReads--;
                throw new ReaderException(ReaderException.Failure.CRC, "garbled answer");
            }
            return Arrays.copyOfRange(mem, startPage * 4, endPage * 4 + 4);
        }

        @Override
        public void writePage(int page, byte[] data) throws ReaderException {
            present();
            if (writesBeforeLift == 0) {
                synchronized (FakeReader.this) {
                    lastMemory = tags.remove(uid);
                }
                writesBeforeLift = -1;
                throw new ReaderException(ReaderException.Failure.TIMEOUT, "tag lifted during the write");
            }
            if (writesBeforeLift > 0) {
                writesBeforeLift--;
            }
            System.arraycopy(data, 0, mem, page * 4, 4);
        }

        @Override
        public byte[] passwordAuthenticate(byte[] password) throws ReaderException {
            throw new ReaderException(ReaderException.Failure.PROTOCOL, "no password");
        }

        @Override
        public void close() {
        }
    }
}
