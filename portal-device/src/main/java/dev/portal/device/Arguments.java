package dev.portal.device;

import dev.portal.device.config.ReaderChip;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The command line: {@code --config FILE}, or {@code --simulate [--pads N] [--chip CHIP] [--config FILE] [--broker URI] [--data DIR]
 * [--script FILE] [--serial PORT] [--toy-key-file FILE]}; {@code --boot-jar} with either; {@code --help}. {@link #USAGE} explains each.
 */
record Arguments(Optional<Path> config, boolean simulate, int pads, Optional<Path> script, Optional<String> broker,
                 Optional<Path> dataDir, boolean help, Optional<String> serial, boolean bootJar,
                 Optional<Path> toyKeyFile, Optional<Integer> metricsPort, Optional<ReaderChip> chip) {

    static final String USAGE = String.join("\n",
            "usage: portal-device --config portal.json",
            "       portal-device --simulate [--pads N] [--chip mfrc522|pn532] [--config portal.json]",
            "                     [--broker tcp://host:port] [--data DIR] [--script FILE] [--serial PORT] [--toy-key-file FILE]",
            "       portal-device --boot-jar (the other options as above)",
            "  --config FILE   the service configuration (JSON); required unless --simulate",
            "  --simulate      chip models stand in for the reader hardware; a console places toys",
            "  --pads N        pads of the simulated portal (default 2; with --config: as many as it lists)",
            "  --chip CHIP     with --simulate and no --config: the pads' reader chip, mfrc522 (default; SPI) or",
            "                  pn532 (its model on a socat pty pair behind the real UART driver); with --config",
            "                  each pad's reader object says",
            "  --script FILE   run console commands from FILE (plus 'sleep MS'), then stop",
            "  --broker URI    MQTT broker for --simulate without --config (default tcp://127.0.0.1:1883)",
            "  --data DIR      outbox, state and firmware for --simulate without --config (default ./var/sim)",
            "  --serial PORT   with --simulate: a serial console on PORT (e.g. one end of a socat pty pair)",
            "  --toy-key-file FILE  with --simulate: the toy key the sample toys are made with (default: the",
            "                  public simulation key, left in DIR/simulation-toy.key); the portal service never",
            "                  reads it: give the host bridge the same key to judge the samples",
            "  --boot-jar      launcher step: settle a crashed firmware update, print the jar to start (an",
            "                  installed update's; nothing: this jar) and exit",
            "  --metrics-port P  serve /metrics (Prometheus text format) for this portal on port P, every",
            "                  interface (default: off)",
            "  --help, -h      this text");

    static Arguments parse(String[] args) {
        Optional<Path> config = Optional.empty();
        Optional<Path> script = Optional.empty();
        Optional<String> broker = Optional.empty();
        Optional<Path> data = Optional.empty();
        boolean simulate = false;
        boolean help = false;
        boolean bootJar = false;
        Optional<String> serial = Optional.empty();
        Optional<Path> toyKey = Optional.empty();
        Optional<ReaderChip> chip = Optional.empty();
        int pads = 2;
        Optional<Integer> metricsPort = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--simulate" -> simulate = true;
                case "--help", "-h" -> help = true;
                case "--boot-jar" -> bootJar = true;
                case "--serial" -> serial = Optional.of(value(args, ++i, a));
                case "--config" -> config = Optional.of(Path.of(value(args, ++i, a)));
                case "--script" -> script = Optional.of(Path.of(value(args, ++i, a)));
                case "--broker" -> broker = Optional.of(value(args, ++i, a));
                case "--data" -> data = Optional.of(Path.of(value(args, ++i, a)));
                case "--toy-key-file" -> toyKey = Optional.of(Path.of(value(args, ++i, a)));
                case "--chip" -> {
                    String v = value(args, ++i, a);
                    chip = Optional.of(ReaderChip.byName(v).orElseThrow(
                            () -> new IllegalArgumentException("--chip must be mfrc522 or pn532, not '" + v + "'")));
                }
                case "--pads" -> {
                    String v = value(args, ++i, a);
                    try {
                        pads = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--pads needs a number, not '" + v + "'");
                    }
                    if (pads < 1 || pads > 8) {
                        throw new IllegalArgumentException("--pads must be 1..8");
                    }
                }
                case "--metrics-port" -> metricsPort = Optional.of(port(value(args, ++i, a)));
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (!simulate && !help && config.isEmpty()) {
            throw new IllegalArgumentException("--config is required (or --simulate)");
        }
        if (!simulate && script.isPresent()) {
            throw new IllegalArgumentException("--script needs --simulate");
        }
        if (!simulate && serial.isPresent()) {
            throw new IllegalArgumentException("--serial needs --simulate (a portal configures serial.port)");
        }
        if (!simulate && toyKey.isPresent()) {
            throw new IllegalArgumentException("--toy-key-file needs --simulate: a portal holds no toy key, the host does");
        }
        if (chip.isPresent() && (!simulate || config.isPresent())) {
            throw new IllegalArgumentException("--chip is for --simulate without --config (a config names each pad's"
                    + " reader)");
        }
        return new Arguments(config, simulate, pads, script, broker, data, help, serial, bootJar, toyKey,
                metricsPort, chip);
    }

    private static int port(String v) {
        try {
            int port = Integer.parseInt(v);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // the message below says what is wanted
        }
        throw new IllegalArgumentException("--metrics-port needs a port number 1..65535, not '" + v + "'");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
