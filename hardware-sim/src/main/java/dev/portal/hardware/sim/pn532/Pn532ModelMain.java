package dev.portal.hardware.sim.pn532;

import dev.portal.hardware.sim.rf.RfField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code nfc-model}: a PN532 model with virtual tags on a pseudo-terminal, for libnfc, our driver or any other
 * PN532 host. Runs until stopped; stopping also ends socat.
 */
public final class Pn532ModelMain {
    private static final String USAGE = """
            usage: nfc-model [--tty PATH] --tag TYPE:UID[:DUMP] [--tag ...]
              --tty PATH   where the host end of the pty pair appears (default: a fresh temporary path)
              --tag SPEC   a tag in the field: TYPE classic1k|ntag213|ntag215, UID in hex,
                           DUMP an optional raw memory file (1024 bytes for classic1k, all pages for NTAG)
            Then e.g.: LIBNFC_DEVICE=pn532_uart:PATH LIBNFC_AUTO_SCAN=false nfc-list""";

    private Pn532ModelMain() {
    }

    public static void main(String[] args) throws Exception {
        Path tty = null;
        List<TagSpec> specs = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--tty" -> tty = Path.of(value(args, ++i, "--tty"));
                    case "--tag" -> specs.add(TagSpec.parse(value(args, ++i, "--tag")));
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("nfc-model: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
        RfField field = new RfField();
        for (TagSpec spec : specs) {
            try {
                field.add(spec.build());
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("nfc-model: tag " + spec.uid() + ": " + e.getMessage());
                System.exit(2);
            }
        }
        Path workDir = Files.createTempDirectory("nfc-model");
        Path clientEnd = tty != null ? tty.toAbsolutePath() : workDir.resolve("pn532");
        SocatPtyPair pty = null;
        SerialModelServer server;
        try {
            pty = SocatPtyPair.start(workDir.resolve("model-end"), clientEnd, workDir.resolve("socat.log"),
                    Duration.ofSeconds(5));
            server = SerialModelServer.start(new Pn532Model(field), pty.modelEnd().toString());
        } catch (IOException e) {
            if (pty != null) {
                pty.close();
            }
            System.err.println("nfc-model: " + e.getMessage());
            System.exit(1);
            return;
        }
        SocatPtyPair started = pty;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            started.close();
            stopped.countDown();
        }, "nfc-model-shutdown"));
        System.out.println("PN532 model listening: connect to " + clientEnd);
        System.out.println("  " + specs.size() + " tag(s) in the field; stop with Ctrl-C");
        System.out.flush();
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
