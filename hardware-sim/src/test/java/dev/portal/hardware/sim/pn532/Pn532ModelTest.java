package dev.portal.hardware.sim.pn532;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portal.hardware.sim.rf.RfField;
import dev.portal.hardware.sim.tag.MifareClassic1k;
import dev.portal.hardware.pn532.frame.Pn532FrameCodec;
import dev.portal.hardware.pn532.frame.Pn532Frame;
import dev.portal.hardware.reader.Uid;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The PN532 model at frame level, without a link: host frames in, chip frames out. */
class Pn532ModelTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String ACK = "0000ff00ff00";
    private static final String ERROR = "0000ff01ff7f8100";

    private final RfField field = new RfField();
    private final Pn532Model model = new Pn532Model(field);
    private final List<String> out = new ArrayList<>();

    @BeforeEach
    void wake() {
        model.connect(bytes -> out.add(HEX.formatHex(bytes)));
        model.receive(HEX.parseHex("5555000000000000"));
    }

    private List<String> send(int code, String params) {
        out.clear();
        model.receive(Pn532FrameCodec.encode(Pn532Frame.Information.command(code, HEX.parseHex(params))));
        return List.copyOf(out);
    }

    private static String response(int code, String data) {
        return HEX.formatHex(Pn532FrameCodec.encode(Pn532Frame.Information.response(code, HEX.parseHex(data))));
    }

    @Test
    void startsAsleepAndWakesOn55() {
        Pn532Model sleeper = new Pn532Model(new RfField());
        List<String> seen = new ArrayList<>();
        sleeper.connect(b -> seen.add(HEX.formatHex(b)));
        byte[] version = Pn532FrameCodec.encode(Pn532Frame.Information.command(0x02));
        sleeper.receive(version);
        assertEquals(List.of(), seen, "a sleeping chip hears nothing without the wake-up preamble");
        sleeper.receive(HEX.parseHex("55550000"));
        sleeper.receive(version);
        assertEquals(List.of(ACK, response(0x03, "32010607")), seen);
    }

    @Test
    void answersDiagnoseEchoAndFirmwareVersionAsLibnfcExpects() {
        assertEquals(List.of(ACK, response(0x01, "006c69626e6663")), send(0x00, "006c69626e6663"));
        assertEquals(List.of(ACK, response(0x03, "32010607")), send(0x02, ""));
        assertEquals(List.of(ACK, response(0x15, "")), send(0x14, "01"));
        assertEquals(List.of(ACK, response(0x13, "")), send(0x12, "14"));
    }

    @Test
    void registersKeepWhatIsWritten() {
        assertEquals(List.of(ACK, response(0x07, "48")), send(0x06, "6316"));
        assertEquals(List.of(ACK, response(0x09, "")), send(0x08, "631670" + "633d07"));
        assertEquals(List.of(ACK, response(0x07, "7007")), send(0x06, "6316633d"));
    }

    @Test
    void malformedOrUnknownCommandsGetTheErrorFrame() {
        assertEquals(List.of(ACK, ERROR), send(0x06, "63"), "ReadRegister with half an address");
        assertEquals(List.of(ACK, ERROR), send(0x4A, "0300"), "MaxTg 3");
        assertEquals(List.of(ACK, ERROR), send(0x7E, ""), "no such command");
        assertEquals(List.of(ACK, ERROR), send(0x32, "0501"), "RFConfiguration item 5 wants 3 values");
        assertEquals(4, model.counters().errorFrames());
    }

    @Test
    void corruptHostFramesAreDroppedAndNackRepeatsTheLastFrame() {
        byte[] frame = Pn532FrameCodec.encode(Pn532Frame.Information.command(0x02));
        frame[frame.length - 2] ^= 1;
        out.clear();
        model.receive(frame);
        assertEquals(List.of(), out);
        assertEquals(1, model.counters().corruptFrames());
        send(0x02, "");
        out.clear();
        model.receive(Pn532FrameCodec.encode(new Pn532Frame.Nack()));
        assertEquals(List.of(response(0x03, "32010607")), out);
    }

    @Test
    void listsTwoTargetsAndNoneForOtherModulations() {
        field.add(new MifareClassic1k(Uid.parse("DEADBEEF")));
        field.add(new MifareClassic1k(Uid.parse("01020304")));
        List<String> answer = send(0x4A, "0200");
        String data = answer.get(1);
        assertTrue(data.startsWith("0000ff"), data);
        assertTrue(data.contains("d54b02"), data);
        assertTrue(data.contains("deadbeef") && data.contains("01020304"), data);
        assertEquals(List.of(ACK, response(0x4B, "00")), send(0x4A, "010100ffff0100"), "FeliCa: none");
        assertEquals(List.of(ACK, response(0x4B, "00")), send(0x4A, "010300"), "type B: none");
    }

    @Test
    void selectsByCascadedUidAndExchangesData() {
        Uid uid = Uid.parse("04112233445566");
        field.add(new MifareClassic1k(uid));
        field.add(new MifareClassic1k(Uid.parse("DEADBEEF")));
        assertEquals(List.of(ACK, response(0x4B, "01" + "01004408" + "07" + "04112233445566")),
                send(0x4A, "0100" + "88041122" + "33445566"));
        assertEquals(List.of(ACK, response(0x41, "00")), send(0x40, "0160" + "03" + "ffffffffffff" + "33445566"));
        List<String> read = send(0x40, "013001");
        assertEquals(response(0x41, "00" + "00".repeat(16)), read.get(1));
        assertEquals(List.of(ACK, response(0x41, "27")), send(0x40, "023001"), "Tg 2 was never listed");
    }

    @Test
    void wrongMifareKeyIsStatus14AndAMissedAnswerIsStatus01() {
        field.add(new MifareClassic1k(Uid.parse("DEADBEEF")));
        send(0x4A, "0100");
        assertEquals(List.of(ACK, response(0x41, "14")), send(0x40, "0160" + "04" + "a0a1a2a3a4a5" + "deadbeef"));
        send(0x4A, "0100");
        field.faults().missedAnswers(1.0);
        assertEquals(List.of(ACK, response(0x41, "01")), send(0x40, "013004"));
        field.faults().clear();
    }

    @Test
    void autoPollReportsTheTargetWithItsType() {
        field.add(new MifareClassic1k(Uid.parse("DEADBEEF")));
        // libnfc's nfc-poll asks for ISO14443-4A first: a Classic is reported as a MIFARE card (0x10)
        assertEquals(List.of(ACK, response(0x61, "01" + "10" + "09" + "01000408" + "04" + "deadbeef")),
                send(0x60, "1402" + "2010031112" + "04"));
        assertEquals(List.of(ACK, response(0x61, "00")), send(0x60, "1402" + "11"), "FeliCa only: none");
    }

    @Test
    void presenceCheckFollowsTheActiveTag() {
        MifareClassic1k tag = new MifareClassic1k(Uid.parse("DEADBEEF"));
        field.add(tag);
        send(0x4A, "0100");
        assertEquals(List.of(ACK, response(0x01, "00")), send(0x00, "06"));
        field.remove(tag);
        assertEquals(List.of(ACK, response(0x01, "01")), send(0x00, "06"));
    }

    @Test
    void anEmptyFieldWithEndlessRetriesAnswersOnlyTheAck() {
        assertEquals(List.of(ACK), send(0x4A, "0100"), "MxRtyPassiveActivation is 0xFF after reset");
        send(0x32, "05ff0102");
        assertEquals(List.of(ACK, response(0x4B, "00")), send(0x4A, "0100"));
    }

    @Test
    void powerDownAnswersThenSleeps() {
        assertEquals(List.of(ACK, response(0x17, "00")), send(0x16, "f0"));
        assertTrue(model.lowPower());
        assertEquals(List.of(), send(0x02, ""));
    }

    @Test
    void deselectHaltsSoTheNextListFindsTheOtherTag() {
        field.add(new MifareClassic1k(Uid.parse("DEADBEEF")));
        field.add(new MifareClassic1k(Uid.parse("01020304")));
        send(0x32, "05ff0102");
        String first = send(0x4A, "0100").get(1);
        assertEquals(List.of(ACK, response(0x45, "00")), send(0x44, "00"));
        String second = send(0x4A, "0100").get(1);
        send(0x44, "00");
        assertEquals(List.of(ACK, response(0x4B, "00")), send(0x4A, "0100"));
        assertTrue(first.contains("deadbeef") != second.contains("deadbeef"), first + " / " + second);
    }
}
