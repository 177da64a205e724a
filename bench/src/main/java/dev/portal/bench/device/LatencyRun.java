package dev.portal.bench.device;

import dev.portal.device.config.ReaderChip;
import dev.portal.device.sim.SimulatedHardware;
import dev.portal.device.frame.BootClock;
import dev.portal.device.frame.EventSink;
import dev.portal.device.frame.FrameEmitter;
import dev.portal.device.health.HealthStats;
import dev.portal.device.outbox.Outbox;
import dev.portal.device.outbox.OutboxSettings;
import dev.portal.device.presence.PadPoller;
import dev.portal.device.presence.PresenceService;
import dev.portal.device.presence.SlotTable;
import dev.portal.device.sim.ToyCatalogue;
import dev.portal.hardware.sim.tag.VirtualTag;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.toy.FleetKey;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Placement and removal latency on the chip models through the real driver and the service's presence code:
 * from the moment a tag enters (leaves) a pad's field to the moment its TagPlaced (TagRemoved) frame has been
 * appended to a real on-disk outbox. Each pad runs its own cycle of placements; the poll phase at which a tag
 * arrives is random, as it is for a player. Also measures poll-thread CPU per poll cycle. MFRC522 pads or PN532
 * pads (each PN532 model on its own socat pty pair, behind the real UART driver).
 */
final class LatencyRun {
    record Result(List<Long> placedNanos, List<Long> removedNanos, long polls, long pollCpuNanos) {
    }

    private final int pads;
    private final int pollHz;
    private final ReaderChip chip;

    LatencyRun(int pads, int pollHz, ReaderChip chip) {
        this.pads = pads;
        this.pollHz = pollHz;
        this.chip = chip;
    }

    Result run(Path outboxDir, int placements) throws Exception {
        ToyCatalogue catalogue = new ToyCatalogue(FleetKey.fromHex("a3f01c5d9b7e2468".repeat(4))); // makes the toys
        Map<Uid, Long> sent = new ConcurrentHashMap<>();
        Map<Uid, CountDownLatch> arrived = new ConcurrentHashMap<>();
        List<Long> placed = Collections.synchronizedList(new ArrayList<>());
        List<Long> removed = Collections.synchronizedList(new ArrayList<>());
        HealthStats health = new HealthStats();
        try (Outbox outbox = Outbox.open(OutboxSettings.defaults(outboxDir));
             SimulatedHardware hw = SimulatedHardware.open(pads, 3, chip)) {
            FrameEmitter emitter = new FrameEmitter(outbox, new BootClock(true), 1);
            EventSink timed = m -> {
                emitter.emit(m); // appended to the outbox: now the frame exists
                long now = System.nanoTime();
                Uid uid = uidOf(m);
                if (uid != null && sent.containsKey(uid)) {
                    (m instanceof TagPlaced ? placed : removed).add(now - sent.remove(uid));
                    arrived.get(uid).countDown();
                }
            };
            SlotTable slots = new SlotTable(8);
            List<PadPoller> pollers = new ArrayList<>();
            for (int i = 0; i < pads; i++) {
                pollers.add(PadPoller.builder().pad(i).reader(hw.readers().get(i)).slots(slots).sink(timed)
                        .lights(hw.lights()).health(health)
                        .clock(System::currentTimeMillis).calibration(new PadCalibration(i, 33, 3)).build());
            }
            try (PresenceService presence = new PresenceService(pollers, Duration.ofNanos(1_000_000_000L / pollHz))) {
                presence.start();
                Thread.sleep(300);
                long cpu0 = padThreadCpu();
                long polls0 = health.polls.get();
                List<Thread> cycles = new ArrayList<>();
                String[] toys = {"dragon", "knight", "wizard", "blank", "04B100000000A1", "04B100000000A2",
                        "04B100000000A3", "04B100000000A4"};
                int perPad = (placements + pads - 1) / pads;
                for (int i = 0; i < pads; i++) {
                    int pad = i;
                    VirtualTag tag = catalogue.make(toys[i]);
                    cycles.add(Thread.ofPlatform().name("bench-cycle-" + i).start(() ->
                            cycle(hw, pad, tag, perPad, sent, arrived)));
                }
                for (Thread t : cycles) {
                    t.join();
                }
                return new Result(List.copyOf(placed), List.copyOf(removed), health.polls.get() - polls0,
                        padThreadCpu() - cpu0);
            }
        }
    }

    /** Poll-thread CPU while {@code toys} rest on pad 0 for {@code seconds}, nothing changing. */
    Result idle(Path outboxDir, int toys, int seconds) throws Exception {
        ToyCatalogue catalogue = new ToyCatalogue(FleetKey.fromHex("a3f01c5d9b7e2468".repeat(4))); // makes the toys
        HealthStats health = new HealthStats();
        try (Outbox outbox = Outbox.open(OutboxSettings.defaults(outboxDir));
             SimulatedHardware hw = SimulatedHardware.open(pads, 3, chip)) {
            FrameEmitter emitter = new FrameEmitter(outbox, new BootClock(true), 1);
            SlotTable slots = new SlotTable(8);
            List<PadPoller> pollers = new ArrayList<>();
            for (int i = 0; i < pads; i++) {
                pollers.add(PadPoller.builder().pad(i).reader(hw.readers().get(i)).slots(slots).sink(emitter)
                        .lights(hw.lights()).health(health)
                        .clock(System::currentTimeMillis).calibration(new PadCalibration(i, 33, 3)).build());
            }
            String[] names = {"dragon", "knight", "wizard", "blank"};
            for (int i = 0; i < toys; i++) {
                hw.portal().place(catalogue.make(names[i]), 0);
            }
            try (PresenceService presence = new PresenceService(pollers, Duration.ofNanos(1_000_000_000L / pollHz))) {
                presence.start();
                Thread.sleep(3000); // placed, read, JIT warm
                long cpu0 = padThreadCpu();
                long polls0 = health.polls.get();
                Thread.sleep(seconds * 1000L);
                return new Result(List.of(), List.of(), health.polls.get() - polls0, padThreadCpu() - cpu0);
            }
        }
    }

    private static void cycle(SimulatedHardware hw, int pad, VirtualTag tag, int count, Map<Uid, Long> sent,
                              Map<Uid, CountDownLatch> arrived) {
        try {
            for (int i = 0; i < count; i++) {
                Thread.sleep(ThreadLocalRandom.current().nextInt(10, 60)); // arrive at any poll phase
                await(tag, () -> hw.portal().place(tag, pad), sent, arrived);
                Thread.sleep(ThreadLocalRandom.current().nextInt(10, 60));
                await(tag, () -> hw.portal().remove(tag), sent, arrived);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(VirtualTag tag, Runnable action, Map<Uid, Long> sent, Map<Uid, CountDownLatch> arrived)
            throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(1);
        arrived.put(tag.uid(), latch);
        sent.put(tag.uid(), System.nanoTime());
        action.run();
        if (!latch.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no event for " + tag.uid() + " within 10 s");
        }
    }

    private static Uid uidOf(Message m) {
        return switch (m) {
            case TagPlaced p -> p.uid();
            case TagRemoved r -> r.uid();
            default -> null;
        };
    }

    /** CPU time of the pad poll threads (they also run the chip models, which a Pi does not). */
    static long padThreadCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("pad-")) {
                long c = mx.getThreadCpuTime(t.threadId());
                total += Math.max(0, c);
            }
        }
        return total;
    }
}
