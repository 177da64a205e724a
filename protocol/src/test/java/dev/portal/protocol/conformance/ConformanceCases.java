package dev.portal.protocol.conformance;

import dev.portal.protocol.frame.Birth;
import dev.portal.protocol.frame.Calibrate;
import dev.portal.protocol.frame.Calibration;
import dev.portal.protocol.frame.CalibrationReport;
import dev.portal.protocol.frame.CalibrationReport.GainRate;
import dev.portal.protocol.frame.Capability;
import dev.portal.protocol.frame.Command;
import dev.portal.protocol.frame.CommandReport;
import dev.portal.protocol.frame.CommandResult;
import dev.portal.protocol.frame.ConfigReport;
import dev.portal.protocol.frame.ConfigSet;
import dev.portal.protocol.frame.FirmwareChunk;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.HealthCounters;
import dev.portal.protocol.frame.Header;
import dev.portal.protocol.frame.Heartbeat;
import dev.portal.protocol.frame.Hex;
import dev.portal.protocol.frame.LedMode;
import dev.portal.protocol.frame.Message;
import dev.portal.protocol.frame.PadCalibration;
import dev.portal.protocol.frame.PadInfo;
import dev.portal.protocol.frame.PresentToken;
import dev.portal.protocol.frame.ResendFrames;
import dev.portal.protocol.frame.Rebirth;
import dev.portal.protocol.frame.Reboot;
import dev.portal.protocol.frame.SetLed;
import dev.portal.protocol.frame.Status;
import dev.portal.protocol.frame.TagPlaced;
import dev.portal.protocol.frame.TagRemoved;
import dev.portal.protocol.frame.TagType;
import dev.portal.protocol.frame.ShowVerdict;
import dev.portal.protocol.frame.ToyAreas;
import dev.portal.protocol.foreign.FailedCheck;
import dev.portal.protocol.foreign.ForeignToy;
import dev.portal.protocol.foreign.ToyForm;
import dev.portal.protocol.foreign.ToyLine;
import dev.portal.protocol.frame.ToyRead;
import dev.portal.protocol.frame.WriteArea;
import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.AreaBytes;
import dev.portal.protocol.frame.UnknownCommand;
import dev.portal.protocol.frame.WireWriter;
import dev.portal.protocol.frame.WriteToy;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.toy.CoCreation;
import dev.portal.protocol.toy.Colours;
import dev.portal.protocol.toy.ToyRecord;
import dev.portal.protocol.toy.ToyVerdict;
import dev.portal.protocol.toy.Upgrades;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cases of conformance/frames.json, written out by {@link ConformanceGenerator}. The committed JSON file is
 * the source of truth; this class only helps write it, and its valid cases are built through the records so
 * every one of them is a frame this implementation would send.
 */
final class ConformanceCases {
    /** A case: a valid frame (tree expected), a decode-only frame (canonical = false) or an invalid one (error). */
    record Case(String name, String description, byte[] hex, Frame frame, boolean canonical, String error) {
    }

    static final Header H = Header.of(0x0A0B0C0DL, 1, 1_764_000_000_000L, true);
    static final Uid UID4 = Uid.parse("a1b2c3d4");
    static final Uid UID7 = Uid.parse("04a1b2c3d4e5f6");
    static final Uid UID10 = Uid.parse("0102030405060708090a");
    static final ToyRecord SPARKY = new ToyRecord(0x0102, 3, new CoCreation("Sparky",
            new Colours(0xFF0000, 0x00FF00, 0x0000FF), Upgrades.of(1, 5, 63), 1200, 4));

    private final List<Case> cases = new ArrayList<>();

    private void valid(String name, String description, Header h, Message m) {
        Frame f = new Frame(h, m);
        cases.add(new Case(name, description, FrameCodec.encode(f), f, true, null));
    }

    private void decodeOnly(String name, String description, byte[] bytes, Frame expected) {
        cases.add(new Case(name, description, bytes, expected, false, null));
    }

    private void invalid(String name, String description, byte[] bytes, String error) {
        cases.add(new Case(name, description, bytes, null, false, error));
    }

