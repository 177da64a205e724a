package dev.portal.portalctl.frame;

import dev.portal.portalctl.BadInputException;
import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.Json;
import dev.portal.portalctl.PortalCtl;
import dev.portal.protocol.frame.Frame;
import dev.portal.protocol.frame.FrameCodec;
import dev.portal.protocol.frame.Hex;
import dev.portal.protocol.tree.FrameTree;
import dev.portal.protocol.serial.SerialFrameWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code portalctl encode}: the JSON that decode prints, back to wire hex. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = {"Read one frame as JSON (as printed by 'portalctl decode') from stdin and print its wire bytes in hex.",
                "Invalid JSON or a field out of range is reported with the field's path and exits with 1."})
public final class EncodeCommand implements Callable<Integer> {
    @ParentCommand
    PortalCtl parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read the JSON from FILE instead of stdin.")
    Path file;

    @Option(names = "--cobs", description = "Print the serial-line packet (00 COBS(frame) 00) instead of the bare frame.")
    boolean cobs;

    @Override
    public Integer call() throws IOException {
        String json;
        try {
            json = file == null ? new String(parent.stdin().readAllBytes(), StandardCharsets.UTF_8) : Files.readString(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BadInputException("no such file: " + file);
        }
        Frame frame;
        byte[] wire;
        try {
            frame = FrameTree.fromTree(Json.object(json));
            wire = FrameCodec.encode(frame);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("not a valid frame: " + e.getMessage());
        }
        spec.commandLine().getOut().println(Hex.format(cobs ? SerialFrameWriter.packet(wire) : wire));
        return ExitCodes.OK;
    }
}
