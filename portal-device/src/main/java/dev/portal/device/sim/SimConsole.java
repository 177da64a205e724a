package dev.portal.device.sim;

import dev.portal.device.app.DeviceService;
import dev.portal.device.mqtt.DeliveryStats;
import dev.portal.device.outbox.OutboxStats;
import dev.portal.device.presence.Holder;
import dev.portal.hardware.sim.rf.Antenna;
import dev.portal.hardware.sim.rf.Placement;
import dev.portal.hardware.sim.rf.VirtualPortal;
import dev.portal.hardware.sim.tag.VirtualTag;
import dev.portal.protocol.id.Uid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's console: a person (or a script) puts toys on the virtual pads and takes them off while the
 * real service polls them through the chip models. Lines: place PAD TOY [near|normal|far|MMmm], remove TOY, move
 * TOY PAD, antenna PAD good|weak|DB, list, help, sleep MS, quit. A bad line gets an error message and the console
 * carries on.
 */
public final class SimConsole {
    private final VirtualPortal portal;
    private final ToyCatalogue catalogue;
    private final DeviceService service;
    private final PrintStream out;
    private final Map<Uid, VirtualTag> tags = new LinkedHashMap<>(); // a toy keeps its memory between placements

    public SimConsole(VirtualPortal portal, ToyCatalogue catalogue, DeviceService service, PrintStream out) {
        this.portal = portal;
        this.catalogue = catalogue;
        this.service = service;
        this.out = out;
    }

    /** Runs lines until end of input or "quit"; returns the number of lines that failed. */
    public int run(BufferedReader in, boolean echo) throws IOException {
        int failures = 0;
        String line;
        while ((line = in.readLine()) != null) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (echo) {
                out.println("> " + line);
            }
            if (line.equals("quit") || line.equals("exit")) {
                break;
            }
            try {
                execute(line.split("\\s+"));
            } catch (IllegalArgumentException e) {
                failures++;
                out.println("error: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return failures;
    }

    public void execute(String[] w) throws InterruptedException {
        switch (w[0]) {
            case "place" -> {
                if (w.length != 3 && w.length != 4) {
                    throw new IllegalArgumentException("usage: place PAD TOY [near|normal|far|MMmm]");
                }
                int pad = pad(w[1]);
                VirtualTag tag = tag(w[2]);
                Placement placement = w.length == 4 ? Placement.parse(w[3]) : Placement.NORMAL;
                portal.place(tag, pad, placement);
                out.println("placed " + tag.uid() + " on pad " + pad + ", " + placement + " from the antenna");
            }
            case "antenna" -> {
                need(w, 3, "antenna PAD good|weak|DB");
                int pad = pad(w[1]);
                Antenna antenna = Antenna.parse(w[2]);
                portal.pad(pad).antenna(antenna);
                out.println("pad " + pad + " antenna " + antenna.qualityDb() + " dB");
            }
            case "remove" -> {
                need(w, 2, "remove TOY");
                VirtualTag tag = tag(w[1]);
                out.println(portal.remove(tag) ? "removed " + tag.uid() : tag.uid() + " is not on the portal");
            }
            case "move" -> {
                need(w, 3, "move TOY PAD");
                VirtualTag tag = tag(w[1]);
                int pad = pad(w[2]);
                portal.move(tag, pad);
                out.println("moved " + tag.uid() + " to pad " + pad);
            }
            case "sleep" -> {
                need(w, 2, "sleep MS");
                Thread.sleep(number(w[1], "MS"));
            }
            case "list" -> list();
            case "help" -> help();
            default -> throw new IllegalArgumentException("unknown command '" + w[0] + "' (try help)");
        }
    }

    private void list() {
        for (int pad = 0; pad < portal.padCount(); pad++) {
            out.println("pad " + pad + "  LED " + service.lights().describe(pad) + "  antenna "
                    + portal.pad(pad).antenna().qualityDb() + " dB");
            for (Holder h : service.slots().snapshot()) {
                if (h.pad() == pad) {
                    out.println("  slot " + h.slot() + "  " + h.uid() + "  " + h.tagType() + name(h.uid())
                            + placement(pad, h.uid()));
                }
            }
        }
        OutboxStats o = service.outbox().stats();
        DeliveryStats d = service.deliveryStats();
        out.printf("outbox: %d waiting, %d dropped; broker: %s; polls %d, missed polls %d, read errors %d,"
                + " reader resets %d%n", o.depth(), o.droppedRecords(), d.connected() ? "connected" : "disconnected",
                service.health().polls.get(), service.health().missedPolls.get(), service.health().readErrors.get(),
                service.health().readerResets.get());
    }

    private String placement(int pad, Uid uid) {
        VirtualTag tag = tags.get(uid);
        return tag == null ? "" : portal.pad(pad).placement(tag).map(p -> "  " + p).orElse("");
    }

    private String name(Uid uid) {
        return catalogue.samples().values().stream().filter(s -> s.uid().equals(uid)).findFirst()
                .map(s -> "  (" + s.name() + ")").orElse("");
    }

    private void help() {
        out.println("place PAD TOY [near|normal|far|MMmm]");
        out.println("                put a toy on a pad (PAD 0.." + (portal.padCount() - 1) + "), its tag as far from the"
                + " antenna as said");
        out.println("                (normal 15 mm, near 0 mm, far 30 mm); placing it again moves it nearer or further");
        out.println("remove TOY      lift a toy off the portal");
        out.println("move TOY PAD    move a toy to another pad");
        out.println("antenna PAD Q   the pad's antenna quality: good (0 dB), weak (-6.5 dB) or dB down to -30");
        out.println("list            pads, slots, LEDs, outbox and broker state, missed polls");
        out.println("sleep MS        wait (for scripts)");
        out.println("quit            stop the simulator");
        out.println("TOY is a UID in hex (7 bytes: NTAG213, 4 bytes: MIFARE Classic 1K) or one of:");
        catalogue.samples().values().forEach(s -> out.printf("  %-9s %s  %s%n", s.name(), s.uid(), s.description()));
        out.println("or a toy of another line: LINE:ID[:VARIANT[:SERIES]][@UID][!] with LINE amiibo, skylander or"
                + " lego (! = fails its check), e.g. skylander:0x1c3:0x3000, lego:1123");
    }

    /**
     * The one tag this console has for a sample name or UID (made on first use): what {@code place} puts down,
     * so a test can read back what the portal wrote on it.
     */
    public VirtualTag tag(String nameOrUid) {
        Optional<Uid> uid = catalogue.resolve(nameOrUid);
        if (uid.isEmpty()) {
            throw new IllegalArgumentException("'" + nameOrUid + "' is neither a sample toy nor a hex UID of 4 or 7 bytes");
        }
        if (uid.get().length() == 10) {
            throw new IllegalArgumentException("the simulator makes 4- and 7-byte UIDs only");
        }
        return tags.computeIfAbsent(uid.get(), u -> catalogue.make(nameOrUid));
    }

    private int pad(String s) {
        int pad = (int) number(s, "PAD");
        if (pad < 0 || pad >= portal.padCount()) {
            throw new IllegalArgumentException("no pad " + s + " (0.." + (portal.padCount() - 1) + ")");
        }
        return pad;
    }

    private static long number(String s, String what) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, not '" + s + "'");
        }
    }

    private static void need(String[] w, int n, String usage) {
        if (w.length != n) {
            throw new IllegalArgumentException("usage: " + usage);
        }
    }
}
