package dev.portal.bench.hardware;

import com.pi4j.context.Context;
import dev.portal.hardware.mfrc522.CrcStrategy;
import dev.portal.hardware.mfrc522.Mfrc522Options;
import dev.portal.hardware.mfrc522.Mfrc522Reader;
import dev.portal.hardware.sim.mfrc522.SimulatedMfrc522Portal;
import dev.portal.hardware.sim.pi4j.BusCounters;
import dev.portal.hardware.sim.rf.AirTimeMeter;
import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.sim.rf.Transponder;
import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.NtagType;
import dev.portal.hardware.sim.tag.PlainTypeATag;
import dev.portal.hardware.reader.MifareKey;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.TagSession;
import dev.portal.hardware.reader.Uid;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Counts what the reader drivers cost on the bus and on the air, against the chip models: SPI transfers (chip
 * select assertions) and bytes, and modelled air time at 106 kbit/s (bits incl. parity and SOF/EOF) plus the
 * modelled waiting (tag frame delay times and chip-timer timeouts). Counts, not wall time, so the figures hold
 * on any machine. Prints a Markdown section.
 */
public final class HardwareBench {
    private static final Uid NTAG_UID = Uid.parse("04A1B2C3D4E5F6");
    private static final Uid CLASSIC_UID = Uid.parse("0A0B0C0D");

    private record Row(String scenario, String driver, long transfers, long bytes, long frames, double airMicros,
                       long waitMicros) {
    }

    @FunctionalInterface
    private interface Scenario {
        void run(Mfrc522Reader reader) throws ReaderException;
    }

    public static void main(String[] args) throws Exception {
        // The report goes to stdout; library and Pi4J logging goes to stderr, warnings only.
        PrintStream report = System.out;
        System.setOut(System.err);
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        List<Row> rows = new ArrayList<>();
        for (CrcStrategy crc : CrcStrategy.values()) {
            String driver = "MFRC522, CRC " + (crc == CrcStrategy.COPROCESSOR ? "coprocessor" : "on host");
            rows.add(measure("idle poll (empty field: one WUPA)", driver, crc, List.of(), Mfrc522Reader::scan));
            rows.add(measure("enumerate 1 tag", driver, crc, tags(1), Mfrc522Reader::scan));
            rows.add(measure("enumerate 2 tags", driver, crc, tags(2), Mfrc522Reader::scan));
            rows.add(measure("enumerate 4 tags", driver, crc, tags(4), Mfrc522Reader::scan));
            rows.add(measure("read whole NTAG215 (select, FAST_READ 135 pages, halt)", driver, crc,
                    List.of(new Ntag21x(NtagType.NTAG215, NTAG_UID)), HardwareBench::readNtag));
            rows.add(measure("read whole MIFARE Classic 1K (select, 16 auth, 64 READ, halt)", driver, crc,
                    List.of(new MifareClassic1k(CLASSIC_UID)), HardwareBench::readClassic));
        }
        print(rows, report);
    }

    /** 1, 2 or 4 tags with 4-, 7- and 10-byte UIDs that collide at level 1 and deeper. */
    private static List<Transponder> tags(int n) {
        List<Transponder> all = List.of(new Ntag21x(NtagType.NTAG215, NTAG_UID),
                new MifareClassic1k(CLASSIC_UID),
                new MifareClassic1k(Uid.parse("04A1B2C3D4E5F7")),
                new PlainTypeATag(Uid.parse("04A1B2112233445566AA")));
        return all.subList(0, n);
    }

    private static void readNtag(Mfrc522Reader reader) throws ReaderException {
        try (TagSession s = reader.select(NTAG_UID)) {
            s.fastRead(0, NtagType.NTAG215.pages() - 1);
        }
    }

    private static void readClassic(Mfrc522Reader reader) throws ReaderException {
        try (TagSession s = reader.select(CLASSIC_UID)) {
            for (int block = 0; block < MifareClassic1k.BLOCKS; block++) {
                if (block % 4 == 0) {
                    s.authenticate(block, MifareKey.factoryA());
                }
                s.readBlock(block);
            }
        }
    }

    private static Row measure(String name, String driver, CrcStrategy crc, List<Transponder> tags, Scenario scenario)
            throws ReaderException {
        SimulatedMfrc522Portal simulated = new SimulatedMfrc522Portal(1, 1);
        RfField field = simulated.portal().pad(0);
        tags.forEach(field::add);
        Context context = simulated.newContext();
        try {
            Mfrc522Reader reader = simulated.openReaders(context, Mfrc522Options.DEFAULT.withCrc(crc)).getFirst();
            reader.scan(); // warm-up: timer set, tags halted, as in a running poll loop
            BusCounters bus = simulated.spiProvider().counters(0, 0);
            AirTimeMeter air = field.meter();
            bus.reset();
            air.reset();
            scenario.run(reader);
            Row row = new Row(name, driver, bus.transfers(), bus.bytes(), air.readerFrames() + air.tagFrames(),
                    air.airMicros(), air.waitMicros());
            reader.close();
            return row;
        } finally {
            context.shutdown();
        }
    }

    private static void print(List<Row> rows, PrintStream out) {
        out.println("Reader drivers against the chip models (SPI through a real Pi4J context). SPI transfers "
                + "are chip-select assertions; air time is modelled at 106 kbit/s (9.44 us a bit, parity and "
                + "SOF/EOF included); wait is modelled tag frame delay plus chip-timer timeouts (1 ms activation "
                + "timer, 25 ms command timer).");
        out.println();
        out.println("| Operation | Driver | SPI transfers | SPI bytes | RF frames | Air time (us) | Wait (us) |");
        out.println("|---|---|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            out.println(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.0f | %d |", r.scenario(),
                    r.driver(), r.transfers(), r.bytes(), r.frames(), r.airMicros(), r.waitMicros()));
        }
    }
}
