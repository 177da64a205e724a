package dev.portal.device.sim;

/**
 * Whether the chip models (the hardware-sim module) are on the class path. The service jar leaves them out on
 * purpose, so that no simulation code is ever installed on a portal; {@code --simulate} needs them beside it.
 * Looked up by name: a class that names a model class in its code may fail to load at all without them, which
 * would end the service with a NoClassDefFoundError instead of a hint.
 */
public final class ChipModels {
    /** A model class that every simulated portal uses; ChipModelsTest keeps the name in step with the class. */
    static final String PROBE = "dev.portal.hardware.sim.rf.VirtualPortal";

    /** What to do about it, for a person who typed --simulate. */
    public static final String MISSING = String.join("\n",
            "--simulate needs the chip models (hardware-sim), which this jar leaves out on purpose.",
            "  Start the simulator with scripts/portal-device --simulate (it builds hardware-sim and adds it), or",
            "  java -cp portal-device.jar:hardware-sim/target/hardware-sim-<version>.jar dev.portal.device.DeviceMain"
                    + " --simulate ...");

    private ChipModels() {
    }

    public static boolean onClassPath() {
        try {
            Class.forName(PROBE, false, ChipModels.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
