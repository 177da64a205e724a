package dev.portal.hardware.sim.pn532;

import static dev.portal.hardware.pn532.command.CommandCode.IN_AUTO_POLL;
import static dev.portal.hardware.pn532.command.CommandCode.IN_COMMUNICATE_THRU;
import static dev.portal.hardware.pn532.command.CommandCode.IN_DATA_EXCHANGE;
import static dev.portal.hardware.pn532.command.CommandCode.IN_DESELECT;
import static dev.portal.hardware.pn532.command.CommandCode.IN_LIST_PASSIVE_TARGET;
import static dev.portal.hardware.pn532.command.CommandCode.IN_RELEASE;
import static dev.portal.hardware.pn532.command.CommandCode.IN_SELECT;

import dev.portal.hardware.pn532.command.CascadedUid;
import dev.portal.hardware.pn532.command.StatusByte;
import dev.portal.hardware.reader.Uid;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The initiator commands: listing targets, talking to them, letting them go. */
final class InitiatorCommands {
    /** InAutoPoll target types that mean "106 kbit/s type A": generic, MIFARE, ISO14443-4A. */
    private static final List<Integer> TYPE_A_POLL_TYPES = List.of(0x00, 0x10, 0x20);

    private final Pn532ModelState chip;
    private final TagExchange exchange;

    InitiatorCommands(Pn532ModelState chip) {
        this.chip = chip;
        this.exchange = new TagExchange(chip);
    }

    CommandOutcome handle(int code, byte[] p) {
        return switch (code) {
            case IN_LIST_PASSIVE_TARGET -> listPassiveTarget(p);
            case IN_DATA_EXCHANGE -> p.length < 2 ? CommandOutcome.syntaxError()
                    : CommandOutcome.answer(code, exchange.dataExchange(p[0] & 0xFF, Arrays.copyOfRange(p, 1, p.length)));
            // nothing to send, nothing answers: libnfc probes this way and expects a timeout status
            case IN_COMMUNICATE_THRU -> p.length < 1 ? CommandOutcome.answer(code, (byte) StatusByte.TIMEOUT)
                    : CommandOutcome.answer(code, exchange.communicateThru(p));
            case IN_DESELECT -> p.length != 1 ? CommandOutcome.syntaxError() : deselect(p[0] & 0xFF, false);
            case IN_RELEASE -> p.length != 1 ? CommandOutcome.syntaxError() : deselect(p[0] & 0xFF, true);
            case IN_SELECT -> p.length != 1 ? CommandOutcome.syntaxError() : select(p[0] & 0xFF);
            case IN_AUTO_POLL -> autoPoll(p);
            default -> throw new IllegalArgumentException("not an initiator command: " + code);
        };
    }

