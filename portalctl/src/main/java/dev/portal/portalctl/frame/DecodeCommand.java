package dev.portal.portalctl.frame;

import dev.portal.portalctl.BadInputException;
import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.Json;
import dev.portal.portalctl.PortalCtl;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.FrameException;
import dev.portal.protocol.frame.Hex;
import dev.portal.protocol.tree.FrameTree;
import dev.portal.protocol.serial.Cobs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code portalctl decode HEX}: one frame as pretty JSON, or the reason it is not a frame. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode one wire frame given in hex and print it as JSON (the form of protocol/SPEC.md, section 10).",
                "An undecodable frame prints its rejection reason (e.g. bad_check) on stderr and exits with 1."})
public final class DecodeCommand implements Callable<Integer> {
    @ParentCommand
    PortalCtl parent;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "HEX",
            description = "Frame bytes in hex (spaces and colons allowed); '-' or nothing reads them from stdin.")
    String hex;

    @Option(names = "--cobs", description = "The hex is a serial-line packet (COBS, zero delimiters allowed).")
    boolean cobs;

    @Override
    public Integer call() throws IOException {
        String text = hex == null || hex.equals("-")
                ? new String(parent.stdin().readAllBytes(), StandardCharsets.UTF_8) : hex;
        byte[] bytes;
        try {
            bytes = Hex.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("not hex: " + e.getMessage());
        }
        try {
            if (cobs) {
                bytes = unstuff(bytes);
            }
            Frame frame = FrameCodec.decode(bytes);
            spec.commandLine().getOut().println(Json.pretty(FrameTree.toTree(frame)));
            return ExitCodes.OK;
        } catch (FrameException e) {
            // The message starts with the reason in lower case, e.g. "bad_check: CRC-32C is ...".
            throw new BadInputException("not a valid frame: " + e.getMessage());
        }
    }

    private static byte[] unstuff(byte[] packet) throws FrameException {
        int start = 0;
        int end = packet.length;
        while (start < end && packet[start] == 0) {
            start++;
        }
        while (end > start && packet[end - 1] == 0) {
            end--;
        }
        return Cobs.decode(packet, start, end - start);
    }
}
