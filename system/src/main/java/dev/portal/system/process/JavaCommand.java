package dev.portal.system.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM on this process's JDK and the system module's class path. */
public final class JavaCommand {
    private JavaCommand() {
    }

    /** The class path: {@code portal.system.classpath} (set by the build for tests), else this JVM's own. */
    public static String classPath() {
        String cp = System.getProperty("portal.system.classpath");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    public static List<String> of(String mainClass, List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        // HiveMQ's Guava (the embedded broker, the MQTT client) touches sun.misc.Unsafe: allowed, as scripts/bridge
        // allows it, without a warning in every child's log.
        if (Runtime.version().feature() >= 24) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(mainClass);
        cmd.addAll(args);
        return cmd;
    }
}
