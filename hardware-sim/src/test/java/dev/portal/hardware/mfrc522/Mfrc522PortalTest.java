package dev.portal.hardware.mfrc522;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import dev.portal.hardware.sim.mfrc522.Mfrc522Model;
import dev.portal.hardware.sim.pi4j.ModelSpiProvider;
import dev.portal.hardware.sim.rf.Transponder;
import dev.portal.hardware.sim.rf.VirtualPortal;
import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.hardware.sim.tag.NtagType;
import dev.portal.hardware.sim.tag.PlainTypeATag;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.Uid;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Mfrc522PortalTest {
    private static final int PADS = 4;
    private final VirtualPortal portal = new VirtualPortal(PADS, 3);
    private final List<Mfrc522Model> chips = new ArrayList<>();
    private Context context;
    private List<Mfrc522Reader> readers;

    @BeforeEach
    void open() {
        ModelSpiProvider spi = new ModelSpiProvider();
        for (int i = 0; i < PADS; i++) {
            Mfrc522Model chip = new Mfrc522Model(portal.pad(i));
            chips.add(chip);
            spi.attach(0, i, chip);
        }
        context = Pi4J.newContextBuilder().add(spi, MockDigitalOutputProvider.newInstance()).build();
        List<Mfrc522ReaderFactory.PadWiring> wiring = IntStream.range(0, PADS)
                .mapToObj(i -> new Mfrc522ReaderFactory.PadWiring(i, 20 + i)).toList();
        readers = new Mfrc522ReaderFactory(context, ModelSpiProvider.ID, 0, 1_000_000)
                .openAll(wiring, Mfrc522Options.DEFAULT);
        for (int i = 0; i < PADS; i++) {
            Mfrc522Model chip = chips.get(i);
            context.registry().<DigitalOutput>get("portal-mfrc522-reset-" + (20 + i))
                    .addListener(e -> chip.setResetLine(e.state().isHigh()));
        }
    }

    @AfterEach
    void close() {
        readers.forEach(Mfrc522Reader::close);
        context.shutdown();
    }

    private Set<Uid> scan(int pad) throws ReaderException {
        return readers.get(pad).scan().stream().map(TagInfo::uid).collect(Collectors.toSet());
    }

    @Test
    void eachPadSeesOnlyItsOwnTags() throws Exception {
        Transponder a = new MifareClassic1k(Uid.parse("0A0B0C0D"));
        Transponder b = new Ntag21x(NtagType.NTAG215, Uid.parse("04000000000001"));
        Transponder c = new MifareClassic1k(Uid.parse("04000000000002"));
        Transponder d = new PlainTypeATag(Uid.parse("01020304050607080910"));
        portal.place(a, 0);
        portal.place(b, 1);
        portal.place(c, 1);
        portal.place(d, 3);
        assertEquals(Set.of(a.uid()), scan(0));
        assertEquals(Set.of(b.uid(), c.uid()), scan(1));
        assertEquals(Set.of(), scan(2));
        assertEquals(Set.of(d.uid()), scan(3));
        assertEquals("mfrc522@spi0.2", readers.get(2).name());
    }

    @Test
    void resetPulsesOnlyItsOwnChip() throws Exception {
        long[] before = chips.stream().mapToLong(Mfrc522Model::hardResets).toArray();
        readers.get(2).reset();
        for (int i = 0; i < PADS; i++) {
            assertEquals(before[i] + (i == 2 ? 1 : 0), chips.get(i).hardResets(), "chip " + i);
        }
    }

    @Test
    void tagsMovedBetweenPadsWhileReadersPollAreFoundWhereTheyEndUp() throws Exception {
        List<Transponder> tags = List.of(new MifareClassic1k(Uid.parse("11111111")),
                new Ntag21x(NtagType.NTAG213, Uid.parse("04222222222222")),
                new MifareClassic1k(Uid.parse("33333333")));
        for (int i = 0; i < tags.size(); i++) {
            portal.place(tags.get(i), i); // on the pads from the start: the mover may start late on a busy machine
        }
        AtomicBoolean running = new AtomicBoolean(true);
        Thread mover = new Thread(() -> {
            Random random = new Random(9);
            while (running.get()) {
                Transponder t = tags.get(random.nextInt(tags.size()));
                if (random.nextInt(5) == 0) {
                    portal.remove(t);
                } else {
                    portal.move(t, random.nextInt(PADS));
                }
                try {
                    Thread.sleep(1); // a hand lifting and placing toys, not a spinning thread
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        mover.start();
        Set<Uid> known = tags.stream().map(Transponder::uid).collect(Collectors.toSet());
        int seen = 0;
        int failures = 0;
        try {
            for (int round = 0; round < 100; round++) {
                for (int pad = 0; pad < PADS; pad++) {
                    try {
                        Set<Uid> found = scan(pad);
                        assertTrue(known.containsAll(found), "only real UIDs: " + found);
                        seen += found.size();
                    } catch (ReaderException e) {
                        failures++; // a tag leaving mid-anticollision: a typed failure, never a wrong UID
                    }
                }
            }
        } finally {
            running.set(false);
            mover.join();
        }
        assertTrue(seen > 0);
        for (int i = 0; i < tags.size(); i++) {
            portal.place(tags.get(i), i);
        }
        for (int i = 0; i < tags.size(); i++) {
            assertEquals(Set.of(tags.get(i).uid()), scan(i), "pad " + i + " after " + failures + " failures");
        }
    }
}
