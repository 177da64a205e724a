package dev.portal.hardware.sim.pi4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiBus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ModelProvidersTest {
    private final ModelSpiProvider spiProvider = new ModelSpiProvider();
    private final ModelI2CProvider i2cProvider = new ModelI2CProvider();
    private final Context context = Pi4J.newContextBuilder().add(spiProvider, i2cProvider).build();

    @AfterEach
    void shutdown() {
        context.shutdown();
    }

    @Test
    void spiTransfersReachTheModelOnItsChipSelectAndAreCounted() {
        spiProvider.attach(0, 1, mosi -> {
            byte[] out = new byte[mosi.length];
            for (int i = 0; i < mosi.length; i++) {
                out[i] = (byte) (mosi[i] + 1);
            }
            return out;
        });
        Spi spi = context.create(Spi.newConfigBuilder(context).id("cs1").bus(SpiBus.BUS_0)
                .address(1).baud(1_000_000).provider(ModelSpiProvider.ID));
        byte[] in = new byte[3];
        spi.transfer(new byte[] {1, 2, 3}, in);
        assertArrayEquals(new byte[] {2, 3, 4}, in);
        assertEquals(1, spiProvider.counters(0, 1).transfers());
        assertEquals(3, spiProvider.counters(0, 1).bytes());
        Spi empty = context.create(Spi.newConfigBuilder(context).id("cs0").bus(SpiBus.BUS_0)
                .address(0).provider(ModelSpiProvider.ID));
        byte[] floating = new byte[2];
        empty.transfer(new byte[2], floating);
        assertArrayEquals(new byte[] {(byte) 0xFF, (byte) 0xFF}, floating);
    }

    @Test
    void i2cWritesAndReadsAreSeparateTransactionsAndAbsentDevicesNack() {
        List<byte[]> writes = new ArrayList<>();
        i2cProvider.attach(1, 0x24, (write, readLength) -> {
            writes.add(write);
            byte[] out = new byte[readLength];
            java.util.Arrays.fill(out, (byte) 0x5A);
            return out;
        });
        I2C i2c = context.create(I2C.newConfigBuilder(context).id("pn532").bus(1).device(0x24)
                .provider(ModelI2CProvider.ID));
        i2c.write(new byte[] {0, 0, (byte) 0xFF});
        byte[] in = new byte[4];
        i2c.read(in, 0, 4);
        assertArrayEquals(new byte[] {0x5A, 0x5A, 0x5A, 0x5A}, in);
        assertEquals(2, writes.size());
        assertEquals(2, i2cProvider.counters(1, 0x24).transfers());
        I2C absent = context.create(I2C.newConfigBuilder(context).id("none").bus(1).device(0x50)
                .provider(ModelI2CProvider.ID));
        assertThrows(I2cDevice.I2cNackException.class, () -> absent.read(new byte[1], 0, 1));
    }
}
