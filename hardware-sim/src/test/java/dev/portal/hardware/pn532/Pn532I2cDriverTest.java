package dev.portal.hardware.pn532;

import dev.portal.hardware.sim.tag.ForeignTagSpec;
import dev.portal.protocol.foreign.Identification;
import dev.portal.protocol.foreign.LegoDimensions;
import dev.portal.protocol.foreign.LegoKeys;
import dev.portal.protocol.foreign.SkylanderKeys;
import dev.portal.protocol.foreign.Skylanders;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import dev.portal.hardware.sim.pi4j.ModelI2CProvider;
import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.sim.pn532.Pn532I2cDevice;
import dev.portal.hardware.sim.pn532.Pn532Model;
import dev.portal.hardware.pn532.transport.I2cTransport;
import dev.portal.hardware.reader.MifareKey;
import dev.portal.hardware.reader.ReaderException;
import dev.portal.hardware.reader.ReaderException.Failure;
import dev.portal.hardware.reader.TagInfo;
import dev.portal.hardware.reader.TagSession;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Our PN532 driver over I2C: a real Pi4J context whose I2C provider leads to the PN532 model at 0x24. */
class Pn532I2cDriverTest {
    private final RfField field = new RfField();
    private final Pn532Model model = new Pn532Model(field);
    private final ModelI2CProvider provider = new ModelI2CProvider()
            .attach(1, I2cTransport.DEFAULT_ADDRESS, new Pn532I2cDevice(model, () -> field.faults().isBusDead()));
    private final Context context = Pi4J.newContextBuilder().add(provider).build();
    private Pn532Reader reader;

    @BeforeEach
    void open() throws ReaderException {
        I2C i2c = context.create(I2C.newConfigBuilder(context).id("pn532").bus(1).device(I2cTransport.DEFAULT_ADDRESS)
                .provider(ModelI2CProvider.ID));
        reader = Pn532Reader.open(new I2cTransport(i2c), Pn532UartDriverTest.TIMEOUTS);
    }

    @AfterEach
    void close() {
        try {
            if (reader != null) {
                reader.close();
            }
        } finally {
            context.shutdown();
        }
    }

    @Test
    void initialisesScansAndReadsOverI2c() throws Exception {
        assertEquals("1.6", reader.chipInfo().version());
        assertTrue(reader.selfTest().passed());
        field.add(Tags.classic(Tags.CLASSIC_4));
        field.add(Tags.ntag215(Tags.NTAG));
        field.add(Tags.classic(Tags.CLASSIC_7));
        assertEquals(Set.of(Tags.CLASSIC_4, Tags.NTAG, Tags.CLASSIC_7),
                reader.scan().stream().map(TagInfo::uid).collect(Collectors.toSet()));
        byte[] data = HexFormat.of().parseHex("f0e1d2c3b4a5968778695a4b3c2d1e0f");
        try (TagSession s = reader.select(Tags.CLASSIC_4)) {
            s.authenticate(1, MifareKey.factoryA());
            s.writeBlock(1, data);
            assertArrayEquals(data, s.readBlock(1));
        }
        assertTrue(provider.counters(1, I2cTransport.DEFAULT_ADDRESS).transfers() > 0);
    }

    /**
     * The reads a portal makes of toys of other lines (SPEC.md section 12), on the PN532: a Skylander refuses the
     * factory key, then opens sector 0 with its published key after a new select; a LEGO Dimensions tag refuses
     * a plain read of page 0x24, then gives it after PWD_AUTH with the password its UID gives.
     */
    @Test
    void readsToysOfOtherLinesAsAPortalDoes() throws Exception {
        ForeignTagSpec skylander = ForeignTagSpec.parse("skylander:0x1c3:0x3000@7457caa9");
        ForeignTagSpec lego = ForeignTagSpec.parse("lego:3@0413bb1a994080");
        field.add(skylander.build());
        field.add(lego.build());
        try (TagSession s = reader.select(skylander.uid())) {
            assertEquals(Failure.AUTHENTICATION, assertThrows(ReaderException.class,
                    () -> s.authenticate(4, MifareKey.factoryA())).failure());
        }
        try (TagSession s = reader.select(skylander.uid())) {
            s.authenticate(0, new MifareKey(MifareKey.Type.A, SkylanderKeys.keyA(skylander.uid().bytes(), 0)));
            byte[] head = new byte[32];
            System.arraycopy(s.readBlock(0), 0, head, 0, 16);
            System.arraycopy(s.readBlock(1), 0, head, 16, 16);
            assertEquals(0x01C3, ((Identification.Identified) Skylanders.identify(skylander.uid().bytes(), head))
                    .toy().characterId());
        }
        try (TagSession s = reader.select(lego.uid())) {
            assertThrows(ReaderException.class, () -> s.fastRead(LegoDimensions.FIRST_PAGE, LegoDimensions.LAST_PAGE));
        }
        try (TagSession s = reader.select(lego.uid())) {
            s.passwordAuthenticate(LegoKeys.password(lego.uid().bytes()));
            byte[] pages = s.fastRead(LegoDimensions.FIRST_PAGE, LegoDimensions.LAST_PAGE);
            assertEquals(3, ((Identification.Identified) LegoDimensions.identify(lego.uid().bytes(), pages))
                    .toy().characterId());
        }
    }

    @Test
    void aDeadBusIsReportedAsBusDead() {
        field.faults().busDead(true);
        ReaderException e = assertThrows(ReaderException.class, () -> reader.scan());
        assertEquals(Failure.BUS_DEAD, e.failure());
        field.faults().busDead(false);
    }

    @Test
    void anEmptyFieldListsNothing() throws Exception {
        assertEquals(List.of(), reader.scan());
    }
}
