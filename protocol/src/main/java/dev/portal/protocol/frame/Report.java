package dev.portal.protocol.frame;

/** The typed content of a {@link CommandReport}; its kind byte follows from which record it is. */
public sealed interface Report permits CalibrationReport, ConfigReport {

    default ReportKind kind() {
        return switch (this) {
            case CalibrationReport r -> ReportKind.CALIBRATION;
            case ConfigReport r -> ReportKind.CONFIG;
        };
    }
}
