package dev.portal.device.command;

import dev.portal.device.config.RuntimeSettings;

/** What commands may ask of the running service as a whole. */
public interface DeviceControl {
    /** Appends a fresh Birth (after Rebirth, a calibration or a config change). */
    void rebirth();

    /** The runtime settings in force. */
    RuntimeSettings runtime();

    /** Applies and persists new runtime settings (already validated). */
    void applyRuntime(RuntimeSettings settings) throws java.io.IOException;

    /** Persists the pads' calibration after a Calibrate. */
    void calibrationChanged() throws java.io.IOException;

    /** Restarts the service once the pending frames have had a chance to go out. */
    void reboot();
}
