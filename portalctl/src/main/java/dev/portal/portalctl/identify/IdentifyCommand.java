package dev.portal.portalctl.identify;

import dev.portal.portalctl.BadInputException;
import dev.portal.portalctl.ExitCodes;
import dev.portal.portalctl.Json;
import dev.portal.protocol.foreign.DumpException;
import dev.portal.protocol.foreign.ForeignDumps;
import dev.portal.protocol.foreign.Identification;
import dev.portal.protocol.id.Uid;
import dev.portal.protocol.tree.ForeignTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code portalctl identify DUMPFILE --uid HEX}: what a whole-tag dump of a toy of another line holds. */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = {"Show what a tag dump holds: the toys-to-life line (amiibo, Skylanders, LEGO Dimensions), "
                + "character id, variant and the keys or password derived from the UID (protocol/SPEC.md section 12).",
                "The dump's size names the tag: 180 bytes NTAG213, 540 NTAG215, 1024 MIFARE Classic 1K. Nothing is "
                        + "ever written to a tag.",
                "Exit 0: identified; 1: it claims a line but fails that line's check, is of no line this "
                        + "version knows, or the dump is unusable (wrong size, another UID)."})
public final class IdentifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DUMPFILE", description = "The raw dump, every page or block in order.")
    Path dump;

    @Option(names = "--uid", required = true, paramLabel = "HEX", description = "The tag's UID (4 or 7 bytes).")
    String uid;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Uid tagUid;
        try {
            tagUid = Uid.parse(uid);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--uid: " + e.getMessage());
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(dump);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file: " + dump);
        }
        ForeignDumps.Report report;
        try {
            report = ForeignDumps.identify(bytes, tagUid);
        } catch (DumpException e) {
            throw new BadInputException(dump + ": " + e.getMessage());
        }
        Map<String, Object> tree = tree(report, tagUid, bytes.length);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.pretty(tree));
        } else {
            print(out, report, tree);
        }
        return report.identification() instanceof Identification.Identified ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static Map<String, Object> tree(ForeignDumps.Report report, Uid uid, int size) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uid", uid.hex());
        m.put("dumpBytes", size);
        m.put("tagType", report.tagType().name().toLowerCase(Locale.ROOT));
        switch (report.identification()) {
            case Identification.Identified found -> m.put("verdict", "identified");
            case Identification.FailsCheck failed -> {
                m.put("verdict", "fails_check");
                m.put("reason", failed.reason());
            }
            case Identification.NotForeign none -> {
                m.put("verdict", "not_foreign");
                m.put("reason", none.reason());
            }
        }
        report.identification().reading().ifPresent(r -> m.put("foreign", ForeignTree.toTree(r)));
        m.put("keys", new LinkedHashMap<>(report.keys()));
        m.put("details", new LinkedHashMap<>(report.details()));
        return m;
    }

    private static void print(PrintWriter out, ForeignDumps.Report report, Map<String, Object> tree) {
        out.println("tag      " + tree.get("tagType") + ", " + tree.get("dumpBytes") + " bytes, uid " + tree.get("uid"));
        switch (report.identification()) {
            case Identification.Identified found -> {
                var toy = found.toy();
                out.println("line     " + toy.line().jsonName());
                out.println("form     " + toy.form().jsonName());
                out.printf("character %d (0x%04x)%n", toy.characterId(), toy.characterId());
                out.printf("variant  %d (0x%04x)%n", toy.variant(), toy.variant());
                out.println("series   " + toy.series());
            }
            case Identification.FailsCheck failed -> out.println("line     " + failed.line().jsonName()
                    + ": FAILS ITS CHECK (" + failed.reason() + "); no id can be trusted");
            case Identification.NotForeign none -> out.println("line     none known (" + none.reason() + ")");
        }
        report.details().forEach((k, v) -> out.println(k + " " + v));
        report.keys().forEach((k, v) -> out.println(k + " " + v));
    }
}