    private CommandOutcome listPassiveTarget(byte[] p) {
        if (p.length < 2 || p[0] < 1 || p[0] > 2) {
            return CommandOutcome.syntaxError();
        }
        int maxTg = p[0];
        if (p[1] != 0x00) {
            return CommandOutcome.answer(IN_LIST_PASSIVE_TARGET, (byte) 0x00); // no FeliCa, type B or Jewel here
        }
        Optional<Uid> uid = Optional.empty();
        if (p.length > 2) {
            uid = CascadedUid.decode(Arrays.copyOfRange(p, 2, p.length));
            if (uid.isEmpty()) {
                return CommandOutcome.syntaxError();
            }
            maxTg = 1;
        }
        List<ModelTarget> found = activateUpTo(maxTg, uid);
        if (found.isEmpty() && chip.passiveActivationRetries == 0xFF) {
            return new CommandOutcome.Pending();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(found.size());
        for (ModelTarget t : found) {
            out.writeBytes(targetData(t));
        }
        return CommandOutcome.answer(IN_LIST_PASSIVE_TARGET, out.toByteArray());
    }

    /**
     * Polls for the requested target types; each found type A target is reported with the first requested type
     * it fits: 0x00 generic 106 kbit/s, 0x10 MIFARE, 0x20 only when it speaks ISO14443-4 (SAK bit 0x20).
     */
    private CommandOutcome autoPoll(byte[] p) {
        if (p.length < 3) {
            return CommandOutcome.syntaxError();
        }
        int pollNr = p[0] & 0xFF;
        byte[] types = Arrays.copyOfRange(p, 2, p.length);
        boolean anyTypeA = false;
        for (byte t : types) {
            anyTypeA |= TYPE_A_POLL_TYPES.contains(t & 0xFF);
        }
        List<ModelTarget> found = anyTypeA ? activateUpTo(2, Optional.empty()) : List.of();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = 0;
        ByteArrayOutputStream entries = new ByteArrayOutputStream();
        for (ModelTarget t : found) {
            Optional<Integer> type = pollType(types, t.tag().sak());
            if (type.isPresent()) {
                byte[] data = targetData(t);
                entries.write(type.get());
                entries.write(data.length);
                entries.writeBytes(data);
                count++;
            }
        }
        if (count == 0 && pollNr == 0xFF) {
            return new CommandOutcome.Pending(); // endless polling: the host aborts it
        }
        out.write(count);
        out.writeBytes(entries.toByteArray());
        return CommandOutcome.answer(IN_AUTO_POLL, out.toByteArray());
    }

    private static Optional<Integer> pollType(byte[] requested, int sak) {
        for (byte b : requested) {
            int type = b & 0xFF;
            if (type == 0x00 || type == 0x10 || type == 0x20 && (sak & 0x20) != 0) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Activates up to {@code maxTg} tags with REQA; of two, the first is left halted and the second active. */
    private List<ModelTarget> activateUpTo(int maxTg, Optional<Uid> uid) {
        chip.field(true);
        chip.targets.haltActive();
        chip.targets.clear();
        int attempts = chip.passiveActivationRetries == 0xFF ? 1 : chip.passiveActivationRetries + 1;
        List<ModelTarget> found = new ArrayList<>();
        for (int i = 0; i < maxTg; i++) {
            if (i > 0) {
                chip.targets.haltActive();
            }
            Optional<ActivatedTag> tag = Optional.empty();
            for (int attempt = 0; attempt < attempts && tag.isEmpty(); attempt++) {
                tag = chip.initiator.activate(false, uid);
            }
            if (tag.isEmpty()) {
                break;
            }
            found.add(chip.targets.add(tag.get()));
        }
        return found;
    }

    private static byte[] targetData(ModelTarget t) {
        byte[] uid = t.tag().uid().bytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(t.tg());
        out.write(t.tag().atqa() >> 8);
        out.write(t.tag().atqa());
        out.write(t.tag().sak());
        out.write(uid.length);
        out.writeBytes(uid);
        return out.toByteArray();
    }

    /** InDeselect halts the tag and keeps it listed; InRelease also forgets it. Tg 0 means all. */
    private CommandOutcome deselect(int tg, boolean release) {
        int code = release ? IN_RELEASE : IN_DESELECT;
        if (tg != 0 && chip.targets.find(tg).isEmpty()) {
            return CommandOutcome.answer(code, (byte) StatusByte.WRONG_CONTEXT);
        }
        chip.targets.haltIfActive(tg);
        chip.registers.crypto1(false);
        if (release) {
            chip.targets.remove(tg);
        }
        return CommandOutcome.answer(code, (byte) 0x00);
    }

    private CommandOutcome select(int tg) {
        Optional<ModelTarget> target = chip.targets.find(tg);
        if (target.isEmpty()) {
            return CommandOutcome.answer(IN_SELECT, (byte) StatusByte.WRONG_CONTEXT);
        }
        boolean ok = chip.targets.ensureActive(target.get());
        return CommandOutcome.answer(IN_SELECT, (byte) (ok ? 0x00 : StatusByte.TIMEOUT));
    }
}
