package dev.portal.device.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code pads} list of portal.json. Each pad names its reader in a {@code reader} object ({@code chip}
 * mfrc522 on {@code bus} spi, or pn532 on uart or i2c); a pad without one is an MFRC522 on SPI wired by the
 * pad's own {@code spiBus}/{@code chipSelect}/... fields, as every portal.json before PN532 support says. A chip
 * on a bus its driver does not speak, a missing port and a bus address used twice are problems, one line each.
 */
final class PadsParser {
    static final int MAX_PADS = 8;
    private static final Set<String> SPI_FIELDS = Set.of("spiBus", "chipSelect", "spiSpeedHz", "resetGpio");

    private final JsonFields top;
    private final List<String> problems;
    private final Set<String> busAddresses = new HashSet<>();

    PadsParser(JsonFields top, List<String> problems) {
        this.top = top;
        this.problems = problems;
    }

    List<PadConfig> parse() {
        JsonNode arr = top.raw("pads");
        List<PadConfig> pads = new ArrayList<>();
        if (arr == null) {
            problems.add("pads is required (one entry per reader chip)");
            return pads;
        }
        if (!arr.isArray() || arr.isEmpty() || arr.size() > MAX_PADS) {
            problems.add("pads must be a list of 1.." + MAX_PADS + " pads");
            return pads;
        }
        for (int i = 0; i < arr.size(); i++) {
            String where = top.where("pads", i);
            JsonFields p = new JsonFields(arr.get(i), where, problems);
            Set<String> known = new HashSet<>(SPI_FIELDS);
            known.addAll(Set.of("reader", "led"));
            p.rejectUnknown(known);
            ReaderWiring reader;
            if (p.raw("reader") == null) {
                reader = spi(p, i);
            } else {
                SPI_FIELDS.stream().filter(f -> p.raw(f) != null).forEach(f -> problems.add(where + "." + f
                        + ": with a reader object the wiring goes inside it (" + where + ".reader." + f + ")"));
                reader = reader(p.object("reader"), where + ".reader", i);
            }
            if (!busAddresses.add(busAddress(reader))) {
                problems.add(where + ": " + reader.describe() + " is used twice: each pad needs a reader of its own");
            }
            pads.add(new PadConfig(i, reader, led(p, where)));
        }
        return pads;
    }

    private ReaderWiring reader(JsonFields r, String where, int index) {
        Optional<ReaderChip> chip = r.optText("chip").flatMap(name -> {
            Optional<ReaderChip> c = ReaderChip.byName(name);
            if (c.isEmpty()) {
                problems.add(where + ".chip must be mfrc522 or pn532, not '" + name + "'");
            }
            return c;
        });
        if (r.raw("chip") == null) {
            problems.add(where + ".chip is required (mfrc522 or pn532)");
        }
        String bus = r.optText("bus").orElse(chip.orElse(ReaderChip.MFRC522) == ReaderChip.MFRC522 ? "spi" : "");
        if (chip.isEmpty()) {
            return spi(r, index); // the problem is reported; the value only keeps the parse going
        }
        return switch (chip.get()) {
            case MFRC522 -> {
                if (!bus.equals("spi")) {
                    problems.add(where + ": the mfrc522 is wired on spi (its driver speaks SPI only), not '" + bus + "'");
                }
                Set<String> known = new HashSet<>(SPI_FIELDS);
                known.addAll(Set.of("chip", "bus"));
                r.rejectUnknown(known);
                yield spi(r, index);
            }
            case PN532 -> pn532(r, where, bus);
        };
    }

    private ReaderWiring pn532(JsonFields r, String where, String bus) {
        switch (bus) {
            case "uart" -> {
                r.rejectUnknown(Set.of("chip", "bus", "port"));
                String port = r.text("port", "", false);
                if (port.isBlank()) {
                    problems.add(where + ".port is required for a pn532 on uart (e.g. /dev/ttyS0, /dev/ttyUSB0)");
                }
                return new ReaderWiring.Pn532Uart(port);
            }
            case "i2c" -> {
                r.rejectUnknown(Set.of("chip", "bus", "i2cBus", "address"));
                return new ReaderWiring.Pn532I2c(r.integer("i2cBus", 1, 0, 22), address(r, where));
            }
            case "" -> problems.add(where + ".bus is required for a pn532: uart or i2c");
            case "spi" -> problems.add(where + ": the pn532 is supported on uart or i2c, not spi (its driver has no"
                    + " SPI transport); set the board's switches to HSU or I2C");
            default -> problems.add(where + ".bus must be uart or i2c for a pn532, not '" + bus + "'");
        }
        return new ReaderWiring.Pn532Uart(where); // the problem is reported; the value only keeps the parse going
    }

    /** A 7-bit I2C address as a number (36) or a hex string ("0x24"). */
    private int address(JsonFields r, String where) {
        JsonNode v = r.raw("address");
        int address = 0x24;
        if (v == null || v.isNull()) {
            return address;
        }
        if (v.isIntegralNumber()) {
            address = v.asInt();
        } else if (v.isTextual() && v.asText().matches("0[xX][0-9a-fA-F]{1,2}")) {
            address = Integer.parseInt(v.asText().substring(2), 16);
        } else {
            problems.add(where + ".address must be a number or a hex string such as \"0x24\", not " + v);
            return address;
        }
        if (address < 0x03 || address > 0x77) {
            problems.add(where + ".address must be a 7-bit I2C address 0x03..0x77, not " + v);
        }
        return address;
    }

    private static ReaderWiring.Mfrc522Spi spi(JsonFields f, int index) {
        return new ReaderWiring.Mfrc522Spi(f.integer("spiBus", 0, 0, 6), f.integer("chipSelect", index, 0, 10),
                f.integer("spiSpeedHz", 1_000_000, 10_000, 10_000_000), f.integer("resetGpio", -1, -1, 53));
    }

    /** What two pads must not share: a chip select, a serial port, an I2C address. */
    static String busAddress(ReaderWiring w) {
        return switch (w) {
            case ReaderWiring.Mfrc522Spi s -> "spi " + s.spiBus() + "/" + s.chipSelect();
            case ReaderWiring.Pn532Uart u -> "uart " + u.port();
            case ReaderWiring.Pn532I2c c -> "i2c " + c.i2cBus() + "/" + c.address();
        };
    }

    private Optional<PadConfig.LedPins> led(JsonFields p, String where) {
        if (p.raw("led") == null) {
            return Optional.empty();
        }
        JsonFields l = p.object("led");
        l.rejectUnknown(Set.of("red", "green", "blue", "activeLow"));
        JsonNode low = l.raw("activeLow");
        if (low != null && !low.isBoolean()) {
            problems.add(where + ".led.activeLow must be true or false");
        }
        if (l.raw("red") == null || l.raw("green") == null || l.raw("blue") == null) {
            problems.add(where + ".led needs red, green and blue pins");
        }
        return Optional.of(new PadConfig.LedPins(l.integer("red", 0, 0, 53), l.integer("green", 0, 0, 53),
                l.integer("blue", 0, 0, 53), low != null && low.asBoolean()));
    }
}