    /** Header of {@link #H} with the given version, type and flags bytes, then the body, then a correct CRC. */
    static byte[] raw(int version, int type, int flags, String bodyHex) {
        WireWriter w = new WireWriter(64);
        w.u8(version).u8(type).u8(flags).u32(H.bootId()).u32(H.sequence()).u48(H.timestampMillis());
        w.raw(Hex.parse(bodyHex)).u32(0);
        byte[] b = w.toByteArray();
        FrameCodec.resign(b);
        return b;
    }

    static List<Case> all() {
        ConformanceCases c = new ConformanceCases();
        c.validCases();
        c.evolutionCases();
        c.invalidCases();
        return c.cases;
    }

    private void validCases() {
        valid("tag_placed_uid7", "typical placement: NTAG215 with a 7-byte UID; 32 bytes on the wire", H,
                new TagPlaced(1, 0, UID7, TagType.NTAG215));
        valid("tag_placed_uid4_boot_clock", "4-byte UID, clock not synchronised: time is ms since boot",
                Header.of(0x0A0B0C0DL, 0, 1234, false), new TagPlaced(0, 0, UID4, TagType.CLASSIC_1K));
        valid("tag_placed_uid10_max_header", "10-byte UID, largest pad/slot, largest boot id, sequence and time",
                Header.of(0xFFFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF_FFFF_FFFFL, true), new TagPlaced(255, 255, UID10, TagType.OTHER));
        valid("tag_placed_uid1", "the shortest UID the format allows", H, new TagPlaced(0, 1, Uid.fromWire(Hex.parse("00")), TagType.NTAG213));
        valid("tag_removed_uid7", "removal after 65 s", H, new TagRemoved(1, 0, UID7, 65_000));
        valid("tag_removed_max_present", "largest present time (u48)", H, new TagRemoved(2, 3, UID4, 0xFFFF_FFFF_FFFFL));
        valid("toy_read_recognised", "recognised toy with its record", H, ToyRead.recognised(1, 0, UID7, SPARKY));
        valid("toy_read_recognised_extremes", "record with empty name and extreme values", H,
                ToyRead.recognised(0, 0, UID10, new ToyRecord(0xFFFF, 255, new CoCreation("",
                        new Colours(0, 0xFFFFFF, 0x123456), Upgrades.NONE, 0xFFFF_FFFFL, 255))));
        valid("toy_read_recognised_utf8_name", "record whose name is multi-byte UTF-8", H,
                ToyRead.recognised(0, 1, UID7, new ToyRecord(7, 0, new CoCreation("Zoë ドラゴン",
                        new Colours(0x102030, 0x405060, 0x708090), Upgrades.of(0), 1, 1))));
        valid("toy_read_blank", "factory-fresh tag", H, ToyRead.unrecognised(1, 0, UID7, ToyVerdict.BLANK));
        valid("toy_read_unknown", "tag with foreign data", H, ToyRead.unrecognised(1, 1, UID4, ToyVerdict.UNKNOWN));
        valid("toy_read_tampered", "tag whose record fails authentication", H, ToyRead.unrecognised(0, 0, UID7, ToyVerdict.TAMPERED));
        foreignCases();
        byte[] areaA = Hex.parse("a701000000012101123402ff000000ff000000ff80000000000000210001e2400706537061726b792650d0c413cd33b300000000000000000000000000000000");
        valid("toy_areas", "a toy's two areas as read, for the host to judge (1.1): A read, B not readable", H,
                new ToyAreas(1, 0, UID7, TagType.NTAG213, Optional.of(AreaBytes.of(areaA)), Optional.empty()));
        valid("toy_areas_none", "a tag type with no toy layout: no area read", H,
                new ToyAreas(0, 1, UID4, TagType.CLASSIC_4K, Optional.empty(), Optional.empty()));
        valid("toy_areas_empty_area", "an area read as zero bytes", H,
                new ToyAreas(0, 0, UID7, TagType.NTAG215, Optional.of(AreaBytes.of(new byte[0])), Optional.of(AreaBytes.of(new byte[] {1}))));
        valid("birth_full", "device with every capability, two pads and their calibration", H,
                new Birth("portal-0001", "1.4.2+build.7", EnumSet.allOf(Capability.class),
                        List.of(new PadInfo(0, 2, "MFRC522 v2.0"), new PadInfo(1, 1, "PN532 1.6")),
                        new Calibration(List.of(new PadCalibration(0, 48, 3), new PadCalibration(1, 33, 2))), 9));
        valid("birth_minimal", "empty firmware string, no capabilities, pads or calibration", Header.of(1, 0, 0, false),
                new Birth("x", "", Set.of(), List.of(), new Calibration(List.of()), 0));
        valid("heartbeat", "typical health counters", H, new Heartbeat(new HealthCounters(3600, 1987, 3, 1, 0, 2, 0, 0, 1, 2)));
        long max = 0xFFFF_FFFFL;
        valid("heartbeat_max", "every counter at its u32 maximum", H,
                new Heartbeat(new HealthCounters(max, max, max, max, max, max, max, max, max, max)));
        valid("command_set_led", "pulse pad 0 green for 1.5 s", H, new Command(1, new SetLed(0, 0x00FF80, LedMode.PULSE, 1500)));
        valid("command_set_led_all_pads", "all pads off, until changed", H, new Command(0xFFFF_FFFFL, new SetLed(255, 0, LedMode.OFF, 0)));
        valid("command_write_toy", "write a record to the toy with this UID", H, new Command(2, new WriteToy(1, 0, UID7, SPARKY)));
        valid("command_show_verdict", "the host's verdict on a toy, for the pad's light (1.1)", H,
                new Command(12, new ShowVerdict(1, 0, UID7, ToyVerdict.RECOGNISED)));
        valid("command_write_area", "write a host-signed image into area B, if the tag still holds the digest's bytes (1.1)",
                H, new Command(13, new WriteArea(1, 0, UID7, Area.B, 0x0123_4567_89AB_CDEFL, false,
                        AreaBytes.of(java.util.Arrays.copyOf(areaA, 42)))));
        valid("command_write_area_clear_first", "a first write: zero the first unit before the image", H,
                new Command(14, new WriteArea(0, 0, UID4, Area.A, -1L, true, AreaBytes.of(new byte[] {(byte) 0xA7}))));
        valid("command_present_token", "a technician token, opaque text to the protocol, on the serial cable", H,
                new Command(15, new PresentToken("portal-technician-token 1\ndevice=cellar-1\nsignature=AAAA\n")));
        valid("command_resend_frames", "publish again frames 100..8291 of boot 0x0a0b0c0d, the most one request may ask (1.2)",
                H, new Command(16, new ResendFrames(0x0A0B_0C0DL, 100, 100 + ResendFrames.MAX_SPAN - 1)));
        valid("command_calibrate", "gain 43 dB, removal after 4 missed polls", H, new Command(3, new Calibrate(1, 43, 4)));
        Map<String, String> config = new LinkedHashMap<>();
        config.put("poll.intervalMs", "50");
        config.put("led.brightness", "80");
        valid("command_config_set", "two keys, desired version 10", H, new Command(4, new ConfigSet(10, config)));
        valid("command_config_set_empty", "no entries: only bumps the version", H, new Command(5, new ConfigSet(11, Map.of())));
        valid("command_config_set_empty_value", "a key set to the empty string", H, new Command(6, new ConfigSet(12, Map.of("mqtt.password", ""))));
        byte[] sha = new byte[32];
        for (int i = 0; i < 32; i++) {
            sha[i] = (byte) (0xA0 + i);
        }
        valid("command_firmware_chunk", "first of three chunks", H,
                new Command(7, new FirmwareChunk(77, 0, 3, sha, Hex.parse("7f454c4602010100"))));
        byte[] big = new byte[2048];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 7);
        }
        valid("command_firmware_chunk_max", "largest chunk (2048 bytes), last of 2^32-1", H,
                new Command(8, new FirmwareChunk(0xFFFF_FFFFL, 0xFFFF_FFFEL, 0xFFFF_FFFFL, sha, big)));
        Map<String, String> full = new LinkedHashMap<>();
        for (int i = 0; i < 4; i++) {
            full.put("k" + i, String.valueOf((char) ('a' + i)).repeat(1000));
        }
        full.put("k4", "e".repeat(40));
        valid("max_frame_4096", "config_set filling the frame to exactly 4096 bytes, the largest legal frame", H,
                new Command(12, new ConfigSet(13, full)));
        valid("command_rebirth", "ask for a new Birth", H, new Command(9, new Rebirth()));
        valid("command_reboot", "restart the device", H, new Command(10, new Reboot()));
        valid("command_unknown_kind", "a kind this version does not know: kept as code and payload", H,
                new Command(11, new UnknownCommand(0x42, Hex.parse("c0ffee"))));
        valid("command_result_ok", "success with detail", H, new CommandResult(4, Status.OK, "config 10 applied"));
        valid("command_result_unknown_command", "answer to an unknown kind, empty detail", H,
                new CommandResult(11, Status.UNKNOWN_COMMAND, ""));
        valid("command_result_utf8_detail", "multi-byte UTF-8 detail", H,
                new CommandResult(2, Status.NO_TAG, "kein Spielzeug auf Feld 1 — ≠ 04a1"));
        valid("command_result_max_detail", "detail of 1024 bytes, the cap", H, new CommandResult(3, Status.FAILED, "x".repeat(1024)));
        valid("command_report_calibration_sweep", "a gain sweep: six rates, 33 dB and 4 misses applied", H,
                new CommandReport(5, new CalibrationReport(1, List.of(new GainRate(18, 0), new GainRate(23, 45),
                        new GainRate(33, 100), new GainRate(38, 100), new GainRate(43, 100), new GainRate(48, 100)),
                        Optional.of(new PadCalibration(1, 33, 4)))));
        valid("command_report_calibration_given_gain", "a gain applied as given: no sweep rows", H,
                new CommandReport(6, new CalibrationReport(0, List.of(), Optional.of(new PadCalibration(0, 43, 3)))));
        valid("command_report_calibration_nothing_applied", "a sweep in which no gain read the toy every time", H,
                new CommandReport(7, new CalibrationReport(0, List.of(new GainRate(18, 0), new GainRate(48, 95)),
                        Optional.empty())));
        valid("command_report_config", "the configuration in force after a ConfigSet", H,
                new CommandReport(8, new ConfigReport(3, new LinkedHashMap<>(Map.of("pollHz", "25")))));
        valid("command_report_config_empty", "version 0, no entries", H, new CommandReport(9, new ConfigReport(0, Map.of())));
        valid("replayed_flag", "frame delivered late from the outbox (flag 0x02)",
                new Header(0x10, 5, 6, 7, false, 0x02), new TagRemoved(0, 0, UID4, 10));
    }

    /** 1.2: foreign toys (frames keep the version byte 0x10, as in 1.1; the Birth announces foreign_toys). */
    private void foreignCases() {
        Header h12 = H;
        valid("toy_read_foreign_skylander", "1.2: a Skylanders figure, character 0x01c3, variant 0x3000", h12,
                ToyRead.foreign(0, 1, UID4, new ForeignToy(ToyLine.SKYLANDERS, ToyForm.FIGURE, 0x01C3, 0x3000, 0)));
        valid("toy_read_foreign_amiibo", "1.2: an amiibo card, character 0x0100, variant 1, series 5", h12,
                ToyRead.foreign(1, 0, UID7, new ForeignToy(ToyLine.AMIIBO, ToyForm.CARD, 0x0100, 1, 5)));
        valid("toy_read_foreign_lego_vehicle", "1.2: a LEGO Dimensions vehicle, id 1123", h12,
                ToyRead.foreign(2, 3, UID7, new ForeignToy(ToyLine.LEGO_DIMENSIONS, ToyForm.VEHICLE, 1123, 0, 0)));
        valid("toy_read_foreign_failed_check", "1.2: a tag that claims Skylanders but fails its CRC-16", h12,
                ToyRead.foreign(0, 0, UID4, new FailedCheck(ToyLine.SKYLANDERS)));
        String read4 = "0001" + "04" + Hex.format(UID4.bytes()) + "05" + "0000";
        decodeOnly("toy_read_foreign_unknown_form", "form codes are open: 0x7f decodes as other; a later field ignored",
                raw(0x10, 0x03, 0x01, read4 + "02" + "00" + "7f" + "01c3" + "0000" + "00" + "beef"),
                new Frame(h12, ToyRead.foreign(0, 1, UID4,
                        new ForeignToy(ToyLine.SKYLANDERS, ToyForm.OTHER, 0x01C3, 0, 0))));
        invalid("toy_read_foreign_bad_line", "toy line 9", raw(0x10, 0x03, 0x01, read4 + "09" + "01"), "bad_field");
        invalid("toy_read_foreign_bad_check", "check code 2", raw(0x10, 0x03, 0x01, read4 + "02" + "02"), "bad_field");
        invalid("toy_read_foreign_without_block", "verdict foreign, no foreign block",
                raw(0x10, 0x03, 0x01, read4), "truncated");
        invalid("toy_read_foreign_truncated", "identified, character id cut short",
                raw(0x10, 0x03, 0x01, read4 + "02" + "00" + "00" + "01"), "truncated");
        invalid("toy_read_foreign_with_record", "verdict foreign with a toy record", raw(0x10, 0x03, 0x01,
                "0001" + "04" + Hex.format(UID4.bytes()) + "05" + recordHex() + "0201"), "bad_field");
    }

    private void evolutionCases() {
        Frame placed = new Frame(H, new TagPlaced(1, 0, UID7, TagType.NTAG215));
        decodeOnly("unknown_ignorable_flag", "flag bit 0x08 is ignorable: decoded, kept in header.flags",
                raw(0x10, 0x01, 0x09, "010007" + Hex.format(UID7.bytes()) + "03"),
                new Frame(new Header(0x10, H.bootId(), H.sequence(), H.timestampMillis(), true, 0x08), placed.message()));
        decodeOnly("newer_minor_trailing_bytes", "version 1.5 appends fields: a 1.0 decoder ignores them",
                raw(0x15, 0x01, 0x01, "010007" + Hex.format(UID7.bytes()) + "03" + "beef00"),
                new Frame(new Header(0x15, H.bootId(), H.sequence(), H.timestampMillis(), true, 0), placed.message()));
        decodeOnly("unknown_tag_type", "tag type codes are open: 0x7f decodes as other",
                raw(0x10, 0x01, 0x01, "010007" + Hex.format(UID7.bytes()) + "7f"),
                new Frame(H, new TagPlaced(1, 0, UID7, TagType.OTHER)));
        decodeOnly("birth_unknown_capability_and_longer_entries",
                "capability bit 20 is ignored; pad and calibration entries with extra bytes are read as far as known",
                raw(0x10, 0x10, 0x01, "0161" + "00" + "00100001" + "00000002" + "01" + "040102" + "00" + "aa" + "01" + "04003004" + "bb"),
                new Frame(H, new Birth("a", "", Set.of(Capability.LED), List.of(new PadInfo(1, 2, "")),
                        new Calibration(List.of(new PadCalibration(0, 48, 4))), 2)));
    }

    private void invalidCases() {
        String placedBody = "010007" + Hex.format(UID7.bytes()) + "03";
        invalid("empty", "no bytes at all", new byte[0], "too_short");
        invalid("too_short", "20 bytes: one less than header plus check", java.util.Arrays.copyOf(raw(0x10, 0x02, 0, ""), 20), "too_short");
        byte[] flipped = raw(0x10, 0x01, 0x01, placedBody);
        flipped[20] ^= 0x01;
        invalid("bad_check", "one bit flipped in the UID", flipped, "bad_check");
        invalid("unsupported_version_2", "major version 2", raw(0x20, 0x01, 0x01, placedBody), "unsupported_version");
        invalid("unsupported_version_0", "major version 0", raw(0x00, 0x01, 0x01, placedBody), "unsupported_version");
        invalid("unsupported_version_short", "a one-byte frame of major version 3: the version is judged first", Hex.parse("30"), "unsupported_version");
        invalid("unknown_type", "type 0x7e", raw(0x10, 0x7E, 0x01, placedBody), "unknown_type");
        invalid("unknown_required_flag", "must-understand flag bit 0x10", raw(0x10, 0x01, 0x11, placedBody), "unknown_required_flag");
        invalid("too_long", "4097 bytes", java.util.Arrays.copyOf(raw(0x10, 0x11, 0, "00".repeat(4000)), 4097), "too_long");
        invalid("truncated_tag_placed", "tag type missing", raw(0x10, 0x01, 0x01, "010007" + Hex.format(UID7.bytes())), "truncated");
        invalid("truncated_length_prefix", "detail length says 500, 3 bytes follow", raw(0x10, 0x21, 0, "00000001" + "00" + "01f4" + "616263"), "truncated");
        invalid("truncated_heartbeat", "nine counters of ten", raw(0x10, 0x11, 0, "00000001".repeat(9)), "truncated");
        invalid("uid_too_long", "UID length 11 exceeds 10", raw(0x10, 0x01, 0x01, "01000b" + "11".repeat(11) + "03"), "too_long");
        invalid("uid_empty", "UID length 0", raw(0x10, 0x01, 0x01, "010000" + "03"), "bad_field");
        invalid("bad_utf8_firmware", "firmware version holds c3 28", raw(0x10, 0x10, 0, "0161" + "02c328" + "00000000" + "00000000" + "00" + "00"), "bad_utf8");
        invalid("nul_in_firmware", "firmware version a 00 b: U+0000 is not allowed in text",
                raw(0x10, 0x10, 0, "0161" + "03610062" + "00000000" + "00000000" + "00" + "00"), "bad_utf8");
        invalid("bad_utf8_overlong", "detail holds an overlong NUL c0 80", raw(0x10, 0x21, 0, "00000001" + "00" + "0002c080"), "bad_utf8");
        invalid("bad_utf8_surrogate", "detail holds an encoded surrogate ed a0 80", raw(0x10, 0x21, 0, "00000001" + "00" + "0003eda080"), "bad_utf8");
        invalid("detail_too_long", "detail length 2000 exceeds 1024", raw(0x10, 0x21, 0, "00000001" + "00" + "07d0" + "61".repeat(2000)), "too_long");
        invalid("firmware_chunk_too_long", "chunk length 4000 exceeds 2048",
                raw(0x10, 0x20, 0, "00000001" + "05" + "00000001" + "00000000" + "00000001" + "00".repeat(32) + "0fa0"), "too_long");
        invalid("firmware_chunk_index_past_total", "index 3 of 3",
                raw(0x10, 0x20, 0, "00000001" + "05" + "00000001" + "00000003" + "00000003" + "00".repeat(32) + "0001ff"), "bad_field");
        String tagOf7 = "0100" + "07" + Hex.format(UID7.bytes());
        invalid("toy_areas_area_too_long", "area A of 65 bytes exceeds 64",
                raw(0x10, 0x04, 0x01, tagOf7 + "02" + "41" + "00".repeat(65) + "ff"), "too_long");
        invalid("toy_areas_truncated", "area B length missing", raw(0x10, 0x04, 0x01, tagOf7 + "02" + "ff"), "truncated");
        invalid("write_area_bad_target", "target area 2",
                raw(0x10, 0x20, 0, "00000001" + "09" + tagOf7 + "02" + "00".repeat(8) + "00" + "01a7"), "bad_field");
        invalid("write_area_unknown_flag", "write flags 0x02",
                raw(0x10, 0x20, 0, "00000001" + "09" + tagOf7 + "00" + "00".repeat(8) + "02" + "01a7"), "bad_field");
        invalid("write_area_empty_image", "image length 0",
                raw(0x10, 0x20, 0, "00000001" + "09" + tagOf7 + "00" + "00".repeat(8) + "00" + "00"), "bad_field");
        invalid("show_verdict_bad_verdict", "verdict 9",
                raw(0x10, 0x20, 0, "00000001" + "08" + tagOf7 + "09"), "bad_field");
        invalid("present_token_empty", "token length 0", raw(0x10, 0x20, 0, "00000001" + "0a" + "0000"), "bad_field");
        invalid("present_token_too_long", "token length 1025 exceeds 1024",
                raw(0x10, 0x20, 0, "00000001" + "0a" + "0401" + "61".repeat(1025)), "too_long");
        invalid("resend_frames_span_too_long", "frames 0..8192 of a boot: 8193, over the 8192 one request may ask",
                raw(0x10, 0x20, 0, "00000001" + "0b" + "0a0b0c0d" + "00000000" + "00002000"), "bad_field");
        invalid("resend_frames_backwards", "from seq 5 after to seq 4",
                raw(0x10, 0x20, 0, "00000001" + "0b" + "0a0b0c0d" + "00000005" + "00000004"), "bad_field");
        invalid("toy_read_recognised_without_record", "verdict recognised, record length 0",
                raw(0x10, 0x03, 0x01, placedBody.substring(0, placedBody.length() - 2) + "01" + "0000"), "bad_field");
        invalid("toy_read_blank_with_record", "verdict blank with a record", raw(0x10, 0x03, 0x01,
                placedBody.substring(0, placedBody.length() - 2) + "02" + recordHex()), "bad_field");
        invalid("toy_read_bad_verdict", "verdict code 9", raw(0x10, 0x03, 0x01, placedBody.substring(0, placedBody.length() - 2) + "09" + "0000"), "bad_field");
        invalid("toy_read_record_version_2", "embedded record of an unknown record version",
                raw(0x10, 0x03, 0x01, placedBody.substring(0, placedBody.length() - 2) + "01" + "0002" + "0200"), "bad_field");
        invalid("command_result_bad_status", "status code 99", raw(0x10, 0x21, 0, "00000001" + "63" + "0000"), "bad_field");
        invalid("command_report_bad_kind", "report kind 9", raw(0x10, 0x22, 0, "00000001" + "09"), "bad_field");
        invalid("command_report_half_applied", "applied gain 33 dB with removal miss threshold 0",
                raw(0x10, 0x22, 0, "00000001" + "01" + "00" + "21" + "00" + "00"), "bad_field");
        invalid("command_report_percent_over_100", "success rate 101%",
                raw(0x10, 0x22, 0, "00000001" + "01" + "00" + "00" + "00" + "01" + "12" + "65"), "bad_field");
        invalid("command_report_too_many_rows", "17 sweep rows announced",
                raw(0x10, 0x22, 0, "00000001" + "01" + "00" + "00" + "00" + "11"), "too_long");
        invalid("command_report_truncated_rows", "2 sweep rows announced, 1 present",
                raw(0x10, 0x22, 0, "00000001" + "01" + "00" + "00" + "00" + "02" + "1264"), "truncated");
        invalid("set_led_bad_mode", "LED mode 9", raw(0x10, 0x20, 0, "00000001" + "01" + "00" + "ff0000" + "09" + "00000000"), "bad_field");
        invalid("calibrate_zero_threshold", "removal miss threshold 0", raw(0x10, 0x20, 0, "00000001" + "03" + "00" + "30" + "00"), "bad_field");
        invalid("config_duplicate_key", "key \"a\" twice", raw(0x10, 0x20, 0, "00000001" + "04" + "00000002" + "02" + "0161" + "000131" + "0161" + "000132"), "bad_field");
        invalid("config_too_many_entries", "65 entries announced", raw(0x10, 0x20, 0, "00000001" + "04" + "00000002" + "41"), "too_long");
        invalid("birth_too_many_pads", "33 pads announced", raw(0x10, 0x10, 0, "0161" + "00" + "00000000" + "00000000" + "21"), "too_long");
        invalid("birth_bad_device_id", "device id \"a/b\" would break the topic tree", raw(0x10, 0x10, 0, "03612f62" + "00" + "00000000" + "00000000" + "00" + "00"), "bad_field");
        invalid("birth_duplicate_pad", "pad 0 announced twice", raw(0x10, 0x10, 0, "0161" + "00" + "00000000" + "00000000" + "02" + "03000100" + "03000100" + "00"), "bad_field");
    }

    private static String recordHex() {
        byte[] body = dev.portal.protocol.toy.ToyRecordCodec.encode(SPARKY);
        return String.format("%04x", body.length) + Hex.format(body);
    }
}
